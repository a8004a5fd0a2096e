// The flow host on the simulated devices: one flow at a time in a session of its own, actions
// one at a time, pushes with rising revisions, the screen journaled by name, the guide lights,
// cancel and timeout wiping the capture, take-card until the card leaves, out of service.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimGpio } from '../../sim/gpio/sim-gpio.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import { generatedPage } from '../../tests/support/generated-pages.ts';
import type { ServiceState } from '../../contract/protocol/catalogue.ts';
import { ok } from '../../basics/result.ts';
import type { Flow } from './flow.ts';
import { flowFactories, type FlowFactories } from './flow-factories.ts';
import { FlowHost, lightsFor } from './flow-host.ts';
import type { FlowView } from '../../contract/flow-view.ts';
import { openFlowKit, until, type FlowKit } from '../../tests/support/flow-test-kit.ts';
import { cardAdvice } from './query-flow.ts';

let kit: FlowKit;
let gpio: SimGpio;
let host: FlowHost;
let pushes: (FlowView | null)[];
let service: { state: ServiceState; listeners: Set<(state: ServiceState) => void>; set(state: ServiceState): void };

function lights() {
  const status = gpio.status();
  if (status.state !== 'online') throw new Error('gpio offline');
  return { cardSlot: status.lights.cardSlot, scanner: status.lights.scanner, printer: status.lights.printer };
}

function openHost(factories: FlowFactories = flowFactories): void {
  host = new FlowHost({
    flow: kit.deps,
    factories,
    service: { state: () => service.state, onChange: (listener) => (service.listeners.add(listener), () => service.listeners.delete(listener)) },
    gpio,
    push: (view) => pushes.push(view),
  });
  host.start();
}


