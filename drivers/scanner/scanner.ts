import type { Result } from '../../basics/result.ts';
import type { ScanError, ScannerStatus, ScanSource } from '../../contract/devices/scanner.ts';
import type { Device } from '../device/device.ts';

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
