// Scanner.* messages (issue 5). Spread into the catalogue; browser-safe (zod and types only).
// The intake check's guided capture (Kiosk.*) has its own module, intake-messages.ts.
import { z } from 'zod';
import type { DeviceSource } from '../devices/device.ts';
import type { ScanError, ScannerStatus, ScanSource } from '../devices/scanner.ts';
import type { PageReport } from '../imaging/page-report.ts';

/** A scanned page as the UI sees it: an id to refer to it and the image checks' facts. */
export interface ScannedPageSummary {
  pageId: string;
  source: ScanSource;
  scannedAt: string;
  width: number;
  height: number;
  dpi: number;
  report: PageReport;
}

export const scannerCommandSchemas = {
  'Scanner.Status': z.strictObject({}),
  /** Flatbed: the page on the glass. ADF: every sheet in the feeder. Each page is checked. */
  'Scanner.Scan': z.strictObject({
    source: z.enum(['flatbed', 'adf']),
    resolutionDpi: z.int().min(75).max(600).optional(),
    mode: z.enum(['color', 'gray']).optional(),
  }),
  /** Stops the scan in progress (Common.Cancel on the Scan request does the same). */
  'Scanner.Cancel': z.strictObject({}),
  /** The pages scanned in the current session. */
  'Scanner.Pages': z.strictObject({}),
  /** Forgets pages (all of this session's when pageIds is absent): a rescan, or the agent withdrew. */
  'Scanner.DiscardPages': z.strictObject({ pageIds: z.array(z.uuid()).max(64).optional() }),
} as const;

export interface ScannerCommandResults {
  'Scanner.Status': { status: ScannerStatus; source: DeviceSource };
  'Scanner.Scan': { pages: ScannedPageSummary[] };
  'Scanner.Cancel': { canceled: boolean };
  'Scanner.Pages': { pages: ScannedPageSummary[] };
  'Scanner.DiscardPages': { discarded: number };
}

/** How a scan failure reaches the UI: the completion code and the typed error in the payload. */
export type ScanFailurePayload = { error: ScanError };
