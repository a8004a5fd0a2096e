// Retention over a real SQLite store: what has outlived its period goes, with what hangs on it;
// what a crash recovery may still need stays whatever its age.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { retentionCutoffs } from './retention.ts';
import { openStore, type Store } from './store.ts';

const day = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-05T08:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * day);
const receipt = { kind: 'unlock', title: { zh: '回执', en: 'receipt' }, lines: [{ kind: 'row' as const, label: { zh: '经办人', en: 'Agent' }, value: '许文彬' }] };

let dir: string | undefined;
let store: Store | undefined;
afterEach(() => {
  store?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

function session(s: Store, ageDays: number, open = false): string {
  const id = s.startSession('unlock', daysAgo(ageDays));
  s.journal(id, 'consent', { agentName: '许文彬' }, daysAgo(ageDays));
  if (!open) s.endSession(id, 'completed', daysAgo(ageDays));
  return id;
}

describe('retention', () => {
  it('deletes ended sessions, finished operations, printed jobs and audit past their periods, and nothing else', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-retention-'));
    const s = (store = openStore(join(dir, 'kiosk.sqlite')));
    const oldSession = session(s, 45);
    const recentSession = session(s, 5);
    const openOld = session(s, 100, true);
    s.openCardOperation({ id: 'op-old', sessionId: oldSession, kind: 'unlock', cardNo: '1', idempotencyKey: 'k1', step: 'started' }, daysAgo(120));
    s.finishCardOperation('op-old', 'completed', undefined, daysAgo(120));
    s.openCardOperation({ id: 'op-kept', sessionId: oldSession, kind: 'renewal', cardNo: '2', idempotencyKey: 'k2', step: 'started' }, daysAgo(45));
    s.finishCardOperation('op-kept', 'completed', undefined, daysAgo(45));
    s.openCardOperation({ id: 'op-open', sessionId: openOld, kind: 'renewal', cardNo: '3', idempotencyKey: 'k3', step: 'started' }, daysAgo(200));
    const oldJob = s.printJobs.create({ kind: 'unlock', receipt, reprintOf: null }, daysAgo(40));
    s.printJobs.finish(oldJob.id, { state: 'printed', bytes: 10, elapsedMs: 5 }, daysAgo(40));
    const reprint = s.printJobs.create({ kind: 'unlock', receipt, reprintOf: oldJob.id }, daysAgo(2));
    s.printJobs.finish(reprint.id, { state: 'printed', bytes: 10, elapsedMs: 5 }, daysAgo(2));
    s.audit('technician:1', 'testCard', {}, daysAgo(400));
    s.audit('technician:1', 'testLight', {}, daysAgo(10));

    const counts = s.purge(retentionCutoffs({ sessionDays: 30, printJobDays: 30, cardOperationDays: 90, auditDays: 365 }, now));

    expect(counts).toEqual({ sessions: 1, journalEntries: 1, cardOperations: 1, printJobs: 1, auditEntries: 1 });
    expect(s.journalOf(oldSession)).toEqual([]);
    expect(s.journalOf(recentSession)).toHaveLength(1);
    expect(s.openSessions().map((open) => open.id)).toEqual([openOld]);
    expect(s.journalOf(openOld)).toHaveLength(1);
    expect(s.cardOperation('op-old')).toBeUndefined();
    expect(s.cardOperation('op-kept')).toMatchObject({ sessionId: null });
    expect(s.cardOperation('op-open')).toMatchObject({ state: 'open' });
    expect(s.printJobs.get(oldJob.id)).toBeUndefined();
    expect(s.printJobs.get(reprint.id)).toBeDefined();
    expect(s.recentAudit(10).map((entry) => entry.action)).toEqual(['testLight']);
    // A second pass finds nothing more.
    expect(s.purge(retentionCutoffs({ sessionDays: 30, printJobDays: 30, cardOperationDays: 90, auditDays: 365 }, now))).toEqual({ sessions: 0, journalEntries: 0, cardOperations: 0, printJobs: 0, auditEntries: 0 });
  });
});
