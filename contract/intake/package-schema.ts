// Intake package, format v1 (DESIGN.md "Intake package"): the intake check's input, whether the
// scanner flow built it or an agent's file holds it. The schema checks structure and types and
// caps every string and array, so a 10 MB name or 100k documents is refused before any rule runs.
// Whether a value is *right* (a check character, a date in range, a name that matches) is for
// the rules: those problems are findings the agent can fix, not unreadable input.
import { z } from 'zod';
import { rulebookBusinesses } from '../businesses.ts';
import { err, ok, type Result } from '../../basics/result.ts';


export const certificateKinds = ['org_code_certificate', 'business_licence', 'tax_registration', 'trade_qualification', 'customs_registration'] as const;
export type CertificateKind = (typeof certificateKinds)[number];

export const formKinds = ['form_enterprise', 'form_ic_card', 'form_tax_clerk_card'] as const;
export type FormKind = (typeof formKinds)[number];

export const documentKinds = [...certificateKinds, 'introduction_letter', 'id_card', ...formKinds, 'contact_proof'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const tradeQualificationVariants = ['import_export_qualification', 'foreign_trade_filing', 'fie_approval', 'tw_hk_mo_approval'] as const;
/** Extension: which of the two customs registrations (seed 000 accepts either). */
export const customsRegistrationVariants = ['self_declaration_registration', 'consignor_consignee_registration'] as const;
export const documentVariants = [...tradeQualificationVariants, ...customsRegistrationVariants] as const;
export type DocumentVariant = (typeof documentVariants)[number];

export const cardTypes = ['legal_person', 'operator', 'tax_clerk'] as const;
export type PackageCardType = (typeof cardTypes)[number];

export const idCardRoles = ['agent', 'legal_person_holder', 'operator_holder', 'tax_clerk_holder', 'new_holder'] as const;
export type IdCardRole = (typeof idCardRoles)[number];

export const stampKinds = ['company_seal', 'eport_review'] as const;
export type StampKind = (typeof stampKinds)[number];

export const documentForms = ['original', 'copy'] as const;
export type DocumentForm = (typeof documentForms)[number];

/** Caps: generous for real papers, small enough that nothing absurd is processed. */
export const limits = {
  name: 200,
  address: 300,
  code: 40,
  date: 32,
  shortText: 100,
  path: 1024,
  documents: 64,
  cards: 32,
  stamps: 8,
  /** The CLI refuses bigger files before parsing: a 10 MB string still gets its field named. */
  fileBytes: 16 * 1024 * 1024,
} as const;

const name = z.string().max(limits.name);
const code = z.string().max(limits.code);
const text = z.string().max(limits.shortText);
/** Dates on papers are checked by the rules (R-FIELD-DATE): a typo is a finding, not unreadable input. */
const paperDate = z.string().max(limits.date);

const isoDate = z
  .string()
  .max(limits.date)
  .refine((value) => parseIsoDate(value) !== null, 'expected a real date as YYYY-MM-DD');

/** The date a paper without an end date carries, as the kiosk writes it (long_term and 永久 are read too). */
export const longTermDate = '长期';

const fieldsSchema = z.object({
  /** The enterprise's name on enterprise papers; the person's name on an id_card. */
  name: name.optional(),
  uscc: code.optional(),
  orgCode: code.optional(),
  legalRepresentative: name.optional(),
  address: z.string().max(limits.address).optional(),
  /** YYYY-MM-DD, or 长期 / long_term for a certificate without an end date. */
  validUntil: paperDate.optional(),
  annualInspection: paperDate.optional(),
  variant: z.enum(documentVariants).optional(),
  /** id_card: the person's ID number. */
  idNumber: code.optional(),
  /** id_card: whose card it is (the same as the document's `role`; either place is read). */
  role: z.enum(idCardRoles).optional(),
  /** introduction_letter: the agent it names. */
  agentName: name.optional(),
  agentIdNumber: code.optional(),
  /** form_ic_card / form_tax_clerk_card: the card holder it registers. */
  holderName: name.optional(),
  holderIdNumber: code.optional(),
  /** contact_proof (seed 000: name, mailing address, postcode, contact, phone, consent to mail the cards). */
  postcode: text.optional(),
  contactName: name.optional(),
  phone: text.optional(),
  consentToMail: z.boolean().optional(),
});

const documentSchema = z.object({
  kind: z.enum(documentKinds),
  form: z.enum(documentForms).optional(),
  stamps: z.array(z.enum(stampKinds)).max(limits.stamps).default([]),
  fields: fieldsSchema.default({}),
  role: z.enum(idCardRoles).optional(),
  image: z.string().max(limits.path).optional(),
});

const cardSchema = z.object({
  type: z.enum(cardTypes),
  /** Absent for a card applied for (new enrolment, the added operator); present for a card brought. */
  cardNo: code.optional(),
  holderName: name.optional(),
  holderIdNumber: code.optional(),
});

export const intakePackageSchema = z.object({
  /** Extension: optional; only 1 exists. */
  version: z.literal(1).optional(),
  business: z.enum(rulebookBusinesses),
  /** The day of the check; absent: today (China time) or the CLI's --date. */
  date: isoDate.optional(),
  agent: z.object({ name: name.optional(), idNumber: code.optional() }).optional(),
  enterprise: z
    .object({
      name: name.optional(),
      uscc: code.optional(),
      orgCode: code.optional(),
      /** Extensions: compared with the papers and the registry when given. */
      legalRepresentative: name.optional(),
      address: z.string().max(limits.address).optional(),
    })
    .optional(),
  cards: z.array(cardSchema).max(limits.cards).default([]),
  documents: z.array(documentSchema).max(limits.documents).default([]),
});

export type IntakePackage = z.infer<typeof intakePackageSchema>;
export type IntakeDocument = IntakePackage['documents'][number];
export type DocumentFields = IntakeDocument['fields'];
export type IntakeCard = IntakePackage['cards'][number];

/** One schema violation, named by its path (`documents[3].fields.name`). */
export interface SchemaProblem {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(the package)' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at = root;
  for (const part of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at;
}

const article = (noun: string): string => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'too_big': {
      const value = valueAt(input, issue.path);
      const size = typeof value === 'string' ? `${value.length} characters` : Array.isArray(value) ? `${value.length} entries` : 'too big';
      const unit = issue.origin === 'string' ? 'characters' : 'entries';
      return `too long: ${size}, at most ${String(issue.maximum)} ${unit}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      const got = value === undefined ? 'nothing (the field is required)' : value === null ? 'null' : Array.isArray(value) ? 'an array' : article(typeof value);
      return `expected ${article(issue.expected)}, got ${got}`;
    }
    case 'too_small':
    case 'invalid_format':
    case 'not_multiple_of':
    case 'unrecognized_keys':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return issue.message;
  }
}

/** The first few problems are enough to fix a package; 100k of them would drown the message. */
const maxProblems = 10;

export function parseIntakePackage(input: unknown): Result<IntakePackage, SchemaProblem[]> {
  const parsed = intakePackageSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.slice(0, maxProblems).map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue, input) })));
}

/** A real calendar date as YYYY-MM-DD, at UTC midnight; null otherwise. */
export function parseIsoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}
