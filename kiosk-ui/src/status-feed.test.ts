import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskStatus } from '../../contract/protocol/catalogue.ts';
import { describeDevice } from './device-view.ts';
import { applyStatusChange, isKioskStatus, StatusFeed, statusRetryMs, type StatusSnapshot } from './status-feed.ts';
import { testSockets } from './test-socket.ts';
import { WsClient } from './ws-client.ts';

const status: KioskStatus = {
  kioskId: 'KIOSK-01',
  version: '0.1.0',
  state: 'ready',
  service: { state: 'inService' },
  technician: { active: false },
  uptimeSeconds: 12,
  devices: {
    cardReader: { state: 'noCard', reader: 'Virtual PCD 00 00' },
    printer: { state: 'online', device: '/dev/ttyUSB0' },
    scanner: { state: 'idle', device: 'pnm:0' },
    gpio: { state: 'noDevice', reason: 'not configured' },
    idCardReader: { state: 'noCard', device: 'simulated SAM module' },
  },
  sources: { cardReader: 'sim', printer: 'sim', scanner: 'sim', gpio: 'sim', idCardReader: 'sim' },
};

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
  const feed = new StatusFeed(client);
  const snapshots: StatusSnapshot[] = [];
  feed.onChange((snapshot) => snapshots.push(snapshot));
  feed.start();
  client.start();
  return { client, feed, last, snapshots };
}

describe('StatusFeed', () => {
  it('fetches Common.Status on connect and applies status changes', async () => {
    const { feed, last } = setup();
    expect(feed.snapshot).toEqual({ status: null, stale: true });
    last().open();
    expect(last().sent.map((command) => command.header.name)).toEqual(['Common.Status']);
    last().complete(status);
    await vi.waitFor(() => expect(feed.snapshot).toEqual({ status, stale: false }));

    last().receive({
      header: { name: 'Common.StatusChangedEvent', type: 'unsolicited' },
      payload: { state: 'degraded', devices: { printer: { state: 'paperOut', device: '/dev/ttyUSB0' } } },
    });
    expect(feed.snapshot.status?.state).toBe('degraded');
    expect(feed.snapshot.status?.devices.printer).toEqual({ state: 'paperOut', device: '/dev/ttyUSB0' });
    expect(feed.snapshot.status?.devices.scanner).toEqual(status.devices.scanner);
  });

  it('applies a service change at once and asks for the whole status again', async () => {
    const { feed, last } = setup();
    last().open();
    last().complete(status);
    await vi.waitFor(() => expect(feed.snapshot.stale).toBe(false));

    const service = { state: 'outOfService', reasons: ['maintenance'], since: '2026-01-02T03:04:05.000Z' } as const;
    last().receive({ header: { name: 'Kiosk.ServiceStateChanged', type: 'unsolicited' }, payload: { state: 'outOfService', service } });
    expect(feed.snapshot.status).toMatchObject({ state: 'outOfService', service });
    expect(last().sent.map((command) => command.header.name)).toEqual(['Common.Status', 'Common.Status']);
    const technician = { active: true, actor: 'technician:8135020000000090', since: service.since } as const;
    last().complete({ ...status, state: 'outOfService', service, technician });
    await vi.waitFor(() => expect(feed.snapshot.status?.technician).toEqual(technician));
  });

  it('marks the status stale when the connection drops and refetches on reconnect', async () => {
    const { feed, last } = setup();
    last().open();
    last().complete(status);
    await vi.waitFor(() => expect(feed.snapshot.stale).toBe(false));

    last().drop();
    expect(feed.snapshot).toEqual({ status, stale: true });
    expect(describeDevice('printer', feed.snapshot.status?.devices ?? null, feed.snapshot.stale).level).toBe('unknown');

    vi.advanceTimersByTime(250);
    last().open();
    expect(last().sent.map((command) => command.header.name)).toEqual(['Common.Status']);
    const restarted = { ...status, uptimeSeconds: 1 };
    last().complete(restarted);
    await vi.waitFor(() => expect(feed.snapshot).toEqual({ status: restarted, stale: false }));
  });

  it('asks again when Common.Status fails', async () => {
    const { feed, last } = setup();
    last().open();
    last().complete({}, 'internalError');
    await vi.advanceTimersByTimeAsync(statusRetryMs);
    expect(last().sent).toHaveLength(2);
    last().complete(status);
    await vi.waitFor(() => expect(feed.snapshot.stale).toBe(false));
  });

  it('ignores malformed payloads', async () => {
    const { feed, last } = setup();
    last().open();
    last().complete({ state: 'ready', devices: {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(feed.snapshot.status).toBeNull();
    last().receive({ header: { name: 'Common.StatusChangedEvent', type: 'unsolicited' }, payload: { devices: 'x' } });
    expect(feed.snapshot.status).toBeNull();
  });
});

describe('status helpers', () => {
  it('recognise a kiosk status', () => {
    expect(isKioskStatus(status)).toBe(true);
    expect(isKioskStatus({ ...status, devices: { ...status.devices, gpio: null } })).toBe(false);
    expect(isKioskStatus(null)).toBe(false);
  });

  it('merge a partial change', () => {
    const next = applyStatusChange(status, { state: 'outOfService', devices: { cardReader: { state: 'error', reader: null, message: 'gone' } } });
    expect(next.state).toBe('outOfService');
    expect(next.devices.cardReader.state).toBe('error');
    expect(next.devices.printer).toBe(status.devices.printer);
    expect(status.devices.cardReader.state).toBe('noCard');
  });
});

describe('describeDevice', () => {
  it('uses plain words and the driver serviceability', () => {
    expect(describeDevice('cardReader', status.devices)).toEqual({
      kind: 'cardReader', nameKey: 'device.cardReader', stateKey: 'state.cardReader.noCard', level: 'ready', state: 'noCard',
    });
    expect(describeDevice('gpio', status.devices)).toMatchObject({ stateKey: 'state.noDevice', level: 'unavailable' });
    const jammed = { ...status.devices, scanner: { state: 'jammed', device: 'pnm:0' } } as const;
    expect(describeDevice('scanner', jammed)).toMatchObject({ stateKey: 'state.scanner.jammed', level: 'attention' });
  });

  it('says unknown without a status or for a state it does not know', () => {
    expect(describeDevice('printer', null)).toMatchObject({ stateKey: 'state.unknown', level: 'unknown', state: null });
    const future = { ...status.devices, printer: { state: 'onFire', device: 'x' } } as unknown as KioskStatus['devices'];
    expect(describeDevice('printer', future)).toMatchObject({ stateKey: 'state.unknown', level: 'unknown' });
  });
});
