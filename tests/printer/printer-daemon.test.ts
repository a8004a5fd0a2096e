// The printer through the real daemon in simulator mode: Printer.* over WebSocket, status pushed
// as Common.StatusChangedEvent, a failed job reported as failed and reprinted, and
// `kiosk diag print-test` from a shell.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';
import { completeReceiptsOf, decodeQrFromPng } from './receipt-check.ts';

const run = promisify(execFile);
let daemon: RunningDaemon;
let client: TestClient;
let nextId = 1;

async function call(name: string, payload: Record<string, unknown> = {}) {
  const requestId = nextId++;
  client.command(name, requestId, payload, 20_000);
  return client.completion(requestId, 20_000);
}

beforeAll(async () => {
  daemon = await startDaemon({ env: { KIOSK_ID: 'KIOSK-PRN-01' } });
  client = await connect(daemon.wsUrl);
});

afterAll(async () => {
  client.close();
  await daemon.stop();
});

describe('printer over the daemon (simulator mode)', () => {
  it('reports the simulated printer online', async () => {
    const status = await call('Printer.Status');
    expect(status.header.completionCode).toBe('success');
    expect(status.payload).toMatchObject({ status: { state: 'online' }, source: 'sim', lastJob: null });
  });

  it('prints a test page with the kiosk id, the time and a QR code', async () => {
    const printed = await call('Printer.PrintTestPage');
    expect(printed.header.completionCode).toBe('success');
    expect(printed.payload).toMatchObject({ jobId: 'P000001', kind: 'testPage', state: 'printed' });
    const out = join(daemon.stateDir, 'sim-printer');
    const waitForPng = async () => {
      for (let i = 0; i < 100; i++) {
        const [receipt] = completeReceiptsOf(out, 'P000001');
        try {
          if (receipt) return readFileSync(receipt.file.replace(/\.txt$/, '.png'));
        } catch {
          // not rendered yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('no PNG');
    };
    const [qr] = await decodeQrFromPng(await waitForPng());
    expect(qr).toMatch(/^EPORT-KIOSK-TEST\|KIOSK-PRN-01\|\d{4}-\d\d-\d\dT/);
    expect(completeReceiptsOf(out, 'P000001')[0]?.text).toContain('KIOSK-PRN-01');
  });

  it('pushes paper out, fails a job with its reason, and reprints it after a new roll', async () => {
    const pushedAfter = (from: number, state: string) =>
      client.waitFor((m) => client.received.indexOf(m) >= from && m.header.name === 'Common.StatusChangedEvent' && JSON.stringify(m.payload).includes(`"${state}"`));
    let from = client.received.length;
    expect((await call('Sim.PrinterPaper', { paper: 'out' })).header.completionCode).toBe('success');
    await pushedAfter(from, 'paperOut');
    const failed = await call('Printer.PrintTestPage');
    expect(failed.header.completionCode).toBe('deviceNotReady');
    expect(failed.payload).toMatchObject({ error: { kind: 'paperOut' }, job: { jobId: 'P000002', state: 'failed', reason: 'paperOut' } });
    from = client.received.length;
    await call('Sim.PrinterPaper', { paper: 'full' });
    await pushedAfter(from, 'online');
    const reprint = await call('Printer.Reprint', { jobId: 'P000002' });
    expect(reprint.header.completionCode).toBe('success');
    expect(reprint.payload).toMatchObject({ jobId: 'P000003', reprintOf: 'P000002', state: 'printed' });
    const jobs = await call('Printer.Jobs', { limit: 3 });
    expect((jobs.payload as { jobs: { jobId: string; state: string }[] }).jobs.map((j) => `${j.jobId}:${j.state}`)).toEqual(['P000003:printed', 'P000002:failed', 'P000001:printed']);
  });

  it('answers an unknown job and a malformed id', async () => {
    expect((await call('Printer.Reprint', { jobId: 'P999999' })).header.completionCode).toBe('invalidData');
    expect((await call('Printer.Reprint', { jobId: 'nope' })).header.completionCode).toBe('invalidData');
  });

  it('kiosk diag print-test prints a test page on the running daemon', async () => {
    const { stdout } = await run(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'kiosk.mjs'), 'diag', 'print-test', '--port', String(daemon.port), '--state-dir', daemon.stateDir]);
    expect(JSON.parse(stdout)).toMatchObject({ completionCode: 'success', kind: 'testPage', state: 'printed' });
  });
});
