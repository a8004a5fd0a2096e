// Puts a simulated serial device (the virtual printer, the virtual SAM module) on a serial device
// node (the far end of a socat pty pair): what it sends goes out on the port, what arrives feeds
// it. When the node goes away the device loses the bytes still on the wire, and the attachment
// reopens the node once it is back.
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';

export type AttachmentState = { state: 'waiting'; reason: string } | { state: 'attached' };

/** What a simulated device offers its serial line: the printer and the SAM module both do. */
export interface SerialDevice {
  readonly baud: number;
  /** The line is up: `send` puts bytes on it. */
  attach(send: (bytes: Uint8Array) => void): void;
  /** The line is down: what the device sends meanwhile is lost. */
  detach(): void;
  /** Bytes that arrived on the line. */
  receive(bytes: Uint8Array): void;
}

export class SerialAttachment {
  readonly #device: SerialDevice;
  readonly #path: string;
  readonly #retryMs: number;
  #port: SerialPort | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running = true;
  #listener: (state: AttachmentState) => void;

  constructor(device: SerialDevice, path: string, options: { retryMs?: number; onState?: (state: AttachmentState) => void } = {}) {
    this.#device = device;
    this.#path = path;
    this.#retryMs = options.retryMs ?? 200;
    this.#listener = options.onState ?? (() => undefined);
    this.#open();
  }

  async close(): Promise<void> {
    this.#running = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    const port = this.#port;
    this.#port = null;
    this.#device.detach();
    if (port?.isOpen === true) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  #retry(reason: string): void {
    this.#listener({ state: 'waiting', reason });
    if (this.#running) this.#timer = setTimeout(() => this.#open(), this.#retryMs);
  }

  #open(): void {
    this.#timer = null;
    if (!this.#running) return;
    if (!existsSync(this.#path)) {
      this.#retry(`${this.#path} does not exist`);
      return;
    }
    const port = new SerialPort({ path: this.#path, baudRate: this.#device.baud, autoOpen: false, hupcl: false });
    port.open((error) => {
      if (error) {
        this.#retry(error.message);
        return;
      }
      if (!this.#running) {
        port.close();
        return;
      }
      this.#port = port;
      this.#device.attach((bytes) => {
        if (port.isOpen) port.write(Buffer.from(bytes));
      });
      port.on('data', (data: Buffer) => this.#device.receive(data));
      port.on('error', () => undefined);
      port.on('close', () => {
        if (this.#port !== port) return;
        this.#port = null;
        this.#device.detach();
        this.#retry(`${this.#path} closed`);
      });
      this.#listener({ state: 'attached' });
    });
  }
}
