import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureConnection, pageCacheKiB } from './sqlite-connection.ts';

describe('configureConnection', () => {
  it('opens in WAL with foreign keys and a page cache bounded below better-sqlite3’s 16 MB default', () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'kiosk-sqlite-')), 'x.sqlite'));
    // The control: what better-sqlite3 gives a connection left alone.
    expect(db.pragma('cache_size', { simple: true })).toBe(-16000);
    configureConnection(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('cache_size', { simple: true })).toBe(-pageCacheKiB);
    expect(pageCacheKiB).toBeLessThanOrEqual(2048);
    db.close();
  });
});
