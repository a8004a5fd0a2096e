// Sim.* commands: the dev dock's hands in simulator mode (insert and remove fixture cards).
// In hardware mode they answer unsupportedCommand: nothing can fake a card in a real reader.
import type { SimAuthority } from '../authority/sim-authority.ts';
import { openFixtureCard } from '../../sim/card/card-wallet.ts';
import type { SimCardReader } from '../../sim/card/sim-card-reader.ts';
import { err, ok } from '../result.ts';
import type { CommandHandlers } from '../server/commands.ts';

export interface SimDeps {
  reader: SimCardReader;
  authority: SimAuthority;
  stateDir: string;
}

export function simHandlers(deps: SimDeps | null): Pick<CommandHandlers, 'Sim.InsertCard' | 'Sim.RemoveCard'> {
  const notHere = () =>
    err({ completionCode: 'unsupportedCommand' as const, errorDescription: 'simulator commands need the simulated card reader and the embedded authority' });
  return {
    'Sim.InsertCard': async ({ fixture }) => {
      if (deps === null) return notHere();
      const card = await openFixtureCard({ stateDir: deps.stateDir, authority: deps.authority, fixture });
      if (!card.ok) return err({ completionCode: 'invalidData', errorDescription: card.error });
      deps.reader.insert(card.value);
      return ok({ fixture, cardNo: card.value.cardNo });
    },
    'Sim.RemoveCard': async () => {
      if (deps === null) return notHere();
      const removed = deps.reader.card !== null;
      deps.reader.remove();
      return ok({ removed });
    },
  };
}
