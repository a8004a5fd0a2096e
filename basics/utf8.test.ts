import { describe, expect, it } from 'vitest';
import { truncateUtf8 } from './utf8.ts';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('truncateUtf8', () => {
  it('leaves text within the limit alone', () => {
    expect(truncateUtf8('短', 3)).toBe('短');
  });

  it('cuts at a character boundary, never inside one', () => {
    const text = '读卡器'.repeat(50);
    for (const limit of [0, 1, 2, 3, 4, 122, 123]) {
      const cut = truncateUtf8(text, limit);
      expect(bytes(cut)).toBeLessThanOrEqual(limit);
      expect(text.startsWith(cut)).toBe(true);
      expect(bytes(cut)).toBeGreaterThan(limit - 3);
    }
  });
});
