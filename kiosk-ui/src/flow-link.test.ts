import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowView } from '../../contract/flow-view.ts';
import { FlowLink, isNewer, type FlowSnapshot } from './flow-link.ts';
import { testSockets } from './test-socket.ts';
import { WsClient } from './ws-client.ts';

const view = (flowId: string, revision: number, screen: FlowView['screen'] = { screen: 'consent' }): FlowView => ({
  flowId,
  flow: 'unlock',
  business: null,
  screen,
  canBack: false,
  canCancel: true,
  cancelIsAction: false,
  pushedAt: 0,
  revision,
});

const push = (next: FlowView | null) => ({ header: { name: 'Kiosk.FlowChanged', type: 'unsolicited' }, payload: { view: next } });

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function setup() {
  const { factory, last } = testSockets();
  const client = new WsClient({ url: 'ws://kiosk.test/ws', createSocket: factory, random: () => 0 });
  const link = new FlowLink(client);
  const snapshots: FlowSnapshot[] = [];
  link.onChange((snapshot) => snapshots.push(snapshot));
  link.start();
  client.start();
  const names = () => last().sent.map((command) => command.header.name);
  return { client, link, last, snapshots, names };
}

describe('isNewer', () => {
  it('takes another flow, or a later revision of the same one', () => {
    expect(isNewer(null, view('a', 1))).toBe(true);
    expect(isNewer(view('a', 3), view('b', 1))).toBe(true);
    expect(isNewer(view('a', 3), view('a', 4))).toBe(true);
    expect(isNewer(view('a', 3), view('a', 3))).toBe(false);
    expect(isNewer(view('a', 3), view('a', 2))).toBe(false);
  });
});

describe('FlowLink', () => {
  it('asks Kiosk.Flow on connect and follows the pushes', async () => {
    const { link, last, names } = setup();
    last().open();
    expect(names()).toEqual(['Kiosk.Flow']);
    last().complete(view('a', 2));
    await vi.waitFor(() => expect(link.snapshot.view?.revision).toBe(2));

    last().receive(push(view('a', 3, { screen: 'readingCard' })));
    expect(link.snapshot.view?.screen).toEqual({ screen: 'readingCard' });
    // A stale push of the same flow is ignored.
    last().receive(push(view('a', 2)));
    expect(link.snapshot.view?.revision).toBe(3);
    last().receive(push(null));
    expect(link.snapshot.view).toBeNull();
    // A late push of the flow that ended does not bring it back.
    last().receive(push(view('a', 4)));
    expect(link.snapshot.view).toBeNull();
  });

  it('does not let a Kiosk.Flow answer that crossed a push undo it', async () => {
    const { link, last } = setup();
    last().open();
    last().receive(push(view('b', 1)));
    last().complete(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(link.snapshot.view?.flowId).toBe('b');
  });

  it('asks again after a reconnect', async () => {
    const { link, last, client } = setup();
    last().open();
    last().complete(view('a', 1));
    await vi.waitFor(() => expect(link.snapshot.view).not.toBeNull());
    last().drop();
    expect(client.connection.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(10_000);
    last().open();
    expect(last().sent.map((command) => command.header.name)).toEqual(['Kiosk.Flow']);
    last().complete(null);
    await vi.waitFor(() => expect(link.snapshot.view).toBeNull());
  });

  it('starts a flow, acts on it with its flowId, and reports a failed send', async () => {
    const { link, last } = setup();
    last().open();
    last().complete(null);
    await vi.advanceTimersByTimeAsync(0);

    const started = link.startFlow('intake', 'change');
    expect(last().sent.at(-1)).toMatchObject({ header: { name: 'Kiosk.StartFlow' }, payload: { flow: 'intake', business: 'change' } });
    expect(link.snapshot.busy).toBe(true);
    last().complete(view('c', 1));
    expect(await started).toBeNull();
    expect(link.snapshot).toMatchObject({ busy: false, view: { flowId: 'c' } });

    const acted = link.act({ action: 'next' });
    expect(last().sent.at(-1)).toMatchObject({ header: { name: 'Kiosk.FlowAction' }, payload: { flowId: 'c', action: { action: 'next' } } });
    last().complete(null, 'sequenceError', 'not on this screen');
    expect(await acted).toMatchObject({ kind: 'error', completionCode: 'sequenceError' });
    expect(link.snapshot.view?.flowId).toBe('c');
  });

  it('ends the flow at once on cancel and sends Kiosk.EndFlow', async () => {
    const { link, last } = setup();
    last().open();
    last().complete(view('d', 5));
    await vi.waitFor(() => expect(link.snapshot.view).not.toBeNull());
    const ended = link.end('timedOut');
    expect(link.snapshot.view).toBeNull();
    expect(last().sent.at(-1)).toMatchObject({ header: { name: 'Kiosk.EndFlow' }, payload: { reason: 'timedOut' } });
    last().complete(null);
    expect(await ended).toBeNull();
    last().receive(push(view('d', 6)));
    expect(link.snapshot.view).toBeNull();
  });

  it('ignores a malformed push', () => {
    const { link, last } = setup();
    last().open();
    last().receive({ header: { name: 'Kiosk.FlowChanged', type: 'unsolicited' }, payload: { view: { screen: 'consent' } } });
    expect(link.snapshot.view).toBeNull();
  });
});
