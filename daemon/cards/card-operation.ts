// What unlock and renewal share: the dependencies, each step journaled and recorded on the
// card operation before the next one starts, and the fault hook the crash tests cut with.
import type { Authority, AuthorityError } from '../../contract/authority/authority.ts';
import type { EportCard } from '../../drivers/card/eport-card.ts';
import type { CardError } from '../../drivers/card/profile.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { Store } from '../store/store.ts';
import { fromCard, type CardServiceError } from './card-service-error.ts';

/**
 * Called after each step is recorded. Tests pull the card or kill the process here to prove
 * that a cut at any step leaves the card consistent; in production it only reports progress.
 */
export type StepHook = (operation: 'unlock' | 'renewal', step: string) => Promise<void>;

export interface OperationDeps {
  card: EportCard;
  authority: Authority;
  store: Store;
  kioskId: string;
  now: () => Date;
  onStep: StepHook;
  /** Why the operation must stop before its next step (the kiosk went out of service), or null. */
  interrupted: () => string | null;
}

export class OperationRecorder {
  readonly #deps: OperationDeps;
  readonly #operationId: string;
  readonly #sessionId: string | null;
  readonly #kind: 'unlock' | 'renewal';

  constructor(deps: OperationDeps, kind: 'unlock' | 'renewal', operationId: string, sessionId: string | null) {
    this.#deps = deps;
    this.#kind = kind;
    this.#operationId = operationId;
    this.#sessionId = sessionId;
  }

  /**
   * Records that `step` is done (data redacted by the store) and lets the hook run; an error when
   * the operation must stop here. Every step leaves the card consistent, so stopping is safe.
   */
  async done(step: string, data: Record<string, unknown> = {}): Promise<Result<void, CardServiceError>> {
    this.#deps.store.advanceCardOperation(this.#operationId, step);
    if (this.#sessionId !== null) this.#deps.store.journal(this.#sessionId, `${this.#kind}.${step}`, { operation: this.#operationId, ...data });
    await this.#deps.onStep(this.#kind, step);
    const reason = this.#deps.interrupted();
    return reason === null ? ok(undefined) : err({ kind: 'interrupted', reason });
  }

  finish(outcome: 'completed' | 'failed', detail?: string): void {
    this.#deps.store.finishCardOperation(this.#operationId, outcome, detail);
    if (this.#sessionId !== null) this.#deps.store.journal(this.#sessionId, `${this.#kind}.${outcome}`, { operation: this.#operationId, ...(detail !== undefined && { detail }) });
  }
}

/** A card command's answer in the service's terms. */
export async function cardStep<T>(step: string, answer: Promise<Result<T, CardError>>): Promise<Result<T, CardServiceError>> {
  const result = await answer;
  return result.ok ? ok(result.value) : err(fromCard(result.error, step));
}

/** The authority's refusal or failure in the service's terms. */
export function authorityStep<T>(result: Result<T, AuthorityError>): Result<T, CardServiceError> {
  return result.ok ? result : err({ kind: 'authority', error: result.error });
}

/** Serial numbers as hex, case and leading zeros aside (X509Certificate pads, the CA may not). */
export function sameSerial(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/^0+/, '');
  return norm(a) === norm(b);
}
