// Carries a SimulatedCard to a real pcscd through vsmartcard's vpcd reader driver. vpcd is the TCP
// *server* (127.0.0.1:35963 for "Virtual PCD 00 00", :35964 for "... 00 01"); the card connects to
// it. While connected the card is "inserted"; closing the socket is pulling it out.
//
// Wire format, both ways: 2-byte big-endian length, then the payload. A 1-byte payload from vpcd is
// a control message (0 power off, 1 power on, 2 reset, 4 get ATR — only get ATR is answered);
// anything longer is a command APDU, answered with the response APDU.
import { EventEmitter } from 'node:events';
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { err, ok } from '../../basics/result.ts';
import type { Result } from '../../basics/result.ts';
import type { SimulatedCard } from './simulated-card.ts';
import { quickAckFor } from './tcp-quickack.ts';

export const VPCD_DEFAULT_HOST = '127.0.0.1';
export const VPCD_DEFAULT_PORT = 35963;

export type QuickAck = { state: 'on' } | { state: 'off'; reason: string };

export type VpcdStatus =
  | { state: 'disconnected' }
  | { state: 'connecting'; attempt: number; lastError: string | null }
  | { state: 'connected'; quickAck: QuickAck };

export type VpcdControl = 'powerOff' | 'powerOn' | 'reset' | 'getAtr';

export interface VpcdTransportEvents {
  status: [VpcdStatus];
  control: [VpcdControl];
  apdu: [command: Buffer, response: Buffer];
  /** Something worth a log line that is not a state change (quick ACK lost, unknown control byte). */
  warning: [message: string];
}

export interface VpcdTransportOptions {
  host?: string;
  port?: number;
  /** Arm TCP_QUICKACK after every read (default true; false only to measure the difference). */
  quickAck?: boolean;
  /** Backoff between connection attempts. */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** connect() gives up after this long (default: never, until disconnect()). */
  connectTimeoutMs?: number;
  /** After vpcd drops the connection (pcscd stopped), connect again (default true). */
  reconnect?: boolean;
}

const CONTROL_BY_BYTE: Readonly<Record<number, VpcdControl>> = { 0: 'powerOff', 1: 'powerOn', 2: 'reset', 4: 'getAtr' };

/** Splits a TCP byte stream into length-prefixed frames; keeps a partial frame for the next chunk. */
export class FrameReader {
  #pending: Buffer | null = null;

  push(chunk: Buffer): Buffer[] {
    let data = this.#pending === null ? chunk : Buffer.concat([this.#pending, chunk]);
    const frames: Buffer[] = [];
    while (data.length >= 2) {
      const length = data.readUInt16BE(0);
      if (data.length < 2 + length) break;
      frames.push(data.subarray(2, 2 + length));
      data = data.subarray(2 + length);
    }
    this.#pending = data.length === 0 ? null : Buffer.from(data);
    return frames;
  }
}