async function act(action: Parameters<FlowHost['act']>[1]) {
  const view = host.current();
  if (view === null) throw new Error('no flow');
  const result = await host.act(view.flowId, action);
  if (!result.ok) throw new Error(`${action.action} refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

const screen = () => host.current()?.screen.screen ?? null;

beforeEach(async () => {
  kit = await openFlowKit();
  gpio = new SimGpio();
  pushes = [];
  service = {
    state: { state: 'inService' },
    listeners: new Set(),
    set(state) {
      this.state = state;
      for (const listener of this.listeners) listener(state);
    },
  };
  openHost();
});

afterEach(async () => {
  host.stop();
  await kit.close();
});

describe('flow host', () => {
  it('refuses to start while the kiosk is out of service', () => {
    service.state = { state: 'outOfService', reasons: ['technician'], since: new Date().toISOString() };
    expect(host.startFlow('unlock')).toMatchObject({ ok: false, error: { kind: 'outOfService' } });
    expect(host.startFlow('intake')).toMatchObject({ ok: false });
    expect(kit.deps.sessions.current()).toBeNull();
  });

  it('starts a flow in a session of its own, pushes every change with a rising revision and journals screens by name', async () => {
    const started = host.startFlow('unlock');
    expect(started).toMatchObject({ ok: true, value: { flow: 'unlock', business: null, screen: { screen: 'consent' }, canBack: false, canCancel: true, revision: 1 } });
    const session = kit.deps.sessions.current();
    expect(session?.business).toBe('unlock');
    expect(lights()).toEqual({ cardSlot: 'off', scanner: 'off', printer: 'off' });
    const after = await act({ action: 'next' });
    expect(after?.screen).toEqual({ screen: 'insertCard', wanted: 'lockedCard', problem: null });
    expect(lights().cardSlot).toBe('slow');
    expect(pushes.map((v) => v?.revision)).toEqual([1, 2]);
    expect(pushes.every((v) => typeof v?.pushedAt === 'number')).toBe(true);
    const journal = kit.store.journalOf(session?.id ?? '');
    expect(journal.filter((e) => e.step === 'flow.screen').map((e) => e.data)).toEqual([{ screen: 'consent' }, { screen: 'insertCard' }]);
    expect(journal.some((e) => e.step === 'flow.action' && JSON.stringify(e.data) === '{"action":"next"}')).toBe(true);

    // Another start abandons the running flow.
    const query = host.startFlow('query');
    expect(query.ok).toBe(true);
    expect(kit.store.journalOf(session?.id ?? '').some((e) => e.step === 'session.ended' && (e.data as { outcome: string }).outcome === 'abandoned')).toBe(true);
    expect(kit.deps.sessions.current()?.business).toBe('card_query');
  });

  it('refuses an action for another flow, one not on the screen, and a second while one runs', async () => {
    let release = (): void => undefined;
    const slow: Flow = {
      kind: 'query',
      screen: () => ({ screen: 'readingCard' }),
      canBack: () => false,
      takesCancel: () => false,
      onCardReader: () => undefined,
      ended: () => null,
      handle: (action) =>
        action.action === 'next'
          ? new Promise((resolve) => (release = () => resolve(ok(undefined))))
          : Promise.resolve({ ok: false, error: { kind: 'notOnThisScreen', screen: 'readingCard', action: action.action } }),
    };
    openHost({ ...flowFactories, query: () => slow });
    const view = host.startFlow('query');
    if (!view.ok) throw new Error('not started');
    expect(await host.act('someone-else', { action: 'next' })).toEqual({ ok: false, error: { kind: 'staleFlow', flowId: 'someone-else' } });
    expect(await host.act(view.value.flowId, { action: 'finish' })).toEqual({ ok: false, error: { kind: 'notOnThisScreen', screen: 'readingCard', action: 'finish' } });
    const first = host.act(view.value.flowId, { action: 'next' });
    expect(await host.act(view.value.flowId, { action: 'next' })).toEqual({ ok: false, error: { kind: 'busy' } });
    release();
    expect((await first).ok).toBe(true);
    host.end('canceled');
    expect(await host.act(view.value.flowId, { action: 'next' })).toEqual({ ok: false, error: { kind: 'noFlow' } });
  });

  it('offers no cancel while a card is written, and applies a cancel that came anyway once the write is over', async () => {
    let release = (): void => undefined;
    let writing = false;
    let changed = (): void => undefined;
    const writer: Flow = {
      kind: 'renewal',
      screen: () => (writing ? { screen: 'working', task: 'renewing', progress: { step: 'keyProofSigned', index: 3, of: 8 } } : { screen: 'renewalNext', renewed: [] }),
      canBack: () => false,
      takesCancel: () => false,
      onCardReader: () => undefined,
      ended: () => null,
      handle: () => {
        writing = true;
        changed();
        return new Promise((resolve) =>
          (release = () => {
            writing = false;
            changed();
            resolve(ok(undefined));
          }),
        );
      },
    };
    openHost({
      ...flowFactories,
      renewal: (_deps, hooks) => {
        changed = () => hooks.changed();
        return writer;
      },
    });
    const view = host.startFlow('renewal');
    if (!view.ok) throw new Error('not started');
    expect(view.value.canCancel).toBe(true);
    const renewing = host.act(view.value.flowId, { action: 'anotherCard' });
    host.end('canceled');
    expect(host.current()).toMatchObject({ screen: { screen: 'working', task: 'renewing' }, canCancel: false });
    expect(kit.deps.sessions.current()?.business).toBe('renewal');
    release();
    expect(await renewing).toEqual({ ok: true, value: null });
    expect(host.current()).toBeNull();
    expect(kit.deps.sessions.current()).toBeNull();
  });

  it("makes cancel the flow's action where the flow says work done stands, and ends a session the flow ends as canceled", async () => {
    let stands = false;
    let over = false;
    let changed = (): void => undefined;
    const renewal: Flow = {
      kind: 'renewal',
      screen: () => (stands ? { screen: 'renewalCanceled', renewed: [] } : { screen: 'renewalNext', renewed: [] }),
      canBack: () => false,
      takesCancel: () => !stands,
      onCardReader: () => undefined,
      ended: () => (over ? { outcome: 'canceled' } : null),
      handle: (action) => {
        if (action.action === 'cancel') stands = true;
        if (action.action === 'finish') over = true;
        changed();
        return Promise.resolve(ok(undefined));
      },
    };
    openHost({
      ...flowFactories,
      renewal: (_deps, hooks) => {
        changed = () => hooks.changed();
        return renewal;
      },
    });
    const started = host.startFlow('renewal');
    if (!started.ok) throw new Error('not started');
    expect(started.value).toMatchObject({ canCancel: true, cancelIsAction: true });
    const sessionId = kit.deps.sessions.current()?.id ?? '';
    expect(await act({ action: 'cancel' })).toMatchObject({ screen: { screen: 'renewalCanceled' }, cancelIsAction: false });
    expect(kit.deps.sessions.current()?.id).toBe(sessionId);
    expect(await act({ action: 'finish' })).toBeNull();
    expect(kit.store.journalOf(sessionId).at(-1)).toMatchObject({ step: 'session.ended', data: { outcome: 'canceled' } });
  });

  it('puts the card slot light on fast while the renewal asks to take the previous card out', () => {
    expect(lightsFor({ screen: 'removePreviousCard' }).cardSlot).toBe('fast');
  });

  it('wipes the capture draft and its scans when the agent walks away; the card is then to be taken', async () => {
    host.startFlow('unlock');
    await act({ action: 'next' });
    await kit.insert('locked-operator');
    await until(() => screen() === 'cardShown', 'the card shown');
    await act({ action: 'next' });
    expect(lights().scanner).toBe('slow');
    const spec = documentSpecs('unlock', { date: kit.date }).find((s) => s.kind === 'id_card' && s.form === 'copy');
    if (spec === undefined) throw new Error('no ID card');
    kit.scanner.loadFeeder([await generatedPage(spec, { date: kit.date, dpi: kit.scanDpi })]);
    expect((await act({ action: 'scan' }))?.screen.screen).toBe('confirmFields');
    expect(kit.pages.list().length).toBeGreaterThan(0);
    const sessionId = kit.deps.sessions.current()?.id ?? '';

    const view = host.end('timedOut');
    expect(view?.screen).toEqual({ screen: 'takeCard', ended: 'timedOut' });
    expect(view?.canCancel).toBe(false);
    expect(kit.deps.sessions.current()).toBeNull();
    expect(kit.store.journalOf(sessionId).at(-1)).toMatchObject({ step: 'session.ended', data: { outcome: 'timedOut' } });
    expect(kit.deps.capture.state()).toMatchObject({ ok: false, error: { kind: 'noIntake' } });
    expect(kit.pages.list()).toEqual([]);
    expect(lights()).toEqual({ cardSlot: 'fast', scanner: 'off', printer: 'off' });

    kit.remove();
    expect(host.current()).toBeNull();
    expect(pushes.at(-1)).toBeNull();
    expect(lights().cardSlot).toBe('off');
  }, 60_000);

  it('runs a card query: status and advice, the receipt (printer light), finish, take the card', async () => {
    await kit.insert('expiring-operator');
    const started = host.startFlow('query');
    expect(started.ok).toBe(true);
    await until(() => screen() === 'cardStatus', 'the card status');
    const status = host.current()?.screen;
    expect(status).toMatchObject({ screen: 'cardStatus', card: { cardNo: cardFixture('expiring-operator')?.cardNo }, advice: 'renewNow' });
    const done = await act({ action: 'printReceipt' });
    expect(done?.screen).toMatchObject({ screen: 'done', outcome: { flow: 'query' }, receipt: { state: 'printing' } });
    expect(lights().printer).toBe('slow');
    await until(() => {
      const now = host.current()?.screen;
      return now?.screen === 'done' && now.receipt.state === 'printed';
    }, 'the receipt');
    expect(lights().printer).toBe('off');
    const sessionId = kit.deps.sessions.current()?.id ?? '';
    expect((await act({ action: 'finish' }))?.screen).toEqual({ screen: 'takeCard', ended: 'finished' });
    expect(kit.store.journalOf(sessionId).at(-1)).toMatchObject({ step: 'session.ended', data: { outcome: 'completed' } });
    kit.remove();
    expect(host.current()).toBeNull();
  });

  it('asks for any card on a query and says what a card state means', async () => {
    host.startFlow('query');
    expect(host.current()?.screen).toEqual({ screen: 'insertCard', wanted: 'anyCard', problem: null });
    expect(lights().cardSlot).toBe('slow');
    await kit.insert('locked-operator');
    await until(() => screen() === 'cardStatus', 'the card status');
    expect(host.current()?.screen).toMatchObject({ advice: 'unlock' });
    expect(cardAdvice({ lifecycle: 'active', daysLeft: 60 })).toBe('renewSoon');
    expect(cardAdvice({ lifecycle: 'active', daysLeft: 300 })).toBe('none');
    expect(cardAdvice({ lifecycle: 'expired', daysLeft: -3 })).toBe('expired');
    expect(cardAdvice({ lifecycle: 'frozen', daysLeft: 300 })).toBe('counter');
  });

  it('stops the flow when the kiosk goes out of service: failed, or take the card', async () => {
    host.startFlow('unlock');
    service.set({ state: 'outOfService', reasons: ['tamper'], since: new Date().toISOString() });
    expect(host.current()?.screen).toEqual({ screen: 'failed', problem: { kind: 'outOfService' }, next: null });
    expect(kit.deps.sessions.current()).toBeNull();
    service.set({ state: 'inService' });
    expect(host.current()).toBeNull();

    await kit.insert('operator');
    host.startFlow('query');
    await until(() => screen() === 'cardStatus', 'the card status');
    service.set({ state: 'outOfService', reasons: ['technician'], since: new Date().toISOString() });
    expect(host.current()?.screen).toEqual({ screen: 'takeCard', ended: 'failed' });
  });

  it('maps screens to the guide lights', () => {
    expect(lightsFor(null)).toEqual({ cardSlot: 'off', scanner: 'off', printer: 'off' });
    expect(lightsFor({ screen: 'takeCard', ended: 'finished' })).toEqual({ cardSlot: 'fast', scanner: 'off', printer: 'off' });
    expect(lightsFor({ screen: 'scanPaper', paper: { label: { zh: '', en: '' }, position: { index: 0, of: 1 }, wanted: { kind: 'business_licence', form: 'original', role: null } }, scanning: true, problem: null }).scanner).toBe('slow');
  });
});
