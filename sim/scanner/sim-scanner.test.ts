import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedPage } from './documents.ts';
import { documentSpecs } from './document-set.ts';
import { generatePage } from './generate-page.ts';
import { SimScanner } from './sim-scanner.ts';

const adf = { source: 'adf', resolutionDpi: 150, mode: 'color' } as const;

describe('SimScanner', () => {
  let pages: GeneratedPage[];
  beforeAll(async () => {
    const specs = documentSpecs('unlock', { date: '2026-11-22' });
    pages = await Promise.all(specs.map((spec) => generatePage(spec, { date: '2026-11-22', dpi: 150 })));
  });

  it('scans the feeder as a batch at the requested resolution, then reports noPaper', async () => {
    const scanner = new SimScanner({ pageDelayMs: 1 });
    scanner.loadFeeder(pages);
    const result = await scanner.scan({ ...adf, resolutionDpi: 100 });
    expect(result.ok && result.value.map((p) => [p.dpi, p.channels])).toEqual([[100, 3], [100, 3], [100, 3]]);
    expect(result.ok && result.value[0]?.width).toBe(827);
    expect(await scanner.scan(adf)).toMatchObject({ ok: false, error: { kind: 'noPaper' } });
    expect(scanner.status().state).toBe('noPaper');
  });

  it('hands each sheet over as it is fed, before the next is rasterised', async () => {
    const scanner = new SimScanner({ pageDelayMs: 1 });
    scanner.loadFeeder(pages);
    const seen: { page: number; of: number; stillInFeeder: number }[] = [];
    const result = await scanner.scanPages(adf, async (_page, position) => void seen.push({ ...position, stillInFeeder: scanner.feederCount }));
    expect(result).toEqual({ ok: true, value: 3 });
    expect(seen).toEqual([
      { page: 1, of: 3, stillInFeeder: 2 },
      { page: 2, of: 3, stillInFeeder: 1 },
      { page: 3, of: 3, stillInFeeder: 0 },
    ]);
  });

  it('jams, opens its cover and cancels like a real one', async () => {
    const scanner = new SimScanner({ pageDelayMs: 1 });
    scanner.loadFeeder(pages);
    scanner.jam(1);
    expect(await scanner.scan(adf)).toMatchObject({ ok: false, error: { kind: 'jammed' } });
    expect(scanner.status().state).toBe('jammed');
    expect(scanner.feederCount).toBe(2);
    scanner.clearJam();
    scanner.openCover();
    expect(await scanner.scan(adf)).toMatchObject({ ok: false, error: { kind: 'coverOpen' } });
    scanner.closeCover();
    expect(scanner.status().state).toBe('idle');

    const slow = new SimScanner({ pageDelayMs: 2000 });
    slow.loadFeeder(pages);
    const pending = slow.scan(adf);
    expect(slow.status().state).toBe('busy');
    expect(await slow.scan(adf)).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(slow.cancel()).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'canceled' } });
    expect(slow.feederCount).toBe(3);
  });

  it('scans the glass in grey', async () => {
    const scanner = new SimScanner({ pageDelayMs: 1 });
    expect(await scanner.scan({ ...adf, source: 'flatbed' })).toMatchObject({ ok: false, error: { kind: 'noPaper' } });
    scanner.placeOnGlass(pages[1] ?? null);
    const result = await scanner.scan({ source: 'flatbed', resolutionDpi: 300, mode: 'gray' });
    // The ID card was generated at 150 dpi: a scanner cannot add detail the page does not have.
    expect(result.ok && [result.value[0]?.channels, result.value[0]?.dpi]).toEqual([1, 150]);
  });
});
