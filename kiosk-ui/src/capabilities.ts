// Which commands the daemon offers (Common.Capabilities): the technician page and the dev dock
// offer a device test or a simulator control only when the daemon has its command.
import type { Capabilities } from '../../daemon/protocol/catalogue.ts';
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
