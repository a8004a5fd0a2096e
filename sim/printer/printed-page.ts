// What the virtual printer put on paper between two cuts, in dots (8 per mm, 576 printable on 80 mm paper).
import type { Align } from '../../drivers/printer/escpos.ts';

export const dotsPerMm = 8;
export const printableDots = 576;
/** Font A: 12×24 dots a half-width character, 24×24 a Chinese one. */
export const halfWidthDots = 12;
export const fontHeightDots = 24;

export interface TextRun {
  text: string;
  bold: boolean;
  underline: boolean;
  reverse: boolean;
  /** Character size multipliers (GS !). */
  width: number;
  height: number;
}

export type PageItem =
  | { kind: 'text'; top: number; height: number; left: number; widthDots: number; align: Align; runs: TextRun[] }
  | { kind: 'bitmap'; top: number; left: number; width: number; height: number; data: Uint8Array; qr: string | null };

export interface PrintedPage {
  /** 1, 2, … per virtual printer. */
  index: number;
  items: PageItem[];
  heightDots: number;
  /** Cut by the printer, or torn off by hand (a new roll loaded under a half-printed page). */
  end: 'cut' | 'torn';
}

/** The page as plain text: one line per printed line, aligned in Font A columns; images as labels. */
export function pageText(page: PrintedPage): string {
  const lines: string[] = [];
  for (const item of page.items) {
    const indent = ' '.repeat(Math.max(0, Math.round(item.left / halfWidthDots)));
    if (item.kind === 'bitmap') lines.push(indent + (item.qr === null ? `[image ${item.width}x${item.height}]` : `[QR ${item.qr}]`));
    else lines.push(indent + item.runs.map((run) => run.text).join(''));
  }
  if (page.end === 'torn') lines.push('~~~~ torn off, not cut ~~~~');
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
