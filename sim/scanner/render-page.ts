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
