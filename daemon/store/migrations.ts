// Versioned schema migrations. Append only: a shipped migration is never edited, because
// kiosks in the field have already applied it.
import type { Migration } from '../../basics/sqlite-migrations.ts';
import { printerMigrations } from './migrations-printer.ts';

export type { Migration } from '../../basics/sqlite-migrations.ts';

const coreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, session journal and audit log',
    sql: `
      CREATE TABLE sessions (
        id          TEXT PRIMARY KEY,
        business    TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        ended_at    TEXT,
        outcome     TEXT CHECK (outcome IN ('completed', 'canceled', 'timedOut', 'failed', 'abandoned'))
      ) STRICT;
      -- One row per step of a session, in order; the source of truth for resuming or rolling
      -- back an operation after a crash. Data is redacted before it is written.
      CREATE TABLE session_journal (
        session_id  TEXT NOT NULL REFERENCES sessions(id),
        seq         INTEGER NOT NULL,
        at          TEXT NOT NULL,
        step        TEXT NOT NULL,
        data        TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (session_id, seq)
      ) STRICT;
      -- Technician actions, tamper, out-of-service: who did what, when.
      CREATE TABLE audit (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        detail      TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_at ON audit(at);
    `,
  },
  {
    version: 2,
    name: 'card operations (unlock, renewal) for crash recovery',
    sql: `
      -- One row per unlock or renewal. An open row after a crash or a pulled card is finished or
      -- rolled back when that card is next read (daemon/cards/reconcile.ts).
      CREATE TABLE card_operations (
        id               TEXT PRIMARY KEY,
        session_id       TEXT REFERENCES sessions(id),
        kind             TEXT NOT NULL CHECK (kind IN ('unlock', 'renewal')),
        card_no          TEXT NOT NULL,
        idempotency_key  TEXT NOT NULL UNIQUE,
        step             TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('open', 'completed', 'rolledBack', 'failed')),
        started_at       TEXT NOT NULL,
        ended_at         TEXT,
        detail           TEXT
      ) STRICT;
      CREATE INDEX card_operations_open ON card_operations(card_no) WHERE state = 'open';
    `,
  },
];

/** Core migrations after the feature ranges (printer 3–9, intake 10–19): from 20 on. */
const laterCoreMigrations: readonly Migration[] = [
  {
    version: 20,
    name: 'kiosk state (service state, technician lockout) that survives a restart',
    sql: `
      CREATE TABLE kiosk_state (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
    `,
  },
];

/** Every migration, in version order. Each feature keeps its own list, in its own version range. */
export const migrations: readonly Migration[] = [...coreMigrations, ...printerMigrations, ...laterCoreMigrations].sort((a, b) => a.version - b.version);
