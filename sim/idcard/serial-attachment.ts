// Puts the virtual SAM module on a serial device (the far end of a socat pty pair): its answers go
// out on the port, what arrives feeds the module. When the device goes away the attachment reopens
// it once it is back (mirrors sim/printer/serial-attachment.ts).
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { VirtualSamModule } from './virtual-sam-module.ts';

export type AttachmentState = { state: 'waiting'; reason: string } | { state: 'attached' };

export class SamSerialAttachment {
  readonly #module: VirtualSamModule;
  readonly #path: string;
  readonly #retryMs: number;
  #port: SerialPort | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running = true;
  #listener: (state: AttachmentState) => void;

  constructor(module: VirtualSamModule, path: string, options: { retryMs?: number; onState?: (state: AttachmentState) => void } = {}) {
    this.#module = module;
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
    this.#module.detach();
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
    const port = new SerialPort({ path: this.#path, baudRate: this.#module.baud, autoOpen: false, hupcl: false });
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
      this.#module.attach((bytes) => {
        if (port.isOpen) port.write(Buffer.from(bytes));
      });
      port.on('data', (data: Buffer) => this.#module.receive(data));
      port.on('error', () => undefined);
      port.on('close', () => {
        if (this.#port !== port) return;
        this.#port = null;
        this.#module.detach();
        this.#retry(`${this.#path} closed`);
      });
      this.#listener({ state: 'attached' });
    });
  }
}
