// What the kiosk read off a scanned paper by OCR (docs/ocr.md): which paper it looks like and
// its fields, each with a confidence. The intake package fields (format v1) and a few the papers
// print besides (an ID card's sex and birth date, its back's issuing authority and validity,
// the licence's establishment date, the customs code), which `kiosk intake read` prints too.
import type { DocumentForm, DocumentKind, DocumentVariant } from './package-schema.ts';

export const readFieldKeys = [
  'name',
  'uscc',
  'orgCode',
  'legalRepresentative',
  'address',
  'validUntil',
  'annualInspection',
  'idNumber',
  'agentName',
  'agentIdNumber',
  'holderName',
  'holderIdNumber',
  'postcode',
  'contactName',
  'phone',
  // Printed on the papers, not package fields:
  'sex',
  'nation',
  'birthDate',
  'issuingAuthority',
  'validFrom',
  'establishedOn',
  'customsCode',
] as const;
export type ReadFieldKey = (typeof readFieldKeys)[number];

export interface ReadField {
  value: string;
  /** 0…1: the weakest character's probability, capped when a check fails. */
  confidence: number;
  /** The value fails its check character (USCC, organisation code, ID number): a suggestion only. */
  checkFailed?: true;
}

export type ReadFields = Partial<Record<ReadFieldKey, ReadField>>;

/** A field at or above this confidence is taken as read; below it, the confirm screen asks the agent to look. */
export const certainAt = 0.9;

export interface PaperLooks {
  kind: DocumentKind;
  /** Only when the page says so (a copy's "复印件" line) or its size does (an ID card's face). */
  form?: DocumentForm;
  /** The ID card's side: the portrait face (人像面) or the emblem side (国徽面). */
  side?: 'front' | 'back';
  variant?: DocumentVariant;
  confidence: number;
  /** The words the guess rests on, for the journal. */
  evidence: string;
}

export interface PaperReading {
  looksLike: PaperLooks | null;
  fields: ReadFields;
  /** OCR time for the paper's pages. */
  ms: number;
}

export function isCertain(field: ReadField): boolean {
  return field.checkFailed !== true && field.confidence >= certainAt;
}
