// The receipt model: what a receipt says, independent of how it is printed. Bilingual (zh/en)
// throughout. A receipt never carries a PIN, and an ID number only masked (first 6, last 4):
// `safeReceipt` enforces both before a receipt is journaled or printed.
import type { BilingualText } from '../../contract/bilingual-text.ts';
import { maskIdNumber } from '../../basics/redact.ts';
import { redactSecrets } from '../log/redact-secrets.ts';

export type ReceiptLine =
  | { kind: 'heading'; text: BilingualText }
  | { kind: 'text'; text: BilingualText | string; align?: 'left' | 'centre' }
  /** Double width and height, bold, centred: what the agent must find at a glance (a ticket number). */
  | { kind: 'large'; text: string }
  /** A label on the left, its value on the right (on a line of its own when both do not fit). */
  | { kind: 'row'; label: BilingualText; value: string }
  | { kind: 'rule' }
  | { kind: 'blank' };

export interface Receipt {
  /** What it is the receipt for: testPage, unlock, renewal, intake, … */
  kind: string;
  title: BilingualText;
  lines: ReceiptLine[];
  qr?: { payload: string; caption: BilingualText } | null;
  notes?: BilingualText[];
}

export const row = (zh: string, en: string, value: string): ReceiptLine => ({ kind: 'row', label: { zh, en }, value });

/** An ID number row: only ever the masked number. */
export const idNumberRow = (zh: string, en: string, idNumber: string): ReceiptLine => row(zh, en, maskIdNumber(idNumber));

/** No key naming a PIN survives, and any ID number in any text is masked. */
export function safeReceipt(receipt: Receipt): Receipt {
  return redactSecrets(receipt) as Receipt;
}

export function describeTitle(title: BilingualText): string {
  return `${title.zh} ${title.en}`;
}
