// Unlock and renewal over the WebSocket protocol against the real daemon in simulator mode,
// with progress events, and no PIN or full ID number in any log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

const fixture = (name: string) => cardFixtures.find((f) => f.name === name)!;
const legalPerson = fixture('legal-person');
const taxClerk = fixture('tax-clerk');
const locked = fixture('locked-operator');
const agentId = '35020419800109011X';

let daemon: RunningDaemon;
let client: TestClient;
let nextId = 1;

async function call(name: string, payload: Record<string, unknown> = {}) {
  const requestId = nextId++;
  client.command(name, requestId, payload, 20_000);
  const completion = await client.completion(requestId, 20_000);
  const events = client.received.filter((m) => m.header.requestId === requestId && m.header.type === 'event').map((m) => m.payload);
  return { completion, events };
}

beforeAll(async () => {
  daemon = await startDaemon();
  client = await connect(daemon.wsUrl);
});

afterAll(async () => {
  client.close();
  await daemon.stop();
});

describe('card services over WebSocket', () => {
  it('reads the inserted card and pushes the reader status', async () => {
    expect((await call('Sim.InsertCard', { fixture: 'tax-clerk' })).completion.header.completionCode).toBe('success');
    await client.waitFor((m) => m.header.name === 'Common.StatusChangedEvent' && JSON.stringify(m.payload).includes(taxClerk.cardNo));
    const read = await call('CardReader.ReadCard');
    expect(read.completion.payload).toMatchObject({ info: { cardNo: taxClerk.cardNo, holderIdNumberMasked: '350205********0038' }, pin: { state: 'notVerified', triesLeft: 3 } });
  });

  it('answers a wrong PIN with userError and the tries left', async () => {
    const wrong = await call('CardReader.VerifyPin', { pin: '90817263' });
    expect(wrong.completion.header.completionCode).toBe('userError');
    expect(wrong.completion.payload).toEqual({ error: { kind: 'wrongPin', triesLeft: 2 } });
    expect((await call('CardReader.VerifyPin', { pin: taxClerk.pin })).completion.header.completionCode).toBe('success');
  });

  it('unlocks a locked card with progress events', async () => {
    await call('Sim.InsertCard', { fixture: 'locked-operator' });
    await call('Kiosk.StartSession', { business: 'unlock' });
    const unlock = await call('Kiosk.Unlock', {
      evidence: { agentName: '许文彬', agentIdNumber: agentId, introductionLetter: true, enterpriseUscc: locked.enterpriseUscc },
      newPin: '73918264',
      confirmation: '73918264',
    });
    expect(unlock.completion.header.completionCode).toBe('success');
    expect(unlock.events.map((e) => e.step)).toEqual(['started', 'challenged', 'authorised', 'authenticated', 'pinReset', 'pinVerified', 'reported']);
    expect((await call('CardReader.VerifyPin', { pin: '73918264' })).completion.header.completionCode).toBe('success');
  });

  it('renews the tax-clerk card after the legal-person card, reporting each step', async () => {
    await call('Kiosk.StartSession', { business: 'renewal' });
    await call('Sim.InsertCard', { fixture: 'tax-clerk' });
    const refused = await call('Kiosk.Renew', { pin: taxClerk.pin });
    expect(refused.completion.header.completionCode).toBe('authorisationRequired');
    await call('Sim.InsertCard', { fixture: 'legal-person' });
    expect((await call('CardReader.VerifyPin', { pin: legalPerson.pin })).completion.header.completionCode).toBe('success');
    await call('Sim.InsertCard', { fixture: 'tax-clerk' });
    const renewed = await call('Kiosk.Renew', { pin: taxClerk.pin });
    expect(renewed.completion.header.completionCode).toBe('success');
    expect(renewed.events.map((e) => `${String(e.index)}/${String(e.of)}`)).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
    const notAfter = Date.parse((renewed.completion.payload as { notAfter: string }).notAfter);
    expect(notAfter).toBeGreaterThan(Date.now() + 700 * 86_400_000);
    await call('Kiosk.EndSession', { outcome: 'completed' });
  });

  it('never logs a PIN or a full ID number', () => {
    const logs = JSON.stringify(daemon.logs);
    for (const secret of [legalPerson.pin, taxClerk.pin, '73918264', '90817263', agentId, taxClerk.holder.idNumber, locked.holder.idNumber]) {
      expect(logs).not.toContain(secret);
    }
    expect(daemon.logs.some((line) => line.name === 'card.renewed')).toBe(true);
  });
});
