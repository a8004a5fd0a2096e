// The print job journal in the kiosk's SQLite store (table print_jobs, migration 3).
import type Database from 'better-sqlite3';
import type { PrintFailureReason } from '../../contract/devices/printer.ts';
import type { PrintJobReason, PrintJobState } from '../../contract/protocol/printer-messages.ts';
import { safeReceipt, type Receipt } from './receipt.ts';

export interface PrintJobRecord {
  id: string;
  kind: string;
  receipt: Receipt;
  reprintOf: string | null;
  state: PrintJobState;
  reason: PrintJobReason | null;
  message: string | null;
  bytes: number | null;
  elapsedMs: number | null;
  createdAt: string;
  finishedAt: string | null;
}

export type PrintJobOutcome = { state: 'printed'; bytes: number; elapsedMs: number } | { state: 'failed'; reason: PrintFailureReason; message: string };

export interface PrintJobStore {
  /** Journals a job before it is sent; the receipt is redacted on the way in. */
  create(job: { kind: string; receipt: Receipt; reprintOf: string | null }, now?: Date): PrintJobRecord;
  finish(id: string, outcome: PrintJobOutcome, now?: Date): void;
  get(id: string): PrintJobRecord | undefined;
  recent(limit: number): PrintJobRecord[];
  /** Marks jobs a crash left pending as failed ('interrupted'); answers them. */
  failPending(now?: Date): PrintJobRecord[];
}

interface Row {
  seq: number;
  kind: string;
  receipt: string;
  reprint_of: number | null;
  state: PrintJobState;
  reason: PrintJobReason | null;
  message: string | null;
  bytes: number | null;
  elapsed_ms: number | null;
  created_at: string;
  finished_at: string | null;
}

export const jobIdOf = (seq: number): string => `P${String(seq).padStart(6, '0')}`;

export function seqOf(jobId: string): number | null {
  const match = /^P(\d{6,12})$/.exec(jobId);
  return match === null ? null : Number(match[1]);
}

function record(row: Row): PrintJobRecord {
  return {
    id: jobIdOf(row.seq),
    kind: row.kind,
    receipt: JSON.parse(row.receipt) as Receipt,
    reprintOf: row.reprint_of === null ? null : jobIdOf(row.reprint_of),
    state: row.state,
    reason: row.reason,
    message: row.message,
    bytes: row.bytes,
    elapsedMs: row.elapsed_ms,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export function createPrintJobStore(db: Database.Database): PrintJobStore {
  const insert = db.prepare("INSERT INTO print_jobs (kind, receipt, reprint_of, state, created_at) VALUES (?, ?, ?, 'pending', ?)");
  const printed = db.prepare("UPDATE print_jobs SET state = 'printed', bytes = ?, elapsed_ms = ?, finished_at = ? WHERE seq = ? AND state = 'pending'");
  const failed = db.prepare("UPDATE print_jobs SET state = 'failed', reason = ?, message = ?, finished_at = ? WHERE seq = ? AND state = 'pending'");
  const select = db.prepare('SELECT * FROM print_jobs WHERE seq = ?');
  const selectRecent = db.prepare('SELECT * FROM print_jobs ORDER BY seq DESC LIMIT ?');
  const selectPending = db.prepare("SELECT * FROM print_jobs WHERE state = 'pending' ORDER BY seq");
  const failAllPending = db.prepare(
    "UPDATE print_jobs SET state = 'failed', reason = 'interrupted', message = 'the daemon stopped before the printer confirmed the job', finished_at = ? WHERE state = 'pending'",
  );
  const get = (id: string): PrintJobRecord | undefined => {
    const seq = seqOf(id);
    const row = seq === null ? undefined : (select.get(seq) as Row | undefined);
    return row === undefined ? undefined : record(row);
  };
  return {
    create(job, now = new Date()) {
      const reprintSeq = job.reprintOf === null ? null : seqOf(job.reprintOf);
      const info = insert.run(job.kind, JSON.stringify(safeReceipt(job.receipt)), reprintSeq, now.toISOString());
      const created = get(jobIdOf(Number(info.lastInsertRowid)));
      if (created === undefined) throw new Error('print job vanished after insert');
      return created;
    },
    finish(id, outcome, now = new Date()) {
      const seq = seqOf(id);
      if (seq === null) return;
      switch (outcome.state) {
        case 'printed':
          printed.run(outcome.bytes, outcome.elapsedMs, now.toISOString(), seq);
          return;
        case 'failed':
          failed.run(outcome.reason, outcome.message, now.toISOString(), seq);
          return;
      }
    },
    get,
    recent: (limit) => (selectRecent.all(limit) as Row[]).map(record),
    failPending(now = new Date()) {
      return db.transaction(() => {
        const pending = (selectPending.all() as Row[]).map(record);
        failAllPending.run(now.toISOString());
        return pending;
      })();
    },
  };
}
