// Retention (PIPL: what is kept has a period): the store's records past their period are
// deleted at start and then once a day. The periods are configuration (`retention.*`); the
// defaults and why are in docs/deployment.md.
import type { KioskConfig } from '../config/config.ts';
import type { Logger } from '../log/logger.ts';
import type { RetentionCutoffs, Store } from './store.ts';

const dayMs = 24 * 60 * 60 * 1000;

export function retentionCutoffs(retention: KioskConfig['retention'], now: Date): RetentionCutoffs {
  const before = (days: number) => new Date(now.getTime() - days * dayMs);
  return {
    sessions: before(retention.sessionDays),
    cardOperations: before(retention.cardOperationDays),
    printJobs: before(retention.printJobDays),
    audit: before(retention.auditDays),
  };
}

/** Purges now and every day after; returns the function that stops it. */
export function keepRetention(store: Store, retention: KioskConfig['retention'], logger: Logger, now: () => Date = () => new Date()): () => void {
  const purge = () => {
    const counts = store.purge(retentionCutoffs(retention, now()));
    logger.event('store.purged', { ...counts, retention });
  };
  purge();
  const timer = setInterval(purge, dayMs);
  timer.unref();
  return () => clearInterval(timer);
}
