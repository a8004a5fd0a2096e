// "Once per idempotency key" for the simulated authority (docs/authority.md, "Idempotency").
import type Database from 'better-sqlite3';
import { err, type Result } from '../../basics/result.ts';
import type { AuthorityError } from '../../contract/authority/authority.ts';
import { fingerprint, fromJson, toJson } from './json-bytes.ts';

type Outcome<T> = Result<T, AuthorityError>;

/**
 * Runs an operation once per idempotency key. `prepare` does the slow, side-effect-free part
 * (checks, signing) and returns `commit`, which runs in one transaction with the storing of the
 * answer: an answer is either stored with its effects or neither happened.
 */
export type RunOnce = <T>(operation: string, key: string, request: unknown, prepare: () => Promise<() => Outcome<T>>) => Promise<Outcome<T>>;

export function createRunOnce(db: Database.Database, now: () => Date): RunOnce {
  const select = db.prepare<[string], { operation: string; request_hash: string; response: string }>('SELECT operation, request_hash, response FROM idempotency WHERE key = ?');
  const insert = db.prepare('INSERT INTO idempotency (key, operation, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)');
  // In-flight operations by key: a concurrent retry waits for the first attempt, then replays it.
  const inflight = new Map<string, Promise<unknown>>();

  function replay<T>(key: string, operation: string, hash: string): Outcome<T> | undefined {
    const row = select.get(key);
    if (row === undefined) return undefined;
    if (row.operation !== operation || row.request_hash !== hash) return err({ kind: 'idempotencyConflict', idempotencyKey: key });
    return fromJson(row.response) as Outcome<T>;
  }

  return async function once<T>(operation: string, key: string, request: unknown, prepare: () => Promise<() => Outcome<T>>): Promise<Outcome<T>> {
    const hash = fingerprint({ operation, request });
    for (let running = inflight.get(key); running !== undefined; running = inflight.get(key)) {
      await running.catch(() => undefined);
    }
    const earlier = replay<T>(key, operation, hash);
    if (earlier !== undefined) return earlier;
    const run = (async () => {
      const commit = await prepare();
      return db.transaction((): Outcome<T> => {
        // Another process on the same database may have answered meanwhile: its answer wins.
        const raced = replay<T>(key, operation, hash);
        if (raced !== undefined) return raced;
        const outcome = commit();
        insert.run(key, operation, hash, toJson(outcome), now().toISOString());
        return outcome;
      }).immediate(); // the write lock is taken before the re-check: two processes cannot both miss it
    })();
    inflight.set(key, run);
    try {
      return await run;
    } finally {
      inflight.delete(key);
    }
  };
}
