// The resident ID-card reader driver: a GA 467 SAM module over any byte link (a serial port on the
// appliance and in the pty tests, the virtual module in the same process in simulator mode). See
// docs/idcard-reader.md.
//
// - One command at a time: each waits for its answer frame or `replyTimeoutMs` (plus the time the
//   longest answer takes on the wire). Garbage before a frame is skipped (resync on the preamble);
//   a frame with a bad checksum or length is dropped and named if nothing good follows in time.
// - Polling: every `pollIntervalMs` FIND CARD; a newly found card is selected and read so the status
//   can name the holder (masked); the text read for the status is dropped at once.
// - The device going away closes the link; the driver reopens it every `reopenIntervalMs`.
import { maskIdNumber } from '../../basics/redact.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { DeviceSource } from '../../contract/devices/device.ts';
import type { IdCardReadFailure, IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import { StatusHolder } from '../device/status-holder.ts';
import type { OpenLink, ByteLink } from '../serial/byte-link.ts';
import { decodeBasicInfo, type IdCardText } from './basic-info.ts';
import type { IdCardRead, IdCardReader } from './id-card-reader.ts';
import { encodeCommand, FrameReader, maxFrameLength, responseOfBody, type SamResponse } from './sam-frame.ts';
import { hex, samCommands, samStatus, sw3Of } from './sam-status.ts';

export interface SamIdCardReaderOptions {
  source: DeviceSource;
  /** Shown in the status: the device path, or what stands for it. */
  device: string;
  baud: number;
  open: OpenLink;
  /** How often FIND CARD runs while nothing else does (default 500 ms). */
  pollIntervalMs?: number;
  reopenIntervalMs?: number;
  /** How long the module may take to answer once a command is on the wire (default 1000 ms). */
  replyTimeoutMs?: number;
}

interface Waiter {
  settle(result: Result<SamResponse, IdCardReadFailure>): void;
}

type Command = readonly [number, number];

const commandName = (command: Command): string => `${hex(command[0])} ${hex(command[1])}`;

export class SamIdCardReader extends StatusHolder<IdCardReaderStatus> implements IdCardReader {
  readonly device: string;
  readonly #baud: number;
  readonly #open: OpenLink;
  readonly #pollIntervalMs: number;
  readonly #reopenIntervalMs: number;
  readonly #replyTimeoutMs: number;
  #running = false;
  #link: ByteLink | null = null;
  #generation = 0;
  #frames = new FrameReader();
  #dropped: string[] = [];
  #waiter: Waiter | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #pollTimer: NodeJS.Timeout | null = null;
  #reopenTimer: NodeJS.Timeout | null = null;
  #samChecked = false;

  constructor(options: SamIdCardReaderOptions) {
    super('idCardReader', options.source, { state: 'noDevice', reason: 'not started' });
    this.device = options.device;
    this.#baud = options.baud;
    this.#open = options.open;
    this.#pollIntervalMs = options.pollIntervalMs ?? 500;
    this.#reopenIntervalMs = options.reopenIntervalMs ?? 500;
    this.#replyTimeoutMs = options.replyTimeoutMs ?? 1000;
  }

  override async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    await this.#connect();
  }

  override async stop(): Promise<void> {
    this.#running = false;
    if (this.#pollTimer !== null) clearTimeout(this.#pollTimer);
    if (this.#reopenTimer !== null) clearTimeout(this.#reopenTimer);
    this.#pollTimer = this.#reopenTimer = null;
    this.#waiter?.settle(err({ reason: 'noDevice', message: 'the ID-card reader driver stopped' }));
    await this.#queue.catch(() => undefined);
    const link = this.#link;
    this.#generation++;
    this.#link = null;
    await link?.close();
    this.setStatus({ state: 'noDevice', reason: 'stopped' });
    await super.stop();
  }

  read(): Promise<Result<IdCardRead, IdCardReadFailure>> {
    return this.#enqueue(() => this.#read());
  }

  samId(): Promise<Result<string, IdCardReadFailure>> {
    return this.#enqueue(async () => {
      const answer = await this.#transact(samCommands.samId);
      if (!answer.ok) return this.#failed(answer.error);
      if (answer.value.sw[2] !== sw3Of('success')) return this.#failed(this.#samFailure(samCommands.samId, answer.value.sw[2]));
      return ok(Array.from(answer.value.data, (byte) => byte.toString(16).padStart(2, '0')).join(''));
    });
  }

  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #read(): Promise<Result<IdCardRead, IdCardReadFailure>> {
    const started = performance.now();
    const found = await this.#transact(samCommands.findCard);
    if (!found.ok) return this.#failed(found.error);
    const foundSw3 = found.value.sw[2];
    if (foundSw3 === sw3Of('findCardFailed')) {
      this.setStatus({ state: 'noCard', device: this.device });
      return err({ reason: 'noCard', message: 'no ID card on the reader' });
    }
    if (foundSw3 !== sw3Of('cardFound')) return this.#failed(this.#samFailure(samCommands.findCard, foundSw3));
    const text = await this.#selectAndRead();
    if (!text.ok) return this.#failed(text.error);
    this.#showCard(text.value);
    return ok({ text: text.value, elapsedMs: performance.now() - started });
  }

  async #selectAndRead(): Promise<Result<IdCardText, IdCardReadFailure>> {
    const selected = await this.#transact(samCommands.selectCard);
    if (!selected.ok) return selected;
    if (selected.value.sw[2] !== sw3Of('success')) return err(this.#samFailure(samCommands.selectCard, selected.value.sw[2]));
    const read = await this.#transact(samCommands.readBasicInfo);
    if (!read.ok) return read;
    if (read.value.sw[2] !== sw3Of('success')) return err(this.#samFailure(samCommands.readBasicInfo, read.value.sw[2]));
    // Only the text is decoded; the photo bytes are never copied out of the frame.
    const text = decodeBasicInfo(read.value.data);
    if (!text.ok) return err({ reason: 'badData', message: `the card's basic information: ${text.error}` });
    return text;
  }

  #samFailure(command: Command, sw3: number): IdCardReadFailure {
    const status = samStatus(sw3);
    return { reason: 'samError', message: `${commandName(command)}: ${hex(sw3)} ${status.zh} (${status.en})` };
  }

  /** A failure also shows in the status, unless the device is gone (noDevice says so already). */
  #failed(failure: IdCardReadFailure): Result<never, IdCardReadFailure> {
    if (failure.reason !== 'noDevice' && this.#link !== null) this.setStatus({ state: 'error', device: this.device, message: failure.message });
    return err(failure);
  }

  #showCard(text: IdCardText): void {
    this.setStatus({
      state: 'cardPresent',
      device: this.device,
      holder: { name: text.name, idNumberMasked: maskIdNumber(text.idNumber), validity: { from: text.validFrom, until: text.validUntil } },
    });
  }

  async #poll(): Promise<void> {
    if (this.#link === null) return;
    if (!this.#samChecked) {
      const sam = await this.#transact(samCommands.samStatus);
      if (!sam.ok) {
        this.#failed(sam.error);
        return;
      }
      if (sam.value.sw[2] !== sw3Of('success')) {
        this.#failed(this.#samFailure(samCommands.samStatus, sam.value.sw[2]));
        return;
      }
      this.#samChecked = true;
    }
    const found = await this.#transact(samCommands.findCard);
    if (!found.ok) {
      this.#failed(found.error);
      return;
    }
    const sw3 = found.value.sw[2];
    if (sw3 === sw3Of('findCardFailed')) {
      this.setStatus({ state: 'noCard', device: this.device });
      return;
    }
    if (sw3 !== sw3Of('cardFound')) {
      this.#failed(this.#samFailure(samCommands.findCard, sw3));
      return;
    }
    // A card still on the reader is not read again; a new one (or one after an error) is.
    if (this.status().state === 'cardPresent') return;
    const text = await this.#selectAndRead();
    if (!text.ok) {
      this.#failed(text.error);
      return;
    }
    this.#showCard(text.value);
  }

  #schedulePoll(delayMs: number): void {
    if (!this.#running || this.#pollTimer !== null) return;
    this.#pollTimer = setTimeout(() => {
      this.#pollTimer = null;
      void this.#enqueue(() => this.#poll()).finally(() => this.#schedulePoll(this.#pollIntervalMs));
    }, delayMs);
  }

  #transact(command: Command): Promise<Result<SamResponse, IdCardReadFailure>> {
    const link = this.#link;
    if (!this.#running) return Promise.resolve(err({ reason: 'noDevice', message: 'the ID-card reader driver stopped' }));
    if (link === null) return Promise.resolve(err({ reason: 'noDevice', message: `${this.device} is not open` }));
    const frame = encodeCommand(command[0], command[1]);
    // The answer may be as long as the longest frame: give it its time on the wire too.
    const wireMs = ((frame.length + maxFrameLength) * 10_000) / this.#baud;
    this.#frames.clear();
    this.#dropped = [];
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const pending = this.#frames.pending();
        const what =
          pending > 0
            ? `a truncated answer (${pending} bytes, then nothing)`
            : this.#dropped.length > 0
              ? `no valid answer (${this.#dropped.join('; ')})`
              : 'no answer';
        waiter.settle(err({ reason: pending === 0 && this.#dropped.length > 0 ? 'badData' : 'timeout', message: `${commandName(command)}: ${what} from ${this.device} within ${Math.round(this.#replyTimeoutMs + wireMs)} ms` }));
      }, this.#replyTimeoutMs + wireMs);
      const waiter: Waiter = {
        settle: (result) => {
          clearTimeout(timer);
          if (this.#waiter === waiter) this.#waiter = null;
          resolve(result);
        },
      };
      this.#waiter = waiter;
      void link.write(frame).then((written) => {
        if (!written.ok) waiter.settle(err({ reason: 'noDevice', message: `writing to ${this.device} failed: ${written.error}` }));
      });
    });
  }

  #receive(bytes: Uint8Array): void {
    for (const event of this.#frames.push(bytes)) {
      switch (event.kind) {
        case 'frame': {
          const response = responseOfBody(event.body);
          // An answer nobody waits for (late, after a timeout) is dropped.
          if (this.#waiter === null) break;
          if (!response.ok) {
            this.#dropped.push(response.error);
            break;
          }
          this.#waiter.settle(ok(response.value));
          break;
        }
        case 'garbage':
          break;
        case 'badLength':
          this.#dropped.push(`a frame announcing ${event.length} bytes`);
          break;
        case 'badChecksum':
          this.#dropped.push(`checksum ${hex(event.actual)}, ${hex(event.expected)} expected`);
          break;
      }
    }
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
      this.setStatus({ state: 'noDevice', reason: opened.error });
      this.#scheduleReopen();
      return;
    }
    if (generation !== this.#generation) {
      await opened.value.close();
      return;
    }
    this.#link = opened.value;
    this.#frames.clear();
    this.#samChecked = false;
    this.#schedulePoll(0);
  }

  #scheduleReopen(): void {
    if (!this.#running || this.#reopenTimer !== null) return;
    this.#reopenTimer = setTimeout(() => void this.#connect(), this.#reopenIntervalMs);
  }

  #dropLink(reason: string): void {
    this.#generation++;
    this.#link = null;
    this.#waiter?.settle(err({ reason: 'noDevice', message: `${this.device}: ${reason}` }));
    this.setStatus({ state: 'noDevice', reason: `${this.device}: ${reason}` });
  }
}
