// Versioned schema migrations. Append only: a shipped migration is never edited, because
// kiosks in the field have already applied it.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
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
];
