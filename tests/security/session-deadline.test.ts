// The daemon owns the agent's session (issue 13): with nobody acting, its own deadline ends the
// session and wipes what it held, whether or not a page is connected. Measured before: an unlock
// left on its scan screen with every client closed still held its draft after 76 s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect } from '../support/ws-client.ts';

let daemon: RunningDaemon;
let stateDir: string;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-deadline-'));
  const config = join(stateDir, 'config.json');
  writeFileSync(config, JSON.stringify({ session: { idleSeconds: 10, paperIdleSeconds: 20 } }));
  daemon = await startDaemon({ stateDir, args: ['--config', config] });
});

afterAll(async () => {
  await daemon.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe("the daemon's own session deadline", () => {
  it('ends a flow nobody acts on, with every page gone, as timedOut', { timeout: 60_000 }, async () => {
    const client = await connect(daemon.wsUrl);
    client.command('Kiosk.StartFlow', 1, { flow: 'unlock' });
    const started = await client.completion(1);
    expect(started.header.completionCode).toBe('success');
    client.close();
    const startedAt = Date.now();
    const timeout = await daemon.waitForLog((line) => line.name === 'flow.idleTimeout', 40_000);
    expect(timeout).toMatchObject({ flow: 'unlock', idleMs: 10_000 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(8_000);
    await daemon.waitForLog((line) => line.name === 'flow.ended' && line.outcome === 'timedOut');
    // Nothing is left showing: a page that connects now finds the attract screen.
    const later = await connect(daemon.wsUrl);
    later.command('Kiosk.Flow', 1, {});
    expect((await later.completion(1)).payload).toBeNull();
    later.close();
  });
});
