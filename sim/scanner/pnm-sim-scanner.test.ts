// The simulated scanner's sheets and faults through the real scanimage and SANE's pnm backend.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScannerStatus } from '../../contract/devices/scanner.ts';
import { requireSystemTool } from '../../tests/support/system-stack.ts';
import { documentSpecs } from './document-set.ts';
import type { GeneratedPage } from './documents.ts';
import { generatePage } from './generate-page.ts';
import { PnmSimScanner } from './pnm-sim-scanner.ts';

const haveSane = requireSystemTool('scanimage', 'sane-utils');
const date = '2026-11-22';
const adf = { source: 'adf', resolutionDpi: 100, mode: 'color' } as const;

describe.skipIf(!haveSane)('PnmSimScanner: the SimScanner model through scanimage and the pnm backend', () => {
  let pages: GeneratedPage[];
  let stateDir: string;
  let scanner: PnmSimScanner;
  let seen: ScannerStatus['state'][];

  beforeAll(async () => {
    // Two small pages: an A4 letter and an ID card, at 100 dpi.
    const specs = documentSpecs('unlock', { date }).filter((s) => s.kind === 'id_card' || s.kind === 'introduction_letter').slice(0, 2);
    pages = await Promise.all(specs.map((spec) => generatePage(spec, { date, dpi: 100 })));
  });
  beforeEach(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'pnm-sim-'));
    scanner = new PnmSimScanner({ stateDir, timeoutMs: 30_000 });
    seen = [];
    scanner.onStatusChange((s) => seen.push(s.state));
    await scanner.start();
  });
  afterEach(async () => {
    await scanner.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  const sizes = async (): Promise<[number, number][]> =>
    Promise.all(pages.map(async (p) => sharp(p.png).metadata().then((m): [number, number] => [m.width, m.height])));

  it('lists the pnm devices and scans an ADF batch page by page, leaving no sheet on disk', async () => {
    const devices = await scanner.listDevices();
    expect(devices.ok && devices.value.map((d) => d.name)).toContain('pnm:0');
    scanner.loadFeeder(pages);
    const started = performance.now();
    const result = await scanner.scan(adf);
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(result.error.message);
    console.info(`PnmSimScanner: ${pages.length}-page ADF batch at 100 dpi in ${elapsed.toFixed(0)} ms`);
    expect(result.value.map((p) => [p.width, p.height])).toEqual(await sizes());
    expect(result.value.map((p) => [p.channels, p.dpi])).toEqual([[3, 100], [3, 100]]);
    expect(scanner.feederCount).toBe(0);
    expect(seen).toEqual(['busy', 'idle']);
    expect(scanner.status()).toEqual({ state: 'idle', device: 'pnm:0' });
    const root = join(stateDir, 'sane-pnm');
    const leftovers = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pnm'));
    expect(leftovers).toEqual([]);
    // The empty feeder: noPaper, from SANE's SANE_STATUS_NO_DOCS.
    expect(await scanner.scan(adf)).toMatchObject({ ok: false, error: { kind: 'noPaper', message: expect.stringMatching(/no pages|out of documents/i) } });
    expect(scanner.status().state).toBe('noPaper');
    scanner.loadFeeder(pages.slice(0, 1));
    expect(scanner.status().state).toBe('idle');
  });

  it('times a one-page scan', async () => {
    scanner.loadFeeder(pages.slice(0, 1));
    const started = performance.now();
    const result = await scanner.scan(adf);
    console.info(`PnmSimScanner: one-page ADF scan at 100 dpi in ${(performance.now() - started).toFixed(0)} ms`);
    expect(result.ok && result.value.length).toBe(1);
  });

  it('jams through SANE, and scans again once the jam is cleared', async () => {
    scanner.loadFeeder(pages);
    scanner.jam();
    const jammed = await scanner.scan(adf);
    expect(jammed).toMatchObject({ ok: false, error: { kind: 'jammed', message: 'sane_read: Document feeder jammed' } });
    expect(scanner.status()).toEqual({ state: 'jammed', device: 'pnm:0' });
    expect(scanner.feederCount).toBe(2);
    scanner.clearJam();
    expect(scanner.status().state).toBe('idle');
    const again = await scanner.scan(adf);
    expect(again.ok && again.value.length).toBe(2);
  });

  it('jams mid-batch as the model says (a sheet folding after the first)', async () => {
    scanner.loadFeeder(pages);
    scanner.jam(1);
    expect(await scanner.scan(adf)).toMatchObject({ ok: false, error: { kind: 'jammed' } });
    expect(scanner.status().state).toBe('jammed');
    expect(scanner.feederCount).toBe(1);
  });

  it('reports an open cover through SANE', async () => {
    scanner.loadFeeder(pages);
    scanner.openCover();
    expect(await scanner.scan(adf)).toMatchObject({ ok: false, error: { kind: 'coverOpen', message: 'sane_read: Scanner cover is open' } });
    expect(scanner.status().state).toBe('coverOpen');
    scanner.closeCover();
    expect(scanner.status().state).toBe('idle');
  });

  it('scans the glass in grey, and reports an empty glass as noPaper', async () => {
    expect(await scanner.scan({ ...adf, source: 'flatbed' })).toMatchObject({ ok: false, error: { kind: 'noPaper', message: 'sane_read: Document feeder out of documents' } });
    scanner.placeOnGlass(pages[1] ?? null);
    const result = await scanner.scan({ source: 'flatbed', resolutionDpi: 300, mode: 'gray' });
    if (!result.ok) throw new Error(result.error.message);
    // Generated at 100 dpi: the model delivers 100 dpi, and the backend is asked for that.
    expect(result.value.map((p) => [p.width, p.height, p.channels, p.dpi])).toEqual([[...((await sizes())[1] ?? []), 1, 100]]);
  });

  it('is busy during a scan, and a cancel puts the undelivered sheets back', async () => {
    scanner.loadFeeder(pages);
    const pending = scanner.scan(adf);
    expect(scanner.status().state).toBe('busy');
    expect(await scanner.scan(adf)).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(scanner.cancel()).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'canceled' } });
    expect(scanner.feederCount).toBe(2);
    expect(scanner.status().state).toBe('idle');
    expect(existsSync(join(stateDir, 'sane-pnm'))).toBe(true);
  });

  it('a cancel while scanimage feeds a sheet stops it there and puts that sheet and the rest back', async () => {
    scanner.loadFeeder(pages);
    const pending = scanner.scan(adf);
    const root = join(stateDir, 'sane-pnm');
    const feeding = (): boolean => readdirSync(root, { recursive: true, encoding: 'utf8' }).some((f) => /sheet-\d+\.pnm$/.test(f));
    while (!feeding()) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(scanner.cancel()).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'canceled' } });
    expect(scanner.feederCount).toBeGreaterThanOrEqual(1);
    expect(scanner.status().state).toBe('idle');
  });
});
