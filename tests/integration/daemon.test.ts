// The real daemon process on a free port: HTTP, WebSocket, bad input, shutdown.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect } from '../support/ws-client.ts';

let daemon: RunningDaemon;

beforeAll(async () => {
  daemon = await startDaemon();
});

afterAll(async () => {
  await daemon.stop();
});

describe('the daemon over HTTP', () => {
  it('logs its time to ready', () => {
    const ready = daemon.logs.find((line) => line.name === 'daemon.ready');
    expect(ready).toMatchObject({ event: 'K1002', url: daemon.url });
    expect(typeof ready?.startupMs).toBe('number');
  });

  it('answers /api/health with the overall state and every device', async () => {
    const response = await fetch(new URL('/api/health', daemon.url));
    expect(response.status).toBe(200);
    const health = (await response.json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      kioskId: 'KIOSK-DEV-01',
      sources: { cardReader: 'sim', printer: 'sim', scanner: 'sim', gpio: 'sim', idCardReader: 'sim' },
      devices: {
        cardReader: { state: 'noCard', reader: 'Simulated reader 00' },
        printer: { state: 'online', device: 'virtual printer (in-process)' },
        scanner: { state: 'idle' },
        gpio: { state: 'online', lights: { inService: 'on', alarm: 'off' } },
        idCardReader: { state: 'noCard', device: 'simulated SAM module' },
      },
      service: { state: 'inService' },
      technician: { active: false },
      state: 'ready',
    });
  });

  it('serves Prometheus metrics', async () => {
    const response = await fetch(new URL('/metrics', daemon.url));
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^kiosk_device_state\{device="gpio",state="online",kiosk="KIOSK-DEV-01"\} 1$/m);
    expect(text).toMatch(/^kiosk_ws_messages_total/m);
    expect(text).toMatch(/^# TYPE kiosk_process_cpu_seconds_total counter$/m);
  });

  it('serves the built UI', async () => {
    const response = await fetch(daemon.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: daemon.port, path: '/api/health', headers: { host: `attacker.example:${daemon.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });
});

describe('the daemon over WebSocket', () => {
  it('answers Common.Status and Common.Capabilities', async () => {
    const client = await connect(daemon.wsUrl, { page: 'kiosk' });
    client.command('Common.Status', 1, {}, 5000);
    const status = await client.completion(1);
    expect(status.header).toMatchObject({ name: 'Common.Status', completionCode: 'success' });
    expect(status.payload).toMatchObject({ kioskId: 'KIOSK-DEV-01', devices: { gpio: { state: 'online' } } });
    client.command('Common.Capabilities', 2);
    const capabilities = await client.completion(2);
    expect(capabilities.payload).toMatchObject({
      maxFrameBytes: 65536,
      interfaces: expect.arrayContaining([{ name: 'Common', commands: ['Common.Status', 'Common.Capabilities', 'Common.Cancel'], unsolicited: ['Common.StatusChangedEvent'] }]),
    });
    client.close();
  });

  it('refuses a WebSocket from a foreign origin', async () => {
    await expect(connect(daemon.wsUrl, { origin: 'http://evil.example' })).rejects.toThrow(/HTTP 403/);
    await expect(connect(daemon.wsUrl, { origin: `http://127.0.0.1:${daemon.port + 1}` })).rejects.toThrow(/HTTP 403/);
  });

  // Each bad message gets its error completion, and the same connection still answers Common.Status.
  it.each([
    ['missing requestId', 'invalidData', '{"header":{"name":"Common.Status","type":"command"},"payload":{}}', undefined],
    ['requestId of the wrong type', 'invalidData', '{"header":{"name":"Common.Status","requestId":"x","type":"command"}}', undefined],
    ['missing name', 'invalidData', '{"header":{"requestId":11,"type":"command"}}', 11],
    ['unknown command', 'unsupportedCommand', '{"header":{"name":"Printer.Explode","requestId":12,"type":"command"}}', 12],
    ['wrong message type', 'invalidCommand', '{"header":{"name":"Common.Status","requestId":13,"type":"event"}}', 13],
    ['wrong payload field type', 'invalidData', '{"header":{"name":"Common.Cancel","requestId":14,"type":"command"},"payload":{"requestIds":"all"}}', 14],
    ['unexpected payload field', 'invalidData', '{"header":{"name":"Common.Status","requestId":15,"type":"command"},"payload":{"x":1}}', 15],
    ['no header at all', 'invalidData', '{"payload":{}}', undefined],
  ])('%s → %s', async (_label, code, frame, requestId) => {
    const client = await connect(daemon.wsUrl);
    client.sendRaw(frame);
    const reply = await client.waitFor((m) => m.header.type === 'completion');
    expect(reply.header.completionCode).toBe(code);
    expect(reply.header.requestId).toBe(requestId);
    expect(reply.header.errorDescription).toBeTruthy();
    client.command('Common.Status', 100);
    expect((await client.completion(100)).header.completionCode).toBe('success');
    client.close();
  });

  // Nothing parseable: closed with a reason; every other client is still served.
  it.each([
    ['malformed JSON', 1007, (c: Awaited<ReturnType<typeof connect>>) => c.sendRaw('{"header": {"name": '), /not JSON/],
    ['a JSON array', 1007, (c: Awaited<ReturnType<typeof connect>>) => c.sendRaw('[]'), /JSON object/],
    ['a binary frame', 1003, (c: Awaited<ReturnType<typeof connect>>) => c.sendRaw(Buffer.from([1, 2, 3]), { binary: true }), /binary frames/],
    ['a frame over 64 KiB', 1009, (c: Awaited<ReturnType<typeof connect>>) => c.sendRaw(JSON.stringify({ header: {}, payload: { x: 'a'.repeat(70_000) } })), /./],
  ])('%s closes that connection with %d', async (_label, code, send, reason) => {
    const bystander = await connect(daemon.wsUrl);
    const client = await connect(daemon.wsUrl);
    send(client);
    const closed = await client.closed();
    expect(closed.code).toBe(code);
    expect(closed.reason).toMatch(reason);
    bystander.command('Common.Status', 1);
    expect((await bystander.completion(1)).header.completionCode).toBe('success');
    bystander.close();
  });

  it('answers every message of a 1,000-message flood and keeps serving others', async () => {
    const flooder = await connect(daemon.wsUrl);
    const other = await connect(daemon.wsUrl);
    const burst = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ header: { name: 'Common.Status', requestId: i + 1, type: 'command' }, payload: {} })).join('\u0000');
    for (const frame of burst.split('\u0000')) flooder.sendRaw(frame);
    other.command('Common.Status', 1);
    expect((await other.completion(1)).header.completionCode).toBe('success');
    await flooder.waitFor(() => flooder.received.filter((m) => m.header.type === 'completion').length === 1000, 20_000);
    const codes = new Map<string, number>();
    for (const m of flooder.received) if (m.header.type === 'completion') codes.set(m.header.completionCode!, (codes.get(m.header.completionCode!) ?? 0) + 1);
    expect([...codes.keys()].every((code) => code === 'success' || code === 'tooManyRequests')).toBe(true);
    expect(codes.get('success')).toBeGreaterThanOrEqual(200);
    // Once the burst is over the budget refills and the flooder is served again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    flooder.command('Common.Status', 5000);
    expect((await flooder.completion(5000)).header.completionCode).toBe('success');
    flooder.close();
    other.close();
  });
});

