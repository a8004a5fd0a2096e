// The byte pipe between a serial device's driver (the receipt printer, the ID-card reader's SAM
// module) and the device: a serial port (serial-link.ts) on the appliance and in the pty tests, or
// the simulated device in the same process (sim/printer/in-process-link.ts, sim/idcard/in-process-link.ts).
import type { Result } from '../../basics/result.ts';

export interface ByteLink {
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
export type OpenLink = (handlers: LinkHandlers) => Promise<Result<ByteLink, string>>;
