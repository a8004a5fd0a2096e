// ESC/POS commands as bytes: our own small encoder (see docs/printer.md for why not receiptline).
// Every command the kiosk sends is here, with the byte layout from the Epson ESC/POS reference;
// the virtual printer (sim/printer/escpos-parser.ts) parses the same set.
import iconv from 'iconv-lite';

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const LF = 0x0a;

export type Align = 'left' | 'centre' | 'right';
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** A 1-bit image, rows packed MSB first, `ceil(width / 8)` bytes per row, 1 = black. */
export interface RasterImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const alignCodes: Record<Align, number> = { left: 0, centre: 1, right: 2 };
const qrLevels: Record<QrErrorCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

function byteArg(name: string, value: number, min = 0, max = 255): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name}: ${value} is not in ${min}..${max}`);
  return value;
}

/** ESC @: clears the print buffer and resets every mode to its power-on default. */
export const initialise = (): Uint8Array => bytes(ESC, 0x40);
/** FS &: Kanji (here GB18030 double-byte) character mode on; FS .: off. */
export const chineseMode = (on: boolean): Uint8Array => (on ? bytes(FS, 0x26) : bytes(FS, 0x2e));
/** ESC a n */
export const align = (value: Align): Uint8Array => bytes(ESC, 0x61, alignCodes[value]);
/** ESC E n: emphasised (bold). */
export const bold = (on: boolean): Uint8Array => bytes(ESC, 0x45, on ? 1 : 0);
/** GS B n: white on black. */
export const reverse = (on: boolean): Uint8Array => bytes(GS, 0x42, on ? 1 : 0);
/** GS ! n: character width and height multipliers, 1–8 each. */
export const size = (width: number, height: number): Uint8Array =>
  bytes(GS, 0x21, ((byteArg('width', width, 1, 8) - 1) << 4) | (byteArg('height', height, 1, 8) - 1));
/** ESC 3 n: line spacing in dots; ESC 2: the default (30 dots). */
export const lineSpacing = (dots: number | null): Uint8Array => (dots === null ? bytes(ESC, 0x32) : bytes(ESC, 0x33, byteArg('dots', dots)));
/** ESC d n: print the buffer and feed n lines. */
export const feedLines = (lines: number): Uint8Array => bytes(ESC, 0x64, byteArg('lines', lines));
/** ESC J n: print the buffer and feed n dots. */
export const feedDots = (dots: number): Uint8Array => bytes(ESC, 0x4a, byteArg('dots', dots));
/** GS V 66 n: feed to the cutter plus n dots, then a partial cut (one point left uncut). */
export const cut = (extraDots = 0): Uint8Array => bytes(GS, 0x56, 66, byteArg('extraDots', extraDots));

/** Text in GB18030: ASCII stays single-byte, Chinese is two (or four) bytes, read in Kanji mode. */
export function text(value: string): Uint8Array {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) throw new RangeError('text: control characters are not text');
  }
  return Uint8Array.from(iconv.encode(value, 'gb18030'));
}

/** GS ( k: a QR code (model 2) stored and printed: model, module size, error correction, data, print. */
export function qrCode(payload: string, options: { moduleSize?: number; errorCorrection?: QrErrorCorrection } = {}): Uint8Array {
  const data = Buffer.from(payload, 'utf8');
  const storeLength = data.length + 3;
  if (storeLength > 7092) throw new RangeError(`qrCode: ${data.length} bytes is more than a QR code holds`);
  return concat([
    bytes(GS, 0x28, 0x6b, 4, 0, 49, 65, 50, 0),
    bytes(GS, 0x28, 0x6b, 3, 0, 49, 67, byteArg('moduleSize', options.moduleSize ?? 6, 1, 16)),
    bytes(GS, 0x28, 0x6b, 3, 0, 49, 69, qrLevels[options.errorCorrection ?? 'M']),
    bytes(GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 49, 80, 48),
    data,
    bytes(GS, 0x28, 0x6b, 3, 0, 49, 81, 48),
  ]);
}

/** GS v 0 m xL xH yL yH d…: a raster bit image at normal density. */
export function raster(image: RasterImage): Uint8Array {
  const rowBytes = Math.ceil(image.width / 8);
  if (image.data.length !== rowBytes * image.height) throw new RangeError(`raster: ${image.data.length} bytes for ${image.width}×${image.height}`);
  if (rowBytes > 0xffff || image.height > 0x0fff) throw new RangeError('raster: image too large');
  return concat([bytes(GS, 0x76, 0x30, 0, rowBytes & 0xff, rowBytes >> 8, image.height & 0xff, image.height >> 8), image.data]);
}

// Status and control.

/** DLE EOT n: real-time status (1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor). */
export const realtimeStatus = (n: 1 | 2 | 3 | 4): Uint8Array => bytes(DLE, 0x04, n);
/** GS a n: Automatic Status Back on these changes (1 drawer, 2 online/offline, 4 error, 8 paper sensor). */
export const automaticStatusBack = (mask: number): Uint8Array => bytes(GS, 0x61, byteArg('mask', mask));
/**
 * GS ( H fn 48: the printer answers `37 22 d1..d4 00` once everything sent before it has been
 * printed; `id` is four ASCII digits. This is how a job is known to be on paper, not just sent.
 */
export function processIdRequest(id: string): Uint8Array {
  if (!/^\d{4}$/.test(id)) throw new RangeError(`processIdRequest: ${id} is not four digits`);
  return concat([bytes(GS, 0x28, 0x48, 6, 0, 48, 48), Buffer.from(id, 'ascii')]);
}
/** DLE DC4 fn 8: real-time, clears the receive and print buffers; answered `37 25 00`. */
export const clearBuffers = (): Uint8Array => bytes(DLE, 0x14, 8, 1, 3, 20, 1, 6, 2, 8);

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Collects commands in order; `bytes()` joins them. */
export class EscPosWriter {
  #parts: Uint8Array[] = [];

  add(...parts: Uint8Array[]): this {
    this.#parts.push(...parts);
    return this;
  }

  /** A line of text followed by LF. */
  line(value = ''): this {
    return this.add(text(value), bytes(LF));
  }

  bytes(): Uint8Array {
    return concat(this.#parts);
  }
}
