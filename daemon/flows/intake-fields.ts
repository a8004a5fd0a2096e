// The intake papers' fields as the confirm screen shows them, and back: which fields the agent
// reads off each kind of paper (what the rules compare and require), how each is typed in, the
// values pre-filled from the paper's QR or from papers confirmed before, and the agent's values
// turned into package fields. Pure: the intake flow (intake-flow.ts) holds the state.
import type { CaptureOutcome } from '../../contract/intake/capture.ts';
import { fieldLabelOf, variantLabel } from '../../contract/intake/labels.ts';
import { customsRegistrationVariants, documentVariants, tradeQualificationVariants, type DocumentFields, type DocumentKind } from '../../contract/intake/package-schema.ts';
import { requiredFields } from '../intake/rules/package-fields.ts';
import { isCertain } from '../../contract/intake/paper-reading.ts';
import { licenceQrFields } from '../intake/capture-session.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { FieldChoice, FieldInput, FieldView } from '../../contract/flow-view.ts';
import type { BilingualText } from '../../contract/bilingual-text.ts';
import type { RulebookBusiness } from '../../contract/businesses.ts';

export type FieldKey = Exclude<keyof DocumentFields, 'role'>;
type TextKey = Exclude<FieldKey, 'variant' | 'consentToMail'>;

const extraLabels: Partial<Record<FieldKey, BilingualText>> = {
  agentIdNumber: { zh: '经办人身份证号码', en: "agent's ID number" },
  holderIdNumber: { zh: '持卡人身份证号码', en: "holder's ID number" },
};

/** The fields an agent reads off each kind of paper (what the rules compare and require). */
export function fieldKeys(kind: DocumentKind, business: RulebookBusiness): FieldKey[] {
  const dates: FieldKey[] = ['validUntil', 'annualInspection'];
  switch (kind) {
    case 'business_licence':
      return ['name', 'uscc', 'legalRepresentative', 'address', ...dates];
    case 'org_code_certificate':
      return ['name', 'orgCode', ...dates];
    case 'tax_registration':
      return ['name', 'uscc', ...dates];
    case 'trade_qualification':
    case 'customs_registration':
      return ['variant', 'name', ...dates];
    case 'introduction_letter':
      return ['name', 'agentName', 'agentIdNumber'];
    case 'id_card':
      return ['name', 'idNumber'];
    case 'form_enterprise':
      return ['name', 'uscc'];
    case 'form_ic_card':
    case 'form_tax_clerk_card':
      return business === 'add_operator' ? ['name', 'uscc', 'holderName', 'holderIdNumber'] : ['name', 'uscc'];
    case 'contact_proof':
      return ['name', 'address', 'postcode', 'contactName', 'phone', 'consentToMail'];
  }
}

/**
 * The fields of a scanned paper, pre-filled from its QR, from what OCR read off it, or from what
 * earlier papers said (`known`); ID numbers in full (the paper step masks them on screen). A
 * value OCR read without certainty is marked for the agent's attention.
 */
export function intakeFields(outcome: CaptureOutcome, known: Partial<Record<FieldKey, string>>, business: RulebookBusiness): FieldView[] {
  const { document } = outcome;
  const required: readonly string[] = requiredFields[document.kind];
  return fieldKeys(document.kind, business).map((key): FieldView => {
    const scanned = document.fields[key];
    const fromPaper = typeof scanned === 'string' && scanned !== '' ? scanned : typeof scanned === 'boolean' ? (scanned ? 'yes' : 'no') : undefined;
    const value = fromPaper ?? known[key] ?? '';
    const read = key === 'variant' || key === 'consentToMail' ? undefined : outcome.reading?.fields[key];
    const byOcr = read !== undefined && fromPaper === read.value;
    // Nobody typed these yet: read off the licence's QR or by OCR, or repeated from a paper checked before.
    const fromQr = outcome.prefilledFromQr && (licenceQrFields as readonly string[]).includes(key);
    const source = fromPaper === undefined ? (value !== '' ? 'earlier' : 'none') : fromQr ? 'qr' : byOcr ? 'ocr' : 'earlier';
    const input = inputOf(key);
    const view: FieldView = {
      key,
      label: extraLabels[key] ?? fieldLabelOf(document.kind, key),
      value,
      input,
      required: required.includes(key),
      source,
      ...(source === 'ocr' && read !== undefined && !isCertain(read) && { uncertain: true }),
    };
    return input === 'choice' ? { ...view, choices: choicesOf(key, document.kind) } : view;
  });
}