export function frame(payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(2 + payload.length);
  out.writeUInt16BE(payload.length, 0);
  payload.copy(out, 2);
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

export class VpcdTransport extends EventEmitter<VpcdTransportEvents> {
  readonly card: SimulatedCard;
  readonly host: string;
  readonly port: number;
  readonly #quickAck: boolean;
  readonly #retryInitialMs: number;
  readonly #retryMaxMs: number;
  readonly #connectTimeoutMs: number | undefined;
  readonly #reconnect: boolean;
  #status: VpcdStatus = { state: 'disconnected' };
  #socket: Socket | null = null;
  /** Bumped by disconnect(): a connect loop from an older generation stops. */
  #generation = 0;
  #wake: (() => void) | null = null;

  constructor(card: SimulatedCard, options: VpcdTransportOptions = {}) {
    super();
    this.card = card;
    this.host = options.host ?? VPCD_DEFAULT_HOST;
    this.port = options.port ?? VPCD_DEFAULT_PORT;
    this.#quickAck = options.quickAck ?? true;
    this.#retryInitialMs = options.retryInitialMs ?? 50;
    this.#retryMaxMs = options.retryMaxMs ?? 1000;
    this.#connectTimeoutMs = options.connectTimeoutMs;
    this.#reconnect = options.reconnect ?? true;
  }

  get status(): VpcdStatus {
    return this.#status;
  }

  /** Inserts the card: connects to vpcd, retrying with backoff until it listens (pcscd starting). */
  async connect(): Promise<Result<void, string>> {
    if (this.#status.state === 'connected') return ok(undefined);
    const generation = ++this.#generation;
    const deadline = this.#connectTimeoutMs === undefined ? Infinity : Date.now() + this.#connectTimeoutMs;
    let delay = this.#retryInitialMs;
    let lastError: string | null = null;
    for (let attempt = 1; ; attempt++) {
      if (generation !== this.#generation) return err('disconnect() called while connecting');
      this.#setStatus({ state: 'connecting', attempt, lastError });
      const opened = await this.#open();
      if (generation !== this.#generation) {
        if (opened.ok) opened.value.destroy();
        return err('disconnect() called while connecting');
      }
      if (opened.ok) {
        this.#attach(opened.value, generation);
        return ok(undefined);
      }
      lastError = opened.error;
      if (Date.now() + delay > deadline) {
        this.#setStatus({ state: 'disconnected' });
        return err(`vpcd at ${this.host}:${this.port} not reachable: ${lastError}`);
      }
      await Promise.race([sleep(delay), new Promise<void>((resolve) => (this.#wake = resolve))]);
      this.#wake = null;
      delay = Math.min(delay * 2, this.#retryMaxMs);
    }
  }

  /** Pulls the card out: closes the socket (pcscd then reports the reader empty). */
  async disconnect(): Promise<void> {
    this.#generation++;
    this.#wake?.();
    const socket = this.#socket;
    this.#socket = null;
    if (socket !== null) {
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.destroy();
      await closed;
      this.card.powerOff();
    }
    this.#setStatus({ state: 'disconnected' });
  }

  #open(): Promise<Result<Socket, string>> {
    return new Promise((resolve) => {
      const socket = netConnect({ host: this.host, port: this.port, noDelay: true });
      const onError = (error: Error): void => {
        socket.destroy();
        resolve(err(error.message));
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        socket.off('error', onError);
        resolve(ok(socket));
      });
    });
  }

  #attach(socket: Socket, generation: number): void {
    this.#socket = socket;
    socket.setNoDelay(true);
    const quickAck = this.#armQuickAck(socket);
    let arm = quickAck.arm;
    this.#setStatus({ state: 'connected', quickAck: quickAck.status });
    const reader = new FrameReader();
    socket.on('data', (chunk: Buffer) => {
      for (const payload of reader.push(chunk)) {
        const reply = this.#handle(payload);
        if (reply !== null) socket.write(frame(reply));
      }
      // Quick ACK is not sticky: the kernel may fall back to delayed ACK after any segment.
      if (arm !== null) {
        const armed = arm();
        if (!armed.ok) {
          arm = null;
          this.emit('warning', `quick ACK lost, APDUs will be ~40 ms slower: ${armed.error}`);
          this.#setStatus({ state: 'connected', quickAck: { state: 'off', reason: armed.error } });
        }
      }
    });
    socket.on('error', (error) => this.emit('warning', `vpcd socket: ${error.message}`));
    socket.on('close', () => {
      if (this.#socket !== socket) return; // closed by disconnect()
      this.#socket = null;
      this.card.powerOff();
      this.#setStatus({ state: 'disconnected' });
      if (this.#reconnect && generation === this.#generation) void this.connect();
    });
  }

  #armQuickAck(socket: Socket): { arm: (() => Result<void, string>) | null; status: QuickAck } {
    if (!this.#quickAck) return { arm: null, status: { state: 'off', reason: 'disabled by option' } };
    const quickAck = quickAckFor(socket);
    if (!quickAck.ok) {
      this.emit('warning', `TCP_QUICKACK unavailable, APDUs will be ~40 ms slower: ${quickAck.error}`);
      return { arm: null, status: { state: 'off', reason: quickAck.error } };
    }
    const first = quickAck.value();
    if (!first.ok) {
      this.emit('warning', `TCP_QUICKACK unavailable, APDUs will be ~40 ms slower: ${first.error}`);
      return { arm: null, status: { state: 'off', reason: first.error } };
    }
    return { arm: quickAck.value, status: { state: 'on' } };
  }

  /** One frame from vpcd → the reply payload, or null when the message has no reply. */
  #handle(payload: Buffer): Buffer | null {
    if (payload.length === 1) {
      const byte = payload[0] ?? -1;
      const control = CONTROL_BY_BYTE[byte];
      if (control === undefined) {
        this.emit('warning', `unknown vpcd control byte ${byte}`);
        return null;
      }
      this.emit('control', control);
      switch (control) {
        case 'powerOff':
          this.card.powerOff();
          return null;
        case 'powerOn':
          this.card.powerOn();
          return null;
        case 'reset':
          this.card.reset();
          return null;
        case 'getAtr':
          return this.card.atr;
      }
    }
    let response: Buffer;
    try {
      response = this.card.transmit(payload);
    } catch (error) {
      // The contract says a card never throws; if one does, answer like a card with a fault.
      this.emit('warning', `card threw on APDU: ${error instanceof Error ? error.message : String(error)}`);
      response = Buffer.from([0x6f, 0x00]);
    }
    if (this.listenerCount('apdu') > 0) this.emit('apdu', payload, response);
    return response;
  }

  #setStatus(next: VpcdStatus): void {
    if (JSON.stringify(next) === JSON.stringify(this.#status)) return;
    this.#status = next;
    this.emit('status', next);
  }
}
