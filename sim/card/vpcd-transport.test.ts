// The vpcd client against a fake vpcd (a TCP server speaking the same framing), so framing,
// control messages, retries and reconnects are tested without pcscd. The real stack is in
// tests/pcsc/pcsc-stack.test.ts.
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SELECT_EPORT, TestCard, testAtr } from '../../tests/support/test-card.ts';
import { FrameReader, VpcdTransport, frame } from './vpcd-transport.ts';
import type { VpcdStatus } from './vpcd-transport.ts';

interface FakeVpcd {
  server: Server;
  port: number;
  client: Promise<Socket>;
  /** Frames received from the card, in order. */
  frames: Buffer[];
  next(): Promise<Buffer>;
}

const servers: Server[] = [];
const transports: VpcdTransport[] = [];

afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.disconnect()));
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function fakeVpcd(port = 0): Promise<FakeVpcd> {
  return new Promise((resolve, reject) => {
    const frames: Buffer[] = [];
    const waiters: ((b: Buffer) => void)[] = [];
    let onClient: (s: Socket) => void = () => undefined;
    const client = new Promise<Socket>((r) => (onClient = r));
    const server = createServer((socket) => {
      const reader = new FrameReader();
      socket.on('data', (chunk: Buffer) => {
        for (const f of reader.push(chunk)) {
          const waiter = waiters.shift();
          if (waiter) waiter(f);
          else frames.push(f);
        }
      });
      socket.on('error', () => undefined);
      onClient(socket);
    });
    servers.push(server);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        client,
        frames,
        next: () => {
          const f = frames.shift();
          return f ? Promise.resolve(f) : new Promise((r) => waiters.push(r));
        },
      });
    });
  });
}

function transport(card: TestCard, port: number, options: ConstructorParameters<typeof VpcdTransport>[1] = {}): VpcdTransport {
  const t = new VpcdTransport(card, { port, retryInitialMs: 10, retryMaxMs: 50, ...options });
  transports.push(t);
  return t;
}

describe('FrameReader', () => {
  it('joins partial frames and splits several frames in one chunk', () => {
    const reader = new FrameReader();
    const a = frame(Buffer.from([1]));
    const b = frame(SELECT_EPORT);
    const all = Buffer.concat([a, b, frame(Buffer.from([4]))]);
    expect(reader.push(all.subarray(0, 1))).toEqual([]);
    expect(reader.push(all.subarray(1, 5))).toEqual([Buffer.from([1])]);
    const rest = reader.push(all.subarray(5));
    expect(rest).toEqual([SELECT_EPORT, Buffer.from([4])]);
  });
});

describe('VpcdTransport', () => {
  it('answers get-ATR, runs power control and APDUs, with quick ACK on', async () => {
    const vpcd = await fakeVpcd();
    const card = new TestCard();
    const t = transport(card, vpcd.port);
    const controls: string[] = [];
    t.on('control', (c) => controls.push(c));
    expect(await t.connect()).toEqual({ ok: true, value: undefined });
    expect(t.status).toEqual({ state: 'connected', quickAck: { state: 'on' } });
    const socket = await vpcd.client;
    // Length prefix and payload in separate writes, as vpcd does.
    socket.write(Buffer.from([0, 1]));
    socket.write(Buffer.from([1]));
    socket.write(frame(Buffer.from([4])));
    expect(await vpcd.next()).toEqual(testAtr());
    // Two APDUs in one chunk, the second split across chunks.
    const two = Buffer.concat([frame(SELECT_EPORT), frame(Buffer.from('00EE000003414243', 'hex'))]);
    socket.write(two.subarray(0, two.length - 2));
    await new Promise((r) => setTimeout(r, 20));
    socket.write(two.subarray(two.length - 2));
    expect((await vpcd.next()).toString('hex')).toBe('9000');
    expect((await vpcd.next()).toString('hex')).toBe('4142439000');
    expect(card.powered).toBe(true);
    socket.write(frame(Buffer.from([2])));
    socket.write(frame(Buffer.from([0])));
    await new Promise((r) => setTimeout(r, 20));
    expect(controls).toEqual(['powerOn', 'getAtr', 'reset', 'powerOff']);
    expect(card.powered).toBe(false);
    expect(card.powerOns).toBe(2);
  });

  it('retries until vpcd listens, and reports each attempt', async () => {
    const probe = await fakeVpcd();
    const port = probe.port;
    await new Promise((r) => probe.server.close(r));
    servers.length = 0;
    const card = new TestCard();
    const t = transport(card, port);
    const seen: VpcdStatus[] = [];
    t.on('status', (s) => seen.push(s));
    const connecting = t.connect();
    await new Promise((r) => setTimeout(r, 120));
    expect(t.status.state).toBe('connecting');
    await fakeVpcd(port);
    expect((await connecting).ok).toBe(true);
    const attempts = seen.filter((s) => s.state === 'connecting');
    expect(attempts.length).toBeGreaterThan(1);
    expect(attempts.at(-1)).toMatchObject({ lastError: expect.stringContaining('ECONNREFUSED') });
  });

  it('gives up after connectTimeoutMs with an error value', async () => {
    const probe = await fakeVpcd();
    const port = probe.port;
    await new Promise((r) => probe.server.close(r));
    servers.length = 0;
    const t = transport(new TestCard(), port, { connectTimeoutMs: 100 });
    const result = await t.connect();
    expect(result.ok).toBe(false);
    expect(t.status).toEqual({ state: 'disconnected' });
  });

  it('disconnect closes the socket (card pulled) and powers the card off', async () => {
    const vpcd = await fakeVpcd();
    const card = new TestCard();
    const t = transport(card, vpcd.port);
    await t.connect();
    const socket = await vpcd.client;
    socket.write(frame(Buffer.from([1])));
    await new Promise((r) => setTimeout(r, 20));
    expect(card.powered).toBe(true);
    const ended = new Promise((r) => socket.once('close', r));
    await t.disconnect();
    await ended;
    expect(card.powered).toBe(false);
    expect(t.status).toEqual({ state: 'disconnected' });
  });

  it('reconnects when vpcd drops the connection (pcscd restarted)', async () => {
    const vpcd = await fakeVpcd();
    const t = transport(new TestCard(), vpcd.port);
    await t.connect();
    const first = await vpcd.client;
    const states: string[] = [];
    t.on('status', (s) => states.push(s.state));
    const again = new Promise<void>((resolve) => {
      vpcd.server.once('connection', () => resolve());
    });
    first.destroy();
    await again;
    await new Promise((r) => setTimeout(r, 20));
    expect(states).toEqual(['disconnected', 'connecting', 'connected']);
  });

  it('keeps working without quick ACK when asked to', async () => {
    const vpcd = await fakeVpcd();
    const t = transport(new TestCard(), vpcd.port, { quickAck: false });
    await t.connect();
    expect(t.status).toEqual({ state: 'connected', quickAck: { state: 'off', reason: 'disabled by option' } });
    (await vpcd.client).write(frame(SELECT_EPORT));
    expect((await vpcd.next()).toString('hex')).toBe('9000');
  });
});
