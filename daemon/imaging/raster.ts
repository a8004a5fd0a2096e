// Loads a page once and prepares what the checks read: a small RGB working copy (~100 dpi,
// enough for blank/skew/seal analysis at a fraction of the pixels) and, for the QR decoder,
// the page at full resolution as RGBA. sharp (libvips) does the decoding and resampling in
// native code on its own threads; the analysis loops run on the working copy only.
import type { DpiSource } from '../../contract/imaging/page-report.ts';
import { loadSharp } from './load-sharp.ts';
import { decodePnm, type RawImage } from '../../drivers/scanner/pnm.ts';
import { err, ok, type Result } from '../../basics/result.ts';

export interface PageInput {
  /** PNG, JPEG, TIFF, WebP or PNM bytes; or raw pixels from the scanner. */
  image: Buffer | RawImage;
  /** The resolution the scanner used, when the bytes do not carry it. */
  dpi?: number;
}

export interface WorkingRaster {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel. */
  rgb: Buffer;
  /** Working pixels per original pixel (≤ 1). */
  scale: number;
}

export interface LoadedPage {
  width: number;
  height: number;
  dpi: number;
  dpiSource: DpiSource;
  work: WorkingRaster;
  /** The page at full resolution, RGB: decoded once, read by the QR decoder in crops. */
  full: RawImage;
}

export const workingDpi = 100;
const idCardRatio = 85.6 / 54;

function inferDpi(width: number, height: number): { dpi: number; dpiSource: DpiSource } {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (Math.abs(long / short - idCardRatio) < 0.06) return { dpi: Math.round(short / (54 / 25.4)), dpiSource: 'inferredIdCard' };
  return { dpi: Math.round(short / (210 / 25.4)), dpiSource: 'inferredA4' };
}

function isPnm(bytes: Buffer): boolean {
  return bytes[0] === 0x50 && (bytes[1] === 0x35 || bytes[1] === 0x36);
}

async function decode(input: PageInput): Promise<Result<{ full: RawImage; density: number | undefined }, string>> {
  if (!Buffer.isBuffer(input.image)) return ok({ full: input.image, density: undefined });
  if (isPnm(input.image)) {
    const decoded = decodePnm(input.image);
    return decoded.ok ? ok({ full: decoded.value, density: undefined }) : decoded;
  }
  const sharp = await loadSharp();
  const image = sharp(input.image, { failOn: 'error' });
  const density = (await image.metadata()).density;
  const { data, info } = await image.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return ok({ full: { width: info.width, height: info.height, channels: info.channels === 1 ? 1 : 3, data }, density });
}

export async function loadPage(input: PageInput): Promise<Result<LoadedPage, string>> {
  try {
    const decoded = await decode(input);
    if (!decoded.ok) return decoded;
    const { full, density } = decoded.value;
    const { width, height } = full;
    if (width < 16 || height < 16) return err(`image too small (${width}×${height})`);
    // 72 is what many encoders write when they know nothing: treat it as unknown.
    const dpiInfo =
      density !== undefined && density > 1 && density !== 72
        ? { dpi: Math.round(density), dpiSource: 'metadata' as const }
        : input.dpi !== undefined
          ? { dpi: input.dpi, dpiSource: 'scanner' as const }
          : inferDpi(width, height);
    const scale = Math.min(1, workingDpi / dpiInfo.dpi);
    const sharp = await loadSharp();
    const work = await sharp(full.data, { raw: { width, height, channels: full.channels } })
      .toColourspace('srgb')
      .resize({ width: Math.max(1, Math.round(width * scale)), kernel: 'linear' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return ok({
      width,
      height,
      ...dpiInfo,
      work: { width: work.info.width, height: work.info.height, rgb: work.data, scale: work.info.width / width },
      full,
    });
  } catch (e) {
    return err(`unreadable image: ${(e as Error).message}`);
  }
}
