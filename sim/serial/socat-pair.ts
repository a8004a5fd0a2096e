// A pty pair made by socat, for a simulated serial device over the system stack: the driver
// opens `hostPath` as it would a USB serial adapter, the simulated device sits on `devicePath`.
//
// socat must not outlive the daemon. A clean stop kills it; a daemon killed outright cannot, so
// socat is started through util-linux's `setpriv --pdeathsig TERM`: the kernel sends it SIGTERM
// when the daemon dies, however it dies (SIGTERM lets socat remove its pty links). It also stays
// in the daemon's process group and cgroup, so Ctrl-C in a terminal and systemd's stop reach it.
// If socat dies while the pair is wanted (killed by hand), it is started again: the driver sees
// the device vanish and come back.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const setprivPaths = ['/usr/bin/setpriv', '/bin/setpriv'];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface SocatPairOptions {
  hostPath: string;
  devicePath: string;
  /** Wrap socat in `setpriv --pdeathsig TERM` (default: when setpriv is installed). */
  parentDeathSignal?: boolean;
}

export class SocatPair {
  readonly hostPath: string;
  readonly devicePath: string;
  readonly #setpriv: string | null;
  #socat: ChildProcess | null = null;
  #wanted = false;
  #respawnTimer: NodeJS.Timeout | null = null;

  constructor(options: SocatPairOptions) {
    this.hostPath = options.hostPath;
    this.devicePath = options.devicePath;
    this.#setpriv = options.parentDeathSignal === false ? null : (setprivPaths.find((path) => existsSync(path)) ?? null);
  }

  /** Starts socat and waits for both links (failing when it cannot run or they do not come). */
  async start(): Promise<void> {
    this.#wanted = true;
    try {
      await this.#spawn();
    } catch (e) {
      this.#wanted = false;
      this.#clearRespawn();
      throw e;
    }
  }

  async stop(): Promise<void> {
    this.#wanted = false;
    this.#clearRespawn();
    await this.#kill();
  }

  #clearRespawn(): void {
    if (this.#respawnTimer !== null) clearTimeout(this.#respawnTimer);
    this.#respawnTimer = null;
  }

  async #spawn(): Promise<void> {
    // Links left by a socat that was SIGKILLed would be mistaken for the new pair.
    for (const path of [this.hostPath, this.devicePath]) rmSync(path, { force: true });
    const socatArgs = [`pty,raw,echo=0,link=${this.hostPath}`, `pty,raw,echo=0,link=${this.devicePath}`];
    const [command, args] = this.#setpriv === null ? ['socat', socatArgs] : [this.#setpriv, ['--pdeathsig', 'TERM', '--', 'socat', ...socatArgs]];
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.#socat = child;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    const ended: { why: string | null } = { why: null };
    child.once('error', (e) => {
      ended.why = `cannot run socat: ${e.message}`;
      if (this.#socat === child) this.#socat = null;
    });
    child.once('exit', (code, signal) => {
      ended.why = `socat exited (${signal ?? `code ${String(code)}`}): ${stderr.trim()}`;
      if (this.#socat !== child) return;
      this.#socat = null;
      if (this.#wanted) this.#respawnTimer = setTimeout(() => this.#respawn(), 500);
    });
    const deadline = Date.now() + 5000;
    while (!existsSync(this.hostPath) || !existsSync(this.devicePath)) {
      if (ended.why !== null) throw new Error(ended.why);
      if (Date.now() > deadline) {
        await this.#kill();
        throw new Error(`socat did not create ${this.hostPath} and ${this.devicePath} within 5 s`);
      }
      await sleep(20);
    }
  }

  #respawn(): void {
    this.#respawnTimer = null;
    if (this.#wanted) void this.#spawn().catch(() => undefined);
  }

  async #kill(): Promise<void> {
    const child = this.#socat;
    this.#socat = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}
