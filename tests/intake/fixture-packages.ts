// Acceptable intake packages for all six businesses, built from the simulated registry's
// fixtures (sim/registry/sim-registry.ts) so they agree with `--registry`. The committed
// examples under tests/intake/packages/ are these, written out (a test keeps them in step).
import type { IntakeCard, IntakeDocument, IntakePackage, StampKind } from '../../contract/intake/package-schema.ts';
import type { RulebookBusiness } from '../../contract/businesses.ts';
import { cardFixture, fixtureEnterprise, type FixtureName } from '../../sim/registry/sim-registry.ts';

export const packageDate = '2026-11-22';

const e = fixtureEnterprise;
export const agent = e.registeredAgents[0]!;
/** The operator added in the add-operator package: a valid ID number, no card yet. */
export const newOperator = { name: '陈静', idNumber: '350203199308150023' };
/** The enterprise's new address in the change package (the registry still has the old one). */
export const changedAddress = '福建省厦门市湖里区海韵路28号5楼501室';

function certificateFields(address: string): Record<string, Partial<IntakeDocument['fields']>> {
  return {
    business_licence: { name: e.name, uscc: e.uscc, legalRepresentative: e.legalRepresentative.name, address, validUntil: '长期', annualInspection: '2026-03-01' },
    trade_qualification: { name: e.name, variant: 'foreign_trade_filing', validUntil: '2029-06-30', annualInspection: '2026-03-15' },
    customs_registration: { name: e.name, variant: 'consignor_consignee_registration', validUntil: '2028-12-31', annualInspection: '2026-04-20' },
  };
}

function doc(kind: IntakeDocument['kind'], form: IntakeDocument['form'], stamps: StampKind[], fields: IntakeDocument['fields'], role?: IntakeDocument['role']): IntakeDocument {
  return { kind, ...(form !== undefined && { form }), stamps, fields, ...(role !== undefined && { role }) };
}

function certificates(business: RulebookBusiness, address: string): IntakeDocument[] {
  const out: IntakeDocument[] = [];
  for (const [kind, fields] of Object.entries(certificateFields(address)) as [IntakeDocument['kind'], IntakeDocument['fields']][]) {
    if (business === 'new_enrolment' || business === 'change') {
      out.push(doc(kind, 'copy', ['company_seal', 'eport_review'], { ...fields }));
    } else if (business === 'change_renewal') {
      out.push(doc(kind, 'original', [], { ...fields }), doc(kind, 'copy', ['company_seal', 'eport_review'], { ...fields }));
    } else {
      out.push(doc(kind, 'original', [], { ...fields }), doc(kind, 'copy', ['company_seal'], { ...fields }));
    }
  }
  return out;
}

function agentPapers(): IntakeDocument[] {
  return [
    doc('introduction_letter', 'original', ['company_seal'], { name: e.name, agentName: agent.name, agentIdNumber: agent.idNumber }),
    doc('id_card', 'original', [], { name: agent.name, idNumber: agent.idNumber, validUntil: '2035-01-09' }, 'agent'),
    doc('id_card', 'copy', [], { name: agent.name, idNumber: agent.idNumber }, 'agent'),
  ];
}

function contactProof(address: string): IntakeDocument {
  return doc('contact_proof', 'original', ['company_seal'], { name: e.name, address, postcode: '361000', contactName: agent.name, phone: '0592-5551234', consentToMail: true });
}

function brought(name: FixtureName): IntakeCard {
  const f = cardFixture(name)!;
  if (f.cardType === 'technician') throw new Error('not an enterprise card');
  return { type: f.cardType, cardNo: f.cardNo, holderName: f.holder.name, holderIdNumber: f.holder.idNumber };
}

const operator = cardFixture('operator')!.holder;
const taxClerk = cardFixture('tax-clerk')!.holder;

export function acceptablePackage(business: RulebookBusiness): IntakePackage {
  const address = business === 'change' || business === 'change_renewal' ? changedAddress : e.address;
  const base = {
    version: 1 as const,
    business,
    date: packageDate,
    agent: { name: agent.name, idNumber: agent.idNumber },
    enterprise: { name: e.name, uscc: e.uscc, orgCode: e.orgCode, legalRepresentative: e.legalRepresentative.name, address },
  };
  switch (business) {
    case 'new_enrolment':
      return {
        ...base,
        cards: [
          { type: 'legal_person', holderName: e.legalRepresentative.name, holderIdNumber: e.legalRepresentative.idNumber },
          { type: 'operator', holderName: operator.name, holderIdNumber: operator.idNumber },
          { type: 'tax_clerk', holderName: taxClerk.name, holderIdNumber: taxClerk.idNumber },
        ],
        documents: [
          ...certificates(business, address),
          ...agentPapers(),
          doc('form_enterprise', 'original', ['company_seal'], { name: e.name, uscc: e.uscc, legalRepresentative: e.legalRepresentative.name, address }),
          doc('form_ic_card', 'original', ['company_seal'], { name: e.name, holderName: operator.name, holderIdNumber: operator.idNumber }),
          doc('form_tax_clerk_card', 'original', ['company_seal'], { name: e.name, holderName: taxClerk.name, holderIdNumber: taxClerk.idNumber }),
          contactProof(address),
          doc('id_card', 'copy', [], { name: e.legalRepresentative.name, idNumber: e.legalRepresentative.idNumber }, 'legal_person_holder'),
          doc('id_card', 'copy', [], { name: operator.name, idNumber: operator.idNumber }, 'operator_holder'),
          doc('id_card', 'copy', [], { name: taxClerk.name, idNumber: taxClerk.idNumber }, 'tax_clerk_holder'),
        ],
      };
    case 'change':
    case 'change_renewal':
      return {
        ...base,
        // All of the enterprise's cards except the one reported lost.
        cards: (['legal-person', 'operator', 'tax-clerk', 'locked-operator', 'expiring-operator', 'expired-operator', 'frozen-operator', 'new-operator'] as const).map(brought),
        documents: [...certificates(business, address), ...agentPapers(), contactProof(address)],
      };
    case 'renewal':
      return { ...base, cards: [brought('legal-person'), brought('expiring-operator')], documents: [...certificates(business, address), ...agentPapers()] };
    case 'card_replacement':
      return { ...base, cards: [brought('legal-person')], documents: [...certificates(business, address), ...agentPapers()] };
    case 'add_operator':
      return {
        ...base,
        cards: [brought('legal-person'), { type: 'operator', holderName: newOperator.name, holderIdNumber: newOperator.idNumber }],
        documents: [
          ...certificates(business, address),
          ...agentPapers(),
          doc('id_card', 'copy', [], { name: newOperator.name, idNumber: newOperator.idNumber }, 'new_holder'),
          doc('form_ic_card', 'original', ['company_seal'], { name: e.name, holderName: newOperator.name, holderIdNumber: newOperator.idNumber }),
        ],
      };
    case 'unlock':
      return { ...base, cards: [brought('locked-operator')], documents: agentPapers() };
  }
}

export function clone(pkg: IntakePackage): IntakePackage {
  return structuredClone(pkg);
}
