// The resident ID-card reader as the kiosk's fifth device, over the real daemon in simulator mode:
// the dock places and removes a card, the status carries the holder masked, health no holder at
// all, and the technician's check runs from a local tool (no Origin) but not from a web page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardFixture } from '../../sim/idcard/id-card-fixtures.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

const agent = idCardFixture('agent');
const masked = `${agent.text.idNumber.slice(0, 6)}********${agent.text.idNumber.slice(-4)}`;
let daemon: RunningDaemon;
let tool: TestClient;
let nextId = 1;

async function call(client: TestClient, name: string, payload: Record<string, unknown> = {}) {
  const requestId = nextId++;
  client.command(name, requestId, payload, 30_000);
  const done = await client.completion(requestId, 30_000);
  return { code: done.header.completionCode, payload: done.payload, description: done.header.errorDescription };
}

type IdCardStatus = { state: string; holder?: { name: string; idNumberMasked: string } };
const statusOf = async (): Promise<IdCardStatus> => ((await call(tool, 'Common.Status')).payload as { devices: { idCardReader: IdCardStatus } }).devices.idCardReader;
const healthText = async (): Promise<string> => (await fetch(new URL('/api/health', daemon.url))).text();

beforeAll(async () => {
  daemon = await startDaemon();
  tool = await connect(daemon.wsUrl);
});

afterAll(async () => {
  tool.close();
  await daemon.stop();
});

describe('the ID-card reader in the daemon', () => {
  it('is simulated and ready without a card in --sim; the kiosk stays ready', async () => {
    await expect.poll(async () => (await statusOf()).state).toBe('noCard');
    const health = JSON.parse(await healthText()) as { state: string; sources: Record<string, string> };
    expect(health.state).toBe('ready');
    expect(health.sources.idCardReader).toBe('sim');
  });

  it("shows 许文彬's card masked in the status, and in health only that a card is there", async () => {
    expect(agent.text.name).toBe('许文彬');
    expect(await call(tool, 'Sim.IdCardPlace', { fixture: 'agent' })).toMatchObject({ code: 'success', payload: { fixture: 'agent' } });
    await expect.poll(async () => (await statusOf()).state).toBe('cardPresent');
    const status = await statusOf();
    expect(status.holder).toMatchObject({ name: '许文彬', idNumberMasked: masked });
    expect(JSON.stringify(status)).not.toContain(agent.text.idNumber);

    const health = await healthText();
    expect(JSON.parse(health)).toMatchObject({ state: 'ready', devices: { idCardReader: { state: 'cardPresent', device: 'simulated SAM module' } } });
    expect(health).not.toContain('许文彬');
    expect(health).not.toContain(masked);
    expect(health).not.toContain(agent.text.idNumber);
    expect(health).not.toContain('holder');
  });

  it('runs the technician check from a local tool: SAM id and one read, holder masked', async () => {
    const test = await call(tool, 'Technician.TestIdCardReader');
    expect(test.code).toBe('success');
    expect(test.payload).toMatchObject({ device: 'simulated SAM module', samId: expect.stringMatching(/^[0-9a-f]{32}$/), holder: { name: '许文彬', idNumberMasked: masked } });
    expect(JSON.stringify(test.payload)).not.toContain(agent.text.idNumber);
    expect(JSON.stringify(test.payload)).not.toContain(agent.text.address);

    const page = await connect(daemon.wsUrl, { page: 'technician' });
    try {
      expect((await call(page, 'Technician.TestIdCardReader')).code).toBe('authorisationRequired');
    } finally {
      page.close();
    }
  });

  it('goes back to noCard when the card is taken; the check then says there is no card', async () => {
    expect(await call(tool, 'Sim.IdCardRemove')).toMatchObject({ code: 'success', payload: { removed: true } });
    await expect.poll(async () => (await statusOf()).state).toBe('noCard');
    expect((await statusOf()).holder).toBeUndefined();
    expect((await call(tool, 'Technician.TestIdCardReader')).code).toBe('deviceNotReady');
    expect((await call(tool, 'Sim.IdCardPlace', { fixture: 'nobody' })).code).toBe('invalidData');
  });
});

describe('a kiosk without an ID-card reader (devices.idCardReader: none)', () => {
  it('reports it notFitted and stays ready; the dock and the check say there is none', async () => {
    const without = await startDaemon({ env: { KIOSK_DEVICE_ID_CARD_READER: 'none' } });
    const client = await connect(without.wsUrl);
    try {
      const health = (await (await fetch(new URL('/api/health', without.url))).json()) as { state: string; devices: { idCardReader: unknown } };
      expect(health).toMatchObject({ state: 'ready', devices: { idCardReader: { state: 'notFitted' } } });
      expect((await call(client, 'Sim.IdCardPlace', { fixture: 'agent' })).code).toBe('unsupportedCommand');
      expect(await call(client, 'Technician.TestIdCardReader')).toMatchObject({ code: 'deviceNotReady', description: expect.stringContaining('no ID-card reader') });
    } finally {
      client.close();
      await without.stop();
    }
  });
});
