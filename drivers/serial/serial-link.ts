// A byte link over node-serialport: the device path and baud rate from the configuration
// (`printer.path`/`printer.baud`, `idCardReader.path`/`.baud`), 8N1, no flow control — what ESC/POS
// receipt printers and GA 467 ID-card modules ship with.
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { err, ok } from '../../basics/result.ts';
import type { OpenLink } from './byte-link.ts';

export function serialLink(path: string, baudRate: number): OpenLink {
  return async (handlers) => {
    // Skips serialport's own error path for the common case of an unplugged adapter.
    if (!existsSync(path)) return err(`${path} does not exist`);
    const port = new SerialPort({ path, baudRate, autoOpen: false, hupcl: false });
    const opened = await new Promise<Error | null>((resolve) => {
      port.open((error) => resolve(error ?? null));
    });
    if (opened !== null) return err(`cannot open ${path}: ${opened.message}`);
    let closing = false;
    port.on('data', (data: Buffer) => handlers.onData(data));
    // An 'error' without a listener would crash the daemon; the 'close' that follows is what counts.
    port.on('error', () => undefined);
    port.on('close', (error: Error | null) => {
      if (!closing) handlers.onClose(error?.message ?? `${path} closed`);
    });
    return ok({
      write: (bytes) =>
        new Promise((resolve) => {
          port.write(Buffer.from(bytes), (error) => {
            if (error) {
              resolve(err(error.message));
              return;
            }
            port.drain((drainError) => resolve(drainError ? err(drainError.message) : ok(undefined)));
          });
        }),
      close: () =>
        new Promise<void>((resolve) => {
          closing = true;
          if (!port.isOpen) {
            resolve();
            return;
          }
          port.close(() => resolve());
        }),
    });
  };
}
