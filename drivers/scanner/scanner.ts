import type { Device, NoDevice, Serviceability } from '../device/device.ts';

/** Document scanner states, mapped from SANE status codes. */
export type ScannerStatus =
  | NoDevice
  | { state: 'idle'; device: string }
  | { state: 'busy'; device: string; operation: string }
  | { state: 'jammed'; device: string }
  | { state: 'coverOpen'; device: string }
  | { state: 'noPaper'; device: string }
  | { state: 'error'; device: string | null; message: string };

export type Scanner = Device<ScannerStatus>;

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
