// The daemon's SQLite store (better-sqlite3, WAL): the only place kiosk state is kept.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { redactSecrets } from '../log/redact-secrets.ts';
import { migrations as allMigrations } from './migrations.ts';
import { migrate, type Migration } from '../../basics/sqlite-migrations.ts';
import { configureConnection } from '../../basics/sqlite-connection.ts';
import { createPrintJobStore, type PrintJobStore } from '../printing/print-job-store.ts';

export type SessionOutcome = 'completed' | 'canceled' | 'timedOut' | 'failed' | 'abandoned';

export interface JournalEntry {
  sessionId: string;
  seq: number;
  at: string;
  step: string;
  data: unknown;
}

export type CardOperationKind = 'unlock' | 'renewal';
export type CardOperationOutcome = 'completed' | 'rolledBack' | 'failed';

export interface CardOperation {
  id: string;
  sessionId: string | null;
  kind: CardOperationKind;
  cardNo: string;
  idempotencyKey: string;
  step: string;
  state: 'open' | CardOperationOutcome;
  startedAt: string;
  endedAt: string | null;
  detail: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: unknown;
}

/** Everything older than these instants goes (ISO strings compare as the instants they name). */
export interface RetentionCutoffs {
  sessions: Date;
  cardOperations: Date;
  printJobs: Date;
  audit: Date;
}

export interface PurgeCounts {
  sessions: number;
  journalEntries: number;
  cardOperations: number;
  printJobs: number;
  auditEntries: number;
}

export interface Store {
  readonly path: string;
  schemaVersion(): number;
  startSession(business: string, now?: Date): string;
  endSession(sessionId: string, outcome: SessionOutcome, now?: Date): void;
  /** Appends a step; its data is redacted (no PINs, masked ID numbers) before it is written. */
  journal(sessionId: string, step: string, data?: Record<string, unknown>, now?: Date): JournalEntry;
  journalOf(sessionId: string): JournalEntry[];
  audit(actor: string, action: string, detail?: Record<string, unknown>, now?: Date): AuditEntry;
  recentAudit(limit: number): AuditEntry[];
  /** Sessions left open by a crash or a power cut; the flows finish or roll them back. */
  openSessions(): { id: string; business: string; startedAt: string }[];
  /** Records an unlock or renewal before its first step touches the card or the authority. */
  openCardOperation(operation: { id: string; sessionId: string | null; kind: CardOperationKind; cardNo: string; idempotencyKey: string; step: string }, now?: Date): void;
  advanceCardOperation(id: string, step: string): void;
  finishCardOperation(id: string, outcome: CardOperationOutcome, detail?: string, now?: Date): void;
  /** Operations a crash or a pulled card left open, for one card or all. */
  openCardOperations(cardNo?: string): CardOperation[];
  cardOperation(id: string): CardOperation | undefined;
  /** The card's latest operation of `kind` that ended `outcome` (by when it ended), if any. */
  lastCardOperation(cardNo: string, kind: CardOperationKind, outcome: CardOperationOutcome): CardOperation | undefined;
  /** Small pieces of kiosk state that must survive a restart (JSON values). */
  getState(key: string): unknown;
  setState(key: string, value: unknown, now?: Date): void;
  /** The receipt printer's job journal (daemon/printing). */
  readonly printJobs: PrintJobStore;
  /**
   * Deletes what has outlived its retention (PIPL: nothing personal is kept without a period):
   * ended sessions and their journal, finished card operations, print jobs that are no longer
   * pending, and audit entries, each older than its cutoff. Open sessions, open operations and
   * pending jobs stay whatever their age: a crash recovery may still need them.
   */
  purge(cutoffs: RetentionCutoffs): PurgeCounts;
  /** True while the database answers a trivial query (for the systemd watchdog). */
  healthy(): boolean;
  /** Checkpoints the WAL into the main file and closes. */
  close(): void;
}

