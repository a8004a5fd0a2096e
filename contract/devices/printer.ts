// The receipt printer's status and print failures as the daemon reports them.
import type { NoDevice, Serviceability } from './device.ts';

/** Receipt printer states, from DLE EOT real-time status and Automatic Status Back. */
export type PrinterStatus =
  | NoDevice
  | { state: 'online'; device: string }
  | { state: 'paperNearEnd'; device: string }
  | { state: 'paperOut'; device: string }
  | { state: 'coverOpen'; device: string }
  | { state: 'cutterError'; device: string }
  | { state: 'offline'; device: string }
  | { state: 'disconnected'; device: string };

/** Why a job did not print in full: never reported as success. */
export type PrintFailureReason = 'paperOut' | 'coverOpen' | 'cutterError' | 'offline' | 'disconnected' | 'noDevice' | 'timeout';

export interface PrintFailure {
  reason: PrintFailureReason;
  message: string;
}

export function printerServiceability(status: PrinterStatus): Serviceability {
  switch (status.state) {
    case 'online':
      return 'ready';
    case 'paperNearEnd':
      return 'attention';
    case 'paperOut':
    case 'coverOpen':
    case 'cutterError':
    case 'offline':
    case 'disconnected':
    case 'noDevice':
      return 'unavailable';
  }
}
