// Roles per connection (issue 13, items 1 and 2), tried as an attacker's local client against the
// real daemon. Measured before: with no Origin at all a client unlocked the locked-operator card
// with typed-in evidence, blocked a card with three VerifyPin, read the full ID number from the
// intake draft, reprinted another agent's receipt, and ended or replaced the screen's flow. A
// forged Origin (any local program can send one) was as good as the kiosk page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type Received, type TestClient } from '../support/ws-client.ts';

const locked = cardFixtures.find((f) => f.name === 'locked-operator')!;
const taxClerk = cardFixtures.find((f) => f.name === 'tax-clerk')!;
const agentId = '35020419800109011X';

let daemon: RunningDaemon;
let tool: TestClient;
const clients: TestClient[] = [];
let nextId = 1;

async function call(client: TestClient, name: string, payload: Record<string, unknown> = {}): Promise<Received> {
  const requestId = nextId++;
  client.command(name, requestId, payload, 20_000);
  return client.completion(requestId, 25_000);
}

async function open(options: Parameters<typeof connect>[1]): Promise<TestClient> {
  const client = await connect(daemon.wsUrl, options);
  clients.push(client);
  return client;
}

/** Every raw command the issue measured, as an attacker would send them. */
const rawCommands: [string, Record<string, unknown>][] = [
  ['Kiosk.StartSession', { business: 'unlock' }],
  ['Kiosk.Unlock', { evidence: { agentName: '许文彬', agentIdNumber: agentId, introductionLetter: true, enterpriseUscc: locked.enterpriseUscc }, newPin: '73918264', confirmation: '73918264' }],
  ['Kiosk.Renew', { pin: taxClerk.pin }],
  ['CardReader.VerifyPin', { pin: '11111111' }],
  ['CardReader.ChangePin', { oldPin: '11111111', newPin: '73918264', confirmation: '73918264' }],
  ['CardReader.ReadCard', {}],
  ['Kiosk.IntakeState', {}],
  ['Kiosk.StartIntake', { business: 'unlock' }],
  ['Printer.Jobs', {}],
  ['Printer.Reprint', { jobId: 'P000001' }],
  ['Kiosk.EndSession', {}],
  ['Technician.LogTail', {}],
  ['Technician.TestCard', {}],
  ['Sim.RemoveCard', {}],
];

beforeAll(async () => {
  daemon = await startDaemon();
  tool = await connect(daemon.wsUrl);
  clients.push(tool);
  expect((await call(tool, 'Sim.InsertCard', { fixture: 'locked-operator' })).header.completionCode).toBe('success');
});

afterAll(async () => {
  for (const client of clients) client.close();
  await daemon.stop();
});

describe('a local client with neither Origin nor the tool token', () => {
  it('is refused every raw card, intake, reprint and flow command: the locked card stays locked', async () => {
    const attacker = await open({ token: null });
    for (const [name, payload] of [...rawCommands, ['Kiosk.StartFlow', { flow: 'unlock' }], ['Kiosk.EndFlow', { reason: 'canceled' }], ['Kiosk.Flow', {}], ['Common.Status', {}]] as const) {
      const answer = await call(attacker, name, payload);
      expect(answer.header.completionCode, name).toBe('authorisationRequired');
    }
    // It may ask what the daemon speaks, nothing more.
    expect((await call(attacker, 'Common.Capabilities')).header.completionCode).toBe('success');
    expect(attacker.received.filter((m) => m.header.type === 'unsolicited')).toEqual([]);
    // The card was never touched: still locked, its PIN blocked.
    const card = await call(tool, 'CardReader.ReadCard');
    expect(card.payload).toMatchObject({ info: { cardNo: locked.cardNo, lifecycle: 'locked' }, pin: { state: 'blocked' } });
    const refused = daemon.logs.filter((line) => line.name === 'ws.notAuthorised');
    expect(refused.length).toBeGreaterThanOrEqual(rawCommands.length);
    // Refusals log the command and the role, never the payload (a PIN was in one).
    expect(JSON.stringify(refused)).not.toContain('73918264');
  });

  it('is refused at the upgrade with a wrong tool token', async () => {
    await expect(connect(daemon.wsUrl, { token: 'f'.repeat(64) })).rejects.toThrow(/HTTP 403/);
    await expect(connect(daemon.wsUrl, { token: '' })).rejects.toThrow(/HTTP 403/);
  });

  it('cannot block a card with three wrong PINs', async () => {
    expect((await call(tool, 'Sim.InsertCard', { fixture: 'tax-clerk' })).header.completionCode).toBe('success');
    const attacker = await open({ token: null });
    for (let i = 0; i < 3; i++) expect((await call(attacker, 'CardReader.VerifyPin', { pin: '90817263' })).header.completionCode).toBe('authorisationRequired');
    expect((await call(tool, 'CardReader.ReadCard')).payload).toMatchObject({ info: { cardNo: taxClerk.cardNo }, pin: { state: 'notVerified', triesLeft: 3 } });
  });
});

