// The Common interface: status, capabilities and cancel, for the UI and diagnostics clients.
import { commandPayloadSchemas, protocolVersion, unsolicitedNames, type KioskStatus } from '../../contract/protocol/catalogue.ts';
import { maxFrameBytes } from '../../contract/protocol/envelope.ts';
import { ok } from '../../basics/result.ts';
import type { CommandHandlers } from '../server/commands.ts';

export function commonHandlers(status: () => KioskStatus): Pick<CommandHandlers, 'Common.Status' | 'Common.Capabilities' | 'Common.Cancel'> {
  return {
    'Common.Status': async () => ok(status()),
    'Common.Capabilities': async () => {
      const byInterface = new Map<string, { commands: string[]; unsolicited: string[] }>();
      const entry = (name: string) => {
        const iface = name.split('.')[0] ?? name;
        let found = byInterface.get(iface);
        if (!found) byInterface.set(iface, (found = { commands: [], unsolicited: [] }));
        return found;
      };
      for (const name of Object.keys(commandPayloadSchemas)) entry(name).commands.push(name);
      for (const name of unsolicitedNames) entry(name).unsolicited.push(name);
      return ok({
        protocolVersion,
        maxFrameBytes,
        interfaces: [...byInterface].map(([name, value]) => ({ name, ...value })),
      });
    },
    'Common.Cancel': async (payload, context) => ok({ canceled: context.cancel(payload.requestIds) }),
  };
}
