// Per-pixel classification of the working raster: ink (dark, not red) and red stamp ink.
import type { WorkingRaster } from './raster.ts';

export interface Masks {
  width: number;
  height: number;
  /** 1 where the pixel is dark print (text, lines, QR), not stamp ink. */
  ink: Uint8Array;
  /** 1 where the pixel is red stamp ink. */
  red: Uint8Array;
  inkCount: number;
  redCount: number;
  /** The paper's grey level (the brightest common level). */
  paper: number;
}

export const isRed = (r: number, g: number, b: number): boolean => r > 110 && r - g > 60 && r - b > 45;

export function computeMasks(raster: WorkingRaster): Masks {
  const { width, height, rgb } = raster;
  const n = width * height;
  const grey = new Uint8Array(n);
  const red = new Uint8Array(n);
  const histogram = new Uint32Array(256);
  let redCount = 0;
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    const r = rgb[p] ?? 0;
    const g = rgb[p + 1] ?? 0;
    const b = rgb[p + 2] ?? 0;
    const y = (r * 77 + g * 150 + b * 29) >> 8;
    grey[i] = y;
    histogram[y] = (histogram[y] ?? 0) + 1;
    if (isRed(r, g, b)) {
      red[i] = 1;
      redCount++;
    }
  }
  // Paper: the 90th percentile of brightness (most of a page is paper, even a dense form).
  let seen = 0;
  let paper = 255;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level] ?? 0;
    if (seen >= n * 0.9) {
      paper = level;
      break;
    }
  }
  const threshold = Math.min(paper - 70, 150);
  const ink = new Uint8Array(n);
  let inkCount = 0;
  for (let i = 0; i < n; i++) {
    if ((grey[i] ?? 255) < threshold && red[i] === 0) {
      ink[i] = 1;
      inkCount++;
    }
  }
  return { width, height, ink, red, inkCount, redCount, paper };
}
