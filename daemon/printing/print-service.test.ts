// Jobs through the real driver and an in-process virtual printer: journal, outcomes, reprint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimPrinter } from '../../sim/printer/sim-printer.ts';
import { silentLogger } from '../log/logger.ts';
import { openStore, type Store } from '../store/store.ts';
import { completeReceiptsOf, receiptsIn } from '../../tests/printer/receipt-check.ts';
import { PrintService } from './print-service.ts';
import { unlockReceipt } from './sample-receipt.ts';

let dir: string;
let store: Store;
let printer: SimPrinter;
let service: PrintService;

const receipt = unlockReceipt({ ticket: 'XM-0001', verifyUrl: 'https://eport.example/r/1' });

async function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-print-'));
  store = openStore(join(dir, 'kiosk.sqlite'));
  // Fast paper so the suite stays quick; the pacing itself is measured in bench/printer.ts.
  printer = new SimPrinter({ outDir: join(dir, 'out'), baud: 921_600, feedMmPerSecond: 2000, pollIntervalMs: 100 });
  service = new PrintService({ printer, jobs: store.printJobs, logger: silentLogger, kioskId: 'KIOSK-T-01' });
  await printer.start();
  await waitFor(() => printer.status().state === 'online');
});

afterEach(async () => {
  await printer.stop();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('print service', () => {
  it('journals a job, prints it in full and records the printer confirmation', async () => {
    const result = await service.print(receipt);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ jobId: 'P000001', state: 'printed', reason: null, kind: 'unlock' });
    await printer.files.flushed();
    const [printed] = completeReceiptsOf(join(dir, 'out'), 'P000001');
    expect(printed?.text).toContain('IC卡解锁回执');
    // ID numbers masked, first 6 and last 4.
    expect(printed?.text).toContain('350204********011X');
    expect(printed?.text).not.toContain('35020419800109011X');
    expect(store.printJobs.get('P000001')?.bytes).toBeGreaterThan(1000);
  });

  it('never keeps a PIN or a full ID number in the journal', async () => {
    const withPin = { ...receipt, lines: [...receipt.lines, { kind: 'text' as const, text: 'holder 35020419800109011X' }], pin: '123456' };
    await service.print(withPin);
    const journaled = JSON.stringify(store.printJobs.get('P000001')?.receipt);
    expect(journaled).not.toContain('123456');
    expect(journaled).not.toContain('35020419800109011X');
  });

  it('reports paper out mid-job as failed, then reprints it marked REPRINT after a new roll', async () => {
    printer.virtual.setPaperLeft(60); // runs out about a third into the receipt
    const failed = await service.print(receipt);
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error).toMatchObject({ kind: 'printFailed', failure: { reason: 'paperOut' }, job: { state: 'failed', reason: 'paperOut' } });
    expect(printer.status().state).toBe('paperOut');
    expect((await service.print(receipt)).ok).toBe(false); // refused while out of paper

    printer.virtual.loadPaper();
    await waitFor(() => printer.status().state === 'online');
    const reprinted = await service.reprint('P000001');
    expect(reprinted.ok && reprinted.value).toMatchObject({ jobId: 'P000003', state: 'printed', reprintOf: 'P000001' });
    await printer.files.flushed();
    const out = join(dir, 'out');
    const complete = completeReceiptsOf(out, 'P000003');
    expect(complete).toHaveLength(1);
    expect(complete[0]?.text).toContain('重打 REPRINT');
    expect(complete[0]?.text).toContain('原单 Original P000001');
    expect(completeReceiptsOf(out, 'P000001')).toHaveLength(0);
    // The half-printed first job went with the empty roll; the next receipt starts with a void slip.
    expect(receiptsIn(out).map((r) => r.text).filter((text) => text.includes('VOID'))).toHaveLength(1);
  });

  it('refuses to reprint a job it never journaled', async () => {
    expect(await service.reprint('P000099')).toEqual({ ok: false, error: { kind: 'unknownJob', jobId: 'P000099' } });
  });

  it('marks jobs a crash left pending as interrupted', () => {
    store.printJobs.create({ kind: 'unlock', receipt, reprintOf: null });
    service.start();
    expect(store.printJobs.get('P000001')).toMatchObject({ state: 'failed', reason: 'interrupted' });
  });
});
