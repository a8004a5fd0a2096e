// The simulator's fixture cards the dev dock can insert. Only the names: the fixture data (PINs,
// ID numbers) stays in sim/ and out of the UI bundle; the type check keeps the list complete.
import type { FixtureName } from '../../sim/fixtures/eport-fixtures.ts';
import type { MessageKey } from './i18n.ts';

export const dockFixtures = [
  'legal-person',
  'operator',
  'tax-clerk',
  'locked-operator',
  'expiring-operator',
  'expired-operator',
  'frozen-operator',
  'lost-operator',
  'technician',
  'new-operator',
] as const satisfies readonly FixtureName[];

/** A compile error names any fixture the simulator has and the dock does not. */
export type MissingFixtures = Exclude<FixtureName, (typeof dockFixtures)[number]>;
export const fixturesComplete: [MissingFixtures] extends [never] ? true : MissingFixtures = true;

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
  }
}
