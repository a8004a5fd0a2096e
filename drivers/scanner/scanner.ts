import { ok, type Result } from '../../basics/result.ts';
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

/** Where a page stands in its scan: 1-based, of how many pages the scan holds. */
export interface PagePosition {
  page: number;
  of: number;
}

/** Takes one page of a scan as it is read (checks it, keeps what it needs); the scanner keeps nothing. */
export type PageSink = (page: ScannedPage, position: PagePosition) => Promise<void>;

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
  /**
   * The same scan, each page handed to `onPage` as it is read and then dropped: a feeder batch
   * (15 colour pages at 200 dpi, ~170 MB raw) is never in memory whole. Resolves with the number
   * of pages; on an error, pages already handed over are the caller's to discard.
   */
  scanPages(request: ScanRequest, onPage: PageSink, signal?: AbortSignal): Promise<Result<number, ScanError>>;
  /** Stops the scan in progress; true when there was one. */
  cancel(): boolean;
}

/** scanPages for a scan whose pages arrive all at once: handed over one by one, each let go after its turn. */
export async function handOver(scanned: Result<ScannedPage[], ScanError>, onPage: PageSink): Promise<Result<number, ScanError>> {
  if (!scanned.ok) return scanned;
  const pages: (ScannedPage | undefined)[] = scanned.value;
  const of = pages.length;
  for (let i = 0; i < of; i++) {
    const page = pages[i];
    pages[i] = undefined;
    if (page !== undefined) await onPage(page, { page: i + 1, of });
  }
  return ok(of);
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
