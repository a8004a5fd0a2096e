import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PaperRenderer } from './paper-renderer.ts';

describe('PaperRenderer', () => {
  it('renders a set in its own process and hands the pages back as PNG buffers', async () => {
    const renderer = new PaperRenderer();
    try {
      const pages = await renderer.render('new_enrolment', { seed: 7, only: [{ kind: 'business_licence' }] });
      expect(pages.map((page) => page.spec.kind)).toEqual(['business_licence']);
      const [page] = pages;
      expect(Buffer.isBuffer(page?.png)).toBe(true);
      const meta = await sharp(page?.png).metadata();
      expect(meta.format).toBe('png');
      expect(meta.density).toBe(page?.dpi);
    } finally {
      await renderer.close();
    }
  });

  it('fails what was asked when its process ends, and forks a new one for the next set', async () => {
    const renderer = new PaperRenderer({ idleMs: 10 });
    try {
      const asked = renderer.render('new_enrolment', { seed: 3 });
      await renderer.close();
      await expect(asked).rejects.toThrow(/the paper renderer ended/);
      const pages = await renderer.render('new_enrolment', { seed: 3, only: [{ kind: 'introduction_letter' }] });
      expect(pages.map((page) => page.spec.kind)).toEqual(['introduction_letter']);
    } finally {
      await renderer.close();
    }
  });
});
