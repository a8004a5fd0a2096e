// Receipt printer migrations (issue 4): versions 3–9 are reserved for them.
import type { Migration } from '../../basics/sqlite-migrations.ts';

export const printerMigrations: readonly Migration[] = [
  {
    version: 3,
    name: 'print jobs: the receipt journal, for outcomes and reprints',
    sql: `
      -- One row per print job, written before a byte goes to the printer. The receipt model is
      -- kept (redacted: no PIN, masked ID numbers) so a reprint is the same receipt, marked.
      -- A row still 'pending' after a crash has an unknown outcome and is marked failed.
      CREATE TABLE print_jobs (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        kind         TEXT NOT NULL,
        receipt      TEXT NOT NULL,
        reprint_of   INTEGER REFERENCES print_jobs(seq),
        state        TEXT NOT NULL CHECK (state IN ('pending', 'printed', 'failed')),
        reason       TEXT CHECK (reason IN ('paperOut', 'coverOpen', 'cutterError', 'offline', 'disconnected', 'noDevice', 'timeout', 'interrupted')),
        message      TEXT,
        bytes        INTEGER,
        elapsed_ms   REAL,
        created_at   TEXT NOT NULL,
        finished_at  TEXT,
        CHECK ((state = 'failed') = (reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX print_jobs_pending ON print_jobs(state) WHERE state = 'pending';
    `,
  },
];
