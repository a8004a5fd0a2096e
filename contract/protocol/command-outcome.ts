// What a command handler answers, whoever implements it (the daemon's handlers, the simulator's
// dock): the command's result, or a failure with its completion code.
import type { Result } from '../../basics/result.ts';
import type { CommandName, CommandPayload, CommandResults } from './catalogue.ts';
import type { CompletionCode } from './envelope.ts';

export interface CommandFailure {
  completionCode: Exclude<CompletionCode, 'success'>;
  errorDescription: string;
  /** Machine-readable detail for the UI (e.g. the card service's error value). */
  payload?: Record<string, unknown>;
}

export type CommandOutcome<N extends CommandName> = Result<CommandResults[N], CommandFailure>;

/** The dev dock's hands in simulator mode: every command named Sim.*. */
export type SimCommandName = Extract<CommandName, `Sim.${string}`>;

/** A handler for each Sim.* command; the payload is already validated against the catalogue. */
export type SimCommandHandlers = { [N in SimCommandName]: (payload: CommandPayload<N>) => Promise<CommandOutcome<N>> };
