// Technician logins as an attacker on the box tries them, against the real daemon (issue 13,
// technician mode): a burst of guesses in one TCP write, and refusals that are not guesses.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTechnicianPin } from '../../daemon/kiosk/technician-pin.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

const switchPin = '24681357';
let daemon: RunningDaemon | undefined;
let stateDir: string | undefined;

afterEach(async () => {
  await daemon?.stop();
  if (stateDir !== undefined) rmSync(stateDir, { recursive: true, force: true });
  daemon = undefined;
  stateDir = undefined;
});

async function boot(): Promise<RunningDaemon> {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-tech-attack-'));
  const config = join(stateDir, 'config.json');
  writeFileSync(config, JSON.stringify({ technician: { pinHash: hashTechnicianPin(switchPin) } }));
  daemon = await startDaemon({ stateDir, args: ['--config', config] });
  return daemon;
}

function login(id: number, pin: string): string {
  return JSON.stringify({ header: { name: 'Technician.Login', requestId: id, type: 'command' }, payload: { method: 'serviceSwitch', pin } });
}

async function call(client: TestClient, id: number, name: string, payload: Record<string, unknown> = {}) {
  client.command(name, id, payload);
  return client.completion(id, 30_000);
}

describe('technician logins as an attacker tries them', () => {
  it('50 wrong PINs in one write: at most 3 are ever checked, the rest are locked out', async () => {
    const running = await boot();
    const attacker = await connect(running.wsUrl);
    await call(attacker, 1, 'Sim.SetInput', { input: 'serviceSwitch', active: true });
    // 50 frames sent in one go (one synchronous loop: they leave in the same TCP writes), before
    // the daemon has answered any.
    const ids = Array.from({ length: 50 }, (_, i) => 100 + i);
    for (const id of ids) attacker.sendRaw(login(id, String(11223300 + id)));
    const answers = await Promise.all(ids.map((id) => attacker.completion(id, 60_000)));
    const kinds = answers.map((answer) => (answer.payload.error as { kind: string }).kind);
    expect(kinds.filter((kind) => kind === 'wrongPin').length).toBeLessThanOrEqual(3);
    expect(kinds.filter((kind) => kind === 'lockedOut').length).toBeGreaterThanOrEqual(47);
    const checked = running.logs.filter((line) => line.name === 'technician.loginRefused' && line.refusal === 'wrongPin');
    expect(checked.length).toBeLessThanOrEqual(3);
    // And the right PIN is locked out too, with a bounded wait.
    const locked = await call(attacker, 2, 'Technician.Login', { method: 'serviceSwitch', pin: switchPin });
    expect(locked.payload).toMatchObject({ error: { kind: 'lockedOut' } });
    expect((locked.payload.error as { retryInSeconds: number }).retryInSeconds).toBeLessThanOrEqual(15 * 60);
    attacker.close();
  });

  it('refusals that are not guesses (switch off) do not count: the right PIN still gets in', async () => {
    const running = await boot();
    const attacker = await connect(running.wsUrl);
    for (let id = 1; id <= 10; id++) {
      expect((await call(attacker, id, 'Technician.Login', { method: 'serviceSwitch', pin: '11223344' })).payload).toEqual({ error: { kind: 'serviceSwitchOff' } });
    }
    await call(attacker, 20, 'Sim.SetInput', { input: 'serviceSwitch', active: true });
    const login = await call(attacker, 21, 'Technician.Login', { method: 'serviceSwitch', pin: switchPin });
    expect(login.header.completionCode).toBe('success');
    attacker.close();
  });

  it('another connection is answered while logins are being checked', async () => {
    const running = await boot();
    const attacker = await connect(running.wsUrl);
    const bystander = await connect(running.wsUrl);
    await call(attacker, 1, 'Sim.SetInput', { input: 'serviceSwitch', active: true });
    const order: string[] = [];
    attacker.ws.on('message', (data) => {
      const header = (JSON.parse((data as Buffer).toString('utf8')) as { header: { type: string; requestId?: number } }).header;
      if (header.type === 'completion') order.push(`login ${header.requestId ?? 0}`);
    });
    bystander.ws.on('message', () => order.push('status'));
    for (let id = 10; id < 13; id++) attacker.sendRaw(login(id, '11223344'));
    bystander.command('Common.Status', 1, {});
    // Three scrypt checks (~80 ms each) run off the event loop, one after another: the status
    // is answered before the last of them is done (with scrypt on the loop it waited for all).
    expect((await bystander.completion(1, 30_000)).header.completionCode).toBe('success');
    await attacker.completion(12, 30_000);
    expect(order.indexOf('status')).toBeLessThan(order.indexOf('login 12'));
    attacker.close();
    bystander.close();
  });
});
