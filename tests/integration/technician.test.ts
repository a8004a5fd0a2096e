// Technician mode, the tamper switch and the audit log, on the real daemon in simulator mode.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTechnicianPin } from '../../daemon/kiosk/technician-pin.ts';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

const technicianCard = cardFixtures.find((f) => f.name === 'technician')!;
const legalPerson = cardFixtures.find((f) => f.name === 'legal-person')!;
const switchPin = '24681357';

let stateDir: string;
let daemons: RunningDaemon[] = [];
let clients: TestClient[] = [];

async function boot(env: Record<string, string> = {}): Promise<RunningDaemon> {
  const config = join(stateDir, 'config.json');
  writeFileSync(config, JSON.stringify({ technician: { pinHash: hashTechnicianPin(switchPin) } }));
  const daemon = await startDaemon({ stateDir, args: ['--config', config], env });
  daemons.push(daemon);
  return daemon;
}

async function client(daemon: RunningDaemon): Promise<(name: string, payload?: Record<string, unknown>) => Promise<{ code: string; payload: Record<string, unknown> }>> {
  const c = await connect(daemon.wsUrl);
  clients.push(c);
  let id = 1;
  return async (name, payload = {}) => {
    const requestId = id++;
    c.command(name, requestId, payload, 20_000);
    const done = await c.completion(requestId, 20_000);
    return { code: done.header.completionCode ?? '', payload: done.payload };
  };
}

async function health(daemon: RunningDaemon): Promise<Record<string, unknown> & { devices: { gpio: Record<string, unknown> } }> {
  return (await (await fetch(new URL('/api/health', daemon.url))).json()) as never;
}

afterEach(async () => {
  for (const c of clients) c.close();
  for (const d of daemons) await d.stop();
  clients = [];
  daemons = [];
});

describe('technician mode and tamper', () => {
  it('opening the cabinet takes the kiosk out of service until a technician returns it, across a restart', async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'kiosk-tech-'));
    try {
      const first = await boot();
      const call = await client(first);
      expect((await call('Sim.SetInput', { input: 'tamper', active: true })).code).toBe('success');
      await expect.poll(async () => (await health(first)).state).toBe('outOfService');
      const h = await health(first);
      expect(h.service).toMatchObject({ state: 'outOfService', reasons: ['tamper'] });
      expect(h.devices.gpio).toMatchObject({ lights: { alarm: 'fast', inService: 'off' } });
      await call('Sim.SetInput', { input: 'tamper', active: false });
      await first.stop();

      // A restart does not clear a tamper alarm.
      const second = await boot();
      expect((await health(second)).service).toMatchObject({ state: 'outOfService', reasons: ['tamper'] });
      const tech = await client(second);
      // Anyone else is refused the technician's commands.
      expect((await tech('Technician.Audit')).code).toBe('authorisationRequired');
      expect((await tech('Sim.InsertCard', { fixture: 'technician' })).code).toBe('success');
      const login = await tech('Technician.Login', { method: 'card', pin: technicianCard.pin });
      expect(login).toMatchObject({ code: 'success', payload: { actor: `technician:${technicianCard.cardNo}` } });
      expect((await health(second)).technician).toMatchObject({ active: true });
      expect((await tech('Technician.TestLight', { light: 'cardSlot', pattern: 'slow' })).code).toBe('success');
      expect((await tech('Technician.TestCard')).payload).toMatchObject({ select: '9000', atr: expect.stringMatching(/^3B8A/), info: { cardType: 'technician' } });
      expect((await tech('Technician.SetOutOfService', { outOfService: true })).payload).toMatchObject({ service: { reasons: ['maintenance', 'tamper', 'technician'] } });
      expect((await tech('Technician.Logout')).code).toBe('success');
      await expect.poll(async () => (await health(second)).service).toEqual({ state: 'inService' });
      expect((await health(second)).devices.gpio).toMatchObject({ lights: { alarm: 'off', inService: 'on' } });

      // Every step is in the audit log, newest first.
      const relog = await tech('Technician.Login', { method: 'card', pin: technicianCard.pin });
      expect(relog.code).toBe('success');
      const audit = (await tech('Technician.Audit', { limit: 50 })).payload.entries as { actor: string; action: string; detail: Record<string, unknown> }[];
      const actions = audit.map((e) => e.action).reverse();
      expect(actions).toEqual(
        expect.arrayContaining(['outOfService', 'cabinetClosed', 'technician.login', 'testLight', 'testCard', 'inServiceAgain', 'technician.logout']),
      );
      expect(audit.find((e) => e.action === 'outOfService' && e.detail.reason === 'tamper')?.actor).toBe('gpio:tamper');
      expect(JSON.stringify(audit)).not.toContain(technicianCard.pin);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('locks the service-switch login out with growing delays after failures', async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'kiosk-tech-'));
    try {
      const daemon = await boot();
      const call = await client(daemon);
      expect((await call('Technician.Login', { method: 'serviceSwitch', pin: switchPin })).payload).toEqual({ error: { kind: 'serviceSwitchOff' } });
      await call('Sim.SetInput', { input: 'serviceSwitch', active: true });
      // A switch left off is not a guess (issue 13): only the three wrong PINs count.
      for (let i = 0; i < 3; i++) expect((await call('Technician.Login', { method: 'serviceSwitch', pin: '11223344' })).payload).toEqual({ error: { kind: 'wrongPin' } });
      // The next failure starts the lockout: even the right PIN is refused meanwhile.
      const locked = await call('Technician.Login', { method: 'serviceSwitch', pin: switchPin });
      expect(locked).toMatchObject({ code: 'authorisationRequired', payload: { error: { kind: 'lockedOut' } } });
      const retry = (locked.payload.error as { retryInSeconds: number }).retryInSeconds;
      expect(retry).toBeGreaterThan(25);
      expect(retry).toBeLessThanOrEqual(30);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('a cabinet opened mid-renewal stops it safely; the card keeps a valid certificate', async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'kiosk-tech-'));
    try {
      const daemon = await boot({ KIOSK_FAULT_INJECT: 'renewal:keyProofSigned:tamper' });
      const call = await client(daemon);
      await call('Sim.InsertCard', { fixture: 'legal-person' });
      await call('Kiosk.StartSession', { business: 'renewal' });
      const renewal = await call('Kiosk.Renew', { pin: legalPerson.pin });
      expect(renewal).toMatchObject({ code: 'canceled', payload: { error: { kind: 'interrupted' } } });
      expect((await health(daemon)).state).toBe('outOfService');
      const read = await call('CardReader.ReadCard');
      expect(read.code).toBe('success');
      const info = read.payload.info as { lifecycle: string; certificateNotAfter: string };
      expect(info.lifecycle).toBe('active');
      expect(Date.parse(info.certificateNotAfter)).toBeGreaterThan(Date.now());
      const journal = daemon.logs.filter((line) => line.name === 'card.operationReconciled');
      expect(journal).toMatchObject([{ kind: 'renewal', outcome: 'rolledBack' }]);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
