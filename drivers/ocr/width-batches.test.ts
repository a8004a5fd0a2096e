import { describe, expect, it } from 'vitest';
import { widthBatches } from './paddle-ocr.ts';

describe('recognition batches', () => {
  it('puts every strip in exactly one batch, in order, padded by at most 15 %', () => {
    const widths = [16, 17, 18, 40, 44, 46, 47, 300, 320, 340, 345, 900, 2400];
    const batches = widthBatches(widths);
    expect(batches.flat()).toEqual(widths.map((_, i) => i));
    for (const batch of batches) {
      const own = batch.map((i) => widths[i] ?? 0);
      expect(Math.max(...own)).toBeLessThanOrEqual(Math.min(...own) * 1.15);
    }
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6], [7, 8, 9, 10], [11], [12]]);
  });

  it('caps a batch by count and by pixels, so the engine process stays small', () => {
    expect(widthBatches(Array.from({ length: 70 }, () => 100)).map((b) => b.length)).toEqual([32, 32, 6]);
    // 8,000 columns of 48 px a batch: five strips of 2,000 make two batches.
    expect(widthBatches(Array.from({ length: 5 }, () => 2000)).map((b) => b.length)).toEqual([4, 1]);
  });
});
