// A command reported timeOut or canceled does no more work (issue 13, item 5), against the real
// daemon. Measured before: a raw unlock against a slow authority completed timeOut — and then
// unlocked the card anyway, with the new PIN the client believed was never set. Here the
// authority's answer is held up 3 s (KIOSK_FAULT_INJECT stall, simulator only) and the command
// allows 1 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type Received, type TestClient } from '../support/ws-client.ts';

const locked = cardFixtures.find((f) => f.name === 'locked-operator')!;
const evidence = { agentName: '许文彬', agentIdNumber: '35020419800109011X', introductionLetter: true, enterpriseUscc: locked.enterpriseUscc };

let daemon: RunningDaemon;
let tool: TestClient;
let nextId = 1;

async function call(name: string, payload: Record<string, unknown> = {}, timeoutMs = 20_000): Promise<Received> {
  const requestId = nextId++;
  tool.command(name, requestId, payload, timeoutMs);
  return tool.completion(requestId, timeoutMs + 5_000);
}

beforeAll(async () => {
  daemon = await startDaemon({ env: { KIOSK_FAULT_INJECT: 'unlock:authorised:stall:3000' } });
  tool = await connect(daemon.wsUrl);
});

afterAll(async () => {
  tool.close();
  await daemon.stop();
});

describe('a command that completed timeOut', () => {
  it('does not unlock the card after the slow authority answers', { timeout: 40_000 }, async () => {
    expect((await call('Sim.InsertCard', { fixture: 'locked-operator' })).header.completionCode).toBe('success');
    expect((await call('Kiosk.StartSession', { business: 'unlock' })).header.completionCode).toBe('success');
    const started = Date.now();
    const unlock = await call('Kiosk.Unlock', { evidence, newPin: '73918264', confirmation: '73918264' }, 1_000);
    expect(unlock.header.completionCode).toBe('timeOut');
    expect(Date.now() - started).toBeLessThan(2_900);
    // The stall ends; the unlock stops at its next step instead of writing the card.
    const failed = await daemon.waitForLog((line) => line.name === 'card.operationFailed', 15_000);
    expect(JSON.stringify(failed)).toContain('interrupted');
    expect(JSON.stringify(failed)).toContain('timed out');
    const card = await call('CardReader.ReadCard');
    expect(card.payload).toMatchObject({ info: { cardNo: locked.cardNo, lifecycle: 'locked' }, pin: { state: 'blocked' } });
    expect(daemon.logs.some((line) => line.name === 'card.unlocked')).toBe(false);
    // The new PIN the client was told was never set does not open the card.
    expect((await call('CardReader.VerifyPin', { pin: '73918264' })).header.completionCode).not.toBe('success');
  });

  it('the same unlock given time to finish does unlock (the stall happens once)', { timeout: 40_000 }, async () => {
    expect((await call('Kiosk.StartSession', { business: 'unlock' })).header.completionCode).toBe('success');
    const unlock = await call('Kiosk.Unlock', { evidence, newPin: '73918264', confirmation: '73918264' });
    expect(unlock.header.completionCode).toBe('success');
    expect((await call('CardReader.VerifyPin', { pin: '73918264' })).header.completionCode).toBe('success');
  });
});
