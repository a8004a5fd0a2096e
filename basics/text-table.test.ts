import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable } from './text-table.ts';

describe('formatTable', () => {
  it('counts Chinese characters as two columns', () => {
    expect(displayWidth('陈海峰')).toBe(6);
    expect(displayWidth('ab（c）')).toBe(7);
  });

  it('aligns columns by display width and trims the last one', () => {
    const table = formatTable(['NAME', 'HOLDER', 'NOTE'], [['a', '陈海峰', 'x'], ['bbbbbb', 'Li', '']]);
    expect(table).toBe('NAME    HOLDER  NOTE\na       陈海峰  x\nbbbbbb  Li\n');
  });
});
