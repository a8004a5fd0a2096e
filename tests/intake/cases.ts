// The rule table: for every rule, packages that break it (per business it applies to) and
// packages that satisfy it. rules.test.ts runs them; registry cases need the sim authority.
import type { FindingDocument } from '../../contract/intake/verdict.ts';
import { certificateKinds, type IntakeDocument, type IntakePackage } from '../../contract/intake/package-schema.ts';
import { type RulebookBusiness } from '../../contract/businesses.ts';
import type { RuleId } from '../../contract/intake/rule-catalogue.ts';
import { cardFixture, fixtureEnterprise } from '../../sim/registry/sim-registry.ts';
import { agent, changedAddress } from './fixture-packages.ts';

export const all: readonly RulebookBusiness[] = ['new_enrolment', 'change', 'renewal', 'change_renewal', 'card_replacement', 'add_operator', 'unlock'];
export const withCertificates: readonly RulebookBusiness[] = ['new_enrolment', 'change', 'renewal', 'change_renewal', 'card_replacement', 'add_operator'];
/** The businesses whose certificate copies carry the review stamp too, with the contact proof: new enrolment and a change (alone or with the renewal). */
export const copiesOnly: readonly RulebookBusiness[] = ['new_enrolment', 'change', 'change_renewal'];
/** The businesses that compare the papers with the registry and want no change of information. */
export const originalsAndCopies: readonly RulebookBusiness[] = ['renewal', 'card_replacement', 'add_operator'];
export const withOriginals: readonly RulebookBusiness[] = [...originalsAndCopies, 'change_renewal'];
export const changes: readonly RulebookBusiness[] = ['change', 'change_renewal'];
export const cardsBrought: readonly RulebookBusiness[] = ['change', 'renewal', 'change_renewal', 'card_replacement', 'add_operator', 'unlock'];

export interface Expected {
  document?: FindingDocument;
  field?: string;
}

export interface BreakCase {
  rule: RuleId;
  name: string;
  businesses: readonly RulebookBusiness[];
  mutate: (pkg: IntakePackage) => void;
  /** Where the finding must point, computed on the mutated package. */
  expect?: (pkg: IntakePackage) => Expected;
  registry?: true;
}

export interface PassCase {
  name: string;
  /** The rules the variant exercises: none of them may report an error. */
  rules: RuleId[];
  businesses: readonly RulebookBusiness[];
  mutate: (pkg: IntakePackage) => void;
  registry?: true;
}

type Match = { kind: IntakeDocument['kind']; form?: IntakeDocument['form']; role?: IntakeDocument['role'] };

export function indexOf(pkg: IntakePackage, match: Match): number {
  const index = pkg.documents.findIndex((d) => d.kind === match.kind && (match.form === undefined || d.form === match.form) && (match.role === undefined || d.role === match.role));
  if (index < 0) throw new Error(`no ${JSON.stringify(match)} in the package`);
  return index;
}

export function docOf(pkg: IntakePackage, match: Match): IntakeDocument {
  return pkg.documents[indexOf(pkg, match)]!;
}

export function at(pkg: IntakePackage, match: Match): Expected {
  const index = indexOf(pkg, match);
  const doc = pkg.documents[index]!;
  return { document: { kind: doc.kind, index, ...(doc.form !== undefined && { form: doc.form }) } };
}

function drop(pkg: IntakePackage, match: Match): void {
  pkg.documents.splice(indexOf(pkg, match), 1);
}

function dropAll(pkg: IntakePackage, kind: IntakeDocument['kind']): void {
  pkg.documents = pkg.documents.filter((d) => d.kind !== kind);
}

const copy = (kind: IntakeDocument['kind']): Match => ({ kind, form: 'copy' });
const agentOriginal: Match = { kind: 'id_card', form: 'original', role: 'agent' };
const letter: Match = { kind: 'introduction_letter' };
const otherUscc = '91330100716105852F';
/** A valid organisation code that is not the fixture enterprise's. */
const otherOrgCode = '123456788';
/** Valid USCC check character, but characters 9–17 fail GB 11714. */
const usccWithBadOrgCode = '91350200MA2Y7K3Q7J';
const otherPerson = { name: '王五', idNumber: '350204197511110024' };

function setEverywhere(pkg: IntakePackage, field: 'address' | 'name', value: string): void {
  if (pkg.enterprise !== undefined) pkg.enterprise[field] = value;
  for (const d of pkg.documents) if (d.kind !== 'id_card' && d.kind !== 'contact_proof' && d.fields[field] !== undefined) d.fields[field] = value;
}

