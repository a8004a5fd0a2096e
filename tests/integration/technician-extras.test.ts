// The technician's counters, log tail, export bundle and readiness report, and the dev dock's
// scanner controls, on the real daemon in simulator mode.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashTechnicianPin } from '../../daemon/kiosk/technician-pin.ts';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

type Call = (name: string, payload?: Record<string, unknown>) => Promise<{ code: string; payload: Record<string, unknown> }>;

const legalPerson = cardFixtures.find((f) => f.name === 'legal-person')!;
const fullIdNumber = /\d{17}[\dX]/;

let stateDir: string;
let daemons: RunningDaemon[] = [];
let clients: TestClient[] = [];

beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-tech-extras-'));
});

async function boot(): Promise<RunningDaemon> {
  const config = join(stateDir, 'config.json');
  writeFileSync(config, JSON.stringify({ technician: { pinHash: hashTechnicianPin('24681357') }}));
  const daemon = await startDaemon({ stateDir, args: ['--config', config] });
  daemons.push(daemon);
  return daemon;
}

async function client(daemon: RunningDaemon, origin?: string): Promise<Call> {
  const c = await connect(daemon.wsUrl, origin === undefined ? {} : { origin, page: 'technician' });
  clients.push(c);
  let id = 1;
  return async (name, payload = {}) => {
    const requestId = id++;
    c.command(name, requestId, payload, 30_000);
    const done = await c.completion(requestId, 30_000);
    return { code: done.header.completionCode ?? '', payload: done.payload };
  };
}

async function counters(call: Call): Promise<{ counters: Record<string, number>; since: string }> {
  const answer = await call('Technician.Counters');
  expect(answer.code).toBe('success');
  return answer.payload as never;
}

afterEach(async () => {
  for (const c of clients) c.close();
  for (const d of daemons) await d.stop();
  clients = [];
  daemons = [];
  rmSync(stateDir, { recursive: true, force: true });
});

