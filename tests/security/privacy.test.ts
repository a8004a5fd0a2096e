// An attacker's client on the box against the real daemon process (issue 13, PINs and personal
// data): what it can make the daemon write or say must carry no PIN and no card holder.
//   - A frame that is not JSON, built to put a PIN next to the parse error: the parser's message
//     quotes the frame around the error, and it used to reach the log (readable by any local
//     client through Technician.LogTail) and the close reason.
//   - A close reason cut by characters could exceed the 123 bytes a close frame holds.
//   - /api/health, open to every local user, showed the inserted card's holder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

const pin = '20481357';
const operator = cardFixtures.find((f) => f.name === 'operator')!;
let daemon: RunningDaemon;

beforeAll(async () => {
  daemon = await startDaemon();
});

afterAll(async () => {
  await daemon.stop();
});

/** Every byte the daemon keeps under its state directory (SQLite, WAL, scans …), as text. */
function stateFiles(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('an attacker on the box cannot make the daemon repeat a PIN or show a holder', () => {
  it.each([
    ['a token glued to the PIN', `{"header":{"name":"Kiosk.FlowAction","requestId":1,"type":"command"},"payload":{"action":"pin","pin":x"${pin}"}}`],
    ['a frame cut after the PIN', `{"header":{"name":"CardReader.VerifyPin","requestId":1,"type":"command"},"payload":{"pin":"${pin}"`],
    ['the PIN where a value should start', `{"header":{"name":"Kiosk.Renew","requestId":1,"type":"command"},"payload":{"pin":${pin}x}}`],
  ])('%s: closed with where it broke, and the PIN in no log line, close reason or file', async (_what, frame) => {
    const attacker: TestClient = await connect(daemon.wsUrl);
    const logsBefore = daemon.logs.length;
    attacker.sendRaw(frame);
    const closed = await attacker.closed();
    expect(closed.code).toBe(1007);
    expect(closed.reason).toMatch(/^not JSON \(/);
    expect(closed.reason).not.toContain(pin.slice(0, 4));
    const line = await daemon.waitForLog((l) => l.name === 'ws.closedUnparseable' && daemon.logs.indexOf(l) >= logsBefore);
    expect(JSON.stringify(line)).not.toContain(pin.slice(0, 4));
    expect(JSON.stringify(daemon.logs)).not.toContain(pin);
    expect(stateFiles(daemon.stateDir)).not.toContain(pin);
  });

  it('a close reason in Chinese stays within the 123 bytes of a close frame', async () => {
    // An unparseable frame of multi-byte text: the reason quotes none of it, and stays short.
    const attacker = await connect(daemon.wsUrl);
    attacker.sendRaw(`{"技术员":${'读'.repeat(200)}}`);
    const closed = await attacker.closed();
    expect(closed.code).toBe(1007);
    expect(Buffer.byteLength(closed.reason)).toBeLessThanOrEqual(123);
    expect(closed.reason).not.toContain('读');
  });

  it('/api/health says a card is present, not whose it is', async () => {
    const tool = await connect(daemon.wsUrl);
    tool.command('Sim.InsertCard', 1, { fixture: 'operator' });
    expect((await tool.completion(1, 60_000)).header.completionCode).toBe('success');
    let health = '';
    await expect
      .poll(async () => {
        health = await (await fetch(new URL('/api/health', daemon.url))).text();
        return (JSON.parse(health) as { devices: { cardReader: { state: string; card?: unknown } } }).devices.cardReader;
      }, { timeout: 15_000 })
      .toMatchObject({ state: 'present', card: null });
    expect(health).not.toContain(operator.holder.name);
    expect(health).not.toContain(operator.cardNo);
    expect(health).not.toContain(operator.holder.idNumber.slice(0, 6));
    tool.command('Sim.RemoveCard', 2, {});
    await tool.completion(2);
    tool.close();
  });
});
