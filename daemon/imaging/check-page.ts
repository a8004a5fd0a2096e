// The facts about one scanned page that the intake rules judge: is it blank, at what resolution,
// how skewed, which red round stamps are on it, and what its QR code says. Facts only; the rule
// ids, severities and thresholds that block a package belong to the intake check (daemon/intake).
import type { PageReport } from '../../contract/imaging/page-report.ts';
import { checkBlank } from './blank.ts';
import { computeMasks } from './masks.ts';
import { decodeQr, wholePage } from './qr.ts';
import { qrCandidates } from './qr-locate.ts';
import type { RawImage } from '../../drivers/scanner/pnm.ts';
import type { Masks } from './masks.ts';
import { loadPage, type PageInput } from './raster.ts';
import { findSeals } from './seals.ts';
import { estimateSkew } from './skew.ts';
import { err, ok, type Result } from '../../basics/result.ts';

/** Suggested limits for the intake rules (they own the decision). */
export const imagingLimits = {
  /** Below this the small print of a certificate is not legible. */
  minimumDpi: 150,
  /** Beyond this a page should be fed again. */
  maximumSkewDegrees: 5,
} as const;

export interface CheckOptions {
  /**
   * located (default): decode only dense squares that look like a QR; page: the whole page too
   * when none is found (slower, for a page that must carry one); off: no QR decoding.
   */
  qr?: 'located' | 'page' | 'off';
}

export async function checkPage(input: PageInput, options: CheckOptions = {}): Promise<Result<PageReport, string>> {
  let t = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const elapsed = Math.round((now - t) * 10) / 10;
    t = now;
    return elapsed;
  };
  const loaded = await loadPage(input);
  if (!loaded.ok) return err(loaded.error);
  const page = loaded.value;
  const load = lap();
  const masks = computeMasks(page.work);
  const masksMs = lap();
  const blank = checkBlank(masks);
  const blankMs = lap();
  const skew = blank.blank ? { skewDegrees: null } : estimateSkew(masks);
  const skewMs = lap();
  const workDpi = page.dpi * page.work.scale;
  const seals = blank.blank ? [] : findSeals(masks, workDpi, 1 / page.work.scale);
  const sealsMs = lap();
  const qr = blank.blank || options.qr === 'off' ? null : await findQr(page.full, masks, workDpi, 1 / page.work.scale, options.qr ?? 'located');
  const qrMs = lap();
  return ok({
    width: page.width,
    height: page.height,
    dpi: page.dpi,
    dpiSource: page.dpiSource,
    blank: blank.blank,
    inkRatio: blank.inkRatio,
    skewDegrees: skew.skewDegrees,
    seals,
    qr,
    timingsMs: { load, masks: masksMs, blank: blankMs, skew: skewMs, seals: sealsMs, qr: qrMs },
  });
}

async function findQr(full: RawImage, masks: Masks, workDpi: number, toFull: number, mode: 'located' | 'page'): Promise<string | null> {
  const margin = (4 / 25.4) * workDpi;
  const boxes = qrCandidates(masks, workDpi).map((box) => ({
    x: (box.x - margin) * toFull,
    y: (box.y - margin) * toFull,
    width: (box.width + 2 * margin) * toFull,
    height: (box.height + 2 * margin) * toFull,
  }));
  const found = await decodeQr(full, boxes);
  if (found !== null || mode === 'located') return found;
  return decodeQr(full, [wholePage(full)]);
}