/**
 * The agent's name and ID number from the chip of their ID card (read on the reader in this
 * session) over what the paper or earlier papers said: on the agent's ID card copy (name,
 * idNumber) and on the introduction letter (agentName, agentIdNumber). Other fields as they were.
 */
export function withChipAgent(fields: FieldView[], kind: DocumentKind, chip: { name: string; idNumber: string }): FieldView[] {
  const fromChip: Partial<Record<string, string>> =
    kind === 'id_card' ? { name: chip.name, idNumber: chip.idNumber } : kind === 'introduction_letter' ? { agentName: chip.name, agentIdNumber: chip.idNumber } : {};
  return fields.map((field) => {
    const value = fromChip[field.key];
    return value === undefined ? field : { ...field, value, source: 'idCard' };
  });
}

function inputOf(key: FieldKey): FieldInput {
  switch (key) {
    case 'uscc':
    case 'orgCode':
    case 'postcode':
    case 'phone':
      return 'code';
    case 'idNumber':
    case 'agentIdNumber':
    case 'holderIdNumber':
      return 'idNumber';
    case 'validUntil':
    case 'annualInspection':
      return 'date';
    case 'variant':
    case 'consentToMail':
      return 'choice';
    case 'name':
    case 'legalRepresentative':
    case 'address':
    case 'agentName':
    case 'holderName':
    case 'contactName':
      return 'text';
  }
}

/** An agent picks a certificate's type or their consent on screen; nobody types an enum value. */
function choicesOf(key: FieldKey, kind: DocumentKind): FieldChoice[] {
  if (key === 'consentToMail') {
    return [
      { value: 'yes', label: { zh: '同意邮寄', en: 'Yes, mail the cards' } },
      { value: 'no', label: { zh: '不同意邮寄', en: 'No, do not mail them' } },
    ];
  }
  if (key !== 'variant') return [];
  const variants = kind === 'customs_registration' ? customsRegistrationVariants : kind === 'trade_qualification' ? tradeQualificationVariants : [];
  return variants.map((variant) => ({ value: variant, label: variantLabel[variant] }));
}

function isVariant(value: string): value is NonNullable<DocumentFields['variant']> {
  return (documentVariants as readonly string[]).includes(value);
}

function consent(value: string): boolean | null {
  const v = value.toLowerCase();
  if (['yes', 'true', 'y', '1', '是', '同意', '有'].includes(v)) return true;
  if (['no', 'false', 'n', '0', '否', '不同意', '无'].includes(v)) return false;
  return null;
}

/**
 * The agent's values (by the key of each field shown) as package fields; an empty one is left
 * out. Err: the keys that are not valid.
 */
export function documentFields(values: Record<string, string>): Result<DocumentFields, string[]> {
  const fields: DocumentFields = {};
  const invalid: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const key = name as FieldKey;
    if (value === '') continue;
    switch (key) {
      case 'variant':
        if (isVariant(value)) fields.variant = value;
        else invalid.push(key);
        break;
      case 'consentToMail': {
        const given = consent(value);
        if (given === null) invalid.push(key);
        else fields.consentToMail = given;
        break;
      }
      case 'name':
      case 'uscc':
      case 'orgCode':
      case 'legalRepresentative':
      case 'address':
      case 'validUntil':
      case 'annualInspection':
      case 'idNumber':
      case 'agentName':
      case 'agentIdNumber':
      case 'holderName':
      case 'holderIdNumber':
      case 'postcode':
      case 'contactName':
      case 'phone':
        setText(fields, key, value);
        break;
    }
  }
  return invalid.length > 0 ? err(invalid) : ok(fields);
}

function setText(fields: DocumentFields, key: TextKey, value: string): void {
  fields[key] = value;
}
