// Limits as an attacker on the box meets them, against the real daemon (issue 13): a crowd of
// sockets is refused past a cap instead of being accepted by the thousand, and a key that reaches
// an object's prototype is refused wherever it stands in a message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

let daemon: RunningDaemon;

beforeAll(async () => {
  daemon = await startDaemon();
});

afterAll(async () => {
  await daemon.stop();
});

describe('limits an attacker on the box meets', () => {
  it('refuses tool connections past 16, and any past 32, and serves again once they close', async () => {
    const open: TestClient[] = [];
    const refusals: string[] = [];
    for (let i = 0; i < 40; i++) {
      try {
        open.push(await connect(daemon.wsUrl));
      } catch (error) {
        refusals.push((error as Error).message);
      }
    }
    expect(open.length).toBe(16);
    expect(refusals.length).toBe(24);
    expect(refusals.every((message) => message.includes('503'))).toBe(true);
    // A page of the kiosk (it sends its Origin) still gets in while the tools hold their 16.
    const page = await connect(daemon.wsUrl, { origin: daemon.url.replace(/\/$/, '') });
    page.close();
    for (const client of open) client.close();
    await expect.poll(async () => {
      try {
        const again = await connect(daemon.wsUrl);
        again.close();
        return true;
      } catch {
        return false;
      }
    }).toBe(true);
    const refusedLines = daemon.logs.filter((line) => line.name === 'ws.connectionRefused');
    expect(refusedLines.length).toBeGreaterThanOrEqual(1);
    expect(refusedLines.length).toBeLessThan(5);
  });

  it.each([
    ['__proto__ in a payload the schema has no fields for', { name: 'Common.Status', payload: '{"__proto__":{"polluted":true}}' }],
    ['__proto__ nested in a flow action', { name: 'Kiosk.FlowAction', payload: '{"flowId":"x","action":{"action":"next","__proto__":{}}}' }],
    ['constructor in a payload', { name: 'Common.Status', payload: '{"constructor":{"prototype":{"polluted":true}}}' }],
  ])('%s: invalidData, and nothing polluted', async (_what, frame) => {
    const client = await connect(daemon.wsUrl);
    client.sendRaw(`{"header":{"name":"${frame.name}","requestId":7,"type":"command"},"payload":${frame.payload}}`);
    const answer = await client.completion(7);
    expect(answer.header.completionCode).toBe('invalidData');
    client.command('Common.Status', 8, {});
    expect((await client.completion(8)).header.completionCode).toBe('success');
    client.close();
  });
});