export const breakCases: BreakCase[] = [
  { rule: 'R-ENTERPRISE-MISSING', name: 'no enterprise', businesses: all, mutate: (p) => { delete p.enterprise; }, expect: () => ({ field: 'enterprise' }) },
  { rule: 'R-ENTERPRISE-MISSING', name: 'no USCC and no organisation code', businesses: all, mutate: (p) => { delete p.enterprise!.uscc; delete p.enterprise!.orgCode; }, expect: () => ({ field: 'enterprise.uscc' }) },
  { rule: 'R-AGENT-MISSING', name: "no agent's ID number", businesses: all, mutate: (p) => { delete p.agent!.idNumber; }, expect: () => ({ field: 'agent.idNumber' }) },
  { rule: 'R-AGENT-MISSING', name: 'no agent', businesses: all, mutate: (p) => { delete p.agent; }, expect: () => ({ field: 'agent' }) },
  { rule: 'R-FIELD-MISSING', name: 'licence copy without its annual inspection', businesses: withCertificates, mutate: (p) => { delete docOf(p, copy('business_licence')).fields.annualInspection; }, expect: (p) => ({ ...at(p, copy('business_licence')), field: 'fields.annualInspection' }) },
  { rule: 'R-FIELD-MISSING', name: 'certificate not saying original or copy', businesses: withCertificates, mutate: (p) => { delete docOf(p, copy('customs_registration')).form; }, expect: (p) => ({ document: { kind: 'customs_registration', index: p.documents.findIndex((d) => d.form === undefined) }, field: 'form' }) },
  { rule: 'R-FIELD-MISSING', name: "agent's ID card without the number", businesses: all, mutate: (p) => { delete docOf(p, agentOriginal).fields.idNumber; }, expect: (p) => ({ ...at(p, agentOriginal), field: 'fields.idNumber' }) },
  { rule: 'R-FIELD-MISSING', name: 'contact proof without a phone number', businesses: copiesOnly, mutate: (p) => { delete docOf(p, { kind: 'contact_proof' }).fields.phone; }, expect: (p) => ({ ...at(p, { kind: 'contact_proof' }), field: 'fields.phone' }) },
  { rule: 'R-FIELD-MISSING', name: 'introduction letter naming no agent', businesses: all, mutate: (p) => { delete docOf(p, letter).fields.agentName; }, expect: (p) => ({ ...at(p, letter), field: 'fields.agentName' }) },
  { rule: 'R-FIELD-DATE', name: 'inspection date written 2026/03/01', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('business_licence')).fields.annualInspection = '2026/03/01'), expect: (p) => ({ ...at(p, copy('business_licence')), field: 'fields.annualInspection' }) },
  { rule: 'R-FIELD-DATE', name: 'valid until 30 February', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('trade_qualification')).fields.validUntil = '2027-02-30'), expect: (p) => ({ ...at(p, copy('trade_qualification')), field: 'fields.validUntil' }) },
  { rule: 'R-FIELD-DATE', name: "agent's ID card valid until month 13", businesses: all, mutate: (p) => void (docOf(p, agentOriginal).fields.validUntil = '2030-13-01'), expect: (p) => ({ ...at(p, agentOriginal), field: 'fields.validUntil' }) },
  { rule: 'R-DOC-VARIANT', name: 'a customs paper as trade qualification', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('trade_qualification')).fields.variant = 'self_declaration_registration'), expect: (p) => ({ ...at(p, copy('trade_qualification')), field: 'fields.variant' }) },
  { rule: 'R-DOC-VARIANT', name: 'a trade paper as customs registration', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('customs_registration')).fields.variant = 'fie_approval'), expect: (p) => at(p, copy('customs_registration')) },
  { rule: 'R-DOC-MISSING', name: 'no customs registration', businesses: withCertificates, mutate: (p) => dropAll(p, 'customs_registration'), expect: () => ({ document: { kind: 'customs_registration' } }) },
  { rule: 'R-DOC-MISSING', name: 'no trade qualification', businesses: withCertificates, mutate: (p) => dropAll(p, 'trade_qualification'), expect: () => ({ document: { kind: 'trade_qualification' } }) },
  { rule: 'R-DOC-MISSING', name: 'no business licence', businesses: withCertificates, mutate: (p) => dropAll(p, 'business_licence'), expect: () => ({ document: { kind: 'business_licence' } }) },
  {
    rule: 'R-DOC-MISSING',
    name: 'a licence without a USCC does not stand in for the organisation code certificate',
    businesses: withCertificates,
    mutate: (p) => { for (const d of p.documents) if (d.kind === 'business_licence') delete d.fields.uscc; },
    expect: () => ({ document: { kind: 'org_code_certificate' } }),
  },
  {
    rule: 'R-DOC-MISSING',
    name: 'a licence without a USCC does not stand in for the tax registration',
    businesses: withCertificates,
    mutate: (p) => { for (const d of p.documents) if (d.kind === 'business_licence') delete d.fields.uscc; },
    expect: () => ({ document: { kind: 'tax_registration' } }),
  },
  { rule: 'R-DOC-MISSING', name: 'no introduction letter', businesses: all, mutate: (p) => dropAll(p, 'introduction_letter'), expect: () => ({ document: { kind: 'introduction_letter' } }) },
  { rule: 'R-DOC-MISSING', name: 'no form 1', businesses: ['new_enrolment'], mutate: (p) => dropAll(p, 'form_enterprise'), expect: () => ({ document: { kind: 'form_enterprise' } }) },
  { rule: 'R-DOC-MISSING', name: 'no form 3', businesses: ['new_enrolment'], mutate: (p) => dropAll(p, 'form_tax_clerk_card'), expect: () => ({ document: { kind: 'form_tax_clerk_card' } }) },
  { rule: 'R-DOC-MISSING', name: 'no form 2 for the added operator', businesses: ['add_operator'], mutate: (p) => dropAll(p, 'form_ic_card'), expect: () => ({ document: { kind: 'form_ic_card' } }) },
  { rule: 'R-DOC-MISSING', name: 'no contact proof', businesses: copiesOnly, mutate: (p) => dropAll(p, 'contact_proof'), expect: () => ({ document: { kind: 'contact_proof' } }) },
  { rule: 'R-DOC-ORIGINAL-MISSING', name: 'only a copy of the trade qualification', businesses: withOriginals, mutate: (p) => drop(p, { kind: 'trade_qualification', form: 'original' }), expect: () => ({ document: { kind: 'trade_qualification', form: 'original' } }) },
  {
    rule: 'R-DOC-COPY-MISSING',
    name: 'no copy of the licence',
    businesses: withCertificates,
    mutate: (p) => { for (const d of p.documents) if (d.kind === 'business_licence') d.form = 'original'; },
    expect: () => ({ document: { kind: 'business_licence', form: 'copy' } }),
  },
  {
    rule: 'R-DOC-UNEXPECTED',
    name: 'a certificate for a business that needs none',
    businesses: ['unlock'],
    mutate: (p) => p.documents.push({ kind: 'business_licence', form: 'copy', stamps: [], fields: { name: fixtureEnterprise.name } }),
    expect: (p) => at(p, copy('business_licence')),
  },
  {
    rule: 'R-DOC-UNEXPECTED',
    name: "someone else's ID card",
    businesses: all,
    mutate: (p) => p.documents.push({ kind: 'id_card', form: 'copy', stamps: [], fields: otherPerson }),
    expect: (p) => ({ document: { kind: 'id_card', index: p.documents.length - 1, form: 'copy' } }),
  },
  {
    rule: 'R-DOC-UNEXPECTED',
    name: 'a contact proof for a business that does not ask for one',
    businesses: originalsAndCopies,
    mutate: (p) => p.documents.push({ kind: 'contact_proof', form: 'original', stamps: ['company_seal'], fields: { name: fixtureEnterprise.name } }),
    expect: (p) => at(p, { kind: 'contact_proof' }),
  },
  { rule: 'R-STAMP-COMPANY-SEAL', name: 'licence copy without the company seal', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('business_licence')).stamps = ['eport_review']), expect: (p) => ({ ...at(p, copy('business_licence')), field: 'stamps' }) },
  { rule: 'R-STAMP-COMPANY-SEAL', name: 'introduction letter without the company seal', businesses: all, mutate: (p) => void (docOf(p, letter).stamps = []), expect: (p) => at(p, letter) },
  { rule: 'R-STAMP-COMPANY-SEAL', name: 'form 1 without the company seal', businesses: ['new_enrolment'], mutate: (p) => void (docOf(p, { kind: 'form_enterprise' }).stamps = []), expect: (p) => at(p, { kind: 'form_enterprise' }) },
  { rule: 'R-STAMP-COMPANY-SEAL', name: 'form 2 without the company seal', businesses: ['add_operator'], mutate: (p) => void (docOf(p, { kind: 'form_ic_card' }).stamps = []), expect: (p) => at(p, { kind: 'form_ic_card' }) },
  { rule: 'R-STAMP-COMPANY-SEAL', name: 'contact proof without the company seal', businesses: copiesOnly, mutate: (p) => void (docOf(p, { kind: 'contact_proof' }).stamps = []), expect: (p) => at(p, { kind: 'contact_proof' }) },
  { rule: 'R-STAMP-EPORT-REVIEW', name: 'trade qualification copy without the review stamp', businesses: copiesOnly, mutate: (p) => void (docOf(p, copy('trade_qualification')).stamps = ['company_seal']), expect: (p) => ({ ...at(p, copy('trade_qualification')), field: 'stamps' }) },
  { rule: 'R-CONTACT-CONSENT', name: 'no consent to mail the cards', businesses: copiesOnly, mutate: (p) => void (docOf(p, { kind: 'contact_proof' }).fields.consentToMail = false), expect: (p) => ({ ...at(p, { kind: 'contact_proof' }), field: 'fields.consentToMail' }) },
  { rule: 'R-CERT-INSPECTION', name: 'inspected 12 months and a day ago', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('customs_registration')).fields.annualInspection = '2025-11-21'), expect: (p) => ({ ...at(p, copy('customs_registration')), field: 'fields.annualInspection' }) },
  { rule: 'R-CERT-INSPECTION', name: 'inspected after the package date', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('business_licence')).fields.annualInspection = '2026-11-23'), expect: (p) => at(p, copy('business_licence')) },
  { rule: 'R-DOC-EXPIRED', name: 'trade qualification expired the day before', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('trade_qualification')).fields.validUntil = '2026-11-21'), expect: (p) => ({ ...at(p, copy('trade_qualification')), field: 'fields.validUntil' }) },
  { rule: 'R-DOC-EXPIRED', name: "agent's ID card expired", businesses: all, mutate: (p) => void (docOf(p, agentOriginal).fields.validUntil = '2026-01-01'), expect: (p) => at(p, agentOriginal) },
  { rule: 'R-CONSISTENCY-NAME', name: 'another name on the customs registration', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('customs_registration')).fields.name = '厦门海韵贸易有限公司'), expect: (p) => ({ ...at(p, copy('customs_registration')), field: 'fields.name' }) },
  { rule: 'R-CONSISTENCY-NAME', name: 'another name on the contact proof', businesses: copiesOnly, mutate: (p) => void (docOf(p, { kind: 'contact_proof' }).fields.name = '厦门海韵贸易有限公司'), expect: (p) => at(p, { kind: 'contact_proof' }) },
  { rule: 'R-CONSISTENCY-NAME', name: 'another name on form 2', businesses: ['new_enrolment', 'add_operator'], mutate: (p) => void (docOf(p, { kind: 'form_ic_card' }).fields.name = '厦门海韵贸易有限公司'), expect: (p) => at(p, { kind: 'form_ic_card' }) },
  { rule: 'R-CONSISTENCY-CODE', name: 'another USCC on the licence copy', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('business_licence')).fields.uscc = otherUscc), expect: (p) => ({ ...at(p, copy('business_licence')), field: 'fields.uscc' }) },
  {
    rule: 'R-CONSISTENCY-CODE',
    name: 'another organisation code on the organisation code certificate',
    businesses: withCertificates,
    mutate: (p) => p.documents.push({ kind: 'org_code_certificate', form: 'copy', stamps: ['company_seal', 'eport_review'], fields: { name: fixtureEnterprise.name, orgCode: otherOrgCode, validUntil: '2030-01-01', annualInspection: '2026-03-01' } }),
    expect: (p) => ({ ...at(p, copy('org_code_certificate')), field: 'fields.orgCode' }),
  },
  { rule: 'R-CONSISTENCY-LEGAL-REP', name: 'another legal representative on the licence copy', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('business_licence')).fields.legalRepresentative = '陈海锋'), expect: (p) => ({ ...at(p, copy('business_licence')), field: 'fields.legalRepresentative' }) },
  { rule: 'R-CONSISTENCY-LEGAL-REP', name: 'another legal representative on form 1', businesses: ['new_enrolment'], mutate: (p) => void (docOf(p, { kind: 'form_enterprise' }).fields.legalRepresentative = '陈海锋'), expect: (p) => at(p, { kind: 'form_enterprise' }) },
  { rule: 'R-CONSISTENCY-ADDRESS', name: 'another address on the licence copy', businesses: withCertificates, mutate: (p) => void (docOf(p, copy('business_licence')).fields.address = '福建省厦门市思明区鹭江道1号'), expect: (p) => ({ ...at(p, copy('business_licence')), field: 'fields.address' }) },
  { rule: 'R-USCC-FORMAT', name: '17-character USCC', businesses: all, mutate: (p) => void (p.enterprise!.uscc = fixtureEnterprise.uscc.slice(0, 17)), expect: () => ({ field: 'enterprise.uscc' }) },
  { rule: 'R-USCC-FORMAT', name: "USCC with an 'I' on the licence", businesses: withCertificates, mutate: (p) => void (docOf(p, copy('business_licence')).fields.uscc = '91350200MA2Y7K3Q6I'), expect: (p) => ({ ...at(p, copy('business_licence')), field: 'fields.uscc' }) },
  { rule: 'R-USCC-CHECK', name: 'wrong USCC check character', businesses: all, mutate: (p) => void (p.enterprise!.uscc = '91350200MA2Y7K3Q6E'), expect: () => ({ field: 'enterprise.uscc' }) },
  { rule: 'R-USCC-ORG-CODE', name: 'USCC 9–17 not the organisation code', businesses: all, mutate: (p) => void (p.enterprise!.orgCode = otherOrgCode), expect: () => ({ field: 'enterprise.orgCode' }) },
  {
    rule: 'R-USCC-ORG-CODE',
    name: 'organisation code certificate not matching the licence USCC',
    businesses: withCertificates,
    mutate: (p) => {
      delete p.enterprise!.orgCode;
      p.documents.push({ kind: 'org_code_certificate', form: 'copy', stamps: ['company_seal', 'eport_review'], fields: { name: fixtureEnterprise.name, orgCode: otherOrgCode, validUntil: '2030-01-01', annualInspection: '2026-03-01' } });
    },
    expect: (p) => at(p, copy('org_code_certificate')),
  },
  { rule: 'R-ORG-CODE-FORMAT', name: '8-character organisation code', businesses: all, mutate: (p) => void (p.enterprise!.orgCode = 'MA2Y7K3Q'), expect: () => ({ field: 'enterprise.orgCode' }) },
  { rule: 'R-ORG-CODE-CHECK', name: 'wrong organisation code check digit', businesses: all, mutate: (p) => void (p.enterprise!.orgCode = 'MA2Y7K3Q7'), expect: () => ({ field: 'enterprise.orgCode' }) },
  { rule: 'R-ORG-CODE-CHECK', name: 'USCC whose characters 9–17 fail their check digit', businesses: all, mutate: (p) => { p.enterprise!.uscc = usccWithBadOrgCode; delete p.enterprise!.orgCode; }, expect: () => ({ field: 'enterprise.uscc' }) },
  { rule: 'R-ID-FORMAT', name: '16-digit agent ID number', businesses: all, mutate: (p) => void (p.agent!.idNumber = '3502041980010901'), expect: () => ({ field: 'agent.idNumber' }) },
  { rule: 'R-ID-FORMAT', name: 'ID number from no province', businesses: all, mutate: (p) => void (p.agent!.idNumber = '990204198001090116'), expect: () => ({ field: 'agent.idNumber' }) },
  { rule: 'R-ID-BIRTH-DATE', name: 'born on 30 February', businesses: all, mutate: (p) => void (p.agent!.idNumber = '350204198002300115'), expect: () => ({ field: 'agent.idNumber' }) },
  { rule: 'R-ID-BIRTH-DATE', name: 'born after the package date', businesses: all, mutate: (p) => void (p.agent!.idNumber = '350204202701010116'), expect: () => ({ field: 'agent.idNumber' }) },
  { rule: 'R-ID-CHECK', name: 'wrong ID check character', businesses: all, mutate: (p) => void (p.agent!.idNumber = '350204198001090118'), expect: () => ({ field: 'agent.idNumber' }) },
  { rule: 'R-ID-CHECK', name: "wrong check character on a holder's card entry", businesses: ['new_enrolment'], mutate: (p) => void (p.cards[1]!.holderIdNumber = '350204199006120029'), expect: () => ({ field: 'cards[1].holderIdNumber' }) },
  { rule: 'R-CARD-NUMBER', name: 'card number with a wrong Luhn digit', businesses: cardsBrought, mutate: (p) => void (p.cards[0]!.cardNo = p.cards[0]!.cardNo!.slice(0, 15) + String((Number(p.cards[0]!.cardNo!.slice(15)) + 1) % 10)), expect: () => ({ field: 'cards[0].cardNo' }) },
  { rule: 'R-AGENT-ID-CARD', name: "no original of the agent's ID card", businesses: all, mutate: (p) => drop(p, agentOriginal), expect: () => ({ document: { kind: 'id_card', form: 'original' } }) },
  { rule: 'R-AGENT-ID-CARD', name: "no copy of the agent's ID card", businesses: all, mutate: (p) => drop(p, { kind: 'id_card', form: 'copy', role: 'agent' }), expect: () => ({ document: { kind: 'id_card', form: 'copy' } }) },
  { rule: 'R-AGENT-ID-MATCH', name: "agent's ID card shows another name", businesses: all, mutate: (p) => void (docOf(p, agentOriginal).fields.name = '许文斌'), expect: (p) => ({ ...at(p, agentOriginal), field: 'fields.name' }) },
  { rule: 'R-AGENT-ID-MATCH', name: "agent's ID card shows another number", businesses: all, mutate: (p) => void (docOf(p, agentOriginal).fields.idNumber = otherPerson.idNumber), expect: (p) => ({ ...at(p, agentOriginal), field: 'fields.idNumber' }) },
  { rule: 'R-INTRO-LETTER-AGENT', name: 'letter names someone else', businesses: all, mutate: (p) => void (docOf(p, letter).fields.agentName = otherPerson.name), expect: (p) => ({ ...at(p, letter), field: 'fields.agentName' }) },
  { rule: 'R-INTRO-LETTER-AGENT', name: "letter gives another ID number", businesses: all, mutate: (p) => void (docOf(p, letter).fields.agentIdNumber = otherPerson.idNumber), expect: (p) => ({ ...at(p, letter), field: 'fields.agentIdNumber' }) },
  { rule: 'R-INTRO-LETTER-ENTERPRISE', name: 'letter from another enterprise', businesses: all, mutate: (p) => void (docOf(p, letter).fields.name = '厦门鹭岛物流有限公司'), expect: (p) => ({ ...at(p, letter), field: 'fields.name' }) },
  { rule: 'R-HOLDER-ID-COPY', name: "no copy of the operator's ID card", businesses: ['new_enrolment'], mutate: (p) => drop(p, { kind: 'id_card', role: 'operator_holder' }), expect: () => ({ document: { kind: 'id_card', form: 'copy' }, field: 'cards[1]' }) },
  { rule: 'R-HOLDER-ID-COPY', name: "no copy of the legal-person card holder's ID card", businesses: ['new_enrolment'], mutate: (p) => drop(p, { kind: 'id_card', role: 'legal_person_holder' }), expect: () => ({ field: 'cards[0]' }) },
  { rule: 'R-HOLDER-ID-COPY', name: "no copy of the new holder's ID card", businesses: ['add_operator'], mutate: (p) => drop(p, { kind: 'id_card', role: 'new_holder' }), expect: () => ({ field: 'cards[1]' }) },
  {
    rule: 'R-OPERATOR-TAX-CLERK',
    name: 'the operator is also the tax clerk',
    businesses: ['new_enrolment'],
    mutate: (p) => {
      const operator = cardFixture('operator')!.holder;
      p.cards[2] = { type: 'tax_clerk', holderName: operator.name, holderIdNumber: operator.idNumber };
    },
    expect: () => ({ field: 'cards[2]' }),
  },
  {
    rule: 'R-OPERATOR-TAX-CLERK',
    name: 'the new tax clerk holds an operator card brought',
    businesses: ['add_operator'],
    mutate: (p) => {
      const operator = cardFixture('operator')!;
      p.cards.push({ type: 'operator', cardNo: operator.cardNo, holderName: operator.holder.name, holderIdNumber: operator.holder.idNumber });
      p.cards[1] = { type: 'tax_clerk', holderName: operator.holder.name, holderIdNumber: operator.holder.idNumber };
    },
    expect: () => ({ field: 'cards[1]' }),
  },
  {
    rule: 'R-OPERATOR-TAX-CLERK',
    name: 'the tax-clerk card brought is entered under the operator',
    businesses: changes,
    mutate: (p) => {
      const operator = cardFixture('operator')!.holder;
      const clerk = p.cards.find((c) => c.type === 'tax_clerk')!;
      clerk.holderName = operator.name;
      clerk.holderIdNumber = operator.idNumber;
    },
    expect: (p) => ({ field: `cards[${p.cards.findIndex((c) => c.type === 'tax_clerk')}]` }),
  },
  { rule: 'R-CARD-LEGAL-PERSON', name: 'no legal-person card', businesses: withCertificates, mutate: (p) => void (p.cards = p.cards.filter((c) => c.type !== 'legal_person')), expect: () => ({ field: 'cards' }) },
  { rule: 'R-CARD-NO-MISSING', name: 'a card brought without its number', businesses: cardsBrought, mutate: (p) => { delete p.cards[0]!.cardNo; }, expect: () => ({ field: 'cards[0].cardNo' }) },
  { rule: 'R-CARD-NEW-HOLDER', name: 'no card to add', businesses: ['add_operator'], mutate: (p) => void (p.cards = p.cards.filter((c) => c.cardNo !== undefined)), expect: () => ({ field: 'cards' }) },
  { rule: 'R-CARD-NEW-HOLDER', name: 'the card to add names no holder', businesses: ['add_operator'], mutate: (p) => { delete p.cards[1]!.holderName; }, expect: () => ({ field: 'cards' }) },
  { rule: 'R-CARD-UNLOCK', name: 'no card to unlock', businesses: ['unlock'], mutate: (p) => void (p.cards = []), expect: () => ({ field: 'cards' }) },
  { rule: 'R-CARD-UNLOCK', name: 'two cards in one unlock', businesses: ['unlock'], mutate: (p) => void p.cards.push({ type: 'legal_person', cardNo: cardFixture('legal-person')!.cardNo }), expect: () => ({ field: 'cards' }) },
  { rule: 'R-CARD-DUPLICATE', name: 'a card listed twice', businesses: cardsBrought, mutate: (p) => void p.cards.push({ ...p.cards[0]! }), expect: (p) => ({ field: `cards[${p.cards.length - 1}].cardNo` }) },

  // --registry: the simulated authority seeded with the fixtures.
  { rule: 'R-REG-UNAVAILABLE', name: 'the registry does not answer', businesses: cardsBrought, registry: true, mutate: () => undefined, expect: () => ({ field: 'cards[0].cardNo' }) },
  { rule: 'R-REG-NO-CARD', name: 'no card number to look up', businesses: cardsBrought, registry: true, mutate: (p) => { for (const c of p.cards) delete c.cardNo; }, expect: () => ({ field: 'cards' }) },
  { rule: 'R-REG-CARD-UNKNOWN', name: 'a card the registry does not know', businesses: cardsBrought, registry: true, mutate: (p) => void (p.cards[0]!.cardNo = '8135020000000991'), expect: () => ({ field: 'cards[0].cardNo' }) },
  {
    rule: 'R-REG-CARD-OTHER-ENTERPRISE',
    name: "another enterprise's card among the cards",
    businesses: ['change', 'renewal', 'change_renewal', 'card_replacement', 'add_operator'],
    registry: true,
    mutate: (p) => void p.cards.push({ type: 'operator', cardNo: cardFixture('technician')!.cardNo }),
    expect: (p) => ({ field: `cards[${p.cards.length - 1}].cardNo` }),
  },
  { rule: 'R-REG-CARD-OTHER-ENTERPRISE', name: "unlocking another enterprise's card", businesses: ['unlock'], registry: true, mutate: (p) => void (p.cards = [{ type: 'operator', cardNo: cardFixture('technician')!.cardNo }]), expect: () => ({ field: 'cards' }) },
  { rule: 'R-REG-CHANGE-REQUIRED', name: 'the address moved but the registry has the old one', businesses: originalsAndCopies, registry: true, mutate: (p) => setEverywhere(p, 'address', changedAddress), expect: () => ({ field: 'enterprise.address' }) },
  { rule: 'R-REG-CHANGE-REQUIRED', name: 'the enterprise was renamed', businesses: originalsAndCopies, registry: true, mutate: (p) => setEverywhere(p, 'name', '厦门海韵国际贸易有限公司'), expect: () => ({ field: 'enterprise.name' }) },
  { rule: 'R-REG-CHANGED', name: 'a change of address lists what changes', businesses: changes, registry: true, mutate: () => undefined, expect: () => ({ field: 'enterprise.address' }) },
  { rule: 'R-REG-NO-CHANGE', name: 'a change that changes nothing', businesses: changes, registry: true, mutate: (p) => setEverywhere(p, 'address', fixtureEnterprise.address), expect: () => ({ field: 'enterprise' }) },
  { rule: 'R-REG-CARD-HOLDER', name: "a card entered with another holder's name", businesses: cardsBrought, registry: true, mutate: (p) => void (p.cards[0]!.holderName = '王五'), expect: () => ({ field: 'cards[0]' }) },
  { rule: 'R-REG-CARD-HOLDER', name: 'an operator card entered as a tax-clerk card', businesses: ['unlock'], registry: true, mutate: (p) => void (p.cards[0]!.type = 'tax_clerk'), expect: () => ({ field: 'cards[0]' }) },
  { rule: 'R-REG-CARD-NOT-BROUGHT', name: 'a change without the frozen operator card', businesses: changes, registry: true, mutate: (p) => void (p.cards = p.cards.filter((c) => c.cardNo !== cardFixture('frozen-operator')!.cardNo)), expect: () => ({ field: 'cards' }) },
  {
    rule: 'R-REG-CARD-NOT-LOCKED',
    name: 'unlocking a card the registry lists as frozen',
    businesses: ['unlock'],
    registry: true,
    mutate: (p) => {
      const f = cardFixture('frozen-operator')!;
      p.cards = [{ type: 'operator', cardNo: f.cardNo, holderName: f.holder.name, holderIdNumber: f.holder.idNumber }];
    },
    expect: () => ({ field: 'cards[0]' }),
  },
  ...(['lost-operator'] as const).map((name): BreakCase => ({
    rule: 'R-REG-CARD-NOT-LOCKED',
    name: `unlocking the ${name} card: the counter settles it`,
    businesses: ['unlock'],
    registry: true,
    mutate: (p) => {
      const f = cardFixture(name)!;
      p.cards = [{ type: 'operator', cardNo: f.cardNo, holderName: f.holder.name, holderIdNumber: f.holder.idNumber }];
    },
    expect: () => ({ field: 'cards[0]' }),
  })),
  {
    rule: 'R-REG-CARD-STATUS',
    name: 'renewing a card that already expired',
    businesses: ['renewal'],
    registry: true,
    mutate: (p) => {
      const f = cardFixture('expired-operator')!;
      p.cards[1] = { type: 'operator', cardNo: f.cardNo, holderName: f.holder.name, holderIdNumber: f.holder.idNumber };
    },
    expect: () => ({ field: 'cards[1]' }),
  },
  {
    rule: 'R-REG-CARD-STATUS',
    name: 'every card brought for the change, the expired one among them: the counter decides its renewal',
    businesses: ['change_renewal'],
    registry: true,
    mutate: () => undefined,
    expect: (p) => ({ field: `cards[${p.cards.findIndex((c) => c.cardNo === cardFixture('expired-operator')!.cardNo)}]` }),
  },
  {
    rule: 'R-REG-CARD-STATUS',
    name: 'an expired operator card brought along',
    businesses: ['card_replacement', 'add_operator'],
    registry: true,
    mutate: (p) => {
      const f = cardFixture('expired-operator')!;
      p.cards.push({ type: 'operator', cardNo: f.cardNo, holderName: f.holder.name, holderIdNumber: f.holder.idNumber });
    },
    expect: (p) => ({ field: `cards[${p.cards.length - 1}]` }),
  },
  {
    rule: 'R-OPERATOR-TAX-CLERK',
    name: 'the new operator is the registered tax clerk',
    businesses: ['add_operator'],
    registry: true,
    mutate: (p) => {
      const clerk = cardFixture('tax-clerk')!.holder;
      p.cards[1] = { type: 'operator', holderName: clerk.name, holderIdNumber: clerk.idNumber };
      const copy = docOf(p, { kind: 'id_card', role: 'new_holder' });
      copy.fields = { name: clerk.name, idNumber: clerk.idNumber };
      docOf(p, { kind: 'form_ic_card' }).fields.holderName = clerk.name;
    },
    expect: () => ({ field: 'cards[1]' }),
  },
];

