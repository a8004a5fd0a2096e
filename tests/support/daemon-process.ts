// Starts the real daemon (`kiosk run`) as a child process on a free port, for tests that
// speak HTTP, WebSocket or drive a browser against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { toolTokenFileName } from '../../contract/protocol/roles.ts';
import { registerToolToken } from './ws-client.ts';
import { daemonV8Flags } from '../../bin/daemon-v8-flags.mjs';

export const repoRoot = join(import.meta.dirname, '..', '..');

export type LogLine = Record<string, unknown> & { event: string; name: string };

export interface RunningDaemon {
  url: string;
  port: number;
  wsUrl: string;
  stateDir: string;
  /** The per-boot tool token the daemon wrote to <stateDir>/tool-token ('' if none); `connect` shows it by default. */
  toolToken: string;
  child: ChildProcess;
  /** Every JSON log line the daemon printed so far. */
  logs: LogLine[];
  /** stderr text, for diagnosing a failed start. */
  stderr: () => string;
  waitForLog: (predicate: (line: LogLine) => boolean, timeoutMs?: number) => Promise<LogLine>;
  /** Sends the signal and resolves with the exit; removes the state dir unless kept. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  args?: string[];
  /** `KIOSK_OCR: 'on'` reads the papers: off by default here, it costs seconds a paper and only the OCR tests look at it. */
  env?: Record<string, string>;
  /** Reuse a state directory (it is then not removed on stop). */
  stateDir?: string;
  /** Port to listen on; 0 (default) lets the OS pick a free one. */
  port?: number;
  /** false: hardware mode, no --sim (the environment or `args` must name a back office). Default true. */
  sim?: boolean;
  /** Another checkout's daemon (its bin/kiosk.mjs, run from there), for a bench's before/after run. */
  root?: string;
  /** Node's flags before the script; default the daemon's V8 flags, as the systemd unit gives them. */
  nodeFlags?: readonly string[];
}

/** The daemon's tool token, or '' when it wrote none (a daemon from before roles, for a before/after run). */
function readToolToken(stateDir: string): string {
  try {
    return readFileSync(join(stateDir, toolTokenFileName), 'utf8').trim();
  } catch {
    return '';
  }
}

export async function startDaemon(options: StartOptions = {}): Promise<RunningDaemon> {
  const ownStateDir = options.stateDir === undefined;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'kiosk-test-'));
  const root = options.root ?? repoRoot;
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? daemonV8Flags), join(root, 'bin', 'kiosk.mjs'), 'run', ...(options.sim === false ? [] : ['--sim']), '--port', String(options.port ?? 0), '--state-dir', stateDir, ...(options.args ?? [])],
    { cwd: root, env: { ...process.env, KIOSK_OCR: 'off', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logs: LogLine[] = [];
  const waiters = new Set<{ predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      stderr += `[non-JSON stdout] ${text}\n`;
      return;
    }
    logs.push(line);
    for (const waiter of waiters) {
      if (waiter.predicate(line)) {
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const waitForLog = (predicate: (line: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine> => {
    const seen = logs.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (line: LogLine) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`daemon log line not seen within ${timeoutMs} ms; stderr:\n${stderr}`));
      }, timeoutMs);
      waiters.add(waiter);
      void exited.then(({ code, signal }) => {
        if (!waiters.has(waiter)) return;
        waiters.delete(waiter);
        clearTimeout(timer);
        reject(new Error(`daemon exited (code ${code}, signal ${signal}) before the log line; stderr:\n${stderr}`));
      });
    });
  };

  const ready = await waitForLog((line) => line.name === 'daemon.ready', 30_000);
  const url = String(ready.url);
  const port = Number(new URL(url).port);
  const wsUrl = `ws://127.0.0.1:${port}/ws`;
  const toolToken = readToolToken(stateDir);
  registerToolToken(wsUrl, toolToken === '' ? null : toolToken);
  return {
    url,
    port,
    wsUrl,
    stateDir,
    toolToken,
    child,
    logs,
    stderr: () => stderr,
    waitForLog,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const result = await exited;
      registerToolToken(wsUrl, null);
      if (ownStateDir) rmSync(stateDir, { recursive: true, force: true });
      return result;
    },
  };
}
