// A blank page: almost no ink and no stamp. The border of the scan is ignored (scanner shadow).
import type { Masks } from './masks.ts';

export interface BlankFact {
  blank: boolean;
  /** Share of the page (inside a 3 % margin) covered by print or stamp ink. */
  inkRatio: number;
}

export const blankInkRatio = 0.002;

export function checkBlank(masks: Masks): BlankFact {
  const { width, height, ink, red } = masks;
  const mx = Math.floor(width * 0.03);
  const my = Math.floor(height * 0.03);
  let count = 0;
  for (let y = my; y < height - my; y++) {
    for (let x = mx, i = y * width + mx; x < width - mx; x++, i++) count += (ink[i] ?? 0) | (red[i] ?? 0);
  }
  const area = Math.max(1, (width - 2 * mx) * (height - 2 * my));
  const inkRatio = count / area;
  return { blank: inkRatio < blankInkRatio, inkRatio: Math.round(inkRatio * 10000) / 10000 };
}