describe('a local client forging the kiosk page (its Origin and ?page=kiosk)', () => {
  it('gets no raw command: cards, papers and reprints go through the flow only', async () => {
    const forged = await open({ page: 'kiosk' });
    for (const [name, payload] of rawCommands) {
      expect((await call(forged, name, payload)).header.completionCode, name).toBe('authorisationRequired');
    }
  });

  it("cannot see, act on, end or replace the flow another page started", async () => {
    const screen = await open({ page: 'kiosk' });
    const started = await call(screen, 'Kiosk.StartFlow', { flow: 'unlock' });
    expect(started.header.completionCode).toBe('success');
    const flowId = (started.payload as { flowId: string }).flowId;

    const forged = await open({ page: 'kiosk' });
    expect((await call(forged, 'Kiosk.Flow')).payload).toBeNull();
    for (const [name, payload] of [
      ['Kiosk.FlowAction', { flowId, action: { action: 'next' } }],
      ['Kiosk.StillHere', { flowId }],
      ['Kiosk.EndFlow', { reason: 'canceled' }],
      ['Kiosk.EndFlow', { reason: 'timedOut' }],
      ['Kiosk.StartFlow', { flow: 'query' }],
      ['Kiosk.StartFlow', { flow: 'unlock' }],
    ] as const) {
      const answer = await call(forged, name, payload);
      expect(answer.header.completionCode, `${name} ${JSON.stringify(payload)}`).toBe('authorisationRequired');
      expect(answer.payload).toEqual({ error: { kind: 'notYours' } });
    }
    // The screen's flow is untouched, on the screen it was on; the forger heard none of its pushes.
    const still = await call(screen, 'Kiosk.Flow');
    expect(still.payload).toMatchObject({ flowId, screen: { screen: 'consent' } });
    expect(forged.received.some((m) => m.header.name === 'Kiosk.FlowChanged' && JSON.stringify(m.payload).includes(flowId))).toBe(false);
    // Its own page ends it.
    expect((await call(screen, 'Kiosk.EndFlow', { reason: 'canceled' })).header.completionCode).toBe('success');
  });
});

describe('the technician page before a login', () => {
  it('may log in and read the status, nothing else', async () => {
    const page = await open({ page: 'technician' });
    expect((await call(page, 'Common.Status')).header.completionCode).toBe('success');
    for (const name of ['Printer.Jobs', 'Technician.LogTail', 'Technician.Counters', 'Technician.TestCard', 'Scanner.Scan', 'Kiosk.StartFlow', 'Sim.InsertCard']) {
      expect((await call(page, name, name === 'Scanner.Scan' ? { source: 'adf' } : name === 'Kiosk.StartFlow' ? { flow: 'query' } : name === 'Sim.InsertCard' ? { fixture: 'tax-clerk' } : {})).header.completionCode, name).toBe('authorisationRequired');
    }
    // A wrong login is a login, refused for its PIN (the attempt counts), not for the role.
    const login = await call(page, 'Technician.Login', { method: 'serviceSwitch', pin: '00000000' });
    expect(login.header.completionCode).toBe('authorisationRequired');
    expect(login.payload).toHaveProperty('error');
  });
});