function fiveCertificates(p: IntakePackage): void {
  // The old way: a licence without a USCC, and the organisation code and tax certificates.
  const stamps = p.documents.find((d) => d.kind === 'business_licence' && d.form === 'copy')!.stamps;
  for (const d of p.documents) if (d.kind === 'business_licence') delete d.fields.uscc;
  for (const form of p.business === 'new_enrolment' || p.business === 'change' ? (['copy'] as const) : (['original', 'copy'] as const)) {
    const s = form === 'copy' ? [...stamps] : [];
    p.documents.push(
      { kind: 'org_code_certificate', form, stamps: s, fields: { name: fixtureEnterprise.name, orgCode: 'MA2Y7K3Q-6', validUntil: '2030-01-01', annualInspection: '2026-03-01' } },
      { kind: 'tax_registration', form, stamps: s, fields: { name: fixtureEnterprise.name, validUntil: '长期', annualInspection: '2026-05-10' } },
    );
  }
}

export const passCases: PassCase[] = [
  { name: 'the five certificates instead of a 三证合一 licence', rules: ['R-DOC-MISSING', 'R-CONSISTENCY-CODE', 'R-USCC-ORG-CODE', 'R-ORG-CODE-FORMAT'], businesses: withCertificates, mutate: fiveCertificates },
  ...(['import_export_qualification', 'fie_approval', 'tw_hk_mo_approval'] as const).map((variant) => ({
    name: `trade qualification: ${variant}`,
    rules: ['R-DOC-VARIANT', 'R-DOC-MISSING'] as RuleId[],
    businesses: withCertificates,
    mutate: (p: IntakePackage) => { for (const d of p.documents) if (d.kind === 'trade_qualification') d.fields.variant = variant; },
  })),
  { name: 'customs registration: self-declaring unit', rules: ['R-DOC-VARIANT'], businesses: withCertificates, mutate: (p) => { for (const d of p.documents) if (d.kind === 'customs_registration') d.fields.variant = 'self_declaration_registration'; } },
  { name: 'inspected exactly 12 months before', rules: ['R-CERT-INSPECTION'], businesses: withCertificates, mutate: (p) => void (docOf(p, copy('customs_registration')).fields.annualInspection = '2025-11-22') },
  { name: 'inspected on the package day', rules: ['R-CERT-INSPECTION'], businesses: withCertificates, mutate: (p) => void (docOf(p, copy('customs_registration')).fields.annualInspection = '2026-11-22') },
  { name: 'valid until the package day', rules: ['R-DOC-EXPIRED'], businesses: withCertificates, mutate: (p) => void (docOf(p, copy('trade_qualification')).fields.validUntil = '2026-11-22') },
  { name: 'valid long-term', rules: ['R-DOC-EXPIRED', 'R-FIELD-DATE'], businesses: withCertificates, mutate: (p) => void (docOf(p, copy('trade_qualification')).fields.validUntil = 'long_term') },
  { name: 'the review stamp is not needed on copies for renewal, replacement, adding', rules: ['R-STAMP-EPORT-REVIEW'], businesses: originalsAndCopies, mutate: (p) => { for (const d of p.documents) d.stamps = d.stamps.filter((s) => s !== 'eport_review'); } },
  { name: 'originals of certificates need no seal', rules: ['R-STAMP-COMPANY-SEAL'], businesses: withOriginals, mutate: (p) => { for (const d of p.documents) if (d.form === 'original' && (certificateKinds as readonly string[]).includes(d.kind)) d.stamps = []; } },
  {
    name: 'spaces, full-width characters and hyphens do not count as differences',
    rules: ['R-CONSISTENCY-NAME', 'R-CONSISTENCY-ADDRESS', 'R-CONSISTENCY-CODE', 'R-USCC-ORG-CODE', 'R-INTRO-LETTER-AGENT'],
    businesses: all,
    mutate: (p) => {
      p.enterprise!.orgCode = 'MA2Y7K3Q-6';
      p.enterprise!.uscc = ` ${fixtureEnterprise.uscc.toLowerCase()} `;
      docOf(p, letter).fields.agentIdNumber = agent.idNumber.toLowerCase();
      docOf(p, letter).fields.agentName = ` ${agent.name} `;
      for (const d of p.documents) if (d.kind === 'business_licence') d.fields.address = `${d.fields.address!.slice(0, 3)} ${d.fields.address!.slice(3).replace('18', '１８')}`;
    },
  },
  { name: "the agent's ID card found by number, without a role", rules: ['R-AGENT-ID-CARD', 'R-DOC-UNEXPECTED'], businesses: all, mutate: (p) => { for (const d of p.documents) if (d.role === 'agent') delete d.role; } },
  { name: "holders' ID copies found by number, without a role", rules: ['R-HOLDER-ID-COPY', 'R-DOC-UNEXPECTED'], businesses: ['new_enrolment', 'add_operator'], mutate: (p) => { for (const d of p.documents) if (d.kind === 'id_card' && d.role !== 'agent') delete d.role; } },
  {
    name: 'adding a tax clerk with form 3',
    rules: ['R-DOC-MISSING', 'R-DOC-UNEXPECTED', 'R-OPERATOR-TAX-CLERK'],
    businesses: ['add_operator'],
    mutate: (p) => {
      p.cards[1]!.type = 'tax_clerk';
      docOf(p, { kind: 'form_ic_card' }).kind = 'form_tax_clerk_card';
    },
  },
  { name: 'a new enrolment with the legal-person card only', rules: ['R-HOLDER-ID-COPY', 'R-CARD-LEGAL-PERSON', 'R-DOC-UNEXPECTED'], businesses: ['new_enrolment'], mutate: (p) => { p.cards = p.cards.slice(0, 1); p.documents = p.documents.filter((d) => d.role !== 'operator_holder' && d.role !== 'tax_clerk_holder'); } },
  { name: 'the agent is also a card holder: their own ID copy counts', rules: ['R-HOLDER-ID-COPY', 'R-DOC-UNEXPECTED'], businesses: ['new_enrolment'], mutate: (p) => { p.cards[1] = { type: 'operator', holderName: agent.name, holderIdNumber: agent.idNumber }; p.documents = p.documents.filter((d) => d.role !== 'operator_holder'); } },
  { name: 'the registry agrees with the papers', rules: ['R-REG-CHANGE-REQUIRED', 'R-REG-CARD-HOLDER', 'R-REG-CARD-UNKNOWN', 'R-REG-CARD-NOT-LOCKED', 'R-REG-CARD-NOT-BROUGHT'], businesses: all, registry: true, mutate: () => undefined },
  ...(['operator', 'expired-operator'] as const).map((name): PassCase => ({
    // The PIN blocked on the card; the registry still says active, or only that the certificate expired (issue 15).
    name: `unlocking the ${name} card: the card's retry counter is the truth, not the registry`,
    rules: ['R-REG-CARD-NOT-LOCKED'],
    businesses: ['unlock'],
    registry: true,
    mutate: (p) => {
      const f = cardFixture(name)!;
      p.cards = [{ type: 'operator', cardNo: f.cardNo, holderName: f.holder.name, holderIdNumber: f.holder.idNumber }];
    },
  })),
  { name: 'a change of address needs no change first: the differences are expected', rules: ['R-REG-CHANGE-REQUIRED'], businesses: changes, registry: true, mutate: () => undefined },
  {
    name: 'adding an operator who is not the tax clerk',
    rules: ['R-OPERATOR-TAX-CLERK'],
    businesses: ['add_operator'],
    registry: true,
    mutate: () => undefined,
  },
];
