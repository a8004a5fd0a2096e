// Scanner.* handlers over the simulated scanner: scan → checked pages kept per session.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scannerHandlers } from '../../daemon/commands/scanner-commands.ts';
import { ScannedPages } from '../../daemon/imaging/scanned-pages.ts';
import type { CommandContext } from '../../daemon/server/commands.ts';
import type { CommandEvent } from '../../contract/protocol/catalogue.ts';
import { documentSet } from '../../sim/scanner/document-set.ts';
import type { GeneratedPage } from '../../sim/scanner/documents.ts';
import { SimScanner } from '../../sim/scanner/sim-scanner.ts';

const context = (): CommandContext<'Scanner.Scan'> & { events: CommandEvent<'Scanner.Scan'>[] } => {
  const events: CommandEvent<'Scanner.Scan'>[] = [];
  return { signal: new AbortController().signal, connectionId: 1, role: 'technician', pageInstance: null, cancel: () => [], emit: (payload) => events.push(payload), events };
};

describe('Scanner.* commands', () => {
  let set: GeneratedPage[];
  const dir = mkdtempSync(join(tmpdir(), 'scans-'));
  beforeAll(async () => {
    set = await documentSet('unlock', { date: '2026-11-22', dpi: 150 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scans the feeder, reports each page, keeps them 0600 in a 0700 directory, and discards them', async () => {
    const scanner = new SimScanner({ pageDelayMs: 1 });
    scanner.loadFeeder(set);
    const pages = new ScannedPages({ dir: join(dir, 'scans') });
    let session: string | null = 'S1';
    const handlers = scannerHandlers({ scanner, pages, sessionId: () => session, defaults: { resolutionDpi: 150, mode: 'color' } });
    const ctx = context();
    const scanned = await handlers['Scanner.Scan']({ source: 'adf' }, ctx);
    if (!scanned.ok) throw new Error(scanned.error.errorDescription);
    expect(scanned.value.pages).toHaveLength(3);
    expect(ctx.events).toEqual([{ page: 1, of: 3 }, { page: 2, of: 3 }, { page: 3, of: 3 }]);
    expect(scanned.value.pages[0]?.report.seals.map((s) => s.kind)).toEqual(['company_seal']);
    expect(statSync(join(dir, 'scans')).mode & 0o777).toBe(0o700);
    const files = readdirSync(join(dir, 'scans'));
    expect(files).toHaveLength(3);
    expect(statSync(join(dir, 'scans', files[0]!)).mode & 0o777).toBe(0o600);
    expect(await handlers['Scanner.Pages']({}, ctx)).toMatchObject({ ok: true, value: { pages: { length: 3 } } });

    // The feeder is empty now: a typed failure with its completion code.
    expect(await handlers['Scanner.Scan']({ source: 'adf' }, ctx)).toMatchObject({ ok: false, error: { completionCode: 'deviceNotReady', payload: { error: { kind: 'noPaper' } } } });
    // A new session: the old session's pages are gone before the next scan.
    session = 'S2';
    scanner.loadFeeder(set.slice(0, 1));
    await handlers['Scanner.Scan']({ source: 'adf' }, ctx);
    expect(pages.list()).toHaveLength(1);
    expect(readdirSync(join(dir, 'scans'))).toHaveLength(1);
    expect(await handlers['Scanner.DiscardPages']({}, ctx)).toEqual({ ok: true, value: { discarded: 1 } });
    expect(readdirSync(join(dir, 'scans'))).toHaveLength(0);
  });

  it('maps a jam and a cancel to completion codes', async () => {
    const scanner = new SimScanner({ pageDelayMs: 1000 });
    const handlers = scannerHandlers({ scanner, pages: new ScannedPages(), sessionId: () => null, defaults: { resolutionDpi: 150, mode: 'color' } });
    scanner.loadFeeder(set);
    const pending = handlers['Scanner.Scan']({ source: 'adf' }, context());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await handlers['Scanner.Cancel']({}, context())).toEqual({ ok: true, value: { canceled: true } });
    expect(await pending).toMatchObject({ ok: false, error: { completionCode: 'canceled' } });
    scanner.jam();
    expect(await handlers['Scanner.Scan']({ source: 'adf' }, context())).toMatchObject({ ok: false, error: { completionCode: 'deviceNotReady', payload: { error: { kind: 'jammed' } } } });
    expect(await handlers['Scanner.Status']({}, context())).toMatchObject({ ok: true, value: { status: { state: 'jammed' }, source: 'sim' } });
  });
});
