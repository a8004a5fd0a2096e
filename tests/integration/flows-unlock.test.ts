// The unlock flow over the WebSocket against the real daemon in --sim mode, from Kiosk.StartFlow
// to the take-card prompt and back to the attract screen, driven by the dev dock's hands
// (Sim.InsertCard, Sim.IdCardPlace for the agent's ID card on the simulated reader,
// Sim.ScannerLoad, Sim.RemoveCard). The new PIN crosses the socket once: it must not be in any
// log line nor anywhere in the store (journal included).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowScreen, FlowView } from '../../contract/flow-view.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

const locked = cardFixture('locked-operator')!;
const agent = { name: '许文彬', idNumber: '35020419800109011X' };
const newPin = '60392817';

let daemon: RunningDaemon;
let client: TestClient;
let stateDir: string;
let nextId = 1;

async function call(name: string, payload: Record<string, unknown> = {}, timeoutMs = 20_000) {
  const requestId = nextId++;
  client.command(name, requestId, payload, timeoutMs);
  const completion = await client.completion(requestId, timeoutMs + 5_000);
  return { code: completion.header.completionCode, payload: completion.payload };
}

let flowId = '';

async function action(body: Record<string, unknown>, timeoutMs = 20_000): Promise<FlowView> {
  const answer = await call('Kiosk.FlowAction', { flowId, action: body }, timeoutMs);
  expect(answer.code, JSON.stringify(answer.payload)).toBe('success');
  return answer.payload as unknown as FlowView;
}

/** The next push showing `screen` (after those already seen). */
async function pushed(screen: FlowScreen['screen'] | null, after: number): Promise<FlowView | null> {
  const message = await client.waitFor((m) => {
    if (m.header.name !== 'Kiosk.FlowChanged' || client.received.indexOf(m) < after) return false;
    const view = (m.payload as { view: FlowView | null }).view;
    return screen === null ? view === null : view?.screen.screen === screen;
  }, 30_000);
  return (message.payload as { view: FlowView | null }).view;
}

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-flows-'));
  daemon = await startDaemon({ stateDir });
  client = await connect(daemon.wsUrl);
});

