// Which commands the daemon offers (Common.Capabilities): the technician page and the dev dock
// offer a device test or a simulator control only when the daemon has its command.
import type { Capabilities, CommandName } from '../../contract/protocol/catalogue.ts';
import type { WsClient } from './ws-client.ts';

export function commandsOf(capabilities: Capabilities): ReadonlySet<string> {
  return new Set(capabilities.interfaces.flatMap((entry) => entry.commands));
}

/** The daemon's commands, or an empty set when it could not say (nothing is offered then). */
export async function offeredCommands(client: WsClient): Promise<ReadonlySet<string>> {
  const outcome = await client.send('Common.Capabilities', {});
  if (outcome.kind === 'success') return commandsOf(outcome.payload);
  console.warn('capabilities: Common.Capabilities failed', outcome);
  return new Set();
}

/** Whether a panel may offer a command: still asking, offered, or not (yet) in this daemon. */
export type Offer = 'checking' | 'offered' | 'notYet';

export function offerOf(commands: ReadonlySet<string> | null, command: CommandName): Offer {
  if (commands === null) return 'checking';
  return commands.has(command) ? 'offered' : 'notYet';
}
