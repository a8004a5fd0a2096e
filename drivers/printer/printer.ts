import type { Device, NoDevice, Serviceability } from '../device/device.ts';

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

export type Printer = Device<PrinterStatus>;

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
