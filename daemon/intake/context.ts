// What every rule module gets: the parsed package, the check date, and one way to report a
// finding. Rules are plain functions over this context; the order of the modules is the order
// of the findings.
import type { Finding, FindingDocument } from '../../contract/intake/verdict.ts';
import { maskIdNumber } from '../../basics/redact.ts';
import type { Text } from '../../contract/intake/labels.ts';
import type { DocumentKind, IdCardRole, IntakeCard, IntakeDocument, IntakePackage } from '../../contract/intake/package-schema.ts';
import type { RulebookBusiness } from '../../contract/businesses.ts';
import { ruleCatalogue, type RuleId } from '../../contract/intake/rule-catalogue.ts';

export interface Where {
  document?: number | FindingDocument;
  field?: string;
}

export interface IndexedDocument {
  index: number;
  doc: IntakeDocument;
}

export interface CheckContext {
  pkg: IntakePackage;
  business: RulebookBusiness;
  /** The package date at UTC midnight, and as YYYY-MM-DD. */
  date: Date;
  dateText: string;
  documents: IndexedDocument[];
  report(ruleId: RuleId, message: Text, where?: Where): void;
  findings: Finding[];
}

export function createContext(pkg: IntakePackage, date: Date): CheckContext {
  const findings: Finding[] = [];
  const documents = pkg.documents.map((doc, index) => ({ index, doc }));
  return {
    pkg,
    business: pkg.business,
    date,
    dateText: date.toISOString().slice(0, 10),
    documents,
    findings,
    report(ruleId, message, where = {}) {
      const finding: Finding = { ruleId, severity: ruleCatalogue[ruleId].severity, message: { zh: maskIdsIn(message.zh), en: maskIdsIn(message.en) } };
      if (where.document !== undefined) {
        if (typeof where.document === 'number') {
          const doc = pkg.documents[where.document];
          if (doc !== undefined) finding.document = { kind: doc.kind, index: where.document, ...(doc.form !== undefined && { form: doc.form }) };
        } else {
          finding.document = where.document;
        }
      }
      if (where.field !== undefined) finding.field = where.field;
      findings.push(finding);
    },
  };
}

/** A safety net: a full ID number that slipped into a message is masked all the same. */
function maskIdsIn(text: string): string {
  return text.replace(/\d{17}[\dXx]/g, (match) => maskIdNumber(match));
}

export function documentsOf(ctx: CheckContext, ...kinds: DocumentKind[]): IndexedDocument[] {
  return ctx.documents.filter(({ doc }) => kinds.includes(doc.kind));
}

/** For comparing what people typed or scanned: width (NFKC: （）→ ()), case and spaces do not count. */
export function normaliseText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Codes are also written with a hyphen (12345678-9). */
export function normaliseCode(value: string): string {
  return normaliseText(value).replace(/-/g, '');
}

export function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

export interface Person {
  name?: string;
  idNumber?: string;
}

/** The same person: by ID number when both sides have one, else by name. */
export function samePerson(a: Person, b: Person): boolean {
  if (present(a.idNumber) && present(b.idNumber)) return normaliseCode(a.idNumber) === normaliseCode(b.idNumber);
  if (present(a.name) && present(b.name)) return normaliseText(a.name) === normaliseText(b.name);
  return false;
}

export function cardHolder(card: IntakeCard): Person {
  return { ...(card.holderName !== undefined && { name: card.holderName }), ...(card.holderIdNumber !== undefined && { idNumber: card.holderIdNumber }) };
}

export function idCardPerson(doc: IntakeDocument): Person {
  return { ...(doc.fields.name !== undefined && { name: doc.fields.name }), ...(doc.fields.idNumber !== undefined && { idNumber: doc.fields.idNumber }) };
}

export function declaredRole(doc: IntakeDocument): IdCardRole | undefined {
  return doc.role ?? doc.fields.role;
}

/** The agent's ID card documents: declared so, or (no role given) showing the agent. */
export function agentIdCards(ctx: CheckContext): IndexedDocument[] {
  const agent = ctx.pkg.agent ?? {};
  return documentsOf(ctx, 'id_card').filter(({ doc }) => {
    const role = declaredRole(doc);
    return role === 'agent' || (role === undefined && samePerson(idCardPerson(doc), agent));
  });
}

/** "陈海峰 (350203********4517)": who, without the full number. */
export function describePerson(person: Person): string {
  const name = present(person.name) ? person.name : '?';
  return present(person.idNumber) ? `${name} (${maskIdNumber(person.idNumber.trim())})` : name;
}

export function brief(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
