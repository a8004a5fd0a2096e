// The ESC/POS receipt printer driver, over any ByteLink: a serial port on the appliance and in
// the pty tests, the virtual printer in the same process in simulator mode. See docs/printer.md.
//
// - Status: Automatic Status Back (GS a) pushes every change; DLE EOT 1–4 polls double as a
//   heartbeat. No answer within the wire time plus `replyTimeoutMs`: `disconnected`.
// - A job is done when the printer answers its GS ( H process ID, which it does only after
//   printing everything before it: "sent" is never mistaken for "printed".
// - A job cut short (cover opened, paper out, printer offline, line gone, no answer) fails with
//   that reason; the driver clears the printer's buffers (DLE DC4 8) so the rest never prints
//   later, and starts the next job by cutting off whatever the interrupted one left above the
//   cutter, marked void. Reprinting is the journal's business (daemon/printing).
// - The device going away closes the link; the driver reopens it every `reopenIntervalMs`.
import { err, ok, type Result } from '../../basics/result.ts';
import type { DeviceSource } from '../../contract/devices/device.ts';
import { StatusHolder } from '../device/status-holder.ts';
import * as escpos from './escpos.ts';
import type { OpenLink, ByteLink } from '../serial/byte-link.ts';
import { failureOfStatus, type PrintJobBytes, type Printed, type Printer } from './printer.ts';
import { type PrintFailure, type PrinterStatus } from '../../contract/devices/printer.ts';
import { applyRealtimeStatus, noFaults, PrinterReplyReader, type PrinterSensors, type RealtimeStatusKind } from './status-bytes.ts';

export interface EscPosPrinterOptions {
  source: DeviceSource;
  /** Shown in the status: the device path, or what stands for it. */
  device: string;
  /** The line's baud rate, to know how long bytes take to reach the printer. */
  baud: number;
  open: OpenLink;
  pollIntervalMs?: number;
  reopenIntervalMs?: number;
  /** How long the printer may take to answer a status request once the request is on the wire. */
  replyTimeoutMs?: number;
  /** How long a job may take to print once its last byte is on the wire. */
  jobTimeoutMs?: number;
}

interface JobWaiter {
  processId: string;
  settle(result: Result<void, PrintFailure>): void;
}

/** GS a: online/offline, errors and the roll paper sensor. */
const asbMask = 0x0e;

function voidSlip(jobId: string): Uint8Array {
  return new escpos.EscPosWriter()
    .add(escpos.initialise(), escpos.chineseMode(true), escpos.align('centre'), escpos.bold(true))
    .line('—— 以上作废  VOID ——')
    .add(escpos.bold(false))
    .line(`打印中断 Interrupted: ${jobId}`)
    .add(escpos.feedLines(3), escpos.cut())
    .bytes();
}

export class EscPosPrinter extends StatusHolder<PrinterStatus> implements Printer {
  readonly device: string;
  readonly #baud: number;
  readonly #open: OpenLink;
  readonly #pollIntervalMs: number;
  readonly #reopenIntervalMs: number;
  readonly #replyTimeoutMs: number;
  readonly #jobTimeoutMs: number;
  #running = false;
  #link: ByteLink | null = null;
  #generation = 0;
  #reader = new PrinterReplyReader();
  /** Null until the printer has told us its state on this link. */
  #sensors: PrinterSensors | null = null;
  #polled: PrinterSensors = noFaults;
  #pendingPolls: RealtimeStatusKind[] = [];
  #pollDeadline = 0;
  #silent = false;
  /** When the last byte written so far will have left the wire. */
  #wireFreeAt = 0;
  #waiter: JobWaiter | null = null;
  /** A job cut short whose first part may still sit above the cutter. */
  #interrupted: string | null = null;
  #processId = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #pollTimer: NodeJS.Timeout | null = null;
  #reopenTimer: NodeJS.Timeout | null = null;

  constructor(options: EscPosPrinterOptions) {
    super('printer', options.source, { state: 'noDevice', reason: 'not started' });
    this.device = options.device;
    this.#baud = options.baud;
    this.#open = options.open;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.#reopenIntervalMs = options.reopenIntervalMs ?? 500;
    this.#replyTimeoutMs = options.replyTimeoutMs ?? 1500;
    this.#jobTimeoutMs = options.jobTimeoutMs ?? 30_000;
  }

