// The document scanner's status and scan failures as the daemon reports them.
import type { NoDevice, Serviceability } from './device.ts';

/** Document scanner states, mapped from SANE status codes. */
export type ScannerStatus =
  | NoDevice
  | { state: 'idle'; device: string }
  | { state: 'busy'; device: string; operation: string }
  | { state: 'jammed'; device: string }
  | { state: 'coverOpen'; device: string }
  | { state: 'noPaper'; device: string }
  | { state: 'error'; device: string | null; message: string };

/** Flatbed: one page on the glass. ADF: every sheet in the feeder (a batch). */
export type ScanSource = 'flatbed' | 'adf';

/** Expected failures of a scan: the states the UI tells the agent about. */
export type ScanError =
  | { kind: 'noDevice'; message: string }
  | { kind: 'busy'; message: string }
  | { kind: 'jammed'; message: string }
  | { kind: 'coverOpen'; message: string }
  | { kind: 'noPaper'; message: string }
  | { kind: 'canceled'; message: string }
  | { kind: 'timedOut'; message: string }
  | { kind: 'error'; message: string };

export function scannerServiceability(status: ScannerStatus): Serviceability {
  switch (status.state) {
    case 'idle':
    case 'busy':
    case 'noPaper':
      return 'ready';
    case 'jammed':
    case 'coverOpen':
    case 'error':
      return 'attention';
    case 'noDevice':
      return 'unavailable';
  }
}
