// Device counters for the technician page (cards read, APDUs, receipts, cuts, paper, pages, jams,
// tamper events), kept in the store's kiosk_state across restarts. APDUs come by the dozen per
// card read, so increments stay in memory and are written at most every `flushMs` and on close.
import { counterNames, type CounterName } from '../../contract/protocol/catalogue.ts';
import type { Store } from '../store/store.ts';

const stateKey = 'device.counters';

interface Persisted {
  since: string;
  counters: Partial<Record<CounterName, number>>;
}

export interface DeviceCountersOptions {
  store: Pick<Store, 'getState' | 'setState'>;
  /** Longest time an increment stays unwritten; default 5 s. */
  flushMs?: number;
  now?: () => Date;
}

function isPersisted(value: unknown): value is Persisted {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.since === 'string' && typeof candidate.counters === 'object' && candidate.counters !== null;
}

export class DeviceCounters {
  readonly #store: Pick<Store, 'getState' | 'setState'>;
  readonly #flushMs: number;
  readonly #counters: Record<CounterName, number>;
  readonly #since: string;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: DeviceCountersOptions) {
    this.#store = options.store;
    this.#flushMs = options.flushMs ?? 5000;
    const saved = this.#store.getState(stateKey);
    const persisted = isPersisted(saved) ? saved : null;
    this.#counters = Object.fromEntries(
      counterNames.map((name) => {
        const value = persisted?.counters[name];
        return [name, typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0];
      }),
    ) as Record<CounterName, number>;
    // `since` is the first start: written at once so a crash before the first flush keeps it.
    this.#since = persisted?.since ?? (options.now ?? (() => new Date()))().toISOString();
    if (persisted === null) this.flush();
  }

  add(name: CounterName, amount = 1): void {
    if (this.#closed || amount <= 0) return;
    this.#counters[name] += amount;
    this.#timer ??= setTimeout(() => this.flush(), this.#flushMs);
    // Counting must never keep the daemon alive.
    this.#timer.unref();
  }

  snapshot(): { counters: Record<CounterName, number>; since: string } {
    return { counters: { ...this.#counters }, since: this.#since };
  }

  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#store.setState(stateKey, { since: this.#since, counters: this.#counters } satisfies Persisted);
  }

  /** Writes what is pending; later increments are ignored (the store is closing). */
  close(): void {
    if (this.#closed) return;
    this.flush();
    this.#closed = true;
  }
}
