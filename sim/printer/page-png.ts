// A printed page as a PNG, dot for dot: 640 px wide (80 mm paper at 8 dots/mm, 576 printable),
// text in Noto Sans Mono CJK SC through Pango (sharp), whose half-width and full-width advances
// match the printer's 12- and 24-dot cells, bitmaps (QR codes, logos) exactly as printed.
import sharp from 'sharp';
import { fontHeightDots, halfWidthDots, printableDots, type PageItem, type PrintedPage, type TextRun } from './printed-page.ts';
import { textColumns } from '../../drivers/printer/text-width.ts';

const paperWidth = 640;
const sideMargin = (paperWidth - printableDots) / 2;
const topMargin = 40;
const bottomMargin = 40;
const paper = [251, 250, 246] as const;
const ink = [28, 28, 34] as const;
const font = 'Noto Sans Mono CJK SC';

const escapeMarkup = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Ink coverage, 0 (paper) to 255 (black), one byte a dot. */
class InkSheet {
  readonly width: number;
  readonly height: number;
  readonly ink: Uint8Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.ink = new Uint8Array(width * height);
  }

  set(x: number, y: number, value: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = y * this.width + x;
    this.ink[i] = Math.max(this.ink[i] ?? 0, value);
  }

  fill(x: number, y: number, width: number, height: number): void {
    for (let row = y; row < y + height; row++) for (let col = x; col < x + width; col++) this.set(col, row, 255);
  }

  /** Draws a coverage mask; `knockOut` prints it white on black (GS B). */
  mask(x: number, y: number, width: number, height: number, alpha: Uint8Array, knockOut: boolean): void {
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const a = alpha[row * width + col] ?? 0;
        const px = x + col;
        const py = y + row;
        if (px < 0 || py < 0 || px >= this.width || py >= this.height) continue;
        const i = py * this.width + px;
        this.ink[i] = knockOut ? Math.min(this.ink[i] ?? 0, 255 - a) : Math.max(this.ink[i] ?? 0, a);
      }
    }
  }

  async png(): Promise<Buffer> {
    const rgb = Buffer.alloc(this.width * this.height * 3);
    for (let i = 0; i < this.ink.length; i++) {
      const a = (this.ink[i] ?? 0) / 255;
      for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round((paper[c] ?? 255) * (1 - a) + (ink[c] ?? 0) * a);
    }
    return sharp(rgb, { raw: { width: this.width, height: this.height, channels: 3 } })
      .png({ compressionLevel: 9 })
      .toBuffer();
  }
}

async function drawRun(sheet: InkSheet, run: TextRun, x: number, top: number): Promise<number> {
  const width = textColumns(run.text) * halfWidthDots * run.width;
  const cellHeight = fontHeightDots * run.height;
  if (run.reverse) sheet.fill(x, top - 3, width, cellHeight + 6);
  const inked = run.text.trim();
  if (inked !== '') {
    // Pango drops leading and trailing blanks: place the inked part on its own cells.
    const lead = textColumns(run.text.slice(0, run.text.length - run.text.trimStart().length)) * halfWidthDots * run.width;
    const size = fontHeightDots * run.height;
    const markup = `<span font_family="${font}" size="${size * 1024}" weight="${run.bold ? 'bold' : 'normal'}">${escapeMarkup(inked)}</span>`;
    const rendered = await sharp({ text: { text: markup, dpi: 72, rgba: true } })
      .resize({ width: Math.max(1, textColumns(inked) * halfWidthDots * run.width), fit: 'fill' })
      .extractChannel(3)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const y = top + Math.round((cellHeight - rendered.info.height) / 2);
    sheet.mask(x + lead, y, rendered.info.width, rendered.info.height, rendered.data, run.reverse);
  }
  if (run.underline) sheet.fill(x, top + cellHeight, width, 2);
  return width;
}

async function drawItem(sheet: InkSheet, item: PageItem): Promise<void> {
  const top = topMargin + item.top;
  const left = sideMargin + item.left;
  switch (item.kind) {
    case 'bitmap': {
      const rowBytes = Math.ceil(item.width / 8);
      for (let y = 0; y < item.height; y++) {
        for (let x = 0; x < item.width; x++) {
          if (((item.data[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0) sheet.set(left + x, top + y, 255);
        }
      }
      return;
    }
    case 'text': {
      let x = left;
      for (const run of item.runs) x += await drawRun(sheet, run, x, top);
      return;
    }
  }
}

export async function renderPagePng(page: PrintedPage): Promise<Buffer> {
  const sheet = new InkSheet(paperWidth, topMargin + page.heightDots + bottomMargin);
  for (const item of page.items) await drawItem(sheet, item);
  return sheet.png();
}
