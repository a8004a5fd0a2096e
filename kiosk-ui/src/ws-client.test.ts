import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reconnectDelayMs } from './reconnect-backoff.ts';
import { testSockets } from './test-socket.ts';
import { connectionLost, daemonSocketUrl, defaultConnectTimeoutMs, replyGraceMs, WsClient, type ConnectionState } from './ws-client.ts';

function setup() {
  const { sockets, factory, last } = testSockets();
  const client = new WsClient({ url: 'ws://kiosk.test/ws', createSocket: factory, random: () => 0.5 });
  const states: ConnectionState[] = [];
  client.onConnectionChange((state) => states.push(state));
  client.start();
  return { client, sockets, last, states };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('reconnectDelayMs', () => {
  it('doubles from 0.5 s to a 10 s cap, with the upper half random', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 12].map((attempt) => reconnectDelayMs(attempt, () => 1));
    expect(ceilings).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
    const floors = [1, 2, 6].map((attempt) => reconnectDelayMs(attempt, () => 0));
    expect(floors).toEqual([250, 500, 5_000]);
  });
});

describe('daemonSocketUrl', () => {
  it('follows the page origin', () => {
    expect(daemonSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/ws');
    expect(daemonSocketUrl({ protocol: 'https:', host: 'kiosk.local' })).toBe('wss://kiosk.local/ws');
  });
});

describe('connectionLost', () => {
  it('is false while the first connection is being made and while open', () => {
    expect(connectionLost({ state: 'connecting', attempt: 0 })).toBe(false);
    expect(connectionLost({ state: 'open' })).toBe(false);
    expect(connectionLost({ state: 'connecting', attempt: 2 })).toBe(true);
    expect(connectionLost({ state: 'reconnecting', inMs: 500, attempt: 1, at: 0 })).toBe(true);
    expect(connectionLost({ state: 'closed' })).toBe(true);
  });
});

describe('WsClient', () => {
  it('connects and correlates a completion with its command', async () => {
    const { client, last, states } = setup();
    expect(last().url).toBe('ws://kiosk.test/ws');
    expect(states).toEqual([{ state: 'closed' }, { state: 'connecting', attempt: 0 }]);
    last().open();
    expect(client.connection).toEqual({ state: 'open' });

    const first = client.send('Common.Capabilities', {}, { timeoutMs: 3_000 });
    const second = client.send('Common.Cancel', { requestIds: [1] });
    const [capabilities, cancel] = last().sent;
    expect(capabilities).toEqual({ header: { name: 'Common.Capabilities', requestId: 1, type: 'command', timeout: 3_000 }, payload: {} });
    expect(cancel?.header).toMatchObject({ name: 'Common.Cancel', requestId: 2, timeout: 5_000 });

    // Completions may come in any order.
    last().complete({ canceled: [] });
    last().receive({ header: { name: 'Common.Capabilities', requestId: 1, type: 'completion', completionCode: 'success' }, payload: { protocolVersion: '1.0' } });
    await expect(first).resolves.toEqual({ kind: 'success', payload: { protocolVersion: '1.0' } });
    await expect(second).resolves.toEqual({ kind: 'success', payload: { canceled: [] } });
  });

  it('returns an error completion as a value', async () => {
    const { client, last } = setup();
    last().open();
    const outcome = client.send('Common.Status', {});
    last().complete({}, 'deviceNotReady', 'printer offline');
    await expect(outcome).resolves.toEqual({ kind: 'error', completionCode: 'deviceNotReady', errorDescription: 'printer offline', payload: {} });
  });

  it('passes intermediate events of a request to its onEvent', async () => {
    const { client, last } = setup();
    last().open();
    const onEvent = vi.fn();
    const outcome = client.send('Common.Status', {}, { onEvent });
    last().receive({ header: { name: 'Common.ProgressEvent', requestId: 1, type: 'event' }, payload: { step: 1 } });
    expect(onEvent).toHaveBeenCalledWith('Common.ProgressEvent', { step: 1 });
    last().complete({});
    await outcome;
  });

  it('fails at once when not connected', async () => {
    const { client } = setup();
    await expect(client.send('Common.Status', {})).resolves.toEqual({ kind: 'failed', reason: 'notConnected' });
  });

  it('gives up on a command with no completion after its timeout plus grace', async () => {
    const { client, last } = setup();
    last().open();
    const outcome = client.send('Common.Status', {}, { timeoutMs: 1_000 });
    vi.advanceTimersByTime(1_000 + replyGraceMs);
    await expect(outcome).resolves.toEqual({ kind: 'failed', reason: 'noReply' });
    // A late completion for it is ignored.
    last().complete({});
  });

  it('fails requests in flight when the connection drops, then reconnects with backoff', async () => {
    const { client, sockets, last, states } = setup();
    last().open();
    const outcome = client.send('Common.Status', {});
    last().drop();
    await expect(outcome).resolves.toEqual({ kind: 'failed', reason: 'connectionLost' });
    // random 0.5: 3/4 of each ceiling.
    expect(client.connection).toEqual({ state: 'reconnecting', inMs: 375, attempt: 1, at: Date.now() + 375 });

    vi.advanceTimersByTime(374);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    expect(client.connection).toEqual({ state: 'connecting', attempt: 1 });

    last().drop();
    expect(client.connection).toMatchObject({ state: 'reconnecting', inMs: 750, attempt: 2 });
    vi.advanceTimersByTime(750);
    last().drop();
    expect(client.connection).toMatchObject({ state: 'reconnecting', inMs: 1_500, attempt: 3 });
    vi.advanceTimersByTime(1_500);
    last().open();
    expect(client.connection).toEqual({ state: 'open' });

    // A successful open resets the backoff.
    last().drop();
    expect(client.connection).toMatchObject({ state: 'reconnecting', inMs: 375, attempt: 1 });
    expect(states.map((state) => state.state)).toEqual([
      'closed', 'connecting', 'open', 'reconnecting', 'connecting', 'reconnecting', 'connecting', 'reconnecting', 'connecting', 'open', 'reconnecting',
    ]);
  });

  it('abandons a socket that does not open in time', () => {
    const { client, sockets } = setup();
    vi.advanceTimersByTime(defaultConnectTimeoutMs);
    expect(sockets[0]?.closedWith?.code).toBe(4000);
    expect(client.connection).toMatchObject({ state: 'reconnecting', attempt: 1 });
    // The abandoned socket's late events change nothing.
    sockets[0]?.open();
    expect(client.connection).toMatchObject({ state: 'reconnecting', attempt: 1 });
    vi.advanceTimersByTime(375);
    expect(sockets).toHaveLength(2);
  });

  it('dispatches unsolicited messages and ignores invalid frames', () => {
    const { client, last } = setup();
    last().open();
    const listener = vi.fn();
    const unsubscribe = client.onUnsolicited('Common.StatusChangedEvent', listener);
    last().receive('not json');
    last().handlers.message(new Uint8Array([1, 2]));
    last().receive({ header: { name: 'no-dot', type: 'unsolicited' }, payload: {} });
    last().receive({ header: { name: 'Common.StatusChangedEvent', type: 'broadcast' }, payload: {} });
    last().receive({ header: { name: 'Common.OtherEvent', type: 'unsolicited' }, payload: {} });
    expect(listener).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledTimes(4);

    const payload = { state: 'ready', devices: { printer: { state: 'paperNearEnd', device: '/dev/ttyUSB0' } } };
    last().receive({ header: { name: 'Common.StatusChangedEvent', type: 'unsolicited' }, payload });
    expect(listener).toHaveBeenCalledWith(payload);
    unsubscribe();
    last().receive({ header: { name: 'Common.StatusChangedEvent', type: 'unsolicited' }, payload });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(client.connection).toEqual({ state: 'open' });
  });

  it('treats a completion without a code as a bad reply', async () => {
    const { client, last } = setup();
    last().open();
    const outcome = client.send('Common.Status', {});
    last().receive({ header: { name: 'Common.Status', requestId: 1, type: 'completion' }, payload: {} });
    await expect(outcome).resolves.toEqual({ kind: 'failed', reason: 'badReply' });
  });

  it('stops for good', async () => {
    const { client, sockets, last } = setup();
    last().open();
    const outcome = client.send('Common.Status', {});
    client.stop();
    await expect(outcome).resolves.toEqual({ kind: 'failed', reason: 'connectionLost' });
    expect(last().closedWith).toEqual({ code: 1000, reason: 'client stopped' });
    expect(client.connection).toEqual({ state: 'closed' });
    last().drop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
