// SVG → pixels through sharp (librsvg + fontconfig finds Noto CJK), then what a sheet-fed scan
// adds: a small skew, paper and sensor noise. Output: PNG carrying its dpi.
import sharp from 'sharp';
import type { Random } from './random.ts';

export interface RasterOptions {
  dpi: number;
  skewDegrees: number;
  /** Amplitude of the additive noise, in grey levels (0: none). */
  noise: number;
  random: Random;
  paper: string;
  /**
   * A photocopy's look: the copier's hard contrast (light greys gone, mid greys darkened), toner
   * specks and the lid's shadow along one edge. The stamps on a copy are applied after copying,
   * so their red stays red: the curve works on each channel and keeps a saturated red saturated.
   */
  photocopy?: boolean;
}

function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const value = Number.parseInt(hex.slice(1), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

export async function rasterise(svg: string, options: RasterOptions): Promise<Buffer> {
  let image = sharp(Buffer.from(svg)).removeAlpha();
  const { width, height } = await image.metadata();
  if (options.skewDegrees !== 0) {
    // Rotate, then cut back to the page size: the scanner's bed does not grow with the skew.
    const rotated = await image.rotate(options.skewDegrees, { background: hexToRgb(options.paper) }).raw().toBuffer({ resolveWithObject: true });
    const left = Math.max(0, Math.floor((rotated.info.width - width) / 2));
    const top = Math.max(0, Math.floor((rotated.info.height - height) / 2));
    image = sharp(rotated.data, { raw: rotated.info }).extract({ left, top, width, height });
  }
  const raw = await image.raw().toBuffer({ resolveWithObject: true });
  if (options.photocopy === true) photocopy(raw.data, raw.info.width, raw.info.height, options.random);
  if (options.noise > 0) addNoise(raw.data, options.noise, options.random);
  return sharp(raw.data, { raw: raw.info })
    .png({ compressionLevel: 1, adaptiveFiltering: false })
    .withMetadata({ density: options.dpi })
    .toBuffer();
}

/** Cheap sensor noise: a random offset per pixel (same on all channels), clamped. */
function addNoise(data: Buffer, amplitude: number, random: Random): void {
  // A table of offsets, read from a random start, keeps this at a few ms per page.
  const table = new Int8Array(65536);
  for (let i = 0; i < table.length; i++) table[i] = Math.round((random() + random() - 1) * amplitude);
  let k = Math.floor(random() * table.length);
  for (let i = 0; i + 2 < data.length; i += 3) {
    const offset = table[k++ & 65535] ?? 0;
    data[i] = Math.min(255, Math.max(0, (data[i] ?? 0) + offset));
    data[i + 1] = Math.min(255, Math.max(0, (data[i + 1] ?? 0) + offset));
    data[i + 2] = Math.min(255, Math.max(0, (data[i + 2] ?? 0) + offset));
  }
}

/** Levels from 60 (black) to 215 (white) on every channel, a shadow band, and toner specks. */
function photocopy(data: Buffer, width: number, height: number, random: Random): void {
  const levels = new Uint8Array(256);
  for (let v = 0; v < 256; v++) levels[v] = Math.round(255 * Math.min(1, Math.max(0, (v - 60) / (215 - 60))));
  for (let i = 0; i < data.length; i++) data[i] = levels[data[i] ?? 0] ?? 0;
  // The lid's shadow: a grey band fading in over the last 3 % of the sheet, on a random side.
  const band = Math.round(width * 0.03);
  const left = random() < 0.5;
  for (let x = 0; x < band; x++) {
    const shade = 1 - 0.45 * (1 - x / band);
    const column = left ? x : width - 1 - x;
    for (let y = 0; y < height; y++) {
      const at = (y * width + column) * 3;
      for (let c = 0; c < 3; c++) data[at + c] = Math.round((data[at + c] ?? 0) * shade);
    }
  }
  // Toner specks: dark dots of 1–3 px, a few hundred a page.
  const specks = Math.round((width * height) / 20_000);
  for (let k = 0; k < specks; k++) {
    const size = 1 + Math.floor(random() * 3);
    const x0 = Math.floor(random() * (width - size));
    const y0 = Math.floor(random() * (height - size));
    const grey = Math.floor(random() * 90);
    for (let y = y0; y < y0 + size; y++) for (let x = x0; x < x0 + size; x++) data.fill(grey, (y * width + x) * 3, (y * width + x) * 3 + 3);
  }
}
