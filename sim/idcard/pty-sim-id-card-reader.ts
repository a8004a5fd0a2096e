// The simulated ID-card module over the system stack, for simulator mode with `sim.stacks:
// system` (mirrors sim/printer/pty-sim-printer.ts): the real SAM driver on node-serialport, on one
// end of a socat pty pair this reader spawns; the virtual module on the other end. The dev dock
// reaches the module through `virtual` (place, remove), so a card placed travels to the driver as
// real SAM frames. The pty pair and socat's lifetime: sim/serial/socat-pair.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SamIdCardReader } from '../../drivers/idcard/sam-id-card-reader.ts';
import { serialLink } from '../../drivers/serial/serial-link.ts';
import { SerialAttachment } from '../serial/serial-attachment.ts';
import { SocatPair } from '../serial/socat-pair.ts';
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

export class PtySimIdCardReader extends SamIdCardReader {
  readonly virtual: VirtualSamModule;
  /** The pty the driver opens, as `idCardReader.path` would name a USB serial adapter. */
  readonly hostPath: string;
  /** The pty the virtual module sits on. */
  readonly modulePath: string;
  readonly #pair: SocatPair;
  #attachment: SerialAttachment | null = null;
  #running = false;

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
    this.#pair = new SocatPair({ hostPath, devicePath: this.modulePath, ...(options.parentDeathSignal !== undefined && { parentDeathSignal: options.parentDeathSignal }) });
    this.virtual = new VirtualSamModule({ ...options, baud });
  }

  /** Starts socat (failing when it cannot run), puts the module on its far end, then the driver on the near end. */
  override async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      await this.#pair.start();
    } catch (e) {
      this.#running = false;
      throw e;
    }
    this.#attachment = new SerialAttachment(this.virtual, this.modulePath, { retryMs: 100 });
    await super.start();
  }

  override async stop(): Promise<void> {
    this.#running = false;
    await super.stop();
    await this.#attachment?.close();
    this.#attachment = null;
    await this.#pair.stop();
  }
}
