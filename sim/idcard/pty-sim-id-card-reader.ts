// The simulated ID-card module over the system stack, for simulator mode with `sim.stacks:
// system` (mirrors sim/printer/pty-sim-printer.ts): the real SAM driver on node-serialport, on one
// end of a socat pty pair this reader spawns; the virtual module on the other end. The dev dock
// reaches the module through `virtual` (place, remove), so a card placed travels to the driver as
// real SAM frames.
//
// socat must not outlive the daemon: it is started through util-linux's `setpriv --pdeathsig TERM`
// when setpriv is installed, killed on stop, and respawned if it dies while the kiosk runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SamIdCardReader } from '../../drivers/idcard/sam-id-card-reader.ts';
import { serialLink } from '../../drivers/printer/serial-link.ts';
import { SerialAttachment } from '../serial/serial-attachment.ts';
import { VirtualSamModule, type VirtualSamModuleOptions } from './virtual-sam-module.ts';

export interface PtySimIdCardReaderOptions extends VirtualSamModuleOptions {
  /** Where socat puts the pty pair's links: idcard-host (the driver's) and idcard-device. */
  ptyDir: string;
  /** Wrap socat in `setpriv --pdeathsig TERM` (default: when setpriv is installed). */
  parentDeathSignal?: boolean;
  pollIntervalMs?: number;
  reopenIntervalMs?: number;
  replyTimeoutMs?: number;
}

const setprivPaths = ['/usr/bin/setpriv', '/bin/setpriv'];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class PtySimIdCardReader extends SamIdCardReader {
  readonly virtual: VirtualSamModule;
  /** The pty the driver opens, as `idCardReader.path` would name a USB serial adapter. */
  readonly hostPath: string;
  /** The pty the virtual module sits on. */
  readonly modulePath: string;
  readonly #setpriv: string | null;
  #socat: ChildProcess | null = null;
  #attachment: SerialAttachment | null = null;
  #running = false;
  #respawnTimer: NodeJS.Timeout | null = null;

  constructor(options: PtySimIdCardReaderOptions) {
    const baud = options.baud ?? 115200;
    const hostPath = join(options.ptyDir, 'idcard-host');
    super({
      // The daemon's side is the hardware stack: the serial driver on a tty.
      source: 'hardware',
      device: hostPath,
      baud,
      open: serialLink(hostPath, baud),
      ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
      ...(options.replyTimeoutMs !== undefined && { replyTimeoutMs: options.replyTimeoutMs }),
      reopenIntervalMs: options.reopenIntervalMs ?? 200,
    });
    mkdirSync(options.ptyDir, { recursive: true, mode: 0o700 });
    this.hostPath = hostPath;
    this.modulePath = join(options.ptyDir, 'idcard-device');
    this.#setpriv = options.parentDeathSignal === false ? null : (setprivPaths.find((path) => existsSync(path)) ?? null);
    this.virtual = new VirtualSamModule({ ...options, baud });
  }

  /** Starts socat (failing when it cannot run), puts the module on its far end, then the driver on the near end. */
  override async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      await this.#spawnSocat();
    } catch (e) {
      this.#running = false;
      throw e;
    }
    this.#attachment = new SerialAttachment(this.virtual, this.modulePath, { retryMs: 100 });
    await super.start();
  }

  override async stop(): Promise<void> {
    this.#running = false;
    if (this.#respawnTimer !== null) clearTimeout(this.#respawnTimer);
    this.#respawnTimer = null;
    await super.stop();
    await this.#attachment?.close();
    this.#attachment = null;
    await this.#killSocat();
  }

  async #spawnSocat(): Promise<void> {
    // Links left by a socat that was SIGKILLed would be mistaken for the new pair.
    for (const path of [this.hostPath, this.modulePath]) rmSync(path, { force: true });
    const socatArgs = [`pty,raw,echo=0,link=${this.hostPath}`, `pty,raw,echo=0,link=${this.modulePath}`];
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
      if (this.#running) this.#respawnTimer = setTimeout(() => this.#respawn(), 500);
    });
    const deadline = Date.now() + 5000;
    while (!existsSync(this.hostPath) || !existsSync(this.modulePath)) {
      if (ended.why !== null) throw new Error(ended.why);
      if (Date.now() > deadline) {
        await this.#killSocat();
        throw new Error(`socat did not create ${this.hostPath} and ${this.modulePath} within 5 s`);
      }
      await sleep(20);
    }
  }

  #respawn(): void {
    this.#respawnTimer = null;
    if (this.#running) void this.#spawnSocat().catch(() => undefined);
  }

  async #killSocat(): Promise<void> {
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
