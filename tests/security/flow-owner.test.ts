// A flow belongs to the page that started it (issue 13, items 2 and 3), against the real daemon:
// when that page goes away the daemon waits a short grace for the same page load to come back
// (a reload, a dropped socket), then ends the session as abandoned and wipes what it held. Measured
// before: the flow stayed on its screen with every client gone until the idle deadline, and any
// other connection could take it over.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, newPageInstance, type Received, type TestClient } from '../support/ws-client.ts';

let daemon: RunningDaemon;
let stateDir: string;
let nextId = 1;

async function call(client: TestClient, name: string, payload: Record<string, unknown> = {}): Promise<Received> {
  const requestId = nextId++;
  client.command(name, requestId, payload, 20_000);
  return client.completion(requestId, 25_000);
}

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-owner-'));
  const config = join(stateDir, 'config.json');
  writeFileSync(config, JSON.stringify({ session: { idleSeconds: 120, paperIdleSeconds: 300, reconnectGraceSeconds: 2 } }));
  daemon = await startDaemon({ stateDir, args: ['--config', config] });
});

afterAll(async () => {
  await daemon.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('a flow and the page that started it', () => {
  it('ends as abandoned, its session wiped, when the page stays away past the grace', { timeout: 30_000 }, async () => {
    const page = await connect(daemon.wsUrl, { page: 'kiosk' });
    const started = await call(page, 'Kiosk.StartFlow', { flow: 'intake', business: 'change' });
    expect(started.header.completionCode).toBe('success');
    const view = started.payload as { flowId: string; idleDeadline?: number };
    // The daemon's deadline travels with the view: the page's countdown shows it.
    expect(view.idleDeadline).toBeGreaterThan(Date.now() + 100_000);
    const tool = await connect(daemon.wsUrl);
    expect((await call(tool, 'Kiosk.IntakeState')).header.completionCode).toBe('success');
    const goneAt = Date.now();
    page.close();
    await daemon.waitForLog((line) => line.name === 'flow.ownerGone', 10_000);
    expect(Date.now() - goneAt).toBeGreaterThanOrEqual(1_500);
    await daemon.waitForLog((line) => line.name === 'flow.ended' && line.flowId === view.flowId && line.outcome === 'abandoned');
    // Nothing is left: no flow, no draft for anyone to read.
    expect((await call(tool, 'Kiosk.Flow')).payload).toBeNull();
    expect((await call(tool, 'Kiosk.IntakeState')).header.completionCode).not.toBe('success');
    const later = await connect(daemon.wsUrl, { page: 'kiosk' });
    expect((await call(later, 'Kiosk.Flow')).payload).toBeNull();
    later.close();
    tool.close();
  });

  it('is taken back by the same page load reconnecting within the grace, and by no other', { timeout: 30_000 }, async () => {
    const instance = newPageInstance();
    const first = await connect(daemon.wsUrl, { page: 'kiosk', instance });
    const started = await call(first, 'Kiosk.StartFlow', { flow: 'unlock' });
    const flowId = (started.payload as { flowId: string }).flowId;
    first.close();
    await first.closed();
    // Another page load (the id is not known to it) gets nothing.
    const stranger = await connect(daemon.wsUrl, { page: 'kiosk' });
    expect((await call(stranger, 'Kiosk.Flow')).payload).toBeNull();
    expect((await call(stranger, 'Kiosk.EndFlow', { reason: 'canceled' })).header.completionCode).toBe('authorisationRequired');
    // The same page load, reconnected: its flow, still on its screen.
    const again = await connect(daemon.wsUrl, { page: 'kiosk', instance });
    expect((await call(again, 'Kiosk.Flow')).payload).toMatchObject({ flowId, screen: { screen: 'consent' } });
    await daemon.waitForLog((line) => line.name === 'flow.ownerBack');
    // Past the grace it is still running: the owner came back in time.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(daemon.logs.some((line) => line.name === 'flow.ended' && line.flowId === flowId)).toBe(false);
    const acted = await call(again, 'Kiosk.FlowAction', { flowId, action: { action: 'next' } });
    expect(acted.header.completionCode).toBe('success');
    expect((await call(again, 'Kiosk.EndFlow', { reason: 'canceled' })).header.completionCode).toBe('success');
    stranger.close();
    again.close();
  });

  it('"still there?" answered on the owning page moves the deadline on', { timeout: 30_000 }, async () => {
    const page = await connect(daemon.wsUrl, { page: 'kiosk' });
    const started = await call(page, 'Kiosk.StartFlow', { flow: 'query' });
    const first = started.payload as { flowId: string; idleDeadline: number };
    await new Promise((resolve) => setTimeout(resolve, 50));
    const kept = await call(page, 'Kiosk.StillHere', { flowId: first.flowId });
    expect(kept.header.completionCode).toBe('success');
    expect((kept.payload as { idleDeadline: number }).idleDeadline).toBeGreaterThan(first.idleDeadline);
    expect((await call(page, 'Kiosk.EndFlow', { reason: 'canceled' })).header.completionCode).toBe('success');
    page.close();
  });
});
