// One `scanimage` run with a deadline and a cancel: SIGINT first (scanimage then calls
// sane_cancel and returns the carriage/feeder to rest), SIGTERM if it does not exit, SIGKILL last.
import { spawn } from 'node:child_process';

export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** Why we stopped it, if we did. */
  stoppedFor: 'canceled' | 'timedOut' | null;
  /** The binary could not be started at all (ENOENT: SANE utilities not installed). */
  spawnError: string | null;
}

export interface RunningProcess {
  done: Promise<ProcessOutcome>;
  stop(reason: 'canceled' | 'timedOut'): void;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  killGraceMs: number;
  /** Cap on captured stdout; a page at 600 dpi A4 colour is ~100 MB. */
  maxStdoutBytes: number;
}

export function runScanimage(binary: string, args: readonly string[], options: RunOptions): RunningProcess {
  const child = spawn(binary, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let size = 0;
  let stderr = '';
  let stoppedFor: ProcessOutcome['stoppedFor'] = null;
  let spawnError: string | null = null;
  const timers: NodeJS.Timeout[] = [];

  const stop = (reason: 'canceled' | 'timedOut'): void => {
    if (stoppedFor !== null || child.exitCode !== null || child.signalCode !== null) return;
    stoppedFor = reason;
    child.kill('SIGINT');
    timers.push(setTimeout(() => child.kill('SIGTERM'), options.killGraceMs).unref());
    timers.push(setTimeout(() => child.kill('SIGKILL'), options.killGraceMs * 2).unref());
  };

  child.stdout.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= options.maxStdoutBytes) chunks.push(chunk);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    // Keep the tail: progress chatter can be long, the reason is at the end.
    stderr = (stderr + chunk).slice(-16_384);
  });
  timers.push(setTimeout(() => stop('timedOut'), options.timeoutMs).unref());

  const done = new Promise<ProcessOutcome>((resolve) => {
    child.on('error', (e) => {
      spawnError = e.message;
    });
    child.on('close', (exitCode, signal) => {
      for (const timer of timers) clearTimeout(timer);
      resolve({ exitCode, signal, stdout: Buffer.concat(chunks), stderr, stoppedFor, spawnError });
    });
  });
  return { done, stop };
}
