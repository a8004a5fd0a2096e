// Technician mode does not outlive the technician (issue 13): it ends when the service switch it
// was entered by is turned off, and after the configured idle time, whether or not the page that
// holds it is still open.
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
let nextId = 1;

afterEach(async () => {
  await daemon?.stop();
  if (stateDir !== undefined) rmSync(stateDir, { recursive: true, force: true });
  daemon = undefined;
  stateDir = undefined;
});

async function boot(technician: Record<string, unknown>): Promise<{ running: RunningDaemon; client: TestClient }> {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-tech-session-'));
  const config = join(stateDir, 'config.json');
  writeFileSync(config, JSON.stringify({ technician: { pinHash: hashTechnicianPin(switchPin), ...technician } }));
  daemon = await startDaemon({ stateDir, args: ['--config', config] });
  return { running: daemon, client: await connect(daemon.wsUrl) };
}

async function call(client: TestClient, name: string, payload: Record<string, unknown> = {}) {
  const id = nextId++;
  client.command(name, id, payload);
  return client.completion(id, 30_000);
}

const technicianActive = async (client: TestClient): Promise<boolean> =>
  ((await call(client, 'Common.Status')).payload as { technician: { active: boolean } }).technician.active;

describe('technician mode ends with the technician', () => {
  it('ends when the service switch it was entered by is turned off', async () => {
    const { running, client } = await boot({});
    await call(client, 'Sim.SetInput', { input: 'serviceSwitch', active: true });
    expect((await call(client, 'Technician.Login', { method: 'serviceSwitch', pin: switchPin })).header.completionCode).toBe('success');
    expect(await technicianActive(client)).toBe(true);
    await call(client, 'Sim.SetInput', { input: 'serviceSwitch', active: false });
    await expect.poll(() => technicianActive(client)).toBe(false);
    await running.waitForLog((line) => line.name === 'technician.logout' && String(line.why).includes('service switch'));
    client.close();
  });

  it('ends after the idle limit with no technician command, the page still connected', { timeout: 60_000 }, async () => {
    const { running, client } = await boot({ idleSeconds: 10 });
    await call(client, 'Sim.SetInput', { input: 'serviceSwitch', active: true });
    expect((await call(client, 'Technician.Login', { method: 'serviceSwitch', pin: switchPin })).header.completionCode).toBe('success');
    const line = await running.waitForLog((l) => l.name === 'technician.logout', 30_000);
    expect(String(line.why)).toContain('no technician action');
    expect(await technicianActive(client)).toBe(false);
    client.close();
  });
});
