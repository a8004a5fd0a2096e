// The dispatcher with controllable handlers: in-flight duplicates, cancel, timeout, handler bugs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type TestClient } from '../../tests/support/ws-client.ts';
import { silentLogger } from '../log/logger.ts';
import type { KioskStatus } from '../../contract/protocol/catalogue.ts';
import { err, ok } from '../../basics/result.ts';
import type { CommandHandlers } from './commands.ts';
import { createWsServer, type WsServer } from './ws-server.ts';

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
}

let server: Server;
let ws: WsServer;
let client: TestClient;
let url: string;

beforeEach(async () => {
  const handlers: Partial<CommandHandlers> = {
    // Status waits until canceled or timed out: a stand-in for a slow device command.
    'Common.Status': async (_payload, context) => waitForAbort(context.signal),
    'Common.Capabilities': async () => {
      throw new Error('a bug in a handler');
    },
    'Common.Cancel': async (payload, context) => {
      if (payload.requestIds?.includes(999) === true) return err({ completionCode: 'userError', errorDescription: 'nothing to cancel' });
      return ok({ canceled: context.cancel(payload.requestIds) });
    },
  };
  ws = createWsServer({ handlers, logger: silentLogger, isAllowedOrigin: (origin) => origin === 'http://127.0.0.1:1', toolToken: 'test-token', pages: ['kiosk', 'technician'], isTechnician: () => false });
  server = createServer();
  server.on('upgrade', (request, socket, head) => ws.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
  client = await connect(url, { token: 'test-token' });
});

afterEach(async () => {
  client.close();
  await ws.close('test over');
  server.close();
});

describe('ws dispatcher', () => {
  it('acknowledges a command before completing it', async () => {
    client.command('Common.Status', 1, {}, 50);
    const completion = await client.completion(1);
    expect(completion.header.completionCode).toBe('timeOut');
    expect(completion.header.errorDescription).toMatch(/50 ms/);
    const types = client.received.filter((m) => m.header.requestId === 1).map((m) => m.header.type);
    expect(types).toEqual(['acknowledge', 'completion']);
  });

  it('answers a duplicate in-flight requestId with sequenceError and keeps the first', async () => {
    client.command('Common.Status', 5);
    client.command('Common.Status', 5);
    const duplicate = await client.completion(5);
    expect(duplicate.header).toMatchObject({ completionCode: 'sequenceError', errorDescription: 'requestId 5 is already in flight on this connection' });
    client.command('Common.Cancel', 6, { requestIds: [5] });
    expect((await client.completion(6)).payload).toEqual({ canceled: [5] });
    await client.waitFor((m) => m.header.requestId === 5 && m.header.completionCode === 'canceled');
    // The id is free again once the first completed.
    client.command('Common.Status', 5, {}, 20);
    await client.waitFor((m) => m.header.requestId === 5 && m.header.completionCode === 'timeOut');
  });

  it('cancels every request in flight when no ids are given', async () => {
    client.command('Common.Status', 1);
    client.command('Common.Status', 2);
    client.command('Common.Cancel', 3);
    const cancel = await client.completion(3);
    expect((cancel.payload as { canceled: number[] }).canceled.sort()).toEqual([1, 2]);
  });

  it('reports an expected failure with its completion code', async () => {
    client.command('Common.Cancel', 4, { requestIds: [999] });
    expect((await client.completion(4)).header).toMatchObject({ completionCode: 'userError', errorDescription: 'nothing to cancel' });
  });

  it('turns a throwing handler into internalError and keeps serving', async () => {
    client.command('Common.Capabilities', 7);
    expect((await client.completion(7)).header.completionCode).toBe('internalError');
    client.command('Common.Status', 8, {}, 10);
    expect((await client.completion(8)).header.completionCode).toBe('timeOut');
  });

  it('refuses a foreign origin and accepts its own', async () => {
    await expect(connect(url, { origin: 'http://evil.example' })).rejects.toThrow(/HTTP 403/);
    const own = await connect(url, { origin: 'http://127.0.0.1:1' });
    own.close();
  });

  it('broadcasts unsolicited messages to every client of a role that hears them, none to an anonymous one', async () => {
    const other = await connect(url, { origin: 'http://127.0.0.1:1', page: 'kiosk' });
    const anonymous = await connect(url, { token: null });
    const status = { state: 'ready' } as Partial<KioskStatus>;
    ws.broadcast('Common.StatusChangedEvent', { state: 'ready', devices: {} });
    for (const c of [client, other]) {
      const message = await c.waitFor((m) => m.header.type === 'unsolicited');
      expect(message.header.name).toBe('Common.StatusChangedEvent');
      expect(message.payload).toMatchObject({ state: status.state });
    }
    // The anonymous client asks for its status and gets refused; it never hears the push.
    anonymous.command('Common.Status', 1, {});
    expect((await anonymous.completion(1)).header.completionCode).toBe('authorisationRequired');
    expect(anonymous.received.some((m) => m.header.type === 'unsolicited')).toBe(false);
    other.close();
    anonymous.close();
  });

  it('refuses a wrong tool token at the upgrade', async () => {
    await expect(connect(url, { token: 'not-the-token' })).rejects.toThrow(/HTTP 403/);
  });
});
