// Receipts from model to paper: every job is journaled before a byte is sent, its outcome is the
// printer's own confirmation or the reason it failed (never success for a job cut short), and any
// journaled receipt can be printed again, marked 重打/REPRINT.
import type { Printer } from '../../drivers/printer/printer.ts';
import type { PrintFailure } from '../../contract/devices/printer.ts';
import type { Logger } from '../log/logger.ts';
import type { PrintJobSummary } from '../../contract/protocol/printer-messages.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import { eportLogo } from './logo.ts';
import type { PrintJobRecord, PrintJobStore } from './print-job-store.ts';
import { describeTitle, safeReceipt, type Receipt } from './receipt.ts';
import { encodeReceipt } from './receipt-layout.ts';
import { testPageReceipt } from './test-page.ts';

export type PrintJobError =
  | { kind: 'printFailed'; job: PrintJobSummary; failure: PrintFailure }
  | { kind: 'unknownJob'; jobId: string }
  /** The command asking for it already ended (timeOut, canceled): nothing was sent to the printer. */
  | { kind: 'notStarted' };

export interface PrintServiceOptions {
  printer: Printer;
  jobs: PrintJobStore;
  logger: Logger;
  kioskId: string;
  now?: () => Date;
  /** Each job's outcome, for the technician page's counters. */
  onJob?: (outcome: PrintJobOutcome) => void;
}

/** A printed job was cut; `paperMm` is estimated (see estimatePaperMm). */
export type PrintJobOutcome = { state: 'printed'; paperMm: number } | { state: 'failed'; reason: PrintFailure['reason'] };

// ESC/POS printers do not report paper used, so it is estimated from the encoded job: Font A's
// default line pitch is 1/6 in (about 4.2 mm) per LF, plus the logo and QR code when present and
// the trailing feed before the cut. Good enough to plan paper rolls, not a measurement.
const mmPerLine = 25.4 / 6;
const mmPerDot = 25.4 / 203;
export function estimatePaperMm(bytes: Uint8Array, receipt: Pick<Receipt, 'qr'>, logoHeightDots: number): number {
  let lines = 0;
  for (const byte of bytes) if (byte === 0x0a) lines++;
  const extras = (receipt.qr ? 45 : 0) + logoHeightDots * mmPerDot + 4 * mmPerLine;
  return Math.round(lines * mmPerLine + extras);
}

export function summarise(job: PrintJobRecord): PrintJobSummary {
  return {
    jobId: job.id,
    kind: job.kind,
    title: describeTitle(job.receipt.title),
    state: job.state,
    reason: job.reason,
    message: job.message,
    reprintOf: job.reprintOf,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

export class PrintService {
  readonly printer: Printer;
  readonly #jobs: PrintJobStore;
  readonly #logger: Logger;
  readonly #kioskId: string;
  readonly #now: () => Date;
  readonly #onJob: (outcome: PrintJobOutcome) => void;

  constructor(options: PrintServiceOptions) {
    this.printer = options.printer;
    this.#jobs = options.jobs;
    this.#logger = options.logger;
    this.#kioskId = options.kioskId;
    this.#now = options.now ?? (() => new Date());
    this.#onJob = options.onJob ?? (() => undefined);
  }

  /** Jobs a crash left pending have an unknown outcome: failed, and reprintable. */
  start(): void {
    const interrupted = this.#jobs.failPending(this.#now());
    if (interrupted.length > 0) this.#logger.event('printer.jobsInterrupted', { jobs: interrupted.map((job) => job.id) });
  }

  print(receipt: Receipt): Promise<Result<PrintJobSummary, PrintJobError>> {
    return this.#run(receipt, null);
  }

  printTestPage(signal?: AbortSignal): Promise<Result<PrintJobSummary, PrintJobError>> {
    const now = this.#now();
    return this.#run(testPageReceipt({ kioskId: this.#kioskId, at: now, printer: this.printer.status() }), null, signal);
  }

  async reprint(jobId: string, signal?: AbortSignal): Promise<Result<PrintJobSummary, PrintJobError>> {
    const original = this.#jobs.get(jobId);
    if (original === undefined) {
      this.#logger.event('printer.reprintRefused', { jobId, reason: 'unknownJob' });
      return err({ kind: 'unknownJob', jobId });
    }
    // A reprint of a reprint reprints the original.
    const source = original.reprintOf === null ? original : (this.#jobs.get(original.reprintOf) ?? original);
    return this.#run(source.receipt, source, signal);
  }

  job(jobId: string): PrintJobSummary | null {
    const job = this.#jobs.get(jobId);
    return job === undefined ? null : summarise(job);
  }

  recent(limit: number): PrintJobSummary[] {
    return this.#jobs.recent(limit).map(summarise);
  }

  /** `signal`: the command's; once it ended, no job is journaled or sent (issue 13, item 5). */
  async #run(receipt: Receipt, reprintOf: PrintJobRecord | null, signal?: AbortSignal): Promise<Result<PrintJobSummary, PrintJobError>> {
    if (ended(signal)) return err({ kind: 'notStarted' });
    const safe = safeReceipt(receipt);
    const createdAt = this.#now();
    const job = this.#jobs.create({ kind: safe.kind, receipt: safe, reprintOf: reprintOf?.id ?? null }, createdAt);
    const logo = await eportLogo();
    if (ended(signal)) {
      this.#jobs.finish(job.id, { state: 'failed', reason: 'timeout', message: 'the command ended before the job was sent' }, this.#now());
      return err({ kind: 'notStarted' });
    }
    const bytes = encodeReceipt(safe, {
      jobId: job.id,
      kioskId: this.#kioskId,
      printedAt: createdAt,
      reprintOf: reprintOf === null ? null : { jobId: reprintOf.id, createdAt: new Date(reprintOf.createdAt) },
      logo,
    });
    const printed = await this.printer.print({ id: job.id, bytes });
    if (printed.ok) {
      this.#jobs.finish(job.id, { state: 'printed', bytes: printed.value.bytes, elapsedMs: printed.value.elapsedMs }, this.#now());
      this.#logger.event('printer.jobPrinted', { jobId: job.id, kind: job.kind, reprintOf: job.reprintOf, bytes: printed.value.bytes, elapsedMs: Math.round(printed.value.elapsedMs) });
      this.#onJob({ state: 'printed', paperMm: estimatePaperMm(bytes, safe, logo.height) });
      return ok(this.#summary(job.id));
    }
    this.#jobs.finish(job.id, { state: 'failed', reason: printed.error.reason, message: printed.error.message }, this.#now());
    this.#logger.event('printer.jobFailed', { jobId: job.id, kind: job.kind, reason: printed.error.reason, message: printed.error.message });
    this.#onJob({ state: 'failed', reason: printed.error.reason });
    return err({ kind: 'printFailed', job: this.#summary(job.id), failure: printed.error });
  }

  #summary(jobId: string): PrintJobSummary {
    const job = this.#jobs.get(jobId);
    if (job === undefined) throw new Error(`print job ${jobId} vanished from the journal`);
    return summarise(job);
  }
}

function ended(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
