// Versioned schema migrations for a better-sqlite3 database (the kiosk's store, the simulated
// authority's registry): each applied once, in version order, in its own transaction; a database
// newer than the code is refused rather than run by an older program.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function migrate(db: Database.Database, migrations: readonly Migration[], onApplied?: (m: Migration) => void): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new Error(`the store is at schema version ${newest}, newer than this daemon knows (${known}); refusing to run an older daemon on it`);
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    })();
    onApplied?.(migration);
  }
}
