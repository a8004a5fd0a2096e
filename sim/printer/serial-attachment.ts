// Puts the virtual printer on a serial device (the far end of a socat pty pair): what it sends
// goes out on the port, what arrives feeds the printer. When the device goes away the printer
// loses the bytes still on the wire, and the attachment reopens the device once it is back.
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { VirtualPrinter } from './virtual-printer.ts';

export type AttachmentState = { state: 'waiting'; reason: string } | { state: 'attached' };

export class SerialAttachment {
  readonly #printer: VirtualPrinter;
  readonly #path: string;
  readonly #retryMs: number;
  #port: SerialPort | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running = true;
  #listener: (state: AttachmentState) => void;

  constructor(printer: VirtualPrinter, path: string, options: { retryMs?: number; onState?: (state: AttachmentState) => void } = {}) {
    this.#printer = printer;
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
    this.#printer.detach();
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
    const port = new SerialPort({ path: this.#path, baudRate: this.#printer.baud, autoOpen: false, hupcl: false });
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
      this.#printer.attach((bytes) => {
        if (port.isOpen) port.write(Buffer.from(bytes));
      });
      port.on('data', (data: Buffer) => this.#printer.receive(data));
      port.on('error', () => undefined);
      port.on('close', () => {
        if (this.#port !== port) return;
        this.#port = null;
        this.#printer.detach();
        this.#retry(`${this.#path} closed`);
      });
      this.#listener({ state: 'attached' });
    });
  }
}