describe('the daemon process', () => {
  it('started without its V8 memory flags, re-executes itself with them in place (same pid)', async () => {
    const own = await startDaemon({ nodeFlags: [] });
    try {
      const pid = own.child.pid;
      expect((await own.waitForLog((line) => line.name === 'daemon.starting')).pid).toBe(pid);
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(argv).toContain('--optimize-for-size');
      expect(argv.slice(argv.indexOf('--optimize-for-size'))).toEqual(expect.arrayContaining([join(repoRoot, 'bin', 'kiosk.mjs'), 'run']));
    } finally {
      await own.stop();
    }
  });

  it('shuts down cleanly on SIGTERM: clients closed, store flushed, exit 0', async () => {
    const own = await startDaemon();
    const client = await connect(own.wsUrl);
    const closed = client.closed();
    const stateDir = own.stateDir;
    const exited = new Promise<number | null>((resolve) => own.child.once('exit', (code) => resolve(code)));
    own.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect((await closed).code).toBe(1001);
    expect(own.logs.map((line) => line.name)).toEqual(expect.arrayContaining(['daemon.stopping', 'store.closed', 'daemon.stopped']));
    // The WAL was checkpointed into the database file.
    expect(statSync(join(stateDir, 'kiosk.sqlite-wal'), { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    await own.stop();
  });

  it('sends READY, STATUS and STOPPING to systemd through NOTIFY_SOCKET', async () => {
    const require = createRequire(import.meta.url);
    const unixDgram = require('unix-dgram') as {
      createSocket(type: 'unix_dgram', listener: (message: Buffer) => void): { bind(path: string): void; close(): void };
    };
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-notify-'));
    const socketPath = join(dir, 'notify.sock');
    const messages: string[] = [];
    const socket = unixDgram.createSocket('unix_dgram', (message) => messages.push(message.toString()));
    socket.bind(socketPath);
    try {
      const own = await startDaemon({ env: { NOTIFY_SOCKET: socketPath, WATCHDOG_USEC: '200000' } });
      await expect.poll(() => messages.join('\n'), { timeout: 5000 }).toMatch(/READY=1/);
      expect(messages.join('\n')).toMatch(/STATUS=serving http:\/\/127\.0\.0\.1:\d+\//);
      await expect.poll(() => messages.filter((m) => m.includes('WATCHDOG=1')).length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
      expect((await own.stop()).code).toBe(0);
      await expect.poll(() => messages.join('\n'), { timeout: 5000 }).toMatch(/STOPPING=1/);
    } finally {
      socket.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad configuration with a clear message, exit 2 and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-badconfig-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ http: { port: 'eighty' } }));
    const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'kiosk.mjs'), 'run', '--config', file], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/invalid configuration from .*config\.json:\n {2}http\.port/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const usage = spawnSync(process.execPath, [join(repoRoot, 'bin', 'kiosk.mjs'), 'run', '--port', 'x'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--port: not a port number: x/);
    rmSync(dir, { recursive: true, force: true });
  });
});
