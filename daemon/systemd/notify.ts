// sd_notify(3) for the daemon: READY/STATUS/STOPPING/WATCHDOG datagrams to $NOTIFY_SOCKET.
//
// Node has no unix datagram sockets (node:dgram is UDP only, node:net is stream only), so the
// datagrams go through the `unix-dgram` native addon. Why that package and not the
// alternatives: docs/deployment.md, "sd_notify".
//
// Limitation: unix-dgram copies the address with strncpy() into sun_path, so it cannot
// address the abstract namespace (NOTIFY_SOCKET=@name needs a leading NUL byte) nor paths
// longer than 107 bytes. systemd (PID 1) always hands services a filesystem path
// (/run/systemd/notify); for the rare abstract/vsock socket (some container managers,
// test harnesses) the notifier reports the problem through onError and stays disabled.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';

export interface SystemdNotifier {
  /** READY=1 with STATUS= and MAINPID=; send once the daemon serves requests. */
  ready(status: string): void;
  status(status: string): void;
  stopping(status?: string): void;
  watchdog(): void;
  /**
   * Pings WATCHDOG=1 every WATCHDOG_USEC/2 while isHealthy() (default: always) returns true.
   * Only when WATCHDOG_USEC is set and WATCHDOG_PID is unset or this process's pid; a no-op
   * otherwise. Returns a function that stops the pings.
   */
  startWatchdog(isHealthy?: () => boolean): () => void;
  /** Stops all watchdog timers; later sends are ignored. */
  close(): void;
  /** False when NOTIFY_SOCKET is unset or unusable: every method is then a no-op. */
  readonly enabled: boolean;
  /** Ping interval startWatchdog() uses, or undefined when systemd's watchdog is off. */
  readonly watchdogIntervalMs: number | undefined;
}

export interface SystemdNotifierOptions {
  /** Called with send failures and unusable NOTIFY_SOCKET values; nothing is ever thrown. */
  onError?: (error: Error) => void;
}

// The subset of unix-dgram (CommonJS, no bundled types) used here.
interface UnixDgramSocket {
  on(event: 'error', listener: (error: Error) => void): unknown;
  send(buf: Buffer, offset: number, length: number, path: string, callback: (error?: Error) => void): void;
  close(): void;
}
interface UnixDgram {
  createSocket(type: 'unix_dgram'): UnixDgramSocket;
}

// sizeof(struct sockaddr_un.sun_path) - 1: what unix-dgram's strncpy() keeps.
const SUN_PATH_MAX = 107;

function noop(): void {}

// Newlines separate assignments in a notify datagram: a status text containing
// "\nREADY=1" must not become a second assignment.
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

function watchdogIntervalMs(env: NodeJS.ProcessEnv): number | undefined {
  const usec = env.WATCHDOG_USEC;
  if (usec === undefined || !/^\d+$/.test(usec) || Number(usec) === 0) return undefined;
  // WATCHDOG_PID is set when the watchdog is meant for another process (e.g. a wrapper).
  const pid = env.WATCHDOG_PID;
  if (pid !== undefined && pid !== '' && pid !== String(process.pid)) return undefined;
  // Half the timeout, as sd_watchdog_enabled(3) recommends.
  return Math.max(1, Math.floor(Number(usec) / 2000));
}

function disabledNotifier(): SystemdNotifier {
  return {
    enabled: false,
    watchdogIntervalMs: undefined,
    ready: noop,
    status: noop,
    stopping: noop,
    watchdog: noop,
    startWatchdog: () => noop,
    close: noop,
  };
}

export function createSystemdNotifier(
  env: NodeJS.ProcessEnv = process.env,
  options: SystemdNotifierOptions = {},
): SystemdNotifier {
  const report = (error: unknown): void => {
    try {
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // A throwing onError must not escape either.
    }
  };

  const path = env.NOTIFY_SOCKET;
  if (path === undefined || path === '') return disabledNotifier();
  if (!path.startsWith('/')) {
    report(new Error(`NOTIFY_SOCKET=${path}: only filesystem socket paths are supported (unix-dgram cannot address abstract or vsock sockets)`));
    return disabledNotifier();
  }
  if (Buffer.byteLength(path) > SUN_PATH_MAX) {
    report(new Error(`NOTIFY_SOCKET=${path}: longer than ${SUN_PATH_MAX} bytes`));
    return disabledNotifier();
  }

  // Loaded lazily: outside systemd (dev, sim, tests) the native addon is never needed.
  let dgram: UnixDgram;
  try {
    dgram = createRequire(import.meta.url)('unix-dgram') as UnixDgram;
  } catch (error) {
    report(error);
    return disabledNotifier();
  }

  const intervalMs = watchdogIntervalMs(env);
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  // One short-lived socket per message: an open unix-dgram socket is a ref'd libuv poll
  // handle that would keep the process alive, and a few messages a minute make the extra
  // socket()/close() irrelevant. sendto() is synchronous, so the callback has run by the
  // time close() is called.
  const send = (message: string): void => {
    if (closed) return;
    try {
      const socket = dgram.createSocket('unix_dgram');
      socket.on('error', report);
      try {
        const buf = Buffer.from(message);
        socket.send(buf, 0, buf.length, path, (error) => {
          if (error) report(error);
        });
      } finally {
        socket.close();
      }
    } catch (error) {
      report(error);
    }
  };

  return {
    enabled: true,
    watchdogIntervalMs: intervalMs,
    ready(status) {
      send(`READY=1\nSTATUS=${oneLine(status)}\nMAINPID=${process.pid}`);
    },
    status(status) {
      send(`STATUS=${oneLine(status)}`);
    },
    stopping(status) {
      send(status === undefined ? 'STOPPING=1' : `STOPPING=1\nSTATUS=${oneLine(status)}`);
    },
    watchdog() {
      send('WATCHDOG=1');
    },
    startWatchdog(isHealthy) {
      if (intervalMs === undefined || closed) return noop;
      const timer = setInterval(() => {
        let healthy: boolean;
        try {
          healthy = isHealthy === undefined || isHealthy();
        } catch (error) {
          report(error);
          healthy = false;
        }
        // Skipping the ping is the point: systemd then kills and restarts a wedged daemon.
        if (healthy) send('WATCHDOG=1');
      }, intervalMs);
      timer.unref(); // the watchdog alone must not keep the daemon alive
      timers.add(timer);
      return () => {
        clearInterval(timer);
        timers.delete(timer);
      };
    },
    close() {
      closed = true;
      for (const timer of timers) clearInterval(timer);
      timers.clear();
    },
  };
}