afterAll(async () => {
  client.close();
  await daemon.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('the unlock flow over WebSocket', () => {
  it('unlocks the locked card from StartFlow to the take-card prompt', async () => {
    expect(await call('Kiosk.Flow')).toEqual({ code: 'success', payload: null });
    const started = await call('Kiosk.StartFlow', { flow: 'unlock' });
    expect(started.code).toBe('success');
    const view = started.payload as unknown as FlowView;
    expect(view).toMatchObject({ flow: 'unlock', screen: { screen: 'consent' }, canCancel: true });
    flowId = view.flowId;

    // Stale ids and actions that do not belong on the screen are sequence errors.
    expect((await call('Kiosk.FlowAction', { flowId: 'nope', action: { action: 'next' } })).code).toBe('sequenceError');
    expect((await call('Kiosk.FlowAction', { flowId, action: { action: 'scan' } })).code).toBe('sequenceError');

    expect((await action({ action: 'next' })).screen).toEqual({ screen: 'insertCard', wanted: 'lockedCard', problem: null });
    const mark = client.received.length;
    expect((await call('Sim.InsertCard', { fixture: 'locked-operator' })).code).toBe('success');
    const shown = await pushed('cardShown', mark);
    expect(shown?.screen).toMatchObject({ card: { cardNo: locked.cardNo, lifecycle: 'locked' } });

    const agentId = { kind: 'id_card', form: 'copy', role: 'agent' };
    // The simulated kiosk has an ID-card reader: the agent's ID card on it first, its chip read.
    expect((await action({ action: 'next' })).screen).toEqual({ screen: 'placeIdCard', problem: null, reading: false, canSkip: false });
    const beforeIdCard = client.received.length;
    expect((await call('Sim.IdCardPlace', { fixture: 'agent' })).code).toBe('success');
    expect((await pushed('scanPaper', beforeIdCard))?.screen).toMatchObject({ paper: { position: { index: 0, of: 2 }, wanted: agentId } });
    // As a real agent (and the dock's feed button): only the asked-for paper goes into the feeder.
    expect(await call('Sim.ScannerLoad', { business: 'unlock', paper: agentId }, 60_000)).toMatchObject({ code: 'success', payload: { pages: 1 } });
    expect((await action({ action: 'scan' }, 120_000)).screen).toMatchObject({ screen: 'confirmFields' });
    expect((await action({ action: 'confirmFields', fields: { name: agent.name, idNumber: agent.idNumber } })).screen).toMatchObject({
      screen: 'scanPaper',
      paper: { position: { index: 1, of: 2 }, wanted: { kind: 'introduction_letter', form: 'original', role: null } },
    });
    expect(await call('Sim.ScannerLoad', { business: 'unlock', paper: { kind: 'introduction_letter', form: 'original', role: null } }, 60_000)).toMatchObject({ code: 'success', payload: { pages: 1 } });
    const letter = (await action({ action: 'scan' }, 120_000)).screen;
    if (letter.screen !== 'confirmFields') throw new Error(`expected the letter's fields, got ${letter.screen}`);
    expect(letter.fields.find((f) => f.key === 'agentIdNumber')?.value).toBe('350204********011X');
    const fields = Object.fromEntries(letter.fields.map((f) => [f.key, f.value]));
    expect((await action({ action: 'confirmFields', fields })).screen).toMatchObject({ screen: 'newPin', problem: null });

    const beforeUnlock = client.received.length;
    const done = await action({ action: 'newPin', pin: newPin, confirmation: newPin }, 60_000);
    expect(done.screen).toMatchObject({ screen: 'done', outcome: { flow: 'unlock', card: { cardNo: locked.cardNo, lifecycle: 'active' } } });
    const progress = client.received
      .slice(beforeUnlock)
      .flatMap((m) => (m.header.name === 'Kiosk.FlowChanged' ? [(m.payload as { view: FlowView | null }).view?.screen] : []))
      .flatMap((s) => (s?.screen === 'working' && s.task === 'unlocking' && s.progress !== null ? [s.progress.step] : []));
    expect(progress).toContain('pinReset');

    const afterFinish = await action({ action: 'finish' });
    expect(afterFinish.screen).toEqual({ screen: 'takeCard', ended: 'finished' });
    const mark2 = client.received.length;
    expect((await call('Sim.RemoveCard')).code).toBe('success');
    expect(await pushed(null, mark2)).toBeNull();
    expect(await call('Kiosk.Flow')).toEqual({ code: 'success', payload: null });

    const revisions = client.received.flatMap((m) => (m.header.name === 'Kiosk.FlowChanged' ? [(m.payload as { view: FlowView | null }).view?.revision ?? null] : [])).filter((r) => r !== null);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  }, 300_000);

  it('ends the flow on cancel: the capture is gone', async () => {
    const started = await call('Kiosk.StartFlow', { flow: 'unlock' });
    flowId = (started.payload as unknown as FlowView).flowId;
    expect(await call('Kiosk.EndFlow', { reason: 'canceled' })).toEqual({ code: 'success', payload: null });
    expect((await call('Kiosk.IntakeState')).code).toBe('sequenceError');
    expect((await call('Scanner.Pages')).payload).toEqual({ pages: [] });
  });

  it('never writes the PIN in a log line or the store, nor the full ID number in a log line', async () => {
    const logs = JSON.stringify(daemon.logs);
    expect(logs).toContain('K9001');
    expect(logs).not.toContain(newPin);
    expect(logs).not.toContain(agent.idNumber);
    await daemon.stop();
    const files = ['kiosk.sqlite', 'kiosk.sqlite-wal'].map((name) => join(stateDir, name)).filter((path) => existsSync(path));
    const store = Buffer.concat(files.map((path) => readFileSync(path)));
    expect(store.includes('flow.screen')).toBe(true);
    expect(store.includes(newPin)).toBe(false);
  });

  it('a daemon killed mid-flow: the next start ends that session as abandoned, its scans died with it, the screen is the attract screen', async () => {
    // A state of its own: the first test unlocked the fixture card in the shared one (stopped by now).
    rmSync(stateDir, { recursive: true, force: true });
    stateDir = mkdtempSync(join(tmpdir(), 'kiosk-flows-killed-'));
    daemon = await startDaemon({ stateDir });
    client = await connect(daemon.wsUrl);
    const started = await call('Kiosk.StartFlow', { flow: 'unlock' });
    const view = started.payload as unknown as FlowView;
    flowId = view.flowId;
    // The unlock's capture draft belongs to the flow's session.
    const draft = await call('Kiosk.IntakeState');
    expect(draft.payload).toMatchObject({ sessionId: expect.any(String) });
    const session = (draft.payload as unknown as { sessionId: string }).sessionId;
    await action({ action: 'next' });
    const mark = client.received.length;
    await call('Sim.InsertCard', { fixture: 'locked-operator' });
    await pushed('cardShown', mark);
    await action({ action: 'next' });
    const beforeIdCard = client.received.length;
    await call('Sim.IdCardPlace', { fixture: 'agent' });
    await pushed('scanPaper', beforeIdCard);
    await call('Sim.ScannerLoad', { business: 'unlock', paper: { kind: 'id_card', form: 'copy', role: 'agent' } });
    expect((await action({ action: 'scan' }, 60_000)).screen.screen).toBe('confirmFields');
    client.close();
    expect((await daemon.stop('SIGKILL')).signal).toBe('SIGKILL');

    daemon = await startDaemon({ stateDir });
    client = await connect(daemon.wsUrl);
    const closed = await daemon.waitForLog((line) => line.name === 'session.abandonedAtStart');
    expect(JSON.stringify(closed)).toContain(session);
    expect(await call('Kiosk.Flow')).toEqual({ code: 'success', payload: null });
    expect((await call('Scanner.Pages')).payload).toEqual({ pages: [] });
    expect((await call('Kiosk.IntakeState')).code).toBe('sequenceError');
  }, 120_000);
});
