// Red round stamps. Red ink is found per pixel (masks.ts); blobs are grouped on a coarse grid
// (a seal's ring, text and star are separate strokes, one blob at 4× coarser), and a blob is a
// round stamp when red ink lies on a circle around its centre in most directions. Its kind comes
// from the radial profile: the company seal has one ring and a solid star in the middle; the
// E-Port review stamp has two concentric rings and no star.
import type { SealFact, SealKind } from '../../contract/imaging/page-report.ts';
import type { Masks } from './masks.ts';

const cell = 4;

interface Blob {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  cells: number;
}

function blobs(masks: Masks): Blob[] {
  const gw = Math.ceil(masks.width / cell);
  const gh = Math.ceil(masks.height / cell);
  const grid = new Uint8Array(gw * gh);
  for (let y = 0; y < masks.height; y++) {
    for (let x = 0, i = y * masks.width; x < masks.width; x++, i++) {
      if (masks.red[i] === 1) grid[Math.floor(y / cell) * gw + Math.floor(x / cell)] = 1;
    }
  }
  const found: Blob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < grid.length; start++) {
    if (grid[start] !== 1) continue;
    grid[start] = 2;
    stack.push(start);
    const blob: Blob = { minX: gw, minY: gh, maxX: 0, maxY: 0, cells: 0 };
    while (stack.length > 0) {
      const at = stack.pop() ?? 0;
      const gx = at % gw;
      const gy = (at - gx) / gw;
      blob.cells++;
      blob.minX = Math.min(blob.minX, gx);
      blob.maxX = Math.max(blob.maxX, gx);
      blob.minY = Math.min(blob.minY, gy);
      blob.maxY = Math.max(blob.maxY, gy);
      // 8-neighbours and one cell further: bridges the gaps between a seal's characters.
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const nx = gx + dx;
          const ny = gy + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const next = ny * gw + nx;
          if (grid[next] === 1) {
            grid[next] = 2;
            stack.push(next);
          }
        }
      }
    }
    found.push(blob);
  }
  return found;
}

const redAt = (masks: Masks, x: number, y: number): boolean => {
  const xi = Math.round(x);
  const yi = Math.round(y);
  return xi >= 0 && yi >= 0 && xi < masks.width && yi < masks.height && masks.red[yi * masks.width + xi] === 1;
};

/** For each radius (as a share of r), the share of directions with red ink there. */
function radialProfile(masks: Masks, cx: number, cy: number, r: number, steps: number, directions = 120): number[] {
  const profile: number[] = [];
  for (let s = 0; s <= steps; s++) {
    const radius = (r * 1.08 * s) / steps;
    let hits = 0;
    for (let d = 0; d < directions; d++) {
      const a = (2 * Math.PI * d) / directions;
      if (redAt(masks, cx + radius * Math.cos(a), cy + radius * Math.sin(a))) hits++;
    }
    profile.push(hits / directions);
  }
  return profile;
}

/** Rings: runs of radii where red lies in most directions (a text arc covers far fewer). */
function countRings(profile: readonly number[]): number {
  let rings = 0;
  let inRing = false;
  const from = Math.floor(profile.length * 0.55);
  for (let s = from; s < profile.length; s++) {
    const value = profile[s] ?? 0;
    if (!inRing && value >= 0.72) {
      rings++;
      inRing = true;
    } else if (inRing && value < 0.45) inRing = false;
  }
  return rings;
}

function classify(masks: Masks, cx: number, cy: number, r: number): { kind: SealKind; roundness: number } {
  const steps = Math.max(20, Math.round(r * 1.5));
  const profile = radialProfile(masks, cx, cy, r, steps);
  const roundness = Math.max(...profile.slice(Math.floor(profile.length * 0.7)));
  const rings = countRings(profile);
  // The star: red in the centre and in every direction near it, like a solid disc.
  const centre = profile.slice(0, Math.max(2, Math.round(steps * 0.12)));
  const starFill = centre.reduce((sum, value) => sum + value, 0) / centre.length;
  const kind: SealKind = rings >= 2 ? 'eport_review' : rings === 1 && starFill >= 0.5 ? 'company_seal' : 'unknown';
  return { kind, roundness: Math.round(roundness * 100) / 100 };
}

