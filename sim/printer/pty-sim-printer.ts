// The simulated receipt printer over the system stack, for simulator mode with `sim.stacks:
// system`: the real ESC/POS driver on node-serialport, on one end of a socat pty pair this
// printer spawns; the virtual printer on the other end, writing receipts under `outDir` like the
// in-process SimPrinter. The dev dock reaches the virtual printer through `virtual` (paper, cover,
// offline), so a roll running out mid-receipt travels back over the pty as real status bytes.
//
// socat must not outlive the daemon. A clean stop kills it; a daemon killed outright cannot, so
// socat is started through util-linux's `setpriv --pdeathsig TERM`: the kernel sends it SIGTERM
// when the daemon dies, however it dies (SIGTERM lets socat remove its pty links). It also stays
// in the daemon's process group and cgroup, so Ctrl-C in a terminal and systemd's stop reach it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EscPosPrinter } from '../../drivers/printer/escpos-printer.ts';
import { serialLink } from '../../drivers/printer/serial-link.ts';
import { ReceiptFiles } from './receipt-files.ts';
import { SerialAttachment } from '../serial/serial-attachment.ts';
import { VirtualPrinter, type VirtualPrinterOptions } from './virtual-printer.ts';

export interface PtySimPrinterOptions extends Partial<VirtualPrinterOptions> {
  /** Where receipts land (receipt-NNNN.png and .txt). */
  outDir: string;
  /** Where socat puts the pty pair's links: printer-host (the driver's) and printer-device. */
  ptyDir: string;
  /** Wrap socat in `setpriv --pdeathsig TERM` (default: when setpriv is installed). */
  parentDeathSignal?: boolean;
  pollIntervalMs?: number;
  reopenIntervalMs?: number;
}

const setprivPaths = ['/usr/bin/setpriv', '/bin/setpriv'];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class PtySimPrinter extends EscPosPrinter {
  readonly virtual: VirtualPrinter;
  readonly files: ReceiptFiles;
  /** The pty the driver opens, as `printer.path` would name a USB serial adapter. */
  readonly hostPath: string;
  /** The pty the virtual printer sits on. */
  readonly printerPath: string;
  readonly #setpriv: string | null;
  #socat: ChildProcess | null = null;
  #attachment: SerialAttachment | null = null;
  #running = false;
  #respawnTimer: NodeJS.Timeout | null = null;

  constructor(options: PtySimPrinterOptions) {
    const baud = options.baud ?? 115200;
    const hostPath = join(options.ptyDir, 'printer-host');
    super({
      // The daemon's side is the hardware stack: the serial driver on a tty.
      source: 'hardware',
      device: hostPath,
      baud,
      open: serialLink(hostPath, baud),
      ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
      reopenIntervalMs: options.reopenIntervalMs ?? 200,
    });
    mkdirSync(options.ptyDir, { recursive: true, mode: 0o700 });
    this.hostPath = hostPath;
    this.printerPath = join(options.ptyDir, 'printer-device');
    this.#setpriv = options.parentDeathSignal === false ? null : (setprivPaths.find((path) => existsSync(path)) ?? null);
    this.virtual = new VirtualPrinter({ ...options, baud });
    this.files = new ReceiptFiles(options.outDir);
    this.virtual.onEvent((event) => {
      if (event.kind === 'page') this.files.write(event.page);
    });
  }

  /** Starts socat (failing when it cannot run), puts the virtual printer on its far end, then the driver on the near end. */
  override async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      await this.#spawnSocat();
    } catch (e) {
      this.#running = false;
      if (this.#respawnTimer !== null) clearTimeout(this.#respawnTimer);
      this.#respawnTimer = null;
      throw e;
    }
    this.#attachment = new SerialAttachment(this.virtual, this.printerPath, { retryMs: 100 });
    await super.start();
  }

  override async stop(): Promise<void> {
    this.#running = false;
    if (this.#respawnTimer !== null) clearTimeout(this.#respawnTimer);
    this.#respawnTimer = null;
    await super.stop();
    await this.#attachment?.close();
    this.#attachment = null;
    await this.files.flushed();
    this.virtual.close();
    await this.#killSocat();
  }

  async #spawnSocat(): Promise<void> {
    // Links left by a socat that was SIGKILLed would be mistaken for the new pair.
    for (const path of [this.hostPath, this.printerPath]) rmSync(path, { force: true });
    const socatArgs = [`pty,raw,echo=0,link=${this.hostPath}`, `pty,raw,echo=0,link=${this.printerPath}`];
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
      // socat gone while the kiosk runs (killed by hand): the driver sees the device vanish; bring it back.
      if (this.#running) this.#respawnTimer = setTimeout(() => this.#respawn(), 500);
    });
    const deadline = Date.now() + 5000;
    while (!existsSync(this.hostPath) || !existsSync(this.printerPath)) {
      if (ended.why !== null) throw new Error(ended.why);
      if (Date.now() > deadline) {
        await this.#killSocat();
        throw new Error(`socat did not create ${this.hostPath} and ${this.printerPath} within 5 s`);
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