describe('technician extras', () => {
  it('counts cards, APDUs, receipts, cuts and paper, and keeps the counts across a restart', async () => {
    const first = await boot();
    const call = await client(first);
    const before = await counters(call);
    expect(before.counters).toMatchObject({ cardsRead: 0, apdus: 0, receiptsPrinted: 0, cuts: 0, paperUsedMm: 0 });

    expect((await call('Sim.InsertCard', { fixture: 'legal-person' })).code).toBe('success');
    await first.waitForLog((line) => line.name === 'card.settled');
    expect((await call('Printer.PrintTestPage')).code).toBe('success');
    const after = await counters(call);
    expect(after.counters.cardsRead).toBe(1);
    expect(after.counters.apdus).toBeGreaterThan(1);
    expect(after.counters).toMatchObject({ receiptsPrinted: 1, cuts: 1 });
    expect(after.counters.paperUsedMm).toBeGreaterThan(50);
    expect(after.since).toBe(before.since);

    // Stopped at once: the counts were not yet due for a periodic flush, so close wrote them.
    await first.stop();
    daemons = [];
    const second = await boot();
    const again = await counters(await client(second));
    expect(again).toEqual(after);
  });

  it('tails the redacted log and exports a bundle without secrets', async () => {
    const daemon = await boot();
    const call = await client(daemon);
    expect((await call('Sim.InsertCard', { fixture: 'legal-person' })).code).toBe('success');
    await daemon.waitForLog((line) => line.name === 'card.settled');

    const tail = await call('Technician.LogTail', { lines: 50 });
    expect(tail.code).toBe('success');
    const lines = tail.payload.lines as string[];
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.length).toBeLessThanOrEqual(50);
    for (const line of lines) {
      expect(() => JSON.parse(line) as unknown).not.toThrow();
      expect(line).not.toMatch(fullIdNumber);
      expect(line).not.toContain(legalPerson.holder.idNumber);
    }
    expect(lines.some((line) => line.includes('card.settled'))).toBe(true);

    // The export needs technician mode: a local shell is not enough.
    expect((await call('Technician.ExportBundle')).code).toBe('authorisationRequired');
    expect((await call('Sim.SetInput', { input: 'serviceSwitch', active: true })).code).toBe('success');
    expect((await call('Technician.Login', { method: 'serviceSwitch', pin: '24681357' })).code).toBe('success');
    // An ID card on the reader: the bundle says so, never whose.
    expect((await call('Sim.IdCardPlace', { fixture: 'agent' })).code).toBe('success');
    await expect.poll(async () => ((await call('Common.Status')).payload as { devices: { idCardReader: { state: string } } }).devices.idCardReader.state).toBe('cardPresent');
    const exported = await call('Technician.ExportBundle');
    expect(exported.code).toBe('success');
    expect(exported.payload.fileName).toMatch(/^eport-kiosk-[A-Za-z0-9_-]+-\d{8}T\d{6}Z\.json$/);
    const bundle = exported.payload.bundle as Record<string, unknown>;
    for (const section of ['kioskId', 'version', 'time', 'health', 'service', 'config', 'counters', 'audit', 'logTail']) expect(bundle).toHaveProperty(section);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('pinHash');
    expect(text).not.toContain('scrypt:');
    expect(text).not.toContain('"token"');
    expect(text).not.toMatch(fullIdNumber);
    expect(text).toContain('"cardPresent"');
    expect(text).not.toContain('许文彬');
    expect(text).not.toContain('350204********011X');
    expect((bundle.audit as { action: string }[]).some((entry) => entry.action === 'technician.login')).toBe(true);
  });

  it('prints the readiness report and audits it', async () => {
    const daemon = await boot();
    const call = await client(daemon);
    const printed = await call('Technician.PrintReadiness');
    expect(printed.code).toBe('success');
    expect(printed.payload.jobId).toMatch(/^P\d+$/);
    const job = await daemon.waitForLog((line) => line.name === 'printer.jobPrinted' && line.jobId === printed.payload.jobId);
    expect(job.kind).toBe('readiness');
    expect((await counters(call)).counters.receiptsPrinted).toBeGreaterThanOrEqual(1);
    await daemon.waitForLog((line) => line.name === 'technician.action' && line.action === 'shell.printReadiness');
  });

  it('refuses a browser page without technician mode', async () => {
    const daemon = await boot();
    const call = await client(daemon, `http://127.0.0.1:${daemon.port}`);
    for (const name of ['Technician.Counters', 'Technician.LogTail', 'Technician.ExportBundle', 'Technician.PrintReadiness']) {
      expect((await call(name)).code, name).toBe('authorisationRequired');
    }
  });

  it('loads the scanner feeder and jams it from the dev dock', async () => {
    const daemon = await boot();
    const call = await client(daemon);
    const loaded = await call('Sim.ScannerLoad', { business: 'unlock' });
    expect(loaded.code).toBe('success');
    const count = loaded.payload.pages as number;
    expect(count).toBeGreaterThan(0);
    const scanned = await call('Scanner.Scan', { source: 'adf' });
    expect(scanned.code).toBe('success');
    expect((scanned.payload.pages as unknown[]).length).toBe(count);
    expect((await counters(call)).counters.pagesScanned).toBe(count);

    expect((await call('Sim.ScannerLoad', { business: 'unlock', defect: 'blank' })).code).toBe('success');
    expect((await call('Sim.ScannerFault', { fault: 'jam' })).code).toBe('success');
    expect(((await call('Scanner.Status')).payload.status as { state: string }).state).toBe('jammed');
    const jammed = await call('Scanner.Scan', { source: 'adf' });
    expect(jammed.code).toBe('deviceNotReady');
    expect((jammed.payload.error as { kind: string }).kind).toBe('jammed');
    expect((await counters(call)).counters.scannerJams).toBe(1);

    expect((await call('Sim.ScannerFault', { fault: 'clear' })).code).toBe('success');
    expect(((await call('Scanner.Status')).payload.status as { state: string }).state).toBe('idle');
    const blank = await call('Scanner.Scan', { source: 'adf' });
    expect(blank.code).toBe('success');
    expect((blank.payload.pages as unknown[]).length).toBe(count);
  });
});
