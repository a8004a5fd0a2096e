import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSystemdNotifier } from './notify.ts';

// A real unix datagram socket standing in for systemd's /run/systemd/notify.
interface Server {
  path: string;
  messages: string[];
  close(): void;
}

interface DgramServerSocket {
  on(event: 'message', listener: (msg: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  bind(path: string): void;
  close(): void;
}
const unixDgram = createRequire(import.meta.url)('unix-dgram') as {
  createSocket(type: 'unix_dgram'): DgramServerSocket;
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function listen(): Server {
  const dir = mkdtempSync(join(tmpdir(), 'eport-notify-'));
  const path = join(dir, 'notify.sock');
  const messages: string[] = [];
  const socket = unixDgram.createSocket('unix_dgram');
  let bindError: Error | undefined;
  socket.on('error', (error) => {
    bindError = error;
  });
  socket.on('message', (msg) => messages.push(msg.toString('utf8')));
  socket.bind(path);
  if (bindError) throw bindError;
  const server = {
    path,
    messages,
    close: () => {
      socket.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cleanups.push(server.close);
  return server;
}

function fields(message: string): Record<string, string> {
  return Object.fromEntries(message.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for datagrams');
    await sleep(5);
  }
}

const pings = (server: Server) => server.messages.filter((m) => m === 'WATCHDOG=1').length;

describe('createSystemdNotifier', () => {
  it('is a no-op when NOTIFY_SOCKET is unset', () => {
    const errors: Error[] = [];
    const notifier = createSystemdNotifier({ WATCHDOG_USEC: '100000' }, { onError: (e) => errors.push(e) });
    expect(notifier.enabled).toBe(false);
    expect(notifier.watchdogIntervalMs).toBeUndefined();
    notifier.ready('up');
    notifier.status('x');
    notifier.stopping();
    notifier.watchdog();
    notifier.startWatchdog()();
    notifier.close();
    expect(errors).toEqual([]);
  });

  it('sends READY=1 with STATUS and MAINPID in one datagram', async () => {
    const server = listen();
    const notifier = createSystemdNotifier({ NOTIFY_SOCKET: server.path });
    expect(notifier.enabled).toBe(true);
    notifier.ready('serving on 127.0.0.1:8080');
    await waitFor(() => server.messages.length === 1);
    expect(fields(server.messages[0] ?? '')).toEqual({
      READY: '1',
      STATUS: 'serving on 127.0.0.1:8080',
      MAINPID: String(process.pid),
    });
  });

  it('sends STATUS, WATCHDOG and STOPPING datagrams in order', async () => {
    const server = listen();
    const notifier = createSystemdNotifier({ NOTIFY_SOCKET: server.path });
    notifier.status('printer offline');
    notifier.watchdog();
    notifier.stopping('shutting down');
    notifier.stopping();
    await waitFor(() => server.messages.length === 4);
    expect(server.messages).toEqual(['STATUS=printer offline', 'WATCHDOG=1', 'STOPPING=1\nSTATUS=shutting down', 'STOPPING=1']);
  });

  it('keeps a status text with newlines from injecting other assignments', async () => {
    const server = listen();
    createSystemdNotifier({ NOTIFY_SOCKET: server.path }).status('a\nREADY=1\r\nb');
    await waitFor(() => server.messages.length === 1);
    expect(server.messages[0]).toBe('STATUS=a READY=1 b');
  });

  it('pings every WATCHDOG_USEC/2', async () => {
    const server = listen();
    const notifier = createSystemdNotifier({ NOTIFY_SOCKET: server.path, WATCHDOG_USEC: '100000' });
    expect(notifier.watchdogIntervalMs).toBe(50);
    const stop = notifier.startWatchdog();
    await sleep(420);
    stop();
    // ~8 at 50 ms; loose bounds for a busy CI machine, but far from "never" or "every tick".
    expect(pings(server)).toBeGreaterThanOrEqual(4);
    expect(pings(server)).toBeLessThanOrEqual(10);
    const stopped = pings(server);
    await sleep(150);
    expect(pings(server)).toBe(stopped);
  });

  it('does not ping before half of a longer WATCHDOG_USEC', async () => {
    const server = listen();
    const notifier = createSystemdNotifier({ NOTIFY_SOCKET: server.path, WATCHDOG_USEC: '2000000' });
    expect(notifier.watchdogIntervalMs).toBe(1000);
    notifier.startWatchdog();
    await sleep(300);
    notifier.close();
    expect(pings(server)).toBe(0);
  });

  it('honours WATCHDOG_PID: disabled for another pid, enabled for ours', async () => {
    const server = listen();
    const other = createSystemdNotifier({ NOTIFY_SOCKET: server.path, WATCHDOG_USEC: '100000', WATCHDOG_PID: String(process.pid + 1) });
    expect(other.watchdogIntervalMs).toBeUndefined();
    other.startWatchdog();
    await sleep(250);
    expect(pings(server)).toBe(0);

    const ours = createSystemdNotifier({ NOTIFY_SOCKET: server.path, WATCHDOG_USEC: '100000', WATCHDOG_PID: String(process.pid) });
    ours.startWatchdog();
    await waitFor(() => pings(server) >= 2);
    ours.close();
  });

  it('ignores WATCHDOG_USEC=0 and garbage', () => {
    for (const usec of ['0', '', 'abc', '-5']) {
      expect(createSystemdNotifier({ NOTIFY_SOCKET: '/run/x', WATCHDOG_USEC: usec }).watchdogIntervalMs).toBeUndefined();
    }
  });

  it('skips pings while isHealthy() is false (or throws) and resumes after', async () => {
    const server = listen();
    const errors: Error[] = [];
    const notifier = createSystemdNotifier({ NOTIFY_SOCKET: server.path, WATCHDOG_USEC: '60000' }, { onError: (e) => errors.push(e) });
    let state: 'wedged' | 'throws' | 'ok' = 'wedged';
    notifier.startWatchdog(() => {
      if (state === 'throws') throw new Error('health check broke');
      return state === 'ok';
    });
    await sleep(200);
    expect(pings(server)).toBe(0);
    state = 'throws';
    await waitFor(() => errors.length > 0);
    expect(pings(server)).toBe(0);
    expect(errors[0]?.message).toBe('health check broke');
    state = 'ok';
    await waitFor(() => pings(server) >= 2);
    notifier.close();
  });

  it('never throws when the socket is gone; reports through onError', () => {
    const errors: Error[] = [];
    const notifier = createSystemdNotifier({ NOTIFY_SOCKET: join(tmpdir(), 'eport-notify-missing', 'notify.sock') }, { onError: (e) => errors.push(e) });
    expect(notifier.enabled).toBe(true);
    expect(() => {
      notifier.ready('up');
    }).not.toThrow();
    expect(() => {
      notifier.watchdog();
    }).not.toThrow();
    expect(errors).toHaveLength(2);
    // A throwing onError is swallowed too.
    const rude = createSystemdNotifier({ NOTIFY_SOCKET: '/nonexistent/notify.sock' }, { onError: () => { throw new Error('boom'); } });
    expect(() => {
      rude.status('x');
    }).not.toThrow();
  });

  it('disables itself for abstract, relative and over-long socket addresses', () => {
    for (const address of ['@/org/freedesktop/systemd1/notify', 'vsock:2:1234', 'run/notify', '/' + 'x'.repeat(107)]) {
      const errors: Error[] = [];
      const notifier = createSystemdNotifier({ NOTIFY_SOCKET: address }, { onError: (e) => errors.push(e) });
      expect(notifier.enabled, address).toBe(false);
      expect(errors, address).toHaveLength(1);
    }
  });

  it('lets the process exit while the watchdog runs (unref timer, no open socket)', async () => {
    const server = listen();
    const notifyTs = fileURLToPath(new URL('./notify.ts', import.meta.url));
    const script = `
      import { createSystemdNotifier } from ${JSON.stringify(notifyTs)};
      const n = createSystemdNotifier();
      n.ready('child up');
      n.startWatchdog();
    `;
    const child = spawn(process.execPath, ['--input-type=module', '--no-warnings', '-e', script], {
      env: { ...process.env, NOTIFY_SOCKET: server.path, WATCHDOG_USEC: '100000' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('child kept running: the watchdog timer or socket holds the event loop'));
      }, 5000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(0);
    await waitFor(() => server.messages.length >= 1);
    expect(fields(server.messages[0] ?? '')).toEqual({ READY: '1', STATUS: 'child up', MAINPID: String(child.pid) });
  });
});
