// The agent's session at the kiosk: one at a time, from choosing a business to taking the
// cards. It remembers which cards had their PIN verified here, because an operator or tax-clerk
// card may be renewed only after the enterprise's legal-person card was verified in the same
// session (DOMAIN.md).
import type { CardType } from '../../contract/devices/card-reader.ts';
import type { Business } from '../../contract/businesses.ts';
import type { SessionOutcome, Store } from '../store/store.ts';
import type { IdCardText } from '../../drivers/idcard/basic-info.ts';

export interface VerifiedCard {
  cardNo: string;
  cardType: CardType;
  uscc: string;
}

export interface AgentSession {
  id: string;
  business: Business;
  startedAt: Date;
  verified: Map<string, VerifiedCard>;
  /**
   * The text of the agent's resident ID card as its chip gave it (the full ID number, the address),
   * read in this session: it lives here only, is never stored or journaled, and goes when the
   * session ends. The photo is never read (docs/idcard-reader.md).
   */
  idCard: IdCardText | null;
}

export class AgentSessions {
  readonly #store: Store;
  readonly #endListeners = new Set<(session: AgentSession) => void>();
  #current: AgentSession | null = null;

  constructor(store: Store) {
    this.#store = store;
  }

  current(): AgentSession | null {
    return this.#current;
  }

  /**
   * Sessions a killed or crashed daemon left open end as abandoned (their scans died with the
   * process; a card operation they started is settled by the reconciliation on the next read).
   * Called once at start; returns the sessions closed.
   */
  closeLeftOpen(now = new Date()): { id: string; business: string }[] {
    const open = this.#store.openSessions();
    for (const session of open) {
      this.#store.journal(session.id, 'session.ended', { outcome: 'abandoned', reason: 'daemonRestarted' }, now);
      this.#store.endSession(session.id, 'abandoned', now);
    }
    return open.map(({ id, business }) => ({ id, business }));
  }

  /** A new session; one still open (the agent walked away) ends as abandoned. */
  start(business: Business, now = new Date()): AgentSession {
    if (this.#current !== null) this.end('abandoned', now);
    const id = this.#store.startSession(business, now);
    this.#current = { id, business, startedAt: now, verified: new Map(), idCard: null };
    this.#store.journal(id, 'session.started', { business }, now);
    return this.#current;
  }

  end(outcome: SessionOutcome, now = new Date()): void {
    const session = this.#current;
    if (session === null) return;
    this.#store.journal(session.id, 'session.ended', { outcome }, now);
    this.#store.endSession(session.id, outcome, now);
    this.#current = null;
    // What the chip gave goes with the session; nothing keeps it afterwards.
    session.idCard = null;
    for (const listener of this.#endListeners) listener(session);
  }

  /** Called after a session ends (its scans are deleted then, per the retention rule). */
  onEnd(listener: (session: AgentSession) => void): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /** The agent's ID card as read from its chip, for this session only (nothing without a session). */
  recordIdCard(text: IdCardText): void {
    if (this.#current !== null) this.#current.idCard = text;
  }

  /** The chip's text of the agent's ID card read in this session, if any. */
  idCard(): IdCardText | null {
    return this.#current?.idCard ?? null;
  }

  recordVerified(card: VerifiedCard): void {
    this.#current?.verified.set(card.cardNo, card);
  }

  /** The enterprise's legal-person card was verified in this session. */
  legalPersonVerified(uscc: string): boolean {
    return [...(this.#current?.verified.values() ?? [])].some((card) => card.cardType === 'legal_person' && card.uscc === uscc);
  }

  journal(step: string, data: Record<string, unknown> = {}): void {
    if (this.#current !== null) this.#store.journal(this.#current.id, step, data);
  }
}