export function openStore(path: string, options: { onMigrated?: (m: Migration) => void } = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path);
  configureConnection(db);
  migrate(db, allMigrations, options.onMigrated);

  const insertSession = db.prepare('INSERT INTO sessions (id, business, started_at) VALUES (?, ?, ?)');
  const updateSession = db.prepare('UPDATE sessions SET ended_at = ?, outcome = ? WHERE id = ? AND ended_at IS NULL');
  const nextSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM session_journal WHERE session_id = ?').pluck();
  const insertJournal = db.prepare('INSERT INTO session_journal (session_id, seq, at, step, data) VALUES (?, ?, ?, ?, ?)');
  const selectJournal = db.prepare('SELECT session_id AS sessionId, seq, at, step, data FROM session_journal WHERE session_id = ? ORDER BY seq');
  const insertAudit = db.prepare('INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)');
  const selectAudit = db.prepare('SELECT id, at, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?');
  const selectOpen = db.prepare('SELECT id, business, started_at AS startedAt FROM sessions WHERE ended_at IS NULL ORDER BY started_at');

  const operationColumns = `id, session_id AS sessionId, kind, card_no AS cardNo, idempotency_key AS idempotencyKey, step, state,
    started_at AS startedAt, ended_at AS endedAt, detail`;
  const insertOperation = db.prepare(
    "INSERT INTO card_operations (id, session_id, kind, card_no, idempotency_key, step, state, started_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
  );
  const updateOperationStep = db.prepare("UPDATE card_operations SET step = ? WHERE id = ? AND state = 'open'");
  const finishOperation = db.prepare("UPDATE card_operations SET state = ?, ended_at = ?, detail = ? WHERE id = ? AND state = 'open'");
  const selectOpenOperations = db.prepare(`SELECT ${operationColumns} FROM card_operations WHERE state = 'open' ORDER BY started_at`);
  const selectOpenOperationsOfCard = db.prepare(`SELECT ${operationColumns} FROM card_operations WHERE state = 'open' AND card_no = ? ORDER BY started_at`);
  const selectOperation = db.prepare(`SELECT ${operationColumns} FROM card_operations WHERE id = ?`);
  const selectLastOperation = db.prepare(
    `SELECT ${operationColumns} FROM card_operations WHERE card_no = ? AND kind = ? AND state = ? AND ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT 1`,
  );

  const selectState = db.prepare('SELECT value FROM kiosk_state WHERE key = ?').pluck();
  const upsertState = db.prepare(
    'INSERT INTO kiosk_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );

  const appendJournal = db.transaction((sessionId: string, step: string, data: string, at: string): number => {
    const seq = nextSeq.get(sessionId) as number;
    insertJournal.run(sessionId, seq, at, step, data);
    return seq;
  });

  return {
    path,
    schemaVersion: () => db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number,
    startSession(business, now = new Date()) {
      const id = randomUUID();
      insertSession.run(id, business, now.toISOString());
      return id;
    },
    endSession(sessionId, outcome, now = new Date()) {
      updateSession.run(now.toISOString(), outcome, sessionId);
    },
    journal(sessionId, step, data = {}, now = new Date()) {
      const safe = redactSecrets(data);
      const at = now.toISOString();
      const seq = appendJournal(sessionId, step, JSON.stringify(safe), at);
      return { sessionId, seq, at, step, data: safe };
    },
    journalOf(sessionId) {
      return (selectJournal.all(sessionId) as (Omit<JournalEntry, 'data'> & { data: string })[]).map((row) => ({ ...row, data: JSON.parse(row.data) as unknown }));
    },
    audit(actor, action, detail = {}, now = new Date()) {
      const at = now.toISOString();
      const safe = redactSecrets(detail);
      const info = insertAudit.run(at, actor, action, JSON.stringify(safe));
      return { id: Number(info.lastInsertRowid), at, actor, action, detail: safe };
    },
    recentAudit(limit) {
      return (selectAudit.all(limit) as (Omit<AuditEntry, 'detail'> & { detail: string })[]).map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));
    },
    openCardOperation(operation, now = new Date()) {
      insertOperation.run(operation.id, operation.sessionId, operation.kind, operation.cardNo, operation.idempotencyKey, operation.step, now.toISOString());
    },
    advanceCardOperation(id, step) {
      updateOperationStep.run(step, id);
    },
    finishCardOperation(id, outcome, detail, now = new Date()) {
      finishOperation.run(outcome, now.toISOString(), detail ?? null, id);
    },
    openCardOperations(cardNo) {
      return (cardNo === undefined ? selectOpenOperations.all() : selectOpenOperationsOfCard.all(cardNo)) as CardOperation[];
    },
    cardOperation(id) {
      return selectOperation.get(id) as CardOperation | undefined;
    },
    lastCardOperation(cardNo, kind, outcome) {
      return selectLastOperation.get(cardNo, kind, outcome) as CardOperation | undefined;
    },
    getState(key) {
      const value = selectState.get(key) as string | undefined;
      return value === undefined ? undefined : (JSON.parse(value) as unknown);
    },
    setState(key, value, now = new Date()) {
      upsertState.run(key, JSON.stringify(redactSecrets(value)), now.toISOString());
    },
    printJobs: createPrintJobStore(db),
    purge(cutoffs) {
      return db.transaction((): PurgeCounts => {
        const sessionCutoff = cutoffs.sessions.toISOString();
        const cardOperations = db
          .prepare("DELETE FROM card_operations WHERE state <> 'open' AND ended_at IS NOT NULL AND ended_at < ?")
          .run(cutoffs.cardOperations.toISOString()).changes;
        const oldSessions = "SELECT id FROM sessions WHERE ended_at IS NOT NULL AND ended_at < ?";
        // An operation kept longer than its session keeps its facts, not the link.
        db.prepare(`UPDATE card_operations SET session_id = NULL WHERE session_id IN (${oldSessions})`).run(sessionCutoff);
        const journalEntries = db.prepare(`DELETE FROM session_journal WHERE session_id IN (${oldSessions})`).run(sessionCutoff).changes;
        const sessions = db.prepare('DELETE FROM sessions WHERE ended_at IS NOT NULL AND ended_at < ?').run(sessionCutoff).changes;
        const jobCutoff = cutoffs.printJobs.toISOString();
        const oldJobs = "SELECT seq FROM print_jobs WHERE state <> 'pending' AND created_at < ?";
        db.prepare(`UPDATE print_jobs SET reprint_of = NULL WHERE reprint_of IN (${oldJobs})`).run(jobCutoff);
        const printJobs = db.prepare("DELETE FROM print_jobs WHERE state <> 'pending' AND created_at < ?").run(jobCutoff).changes;
        const auditEntries = db.prepare('DELETE FROM audit WHERE at < ?').run(cutoffs.audit.toISOString()).changes;
        return { sessions, journalEntries, cardOperations, printJobs, auditEntries };
      })();
    },
    healthy() {
      try {
        return db.open && db.prepare('SELECT 1').pluck().get() === 1;
      } catch {
        return false;
      }
    },
    openSessions: () => selectOpen.all() as { id: string; business: string; startedAt: string }[],
    close() {
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
