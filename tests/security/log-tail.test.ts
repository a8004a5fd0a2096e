// What Technician.LogTail shows, and what the daemon writes to its log (journald keeps it 180 days),
// checked for personal data (issue 13, items 6 and 9) after a busy session against the real
// daemon: an unlock with the agent's name and ID number as evidence, the new PIN and its
// confirmation, wrong PINs, a refused PIN change, a card read that shows the holder, a kiosk
// page's flow and a read of the ID card on the reader. No PIN, no name, no full ID number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type Received, type TestClient } from '../support/ws-client.ts';

const locked = cardFixtures.find((f) => f.name === 'locked-operator')!;
const agent = { name: '许文彬', idNumber: '35020419800109011X' };
const newPin = '73918264';
const wrongPin = '90817263';

let daemon: RunningDaemon;
let tool: TestClient;
let nextId = 1;

async function call(client: TestClient, name: string, payload: Record<string, unknown> = {}): Promise<Received> {
  const requestId = nextId++;
  client.command(name, requestId, payload, 20_000);
  return client.completion(requestId, 25_000);
}

beforeAll(async () => {
  daemon = await startDaemon();
  tool = await connect(daemon.wsUrl);
});

afterAll(async () => {
  tool.close();
  await daemon.stop();
});

describe('the log as Technician.LogTail shows it', () => {
  it('holds no PIN, no name and no full ID number after an unlock, wrong PINs and a PIN change', { timeout: 60_000 }, async () => {
    expect((await call(tool, 'Sim.InsertCard', { fixture: 'locked-operator' })).header.completionCode).toBe('success');
    expect((await call(tool, 'CardReader.ReadCard')).header.completionCode).toBe('success');
    expect((await call(tool, 'Kiosk.StartSession', { business: 'unlock' })).header.completionCode).toBe('success');
    const unlocked = await call(tool, 'Kiosk.Unlock', {
      evidence: { agentName: agent.name, agentIdNumber: agent.idNumber, introductionLetter: true, enterpriseUscc: locked.enterpriseUscc },
      newPin,
      confirmation: newPin,
    });
    expect(unlocked.header.completionCode).toBe('success');
    expect((await call(tool, 'CardReader.VerifyPin', { pin: wrongPin })).header.completionCode).toBe('userError');
    expect((await call(tool, 'CardReader.VerifyPin', { pin: newPin })).header.completionCode).toBe('success');
    // A new PIN made of the holder's ID number digits is refused by the policy: the number is in the request.
    const refused = await call(tool, 'CardReader.ChangePin', { oldPin: newPin, newPin: locked.holder.idNumber.slice(-8), confirmation: wrongPin });
    expect(refused.header.completionCode).not.toBe('success');
    expect((await call(tool, 'Kiosk.EndSession', { outcome: 'completed' })).header.completionCode).toBe('success');
    // A page's flow and the ID card on the reader (its holder is read, masked on the wire).
    const page = await connect(daemon.wsUrl, { page: 'kiosk' });
    expect((await call(page, 'Kiosk.StartFlow', { flow: 'query' })).header.completionCode).toBe('success');
    expect((await call(page, 'Kiosk.EndFlow', { reason: 'canceled' })).header.completionCode).toBe('success');
    page.close();
    await call(tool, 'Sim.IdCardPlace', { fixture: 'agent' });
    await call(tool, 'Technician.TestIdCardReader');

    const tail = await call(tool, 'Technician.LogTail', { lines: 1000 });
    expect(tail.header.completionCode).toBe('success');
    const lines = (tail.payload as { lines: string[] }).lines;
    expect(lines.length).toBeGreaterThan(20);
    const text = lines.join('\n');
    // What happened is there, by card number and step …
    expect(text).toContain('card.unlocked');
    expect(text).toContain(locked.cardNo);
    // … but not who, nor any PIN.
    for (const secret of [newPin, wrongPin, agent.idNumber, locked.holder.idNumber, agent.name, locked.holder.name]) {
      expect(text, secret).not.toContain(secret);
      expect(JSON.stringify(daemon.logs), secret).not.toContain(secret);
    }
  });
});
