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
  it('caps connections per role (16 anonymous, 8 tools, 3 kiosk pages, 2 technician pages), and serves again once they close', async () => {
    const open: TestClient[] = [];
    const tryOpen = async (count: number, options: Parameters<typeof connect>[1]): Promise<{ opened: number; refusals: string[] }> => {
      const refusals: string[] = [];
      let opened = 0;
      for (let i = 0; i < count; i++) {
        try {
          open.push(await connect(daemon.wsUrl, options));
          opened += 1;
        } catch (error) {
          refusals.push((error as Error).message);
        }
      }
      return { opened, refusals };
    };
    // A crowd of clients with neither Origin nor token: 16 get in (and may do next to nothing).
    const anonymous = await tryOpen(40, { token: null });
    expect(anonymous.opened).toBe(16);
    expect(anonymous.refusals.length).toBe(24);
    expect(anonymous.refusals.every((message) => message.includes('503'))).toBe(true);
    // The kiosk's pages and tools still get in while the anonymous hold their 16, each up to its own cap.
    expect((await tryOpen(4, { page: 'kiosk' })).opened).toBe(3);
    expect((await tryOpen(3, { page: 'technician' })).opened).toBe(2);
    expect((await tryOpen(9, {})).opened).toBe(8);
    for (const client of open) client.close();
    await expect.poll(async () => {
      try {
        const again = await connect(daemon.wsUrl, { token: null });
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
