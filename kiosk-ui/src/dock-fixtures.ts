// The simulator's fixture cards the dev dock can insert. Only the names (contract/sim-fixture-names.ts):
// the fixture data (PINs, ID numbers) stays in sim/ and out of the UI bundle.
import { fixtureNames, type FixtureName } from '../../contract/sim-fixture-names.ts';
import type { MessageKey } from './i18n.ts';

/** Every fixture card, in the simulator's order (the exhaustive switch below names each). */
export const dockFixtures = fixtureNames;

export function fixtureKey(fixture: FixtureName): MessageKey {
  switch (fixture) {
    case 'legal-person':
      return 'fixture.legalPerson';
    case 'operator':
      return 'fixture.operator';
    case 'tax-clerk':
      return 'fixture.taxClerk';
    case 'locked-operator':
      return 'fixture.lockedOperator';
    case 'expiring-operator':
      return 'fixture.expiringOperator';
    case 'expired-operator':
      return 'fixture.expiredOperator';
    case 'frozen-operator':
      return 'fixture.frozenOperator';
    case 'lost-operator':
      return 'fixture.lostOperator';
    case 'technician':
      return 'fixture.technician';
    case 'new-operator':
      return 'fixture.newOperator';
    case 'invalidated-operator':
      return 'fixture.invalidatedOperator';
    case 'new-technician':
      return 'fixture.newTechnician';
  }
}
