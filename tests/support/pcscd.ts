// Real pcscd + vsmartcard-vpcd for integration tests. Only one pcscd can run per machine (its
// socket is /run/pcscd/pcscd.comm) and vitest runs test files in parallel, so a test file takes a
// machine-wide lock for its whole run. An already-running pcscd (e.g. the system's) is used as is;
// otherwise we start `pcscd -f` as our child and stop it afterwards.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const VPCD_PORT = 35963;
export const VPCD_READER = 'Virtual PCD 00 00';
const VPCD_CONF = '/etc/reader.conf.d/vpcd';
/** What startPcscd needs, for requireSystemTools: pcscd, and vpcd registered as its reader. */
export const pcscStackTools: readonly (readonly [string, string])[] = [
  ['pcscd', 'pcscd'],
  [VPCD_CONF, 'vsmartcard-vpcd'],
];
const PID_FILE = '/run/pcscd/pcscd.pid';
const LOCK_FILE = join(tmpdir(), 'eport-kiosk-pcscd.lock');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether something listens on the TCP port, read from /proc so that no probe connection looks
 *  to vpcd like a card being inserted. */
export function listening(port: number): boolean {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(hex) === true && fields[3] === '0A') return true;
    }
  }
  return false;
}

async function acquireLock(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(LOCK_FILE, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readPid(LOCK_FILE);
      if (owner !== null && !alive(owner)) {
        rmSync(LOCK_FILE, { force: true }); // left by a test run that was killed
        continue;
      }
      if (Date.now() > deadline) throw new Error(`pcscd lock ${LOCK_FILE} held by pid ${owner ?? '?'} for ${timeoutMs} ms`, { cause: error });
      await sleep(200);
    }
  }
}

function releaseLock(): void {
  if (readPid(LOCK_FILE) === process.pid) rmSync(LOCK_FILE, { force: true });
}

export interface Pcscd {
  /** True when this helper started pcscd (and so may stop and restart it). */
  readonly ours: boolean;
  /** pcscd's output so far, for failure messages. */
  log(): string;
  /** Kills our pcscd (SIGKILL, as a crash would). */
  kill(): Promise<void>;
  /** Starts our pcscd again after kill(). */
  restart(): Promise<void>;
  /** Stops our pcscd and releases the lock. */
  stop(): Promise<void>;
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Takes the machine-wide lock and makes sure pcscd runs with vpcd listening on VPCD_PORT. */
export async function startPcscd(): Promise<Pcscd> {
  if (!existsSync(VPCD_CONF)) throw new Error(`${VPCD_CONF} missing: install vsmartcard-vpcd`);
  // Generous: with two test workers a file may wait for another one's whole run (a browser flow file holds it for a minute or two).
  await acquireLock(600_000);
  let output = '';
  let child: ChildProcess | null = null;

  const spawnOnce = async (): Promise<void> => {
    const started = spawn('pcscd', ['-f'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    const append = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    started.stdout.on('data', append);
    started.stderr.on('data', append);
    const exited = { value: false };
    started.once('exit', () => (exited.value = true));
    await waitUntil(() => exited.value || listening(VPCD_PORT), 10_000, 'vpcd to listen');
    if (exited.value) throw new Error(`pcscd exited at start:\n${output}`);
  };

  const launch = async (): Promise<void> => {
    let lastError: unknown = null;
    for (let attempt = 1; attempt <= 3; attempt++) {
      // The vpcd port of a pcscd we just killed may linger for a moment.
      await waitUntil(() => !listening(VPCD_PORT), 5000, 'the old vpcd port to close').catch(() => undefined);
      try {
        await spawnOnce();
        return;
      } catch (error) {
        lastError = error;
        await sleep(300 * attempt);
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  };

  const stopChild = async (signal: NodeJS.Signals): Promise<void> => {
    const running: ChildProcess | null = child;
    child = null;
    if (running === null || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    const timer = setTimeout(() => running.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  const existing = readPid(PID_FILE);
  const ours = existing === null || !alive(existing);
  try {
    if (ours) await launch();
    else await waitUntil(() => listening(VPCD_PORT), 5000, `vpcd on port ${VPCD_PORT} of the running pcscd (pid ${existing})`);
  } catch (error) {
    await stopChild('SIGKILL');
    releaseLock();
    throw error;
  }

  return {
    ours,
    log: () => output,
    kill: async () => {
      if (!ours) throw new Error('pcscd was not started by this test run');
      await stopChild('SIGKILL');
    },
    restart: async () => {
      if (!ours) throw new Error('pcscd was not started by this test run');
      await launch();
    },
    stop: async () => {
      try {
        if (ours) await stopChild('SIGTERM');
      } finally {
        releaseLock();
      }
    },
  };
}
