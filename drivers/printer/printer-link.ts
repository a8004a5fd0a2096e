// The byte pipe between the driver and a printer: a serial port (serial-link.ts) on the appliance
// and in the pty tests, or the virtual printer in the same process (sim/printer/in-process-link.ts).
import type { Result } from '../../basics/result.ts';

export interface PrinterLink {
  /** Resolves once the bytes are handed to the line (on a UART: drained). */
  write(bytes: Uint8Array): Promise<Result<void, string>>;
  close(): Promise<void>;
}

export interface LinkHandlers {
  onData(bytes: Uint8Array): void;
  /** The other end went away (device unplugged, pty closed); not called after close(). */
  onClose(reason: string): void;
}

/** Opens the link once; the driver calls it again to reopen after the device comes back. */
export type OpenLink = (handlers: LinkHandlers) => Promise<Result<PrinterLink, string>>;
