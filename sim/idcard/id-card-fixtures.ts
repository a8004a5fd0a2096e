// The simulator's resident ID cards: the people of the simulator's registry (so the ID numbers
// agree with the cards and the authority's records), each with the text their card would carry.
// Birth date and sex follow from the ID number (GB 11643: digits 7–14, parity of digit 17).
import { nationCodes, sexCodes } from '../../drivers/idcard/gb-codes.ts';
import type { IdCardText } from '../../drivers/idcard/basic-info.ts';
import type { IdCardValidUntil } from '../../contract/devices/id-card-reader.ts';
import { cardFixture, fixtureEnterprise, fixtureServiceCentre, type FixturePerson } from '../registry/sim-registry.ts';

import { idCardFixtureNames, type IdCardFixtureName } from '../../contract/sim-fixture-names.ts';

export { idCardFixtureNames, type IdCardFixtureName };

/** How the module behaves with this card on it. */
export type IdCardFault =
  | 'none'
  /** Found and selected, but READ BASIC INFORMATION fails (SW3 41). */
  | 'readFails'
  /** The module's SAM answers nothing at all. */
  | 'samSilent';

export interface IdCardFixture {
  name: IdCardFixtureName;
  description: string;
  text: IdCardText;
  fault: IdCardFault;
}

function person(found: FixturePerson | undefined, what: string): FixturePerson {
  if (found === undefined) throw new Error(`the simulator's registry has no ${what}`);
  return found;
}

function card(who: FixturePerson, nation: string, address: string, issuingAuthority: string, validFrom: string, validUntil: IdCardValidUntil): IdCardText {
  const id = who.idNumber;
  const sex = Number(id[16]) % 2 === 1 ? '1' : '2';
  return {
    name: who.name,
    sex: { code: sex, label: sexCodes[sex] ?? '' },
    nation: { code: nation, label: nationCodes[nation] ?? '' },
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    address,
    idNumber: id,
    issuingAuthority,
    validFrom,
    validUntil,
  };
}

const until = (date: string): IdCardValidUntil => ({ kind: 'date', date });

const agent = person(fixtureEnterprise.registeredAgents[0], 'registered agent');

export const idCardFixtures: readonly IdCardFixture[] = [
  {
    name: 'agent',
    description: "the simulator's agent (经办人) of the enterprise, valid card",
    text: card(agent, '01', '福建省厦门市思明区湖滨南路101号', '厦门市公安局思明分局', '2015-03-20', until('2035-03-20')),
    fault: 'none',
  },
  {
    name: 'legal-representative',
    description: "the enterprise's legal representative, valid card",
    text: card(fixtureEnterprise.legalRepresentative, '01', '福建省厦门市思明区厦禾路866号', '厦门市公安局思明分局', '2012-05-08', until('2032-05-08')),
    fault: 'none',
  },
  {
    name: 'expired',
    description: 'the operator card holder with an ID card expired in 2024',
    text: card(person(cardFixture('operator')?.holder, 'operator'), '01', '福建省厦门市湖里区江头北路56号', '厦门市公安局湖里分局', '2014-07-15', until('2024-07-15')),
    fault: 'none',
  },
  {
    name: 'long-term',
    description: "the data sub-centre's legal representative, 长期 (long-term) card",
    text: card(fixtureServiceCentre.legalRepresentative, '01', '福建省厦门市湖里区枋湖北二路1号', '厦门市公安局湖里分局', '2022-09-01', { kind: 'longTerm' }),
    fault: 'none',
  },
  {
    name: 'unreadable',
    description: 'the tax-clerk card holder (畲族) whose card is found and selected but fails to read (SW3 41)',
    text: card(person(cardFixture('tax-clerk')?.holder, 'tax clerk'), '22', '福建省宁德市蕉城区八一五中路20号', '宁德市公安局蕉城分局', '2016-11-02', until('2036-11-02')),
    fault: 'readFails',
  },
  {
    name: 'sam-silent',
    description: "the agent's card on a module whose SAM does not answer",
    text: card(agent, '01', '福建省厦门市思明区湖滨南路101号', '厦门市公安局思明分局', '2015-03-20', until('2035-03-20')),
    fault: 'samSilent',
  },
];

export function isIdCardFixtureName(name: string): name is IdCardFixtureName {
  return (idCardFixtureNames as readonly string[]).includes(name);
}

export function idCardFixture(name: IdCardFixtureName): IdCardFixture {
  const found = idCardFixtures.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no ID-card fixture ${name}`);
  return found;
}
