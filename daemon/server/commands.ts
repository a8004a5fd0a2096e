// How a command is executed: a handler per command name, expected failures as values.
import type { CommandEvent, CommandName, CommandPayload, CommandResults } from '../../contract/protocol/catalogue.ts';
import type { Result } from '../../basics/result.ts';
import type { CommandFailure } from '../../contract/protocol/command-outcome.ts';
import type { ConnectionRole } from '../../contract/protocol/roles.ts';

export type { CommandFailure } from '../../contract/protocol/command-outcome.ts';

export interface CommandContext<N extends CommandName = CommandName> {
  /** Aborted on Common.Cancel, on timeout, and when the client disconnects. */
  signal: AbortSignal;
  connectionId: number;
  /** What the connection proved when it opened (contract/protocol/roles.ts). */
  role: ConnectionRole;
  /** The page load it belongs to (a reload keeps it); null for tools and anonymous clients. */
  pageInstance: string | null;
  /** Cancels requests in flight on this connection (all when ids is undefined); returns those canceled. */
  cancel(ids: readonly number[] | undefined): number[];
  /** Sends an intermediate `event` message for this command: its progress (CommandEvents). */
  emit(payload: CommandEvent<N>): void;
}

export type CommandHandlers = {
  [N in CommandName]: (payload: CommandPayload<N>, context: CommandContext<N>) => Promise<Result<CommandResults[N], CommandFailure>>;
};

/** Default time a command may run when the client does not say. */
export const defaultCommandTimeoutMs = 30_000;