  override async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#refresh();
    this.#pollTimer = setInterval(() => this.#poll(), this.#pollIntervalMs);
    await this.#connect();
  }

  override async stop(): Promise<void> {
    this.#running = false;
    if (this.#pollTimer !== null) clearInterval(this.#pollTimer);
    if (this.#reopenTimer !== null) clearTimeout(this.#reopenTimer);
    this.#pollTimer = this.#reopenTimer = null;
    this.#waiter?.settle(err({ reason: 'noDevice', message: 'the printer driver stopped' }));
    await this.#queue.catch(() => undefined);
    const link = this.#link;
    this.#generation++;
    this.#link = null;
    await link?.close();
    this.setStatus({ state: 'noDevice', reason: 'stopped' });
    await super.stop();
  }

  print(job: PrintJobBytes): Promise<Result<Printed, PrintFailure>> {
    const next = this.#queue.then(() => this.#print(job));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #print(job: PrintJobBytes): Promise<Result<Printed, PrintFailure>> {
    const refused = failureOfStatus(this.status());
    if (refused !== null) return err(refused);
    this.#processId = (this.#processId + 1) % 10_000;
    const processId = String(this.#processId).padStart(4, '0');
    const payload = escpos.concat([...(this.#interrupted === null ? [] : [voidSlip(this.#interrupted)]), job.bytes, escpos.processIdRequest(processId)]);
    const started = performance.now();
    const done = new Promise<Result<void, PrintFailure>>((resolve) => {
      this.#waiter = { processId, settle: resolve };
    });
    const waiter = this.#waiter;
    const written = this.#send(payload);
    const timer = setTimeout(
      () => waiter?.settle(err({ reason: 'timeout', message: `the printer did not confirm job ${job.id} within ${this.#jobTimeoutMs} ms` })),
      this.#wireFreeAt - Date.now() + this.#jobTimeoutMs,
    );
    void written.then((result) => {
      if (!result.ok) waiter?.settle(err({ reason: 'disconnected', message: `writing to ${this.device} failed: ${result.error}` }));
    });
    const result = await done;
    clearTimeout(timer);
    this.#waiter = null;
    if (result.ok) {
      this.#interrupted = null;
      return ok({ bytes: payload.length, elapsedMs: performance.now() - started });
    }
    this.#interrupted = job.id;
    // Whatever of the job is still in the printer must not print when it recovers.
    if (this.#link !== null) await this.#send(escpos.clearBuffers());
    return err(result.error);
  }

  async #connect(): Promise<void> {
    this.#reopenTimer = null;
    if (!this.#running || this.#link !== null) return;
    const generation = ++this.#generation;
    const opened = await this.#open({
      onData: (bytes) => {
        if (generation === this.#generation) this.#receive(bytes);
      },
      onClose: (reason) => {
        if (generation !== this.#generation) return;
        this.#dropLink(reason);
        this.#scheduleReopen();
      },
    });
    if (!opened.ok) {
      this.#refresh();
      this.#scheduleReopen();
      return;
    }
    // stop() or a close bumps the generation: this link is no longer wanted.
    if (generation !== this.#generation) {
      await opened.value.close();
      return;
    }
    this.#link = opened.value;
    this.#reader = new PrinterReplyReader();
    this.#wireFreeAt = Date.now();
    if (this.#interrupted !== null) void this.#send(escpos.clearBuffers());
    void this.#send(escpos.automaticStatusBack(asbMask));
    this.#poll();
  }

  #scheduleReopen(): void {
    if (!this.#running || this.#reopenTimer !== null) return;
    this.#reopenTimer = setTimeout(() => void this.#connect(), this.#reopenIntervalMs);
  }

  #dropLink(reason = 'closed'): void {
    this.#generation++;
    this.#link = null;
    this.#sensors = null;
    this.#pendingPolls = [];
    this.#silent = false;
    this.#waiter?.settle(err({ reason: 'disconnected', message: `${this.device}: ${reason}` }));
    this.#refresh();
  }

  #send(bytes: Uint8Array): Promise<Result<void, string>> {
    const link = this.#link;
    if (link === null) return Promise.resolve(err('not connected'));
    this.#wireFreeAt = Math.max(Date.now(), this.#wireFreeAt) + (bytes.length * 10_000) / this.#baud;
    return link.write(bytes);
  }

  #poll(): void {
    if (this.#link === null) return;
    if (this.#pendingPolls.length > 0) {
      if (Date.now() <= this.#pollDeadline) return;
      // No answer: the printer is off, or its cable is out while the port stays open.
      this.#pendingPolls = [];
      this.#silent = true;
      this.#refresh();
    }
    const kinds: RealtimeStatusKind[] = [1, 2, 3, 4];
    this.#pendingPolls = kinds;
    void this.#send(escpos.concat(kinds.map((n) => escpos.realtimeStatus(n))));
    this.#pollDeadline = this.#wireFreeAt + this.#replyTimeoutMs;
  }

  #receive(bytes: Uint8Array): void {
    for (const reply of this.#reader.push(bytes)) {
      switch (reply.kind) {
        case 'realtime': {
          const n = this.#pendingPolls.shift();
          if (n === undefined) break; // a late answer to a poll given up on
          this.#polled = applyRealtimeStatus(n, reply.value, this.#polled);
          if (n === 4) this.#update(this.#polled);
          break;
        }
        case 'asb':
          this.#polled = reply.sensors;
          this.#update(reply.sensors);
          break;
        case 'processId':
          if (this.#waiter?.processId === reply.id) this.#waiter.settle(ok(undefined));
          break;
        case 'buffersCleared':
        case 'unknown':
          break;
      }
    }
  }

  #update(sensors: PrinterSensors): void {
    this.#sensors = sensors;
    this.#silent = false;
    this.#refresh();
  }

  #refresh(): void {
    const status = this.#derive();
    this.setStatus(status);
    const failure = failureOfStatus(status);
    if (failure !== null) this.#waiter?.settle(err(failure));
  }

  #derive(): PrinterStatus {
    const device = this.device;
    if (!this.#running) return { state: 'noDevice', reason: 'not started' };
    const s = this.#sensors;
    if (this.#link === null || s === null || this.#silent) return { state: 'disconnected', device };
    if (s.coverOpen) return { state: 'coverOpen', device };
    if (s.paperOut) return { state: 'paperOut', device };
    if (s.cutterError || s.unrecoverableError) return { state: 'cutterError', device };
    if (s.offline || s.autoRecoverableError) return { state: 'offline', device };
    if (s.paperNearEnd) return { state: 'paperNearEnd', device };
    return { state: 'online', device };
  }
}
