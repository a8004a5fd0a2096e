// The receipt model: what a receipt says, independent of how it is printed. Bilingual (zh/en)
// throughout. A receipt never carries a PIN, and an ID number only masked (first 6, last 4):
// `safeReceipt` enforces both before a receipt is journaled or printed.
import { maskIdNumber, redact } from '../../basics/redact.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export type ReceiptLine =
  | { kind: 'heading'; text: Bilingual }
  | { kind: 'text'; text: Bilingual | string; align?: 'left' | 'centre' }
  /** Double width and height, bold, centred: what the agent must find at a glance (a ticket number). */
  | { kind: 'large'; text: string }
  /** A label on the left, its value on the right (on a line of its own when both do not fit). */
  | { kind: 'row'; label: Bilingual; value: string }
  | { kind: 'rule' }
  | { kind: 'blank' };

export interface Receipt {
  /** What it is the receipt for: testPage, unlock, renewal, intake, … */
  kind: string;
  title: Bilingual;
  lines: ReceiptLine[];
  qr?: { payload: string; caption: Bilingual } | null;
  notes?: Bilingual[];
}

export const row = (zh: string, en: string, value: string): ReceiptLine => ({ kind: 'row', label: { zh, en }, value });

/** An ID number row: only ever the masked number. */
export const idNumberRow = (zh: string, en: string, idNumber: string): ReceiptLine => row(zh, en, maskIdNumber(idNumber));

/** No key naming a PIN survives, and any ID number in any text is masked. */
export function safeReceipt(receipt: Receipt): Receipt {
  return redact(receipt) as Receipt;
}

export function describeTitle(title: Bilingual): string {
  return `${title.zh} ${title.en}`;
}
