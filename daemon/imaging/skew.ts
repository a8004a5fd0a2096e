// Skew by projection profile: project the ink pixels onto lines tilted by each candidate angle;
// at the page's true skew, text lines and table rules fall into few bins and the sum of squared
// bin counts peaks. Coarse 0.5° steps over ±20°, then 0.05° around the best.
import type { Masks } from './masks.ts';

export interface SkewFact {
  /** Clockwise rotation of the content, in degrees; null when there is too little ink to tell. */
  skewDegrees: number | null;
}

const maxSamples = 40_000;

function inkPoints(masks: Masks): { xs: Float32Array; ys: Float32Array; count: number } {
  const { width, height, ink, inkCount } = masks;
  // Subsample evenly when a dense page has more ink than we need for a sharp peak.
  const step = Math.max(1, Math.ceil(inkCount / maxSamples));
  const xs = new Float32Array(Math.ceil(inkCount / step) + 1);
  const ys = new Float32Array(xs.length);
  let seen = 0;
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (ink[i] === 1 && seen++ % step === 0 && count < xs.length) {
        xs[count] = x - width / 2;
        ys[count] = y - height / 2;
        count++;
      }
    }
  }
  return { xs, ys, count };
}

function score(points: { xs: Float32Array; ys: Float32Array; count: number }, degrees: number, bins: Float64Array, offset: number): number {
  const t = Math.tan((degrees * Math.PI) / 180);
  bins.fill(0);
  for (let i = 0; i < points.count; i++) {
    const bin = Math.round((points.ys[i] ?? 0) - (points.xs[i] ?? 0) * t) + offset;
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  let sum = 0;
  for (const value of bins) sum += value * value;
  return sum;
}

export function estimateSkew(masks: Masks): SkewFact {
  const points = inkPoints(masks);
  if (points.count < 200) return { skewDegrees: null };
  const offset = Math.ceil(masks.height / 2 + masks.width * 0.4) + 2;
  const bins = new Float64Array(offset * 2 + 1);
  let best = 0;
  let bestScore = -1;
  const search = (from: number, to: number, step: number): void => {
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = score(points, a, bins, offset);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
  };
  search(-20, 20, 0.5);
  const coarse = best;
  search(coarse - 0.5, coarse + 0.5, 0.05);
  return { skewDegrees: Math.round(best * 100) / 100 };
}
