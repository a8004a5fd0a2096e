// The real card reader: PC/SC through the `pcsclite` package, talking to pcscd (a USB CCID reader
// in the hall, vsmartcard's "Virtual PCD 00 00" in CI). See docs/card-reader.md.
//
// - Hot-plug: pcsclite emits 'reader' for each reader that appears and the reader's 'end' when it
//   goes; the driver follows the first reader whose name contains the configured substring.
//   pcscd itself stopping shows up as an 'error' on the context: noDevice, and we retry every
//   `retryIntervalMs` until it is back.
// - Card in/out: the reader's 'status' events carry SCARD_STATE_* bits and the ATR. pcsclite emits
//   repeats and changes in bits we do not care about (INUSE, EXCLUSIVE when we connect ourselves),
//   so only a change of (present, mute, ATR) changes our status.
// - Exclusive access: every operation is one session, queued behind the previous one, connected
//   with SCARD_SHARE_EXCLUSIVE so no other PC/SC client can interleave APDUs with ours, and
//   disconnected with LEAVE (keep the card's security state for the next step of the same
//   business) or RESET/UNPOWER (end of business, or after a failure) as the caller says.
// - Only raw APDU exchange lives here: ISO 7816 logic (61xx GET RESPONSE, 6Cxx, chaining) is in
//   apdu.ts, which drives `session.send`.
import type { CardReader, CardSession as ReaderSession, SessionEnd } from './card-reader.ts';
import type { CardInfo, CardReaderStatus } from '../../contract/devices/card-reader.ts';
import { StatusHolder } from '../device/status-holder.ts';
import { err, ok } from '../../basics/result.ts';
import type { Result } from '../../basics/result.ts';
import type { SendApdu } from './apdu.ts';
import { classifyPcscError, toTransportError } from './pcsc-errors.ts';
import type { CardIoError } from './pcsc-errors.ts';
import { loadPcsclite } from './pcsclite-binding.ts';
import type { PcscContext, PcscFactory, PcscReader, PcscReaderStatus } from './pcsclite-binding.ts';

export interface PcscCardReaderOptions {
  /** Use the first reader whose name contains this (config `cardReader.readerName`); default: the first reader. */
  readerName?: string;
  /** While pcscd is not reachable, try again this often. */
  retryIntervalMs?: number;
  /** One APDU round trip; generous because on-card key generation takes seconds. */
  transmitTimeoutMs?: number;
  /** How long to keep asking for exclusive access while another application holds the card. */
  connectTimeoutMs?: number;
  /** Injected by unit tests; defaults to loading the pcsclite package. */
  loadPcsc?: () => Result<PcscFactory, string>;
}

export type { SessionEnd };

export interface CardSession extends ReaderSession {
  /** One raw APDU exchange. */
  transmit(apdu: Buffer): Promise<Result<Buffer, CardIoError>>;
  /** For apdu.ts and EportCard: the coarse transport error (`transmit` gives the detailed one). */
  sendApdu: SendApdu;
}

type CardState = { kind: 'empty' } | { kind: 'present'; atr: string } | { kind: 'mute' };

/** Large enough for an extended-length response (65536 data bytes + SW1 SW2). */
const MAX_RESPONSE = 65538;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function cardStateOf(reader: PcscReader, status: PcscReaderStatus): CardState {
  if ((status.state & reader.SCARD_STATE_PRESENT) === 0) return { kind: 'empty' };
  if ((status.state & reader.SCARD_STATE_MUTE) !== 0) return { kind: 'mute' };
  const atr = status.atr?.toString('hex').toUpperCase() ?? '';
  // A card pcscd has not powered yet shows PRESENT without an ATR; the next event carries it.
  return atr === '' ? { kind: 'empty' } : { kind: 'present', atr };
}

function sameCardState(a: CardState, b: CardState): boolean {
  return a.kind === b.kind && (a.kind !== 'present' || b.kind !== 'present' || a.atr === b.atr);
}

export class PcscCardReader extends StatusHolder<CardReaderStatus> implements CardReader {
  readonly #readerName: string | undefined;
  readonly #retryIntervalMs: number;
  readonly #transmitTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  readonly #loadPcsc: () => Result<PcscFactory, string>;
  #context: PcscContext | null = null;
  /** Why there is no context (pcsclite missing, pcscd down), or null when there is one. */
  #unavailable: string | null = 'not started';
  #readers = new Map<string, { reader: PcscReader; card: CardState }>();
  #active: string | null = null;
  #cardInfo: CardInfo | null = null;
  #operation: string | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #retryTimer: NodeJS.Timeout | null = null;
  #running = false;

  constructor(options: PcscCardReaderOptions = {}) {
    super('cardReader', 'hardware', { state: 'noDevice', reason: 'not started' });
    this.#readerName = options.readerName === '' ? undefined : options.readerName;
    this.#retryIntervalMs = options.retryIntervalMs ?? 1000;
    this.#transmitTimeoutMs = options.transmitTimeoutMs ?? 30_000;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    this.#loadPcsc = options.loadPcsc ?? loadPcsclite;
  }

