// QR decoding with zxing-wasm (ZXing-C++ compiled to WebAssembly): no native build, no system
// package, runs in Node and in the browser alike. Its wasm is loaded from node_modules, never
// from its default CDN: the kiosk is offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as ZXingReader from 'zxing-wasm/reader';
import type { RawImage } from '../../drivers/scanner/pnm.ts';
import type { Box } from './qr-locate.ts';

type Reader = typeof ZXingReader;

let ready: Promise<Reader> | null = null;

/** The reader and its wasm load on the first page with a QR to read, not at start (issue 14: a small daemon). */
function prepare(): Promise<Reader> {
  ready ??= (async () => {
    const reader = await import('zxing-wasm/reader');
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    await reader.prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    return reader;
  })();
  return ready;
}

/** An RGBA crop of the page (zxing wants ImageData-like input). */
function crop(image: RawImage, box: Box): ImageData {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const width = Math.min(image.width, Math.ceil(box.x + box.width)) - x0;
  const height = Math.min(image.height, Math.ceil(box.y + box.height)) - y0;
  const data = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  const c = image.channels;
  for (let y = 0; y < height; y++) {
    let from = ((y0 + y) * image.width + x0) * c;
    let to = y * width * 4;
    for (let x = 0; x < width; x++, from += c, to += 4) {
      const r = image.data[from] ?? 255;
      data[to] = r;
      data[to + 1] = c === 3 ? (image.data[from + 1] ?? 255) : r;
      data[to + 2] = c === 3 ? (image.data[from + 2] ?? 255) : r;
      data[to + 3] = 255;
    }
  }
  // ImageData-like: zxing reads data, width and height (Node has no ImageData constructor).
  return { data, width, height, colorSpace: 'srgb' };
}

/** The text of the first QR code found in one of the boxes (full-resolution pixels), or null. */
export async function decodeQr(image: RawImage, boxes: readonly Box[]): Promise<string | null> {
  if (boxes.length === 0) return null;
  const { readBarcodes } = await prepare();
  for (const box of boxes) {
    // tryHarder: the licence's dense QR (~3 px per module at 200 dpi) needs it; on a crop it is cheap.
    const results = await readBarcodes(crop(image, box), { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
    const found = results.find((result) => result.isValid);
    if (found !== undefined) return found.text;
  }
  return null;
}

/** The whole page, for pages where the locator finds nothing but a QR is expected. */
export function wholePage(image: RawImage): Box {
  return { x: 0, y: 0, width: image.width, height: image.height };
}
