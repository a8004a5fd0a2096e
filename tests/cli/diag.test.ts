// `kiosk diag card | idcard | scan | print-test | status` from a shell, against the running daemon.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

let daemon: RunningDaemon;
let dock: TestClient;

function diag(what: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'kiosk.mjs'), 'diag', what, '--port', String(daemon.port), '--state-dir', daemon.stateDir], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  daemon = await startDaemon();
  dock = await connect(daemon.wsUrl);
});

afterAll(async () => {
  dock.close();
  await daemon.stop();
});

describe('kiosk diag', () => {
  it('card: fails with no card, then shows the ATR and SELECT 9000 of an inserted one', async () => {
    const empty = await diag('card');
    expect(empty.code).toBe(1);
    expect(JSON.parse(empty.stdout)).toMatchObject({ check: 'card', completionCode: 'deviceNotReady' });
    dock.command('Sim.InsertCard', 1, { fixture: 'operator' });
    await dock.completion(1);
    const result = await diag('card');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ check: 'card', completionCode: 'success', select: '9000', atr: expect.stringMatching(/^3B8A/), info: { cardType: 'operator' } });
  });

  it('idcard: fails with no ID card on the reader, then shows the SAM id and the holder masked', async () => {
    const empty = await diag('idcard');
    expect(empty.code).toBe(1);
    expect(JSON.parse(empty.stdout)).toMatchObject({ check: 'idcard', completionCode: 'deviceNotReady' });
    dock.command('Sim.IdCardPlace', 2, { fixture: 'agent' });
    await dock.completion(2);
    const result = await diag('idcard');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ check: 'idcard', completionCode: 'success', samId: expect.stringMatching(/^[0-9a-f]{32}$/), holder: { name: '许文彬', idNumberMasked: '350204********011X' } });
    expect(result.stdout).not.toContain('35020419800109011X');
    dock.command('Sim.IdCardRemove', 3, {});
    await dock.completion(3);
  });

  it('scan: one page from the simulated feeder with its image checks', async () => {
    const result = await diag('scan');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { pages: unknown[] };
    expect(output.pages.length).toBeGreaterThan(0);
  });

  it('print-test and status answer too', async () => {
    expect((await diag('print-test')).code).toBe(0);
    const status = await diag('status');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ kioskId: 'KIOSK-DEV-01' });
  });

  it('says so plainly when no daemon answers', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'kiosk.mjs'), 'diag', 'card', '--port', '1', '--state-dir', daemon.stateDir], { cwd: repoRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/the daemon does not answer at ws:\/\/127\.0\.0\.1:1\/ws/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("says so plainly when it cannot read the daemon's tool token (another user, another state directory)", async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'kiosk.mjs'), 'diag', 'card', '--port', String(daemon.port), '--state-dir', join(daemon.stateDir, 'nowhere')], { cwd: repoRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot read the daemon's tool token .*tool-token \(ENOENT\)/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
