// The simulated receipt printer over the system stack, for simulator mode with `sim.stacks:
// system`: the real ESC/POS driver on node-serialport, on one end of a socat pty pair this
// printer spawns; the virtual printer on the other end, writing receipts under `outDir` like the
// in-process SimPrinter. The dev dock reaches the virtual printer through `virtual` (paper, cover,
// offline), so a roll running out mid-receipt travels back over the pty as real status bytes.
// The pty pair and socat's lifetime: sim/serial/socat-pair.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EscPosPrinter } from '../../drivers/printer/escpos-printer.ts';
import { serialLink } from '../../drivers/serial/serial-link.ts';
import { ReceiptFiles } from './receipt-files.ts';
import { SerialAttachment } from '../serial/serial-attachment.ts';
import { SocatPair } from '../serial/socat-pair.ts';
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

export class PtySimPrinter extends EscPosPrinter {
  readonly virtual: VirtualPrinter;
  readonly files: ReceiptFiles;
  /** The pty the driver opens, as `printer.path` would name a USB serial adapter. */
  readonly hostPath: string;
  /** The pty the virtual printer sits on. */
  readonly printerPath: string;
  readonly #pair: SocatPair;
  #attachment: SerialAttachment | null = null;
  #running = false;

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
    this.#pair = new SocatPair({ hostPath, devicePath: this.printerPath, ...(options.parentDeathSignal !== undefined && { parentDeathSignal: options.parentDeathSignal }) });
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
      await this.#pair.start();
    } catch (e) {
      this.#running = false;
      throw e;
    }
    this.#attachment = new SerialAttachment(this.virtual, this.printerPath, { retryMs: 100 });
    await super.start();
  }

  override async stop(): Promise<void> {
    this.#running = false;
    await super.stop();
    await this.#attachment?.close();
    this.#attachment = null;
    await this.files.flushed();
    this.virtual.close();
    await this.#pair.stop();
  }
}
