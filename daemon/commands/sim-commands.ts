// Sim.* commands: the dev dock's hands in simulator mode (insert and remove fixture cards, walk
// up, open the cabinet, turn the service switch). Without the simulated device they answer
// unsupportedCommand: nothing can fake a card in a real reader or a real tamper switch.
import type { SimAuthority } from '../authority/sim-authority.ts';
import { openFixtureCard } from '../../sim/card/card-wallet.ts';
import type { SimCardReader } from '../../sim/card/sim-card-reader.ts';
import type { SimGpio } from '../../sim/gpio/sim-gpio.ts';
import { err, ok } from '../result.ts';
import type { CommandHandlers } from '../server/commands.ts';

export interface SimDeps {
  reader: SimCardReader | null;
  authority: SimAuthority | null;
  gpio: SimGpio | null;
  stateDir: string;
}

export function simHandlers(deps: SimDeps): Pick<CommandHandlers, 'Sim.InsertCard' | 'Sim.RemoveCard' | 'Sim.SetInput'> {
  const notHere = (what: string) => err({ completionCode: 'unsupportedCommand' as const, errorDescription: `this kiosk has no ${what}` });
  return {
    'Sim.InsertCard': async ({ fixture }) => {
      const { reader, authority } = deps;
      if (reader === null || authority === null) return notHere('simulated card reader with the embedded authority');
      const card = await openFixtureCard({ stateDir: deps.stateDir, authority, fixture });
      if (!card.ok) return err({ completionCode: 'invalidData', errorDescription: card.error });
      reader.insert(card.value);
      return ok({ fixture, cardNo: card.value.cardNo });
    },
    'Sim.RemoveCard': async () => {
      if (deps.reader === null) return notHere('simulated card reader');
      const removed = deps.reader.card !== null;
      deps.reader.remove();
      return ok({ removed });
    },
    'Sim.SetInput': async ({ input, active }) => {
      if (deps.gpio === null) return notHere('simulated GPIO lines');
      deps.gpio.setInput(input, active);
      return ok({ input, active });
    },
  };
}
