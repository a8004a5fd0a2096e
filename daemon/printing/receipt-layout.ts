// A receipt model laid out for an 80 mm ESC/POS printer (48 columns of Font A) and encoded:
// logo, title, 重打/REPRINT banner, rows, QR code, job footer and an END line that marks the
// receipt as complete, then feed and cut.
import type { BilingualText } from '../../contract/bilingual-text.ts';
import * as escpos from '../../drivers/printer/escpos.ts';
import { textColumns, wrapColumns } from '../../drivers/printer/text-width.ts';
import { receiptTime } from './format-time.ts';
import type { Receipt, ReceiptLine } from './receipt.ts';

export const receiptColumns = 48;

export interface ReceiptContext {
  jobId: string;
  kioskId: string;
  printedAt: Date;
  /** Set on a reprint: the job it reprints, and when that was first printed. */
  reprintOf?: { jobId: string; createdAt: Date } | null;
  logo?: escpos.RasterImage | null;
}

/** The last line of every complete receipt: what was cut short lacks it. */
export const endLine = (jobId: string): string => `—— 完 END ${jobId} ——`;

const rule = (char = '-'): string => char.repeat(receiptColumns);

function pair(label: BilingualText): string {
  return `${label.zh} ${label.en}`;
}

/** Label left, value right; the value on its own line, right-aligned, when both do not fit. */
export function rowLines(label: string, value: string): string[] {
  const gap = receiptColumns - textColumns(label) - textColumns(value);
  if (gap >= 1) return [label + ' '.repeat(gap) + value];
  return [...wrapColumns(label, receiptColumns), ...wrapColumns(value, receiptColumns - 2).map((part) => ' '.repeat(receiptColumns - textColumns(part)) + part)];
}

function lineBytes(w: escpos.EscPosWriter, line: ReceiptLine): void {
  switch (line.kind) {
    case 'heading':
      w.add(escpos.bold(true)).line(pair(line.text)).add(escpos.bold(false));
      return;
    case 'text': {
      const texts = typeof line.text === 'string' ? [line.text] : [line.text.zh, line.text.en];
      if (line.align === 'centre') w.add(escpos.align('centre'));
      for (const text of texts) for (const part of wrapColumns(text, receiptColumns)) w.line(part);
      if (line.align === 'centre') w.add(escpos.align('left'));
      return;
    }
    case 'large':
      w.add(escpos.align('centre'), escpos.size(2, 2), escpos.bold(true));
      // Double width: half as many columns.
      for (const part of wrapColumns(line.text, Math.floor(receiptColumns / 2))) w.line(part);
      w.add(escpos.size(1, 1), escpos.bold(false), escpos.align('left'));
      return;
    case 'row':
      for (const part of rowLines(pair(line.label), line.value)) w.line(part);
      return;
    case 'rule':
      w.line(rule());
      return;
    case 'blank':
      w.line();
      return;
  }
}

export function encodeReceipt(receipt: Receipt, context: ReceiptContext): Uint8Array {
  const w = new escpos.EscPosWriter().add(escpos.initialise(), escpos.chineseMode(true), escpos.align('centre'));
  if (context.logo) w.add(escpos.raster(context.logo), escpos.feedDots(16));
  w.add(escpos.size(2, 2), escpos.bold(true)).line(receipt.title.zh).add(escpos.size(1, 1));
  w.line(receipt.title.en).add(escpos.bold(false));
  if (context.reprintOf) {
    w.add(escpos.feedDots(12), escpos.size(2, 2), escpos.reverse(true), escpos.bold(true))
      .line(' 重打 REPRINT ')
      .add(escpos.reverse(false), escpos.bold(false), escpos.size(1, 1))
      .line(`原单 Original ${context.reprintOf.jobId} · ${receiptTime(context.reprintOf.createdAt)}`);
  }
  w.add(escpos.align('left')).line(rule('='));
  for (const line of receipt.lines) lineBytes(w, line);
  w.line(rule('='));
  if (receipt.qr) {
    w.add(escpos.align('centre'), escpos.feedDots(24), escpos.qrCode(receipt.qr.payload, { moduleSize: 6, errorCorrection: 'M' }), escpos.feedDots(24));
    w.line(receipt.qr.caption.zh).line(receipt.qr.caption.en).add(escpos.align('left')).line(rule());
  }
  for (const part of rowLines('终端 Kiosk', context.kioskId)) w.line(part);
  for (const part of rowLines('单号 Job', context.jobId)) w.line(part);
  for (const part of rowLines('时间 Time', receiptTime(context.printedAt))) w.line(part);
  w.add(escpos.align('centre'));
  if (receipt.notes && receipt.notes.length > 0) {
    w.line();
    for (const note of receipt.notes) for (const text of [note.zh, note.en]) for (const part of wrapColumns(text, receiptColumns)) w.line(part);
  }
  w.add(escpos.feedDots(12), escpos.bold(true)).line(endLine(context.jobId)).add(escpos.bold(false), escpos.feedLines(4), escpos.cut());
  return w.bytes();
}
