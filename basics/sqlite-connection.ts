// How the kiosk opens a better-sqlite3 database (the store, the simulated authority's registry):
// the same settings for each connection, so none is forgotten and none grows on its own.
import type Database from 'better-sqlite3';

/**
 * SQLite's page cache per connection, in KiB. better-sqlite3 builds SQLite with a 16 MB default
 * (SQLITE_DEFAULT_CACHE_SIZE=-16000), and a database that gains rows every session fills it one new
 * page at a time: the soak showed the daemon's malloc'd memory rising ~1.7 KB a session, for ~9,000
 * sessions, all of it page cache (issue 14). The kiosk reads a few rows by key per step; the
 * kernel's file cache serves what falls out, so 1 MiB costs nothing measurable.
 */
export const pageCacheKiB = 1024;

/** WAL, NORMAL sync (durable against process death), foreign keys, a bounded page cache. */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable against process death; only an OS crash can lose the last commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${pageCacheKiB}`);
}