  override async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#open();
  }

  override async stop(): Promise<void> {
    this.#running = false;
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    await this.#queue.catch(() => undefined);
    this.#closeContext('stopped');
    await super.stop();
  }

  /** The card service tells the driver what the card said about itself (after SELECT + READ). */
  setCardInfo(info: CardInfo | null): void {
    this.#cardInfo = info;
    this.#refresh();
  }

  /** The reader currently followed, if any. */
  readerName(): string | null {
    return this.#active;
  }

  /**
   * Runs `operation` with exclusive access to the card. Sessions queue; status is `busy` meanwhile.
   * Card pulled, reader gone, timeout, another application holding the card: an error value.
   */
  withSession<T>(operation: string, run: (session: CardSession) => Promise<T>, end: SessionEnd = 'leave'): Promise<Result<T, CardIoError>> {
    const next = this.#queue.then(() => this.#session(operation, run, end));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** One APDU in its own session (leaving the card as it is). */
  async transmit(apdu: Buffer): Promise<Result<Buffer, CardIoError>> {
    const result = await this.withSession('transmit', (session) => session.transmit(apdu));
    return result.ok ? result.value : result;
  }

  async #session<T>(operation: string, run: (session: CardSession) => Promise<T>, end: SessionEnd): Promise<Result<T, CardIoError>> {
    const name = this.#active;
    const entry = name === null ? undefined : this.#readers.get(name);
    if (name === null || entry === undefined) {
      return err({ kind: 'noReader', message: this.#unavailable ?? this.#noReaderReason() });
    }
    if (entry.card.kind !== 'present') return err({ kind: 'noCard', message: `no card in ${name}` });
    const { reader } = entry;
    const connected = await this.#connect(reader);
    if (!connected.ok) return connected;
    const protocol = connected.value;
    const atr = Buffer.from(entry.card.atr, 'hex');
    this.#operation = operation;
    this.#refresh();
    const outcome = { failed: false };
    const transmit = async (apdu: Buffer): Promise<Result<Buffer, CardIoError>> => {
      const response = await this.#call<Buffer>((done) => {
        reader.transmit(apdu, MAX_RESPONSE, protocol, done);
      }, this.#transmitTimeoutMs, 'SCardTransmit');
      if (response.ok) return response;
      outcome.failed = true;
      const failure: CardIoError =
        response.error.kind === 'transmitFailed' && (await this.#cardGone(name, reader))
          ? { kind: 'cardRemoved', message: `card removed during the exchange (${response.error.message})` }
          : response.error;
      return err(failure);
    };
    const session: CardSession = {
      reader: name,
      atr,
      transmit,
      sendApdu: async (apdu) => {
        const response = await transmit(apdu);
        return response.ok ? response : err(toTransportError(response.error));
      },
    };
    try {
      return ok(await run(session));
    } finally {
      // After a failure nothing is known about the card's state: reset it rather than leave it.
      await this.#disconnect(reader, outcome.failed && end === 'leave' ? 'reset' : end);
      this.#operation = null;
      this.#refresh();
    }
  }

  /** Whether the card left the reader: pcscd polls presence every ~400 ms, so wait up to a second. */
  async #cardGone(name: string, reader: PcscReader): Promise<boolean> {
    const deadline = Date.now() + 1000;
    for (;;) {
      const entry = this.#readers.get(name);
      if (entry?.reader !== reader || entry.card.kind !== 'present') return true;
      if (Date.now() > deadline) return false;
      await sleep(25);
    }
  }

  async #connect(reader: PcscReader): Promise<Result<number, CardIoError>> {
    const deadline = Date.now() + this.#connectTimeoutMs;
    for (;;) {
      const connected = await this.#call<number>((done) => {
        reader.connect({ share_mode: reader.SCARD_SHARE_EXCLUSIVE, protocol: reader.SCARD_PROTOCOL_T0 | reader.SCARD_PROTOCOL_T1 }, done);
      }, this.#connectTimeoutMs, 'SCardConnect');
      if (connected.ok || connected.error.kind !== 'sharingViolation' || Date.now() > deadline) return connected;
      await sleep(50);
    }
  }

  async #disconnect(reader: PcscReader, end: SessionEnd): Promise<void> {
    const disposition = { leave: reader.SCARD_LEAVE_CARD, reset: reader.SCARD_RESET_CARD, unpower: reader.SCARD_UNPOWER_CARD }[end];
    const result = await this.#call<undefined>((done) => {
      reader.disconnect(disposition, (error) => {
        done(error, undefined);
      });
    }, 5000, 'SCardDisconnect');
    // pcsclite skips connect() while `connected` is still true; after a failed disconnect (card
    // gone, handle invalid) the next session must open a fresh handle.
    if (!result.ok) reader.connected = false;
  }

  /** A pcsclite callback call as a Result, with a timeout (the native call cannot be cancelled). */
  #call<T>(start: (done: (error: Error | null | undefined, value: T) => void) => void, timeoutMs: number, what: string): Promise<Result<T, CardIoError>> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve(err({ kind: 'timeout', message: `${what} took longer than ${timeoutMs} ms` }));
      }, timeoutMs);
      try {
        start((error, value) => {
          clearTimeout(timer);
          resolve(error === null || error === undefined ? ok(value) : err(classifyPcscError(error)));
        });
      } catch (error) {
        clearTimeout(timer);
        resolve(err(classifyPcscError(error)));
      }
    });
  }

  #open(): void {
    this.#retryTimer = null;
    if (!this.#running) return;
    const factory = this.#loadPcsc();
    if (!factory.ok) {
      // A missing native module does not come back by itself: no retry.
      this.#unavailable = factory.error;
      this.#refresh();
      return;
    }
    let context: PcscContext;
    try {
      context = factory.value();
    } catch (error) {
      this.#unavailable = `pcscd not reachable: ${error instanceof Error ? error.message : String(error)}`;
      this.#refresh();
      this.#scheduleRetry();
      return;
    }
    this.#context = context;
    this.#unavailable = null;
    context.on('reader', (reader: PcscReader) => {
      this.#addReader(context, reader);
    });
    context.on('error', (error: unknown) => {
      if (this.#context !== context) return;
      // pcscd stopped (or its socket went away): start over once it is back.
      setImmediate(() => {
        if (this.#context !== context) return;
        this.#closeContext(`pcscd stopped: ${error instanceof Error ? error.message : String(error)}`);
        this.#scheduleRetry();
      });
    });
    this.#refresh();
  }

  #scheduleRetry(): void {
    if (!this.#running || this.#retryTimer !== null) return;
    this.#retryTimer = setTimeout(() => {
      this.#open();
    }, this.#retryIntervalMs);
  }

  #closeContext(reason: string): void {
    const context = this.#context;
    this.#context = null;
    this.#unavailable = reason;
    for (const { reader } of this.#readers.values()) {
      reader.removeAllListeners('status');
      reader.close();
    }
    this.#readers.clear();
    this.#active = null;
    this.#cardInfo = null;
    context?.close();
    this.#refresh();
  }

  #addReader(context: PcscContext, reader: PcscReader): void {
    if (this.#context !== context) {
      reader.close();
      return;
    }
    const name = reader.name;
    this.#readers.set(name, { reader, card: { kind: 'empty' } });
    // Without an 'error' listener an EventEmitter error would crash the daemon.
    reader.on('error', () => {
      // The reader's status thread failed; its 'end' follows and is handled there.
    });
    reader.on('status', (status: PcscReaderStatus) => {
      const entry = this.#readers.get(name);
      if (entry?.reader !== reader) return;
      const card = cardStateOf(reader, status);
      if (sameCardState(card, entry.card)) return; // pcsclite repeats itself
      entry.card = card;
      if (this.#active === name) {
        this.#cardInfo = null; // another card, or none: what we knew is stale
        this.#refresh();
      }
    });
    reader.on('end', () => {
      if (this.#readers.get(name)?.reader !== reader) return;
      this.#readers.delete(name);
      if (this.#active === name) this.#cardInfo = null;
      this.#choose();
    });
    this.#choose();
  }

  /** Follows the first matching reader, in the order pcscd announced them. */
  #choose(): void {
    const wanted = this.#readerName;
    const match = [...this.#readers.keys()].find((name) => wanted === undefined || name.includes(wanted)) ?? null;
    if (match !== this.#active) {
      this.#active = match;
      this.#cardInfo = null;
    }
    this.#refresh();
  }

  #noReaderReason(): string {
    return this.#readerName === undefined ? 'no PC/SC reader connected' : `no PC/SC reader matching "${this.#readerName}"`;
  }

  #refresh(): void {
    this.setStatus(this.#derive());
  }

  #derive(): CardReaderStatus {
    if (this.#unavailable !== null) return { state: 'noDevice', reason: this.#unavailable };
    const name = this.#active;
    const entry = name === null ? undefined : this.#readers.get(name);
    if (name === null || entry === undefined) return { state: 'noDevice', reason: this.#noReaderReason() };
    const card = entry.card;
    switch (card.kind) {
      case 'empty':
        return { state: 'noCard', reader: name };
      case 'mute':
        return { state: 'error', reader: name, message: 'the card does not answer (mute): insert it the right way round, or it is damaged' };
      case 'present':
        if (this.#operation !== null) return { state: 'busy', reader: name, operation: this.#operation };
        return { state: 'present', reader: name, atr: card.atr, card: this.#cardInfo };
    }
  }
}
