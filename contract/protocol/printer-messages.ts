// Printer.* messages (issue 4), and the dev dock's Sim.Printer* (simulator mode only).
// Spread into the catalogue; browser-safe (zod and types only).
import { z } from 'zod';
import type { DeviceSource } from '../devices/device.ts';
import type { PrintFailureReason, PrinterStatus } from '../devices/printer.ts';

export type PrintJobState = 'pending' | 'printed' | 'failed';
/** Why a job failed: the printer's reason, or `interrupted` when the daemon stopped mid-job. */
export type PrintJobReason = PrintFailureReason | 'interrupted';

/** A journaled print job as the UI and technicians see it. */
export interface PrintJobSummary {
  jobId: string;
  kind: string;
  title: string;
  state: PrintJobState;
  reason: PrintJobReason | null;
  message: string | null;
  /** Set on a reprint: the job it reprints. */
  reprintOf: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const printerCommandSchemas = {
  'Printer.Status': z.strictObject({}),
  'Printer.PrintTestPage': z.strictObject({}),
  /** Prints a journaled receipt again, marked 重打/REPRINT. */
  'Printer.Reprint': z.strictObject({ jobId: z.string().regex(/^P\d{6,12}$/, 'a job id such as P000012') }),
  'Printer.Jobs': z.strictObject({ limit: z.int().min(1).max(100).optional() }),
  'Sim.PrinterPaper': z.strictObject({ paper: z.enum(['full', 'low', 'out']) }),
  'Sim.PrinterCover': z.strictObject({ open: z.boolean() }),
  'Sim.PrinterOnline': z.strictObject({ online: z.boolean() }),
} as const;

export interface PrinterCommandResults {
  'Printer.Status': { status: PrinterStatus; source: DeviceSource; lastJob: PrintJobSummary | null };
  'Printer.PrintTestPage': PrintJobSummary;
  'Printer.Reprint': PrintJobSummary;
  'Printer.Jobs': { jobs: PrintJobSummary[] };
  'Sim.PrinterPaper': { paper: 'full' | 'low' | 'out'; paperLeftMm: number };
  'Sim.PrinterCover': { open: boolean };
  'Sim.PrinterOnline': { online: boolean };
}