/** Round red stamps between 25 and 55 mm across. */
export function findSeals(masks: Masks, workDpi: number, toOriginal: number): SealFact[] {
  const mm = workDpi / 25.4;
  const seals: SealFact[] = [];
  for (const blob of blobs(masks)) {
    const w = (blob.maxX - blob.minX + 1) * cell;
    const h = (blob.maxY - blob.minY + 1) * cell;
    if (w < 25 * mm || h < 25 * mm || w > 60 * mm || h > 60 * mm) continue;
    if (Math.max(w, h) / Math.min(w, h) > 1.25) continue;
    const circle = fitCircle(masks, (blob.minX * cell + (blob.maxX + 1) * cell) / 2, (blob.minY * cell + (blob.maxY + 1) * cell) / 2, (w + h) / 4);
    const { cx, cy, r } = circle;
    const { kind, roundness } = classify(masks, cx, cy, r);
    if (roundness < 0.6) continue;
    seals.push({ kind, x: Math.round(cx * toOriginal), y: Math.round(cy * toOriginal), r: Math.round(r * toOriginal), roundness });
  }
  return seals;
}

/**
 * Centre and radius from the stamp's outer edge: the outermost red pixel along 72 rays, fitted
 * with a least-squares circle (Kåsa). The blob's box is quantised to grid cells; the rings are a
 * pixel or two wide, so the centre must be exact for the radial profile to show them.
 */
function fitCircle(masks: Masks, cx: number, cy: number, estimate: number): { cx: number; cy: number; r: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let d = 0; d < 72; d++) {
    const a = (2 * Math.PI * d) / 72;
    for (let radius = estimate * 1.2; radius >= estimate * 0.75; radius -= 0.5) {
      const x = cx + radius * Math.cos(a);
      const y = cy + radius * Math.sin(a);
      if (redAt(masks, x, y)) {
        xs.push(x);
        ys.push(y);
        break;
      }
    }
  }
  if (xs.length < 24) return { cx, cy, r: estimate };
  // Solve x² + y² + D x + E y + F = 0 by normal equations.
  let sxx = 0, sxy = 0, syy = 0, sx = 0, sy = 0, sxz = 0, syz = 0, sz = 0;
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const x = xs[i] ?? 0;
    const y = ys[i] ?? 0;
    const z = x * x + y * y;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
    sx += x;
    sy += y;
    sxz += x * z;
    syz += y * z;
    sz += z;
  }
  const m = [
    [sxx, sxy, sx],
    [sxy, syy, sy],
    [sx, sy, n],
  ];
  const v = [-sxz, -syz, -sz];
  const det = (a: number[][]): number =>
    (a[0]?.[0] ?? 0) * ((a[1]?.[1] ?? 0) * (a[2]?.[2] ?? 0) - (a[1]?.[2] ?? 0) * (a[2]?.[1] ?? 0)) -
    (a[0]?.[1] ?? 0) * ((a[1]?.[0] ?? 0) * (a[2]?.[2] ?? 0) - (a[1]?.[2] ?? 0) * (a[2]?.[0] ?? 0)) +
    (a[0]?.[2] ?? 0) * ((a[1]?.[0] ?? 0) * (a[2]?.[1] ?? 0) - (a[1]?.[1] ?? 0) * (a[2]?.[0] ?? 0));
  const d0 = det(m);
  if (Math.abs(d0) < 1e-9) return { cx, cy, r: estimate };
  const solve = (column: number): number => det(m.map((row, i) => row.map((value, j) => (j === column ? (v[i] ?? 0) : value)))) / d0;
  const D = solve(0);
  const E = solve(1);
  const F = solve(2);
  const fx = -D / 2;
  const fy = -E / 2;
  const r = Math.sqrt(Math.max(0, fx * fx + fy * fy - F));
  // A fit that wanders off (a blob that is not a circle) keeps the box estimate.
  if (!Number.isFinite(r) || Math.hypot(fx - cx, fy - cy) > estimate * 0.3 || Math.abs(r - estimate) > estimate * 0.3) return { cx, cy, r: estimate };
  return { cx: fx, cy: fy, r };
}
