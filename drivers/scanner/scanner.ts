import type { Result } from '../../basics/result.ts';
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

/** Flatbed: one page on the glass. ADF: every sheet in the feeder (a batch). */
export type ScanSource = 'flatbed' | 'adf';

export type ScanMode = 'color' | 'gray';

export interface ScanRequest {
  source: ScanSource;
  resolutionDpi: number;
  mode: ScanMode;
}

/** One scanned page as raw pixels, as SANE delivers them (PNM without its header). */
export interface ScannedPage {
  width: number;
  height: number;
  /** 1 (gray) or 3 (RGB), 8 bits each. */
  channels: 1 | 3;
  data: Buffer;
  /** The resolution the page was scanned at. */
  dpi: number;
}

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

export interface ScannerDeviceInfo {
  name: string;
  vendor: string;
  model: string;
  type: string;
}

/**
 * A document scanner, real (SANE through `scanimage`) or simulated (generated pages in-process).
 * One scan at a time; a second scan while one runs is `busy`.
 */
export interface Scanner extends Device<ScannerStatus> {
  listDevices(): Promise<Result<ScannerDeviceInfo[], ScanError>>;
  /** Flatbed: one page. ADF: every page in the feeder (noPaper when it is empty). */
  scan(request: ScanRequest, signal?: AbortSignal): Promise<Result<ScannedPage[], ScanError>>;
  /** Stops the scan in progress; true when there was one. */
  cancel(): boolean;
}

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

/** The status a scan error leaves the device in (canceled and timedOut leave it idle). */
export function statusAfterError(error: ScanError, device: string): ScannerStatus {
  switch (error.kind) {
    case 'noDevice':
      return { state: 'noDevice', reason: error.message };
    case 'jammed':
      return { state: 'jammed', device };
    case 'coverOpen':
      return { state: 'coverOpen', device };
    case 'noPaper':
      return { state: 'noPaper', device };
    case 'busy':
    case 'canceled':
    case 'timedOut':
      return { state: 'idle', device };
    case 'error':
      return { state: 'error', device, message: error.message };
  }
}
