import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations.ts';
import { openStore } from './store.ts';
import { migrate } from '../../basics/sqlite-migrations.ts';

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'kiosk-store-')), 'kiosk.sqlite');
}

describe('store', () => {
  it('opens in WAL mode at the newest schema version', () => {
    const path = tempPath();
    const store = openStore(path);
    expect(store.schemaVersion()).toBe(Math.max(...migrations.map((m) => m.version)));
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('applies each migration once, in order, across restarts', () => {
    const path = tempPath();
    const applied: number[] = [];
    openStore(path, { onMigrated: (m) => applied.push(m.version) }).close();
    openStore(path, { onMigrated: (m) => applied.push(m.version) }).close();
    expect(applied).toEqual(migrations.map((m) => m.version));
  });

  it('applies a later migration to an existing store and keeps its data', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    db.prepare("INSERT INTO audit (at, actor, action) VALUES ('2026-11-22T00:00:00Z', 'tech', 'outOfService')").run();
    migrate(db, [...migrations, { version: 99, name: 'test column', sql: 'ALTER TABLE audit ADD COLUMN extra TEXT' }]);
    expect(db.prepare('SELECT actor, extra FROM audit').get()).toEqual({ actor: 'tech', extra: null });
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(99);
  });

  it('rolls back a failing migration entirely', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const broken = { version: 999, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);' };
    expect(() => migrate(db, [...migrations, broken])).toThrow(/no_such_table/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(Math.max(...migrations.map((m) => m.version)));
  });

  it('refuses a store written by a newer daemon', () => {
    const db = new Database(':memory:');
    const future = Math.max(...migrations.map((m) => m.version)) + 1;
    migrate(db, [...migrations, { version: future, name: 'future', sql: 'SELECT 1' }]);
    expect(() => migrate(db, migrations)).toThrow(/newer than this daemon knows/);
  });

  it('journals steps in order and never stores a PIN or a full ID number', () => {
    const store = openStore(tempPath());
    const session = store.startSession('unlock');
    store.journal(session, 'identity', { name: '张三', idNumber: '110101199003071234', note: 'agent 110101199003071234 present' });
    store.journal(session, 'newPin', { newPin: '73918264', pinTriesLeft: 3 });
    const rows = store.journalOf(session);
    expect(rows.map((row) => [row.seq, row.step])).toEqual([
      [1, 'identity'],
      [2, 'newPin'],
    ]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('110101199003071234');
    expect(text).not.toContain('73918264');
    expect(rows[0]!.data).toEqual({ name: '张三', idNumber: '110101********1234', note: 'agent 110101********1234 present' });
    expect(rows[1]!.data).toEqual({ newPin: '[redacted]', pinTriesLeft: 3 });
    expect(store.openSessions().map((s) => s.id)).toEqual([session]);
    store.endSession(session, 'completed');
    expect(store.openSessions()).toEqual([]);
    store.close();
  });

  it("finds a card's latest operation of a kind that ended a given way", () => {
    const store = openStore(tempPath());
    const op = (id: string, kind: 'unlock' | 'renewal', cardNo: string, outcome: 'completed' | 'rolledBack', endedAt: string) => {
      store.openCardOperation({ id, sessionId: null, kind, cardNo, idempotencyKey: id, step: 'begin' }, new Date(endedAt));
      store.finishCardOperation(id, outcome, undefined, new Date(endedAt));
    };
    op('r1', 'renewal', 'C1', 'completed', '2026-12-01T02:00:00Z');
    op('r2', 'renewal', 'C1', 'completed', '2026-12-05T02:00:00Z');
    op('r3', 'renewal', 'C1', 'rolledBack', '2026-12-06T02:00:00Z');
    op('u1', 'unlock', 'C1', 'completed', '2026-12-07T02:00:00Z');
    op('r4', 'renewal', 'C2', 'completed', '2026-12-08T02:00:00Z');
    store.openCardOperation({ id: 'r5', sessionId: null, kind: 'renewal', cardNo: 'C1', idempotencyKey: 'r5', step: 'begin' });
    expect(store.lastCardOperation('C1', 'renewal', 'completed')).toMatchObject({ id: 'r2', endedAt: '2026-12-05T02:00:00.000Z' });
    expect(store.lastCardOperation('C1', 'renewal', 'rolledBack')?.id).toBe('r3');
    expect(store.lastCardOperation('C3', 'renewal', 'completed')).toBeUndefined();
    store.close();
  });

  it('keeps what was committed when the process dies without closing', () => {
    const path = tempPath();
    const store = openStore(path);
    store.audit('technician:T-01', 'outOfService', { reason: 'printer jam' });
    // No close(): the WAL holds the commit, as after a SIGKILL.
    const reopened = openStore(path);
    expect(reopened.recentAudit(5)).toMatchObject([{ actor: 'technician:T-01', action: 'outOfService', detail: { reason: 'printer jam' } }]);
    reopened.close();
  });
});
