// Whether the kiosk serves agents. Out of service when the cabinet was opened without a
// technician (until a technician returns it to service), when a technician takes it out, and
// while a technician works on it. Persisted: a restart must not clear a tamper alarm.
import type { Logger } from '../log/logger.ts';
import type { ServiceState } from '../../contract/protocol/catalogue.ts';
import type { Store } from '../store/store.ts';

export type OutOfServiceReason = 'tamper' | 'technician' | 'maintenance';

export type { ServiceState };

const stateKey = 'service.outOfService';

interface Persisted {
  reasons: OutOfServiceReason[];
  since: string;
}

export class KioskServiceState {
  readonly #store: Store;
  readonly #logger: Logger;
  readonly #listeners = new Set<(state: ServiceState) => void>();
  #reasons: Set<OutOfServiceReason>;
  #since: string;

  constructor(store: Store, logger: Logger) {
    this.#store = store;
    this.#logger = logger;
    const persisted = store.getState(stateKey) as Persisted | undefined;
    // Maintenance is a technician's live session: it does not outlast the process.
    this.#reasons = new Set((persisted?.reasons ?? []).filter((reason) => reason !== 'maintenance'));
    this.#since = persisted?.since ?? new Date().toISOString();
  }

  state(): ServiceState {
    return this.#reasons.size === 0 ? { state: 'inService' } : { state: 'outOfService', reasons: [...this.#reasons].sort(), since: this.#since };
  }

  has(reason: OutOfServiceReason): boolean {
    return this.#reasons.has(reason);
  }

  onChange(listener: (state: ServiceState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Adds a reason; `actor` and `detail` go to the audit log. */
  set(reason: OutOfServiceReason, actor: string, detail: Record<string, unknown> = {}): void {
    if (this.#reasons.has(reason)) return;
    if (this.#reasons.size === 0) this.#since = new Date().toISOString();
    this.#reasons.add(reason);
    this.#store.audit(actor, 'outOfService', { reason, ...detail });
    this.#changed();
  }

  clear(reason: OutOfServiceReason, actor: string, detail: Record<string, unknown> = {}): void {
    if (!this.#reasons.delete(reason)) return;
    this.#store.audit(actor, 'inServiceAgain', { reason, ...detail });
    this.#changed();
  }

  #changed(): void {
    this.#store.setState(stateKey, { reasons: [...this.#reasons], since: this.#since } satisfies Persisted);
    const state = this.state();
    this.#logger.event('kiosk.serviceState', { ...state });
    for (const listener of this.#listeners) listener(state);
  }
}
