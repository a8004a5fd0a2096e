// Operator-card management with the legal-person card (seed 003): the legal-person card and its
// PIN, then every card of the enterprise from the registry (the comprehensive query, 综合查询) with
// its registry status and what to do next; a card of the list opens its operations — report loss
// or undo it, freeze or unfreeze, deregister once invalidated — and "declare a new operator" leads
// into the add-operator paper check. Each operation asks for the PIN again: the card verifies it
// and signs the authority's challenge in one card session (CardService.manageRegistry), so the
// kiosk never keeps a PIN. Each is journaled with its idempotency key before it is sent; a retry
// after the authority could not be reached uses the same key. A receipt for each operation, and
// for the list if the agent wants one.
import { randomUUID } from 'node:crypto';
import type { RegistryChange, RegistryOperation } from '../../contract/authority/authority.ts';
import type { CardServiceError } from '../cards/card-service-error.ts';
import { enterpriseCardsReceipt, registryChangeReceipt } from '../printing/business-receipts.ts';
import { CardStep, firstUseRefusal, lifecycleRefusal } from './card-step.ts';
import { enterpriseCardView, legalPersonCounterPapers, listOrder } from './enterprise-cards.ts';
import type { Flow, FlowDeps, FlowHooks } from './flow.ts';
import { FlowMachine, type Actions } from './flow-machine.ts';
import { authorityProblem, cardProblem } from './flow-problem.ts';
import type { CardView, EnterpriseCardView, FlowProblem, FlowScreen, RegistryChangeView } from '../../contract/flow-view.ts';
import { ReceiptStep } from './receipt-step.ts';

/** The enterprise's list, as read after the PIN (and again after each operation). */
interface Listing {
  legalPerson: CardView;
  enterpriseName: string;
  uscc: string;
  cards: EnterpriseCardView[];
}

type State =
  | { at: 'insertCard'; problem: FlowProblem | null }
  | { at: 'readingCard' }
  | { at: 'enterPin'; card: CardView; problem: FlowProblem | null }
  | { at: 'listing' }
  | { at: 'list'; listing: Listing; problem: FlowProblem | null }
  | { at: 'card'; listing: Listing; card: EnterpriseCardView; problem: FlowProblem | null }
  /** The PIN that signs `operation`; `idempotencyKey` made and journaled when it was chosen. */
  | { at: 'authorise'; listing: Listing; operation: RegistryOperation; target: EnterpriseCardView | null; idempotencyKey: string; problem: FlowProblem | null }
  | { at: 'submitting'; listing: Listing }
  /** `retry`: the list again (the card still in); null: only the end. */
  | { at: 'failed'; problem: FlowProblem; retry: Listing | null }
  | { at: 'done'; listing: Listing; change: RegistryChangeView | null };

type Authorise = Extract<State, { at: 'authorise' }>;

export function createCardManagementFlow(deps: FlowDeps, hooks: FlowHooks): Flow {
  return new CardManagementFlow(deps, hooks);
}

class CardManagementFlow extends FlowMachine<State> {
  override readonly kind = 'cardManagement' as const;
  readonly #deps: FlowDeps;
  readonly #hooks: FlowHooks;
  #receipt: ReceiptStep;
  readonly #card: CardStep<State>;

  constructor(deps: FlowDeps, hooks: FlowHooks) {
    super({ at: 'insertCard', problem: null }, deps, hooks);
    this.#deps = deps;
    this.#hooks = hooks;
    this.#card = new CardStep(this, deps.cards);
    this.#receipt = this.#newReceipt();
    if (this.cardIn) void this.#read();
  }

  /** One receipt per printout: each operation's own, the list's. */
  #newReceipt(): ReceiptStep {
    return new ReceiptStep(this.#deps, () => this.#hooks.changed(), () => this.end('completed'));
  }

  override screen(): FlowScreen {
    const state = this.state;
    switch (state.at) {
      case 'insertCard':
        return { screen: 'insertCard', wanted: 'legalPersonCard', problem: state.problem };
      case 'readingCard':
        return { screen: 'readingCard' };
      case 'enterPin':
        return { screen: 'enterPin', purpose: 'verify', card: state.card, problem: state.problem, verifiedBefore: false };
      case 'listing':
        return { screen: 'working', task: 'listing', progress: null };
      case 'list':
        return { screen: 'enterpriseCards', legalPerson: state.listing.legalPerson, cards: state.listing.cards, problem: state.problem };
      case 'card':
        return { screen: 'manageCard', card: state.card, problem: state.problem, counterPapers: state.card.cardType === 'legal_person' ? [...legalPersonCounterPapers] : null };
      case 'authorise':
        return {
          screen: 'enterPin',
          purpose: 'authorise',
          card: state.listing.legalPerson,
          problem: state.problem,
          // The authorise words say why the PIN is asked again (verifiedBefore's speak of a certificate).
          verifiedBefore: false,
          authorise: { operation: state.operation, target: state.target },
        };
      case 'submitting':
        return { screen: 'working', task: 'submitting', progress: null };
      case 'failed':
        return { screen: 'failed', problem: state.problem, next: state.retry === null ? null : 'retry' };
      case 'done':
        return this.#receipt.screen({ flow: 'cardManagement', enterpriseName: state.listing.enterpriseName, change: state.change, cards: state.listing.cards });
    }
  }

  protected override actions(state: State): Actions {
    switch (state.at) {
      case 'insertCard':
      case 'readingCard':
      case 'listing':
      case 'submitting':
        return {};
      case 'enterPin':
        return { pin: (action, signal) => this.#verify(state, action.pin, signal) };
      case 'list':
        return {
          pickCard: (action) => this.#pick(state.listing, action.cardNo),
          manage: (action) => {
            if (action.operation === 'declareOperator') this.#choose(state.listing, 'declareOperator', null);
          },
          printReceipt: () => this.#printList(state.listing),
          finish: () => this.end('completed'),
        };
      case 'card':
        return {
          back: () => this.go({ at: 'list', listing: state.listing, problem: null }),
          manage: (action) => {
            if (state.card.operations.includes(action.operation)) this.#choose(state.listing, action.operation, state.card);
          },
        };
      case 'authorise':
        return {
          back: () => (state.target === null ? this.go({ at: 'list', listing: state.listing, problem: null }) : this.go({ at: 'card', listing: state.listing, card: state.target, problem: null })),
          pin: (action, signal) => this.#authorise(state, action.pin, signal),
        };
      case 'failed': {
        const finish = (): void => this.end('failed');
        const { retry } = state;
        return retry === null ? { finish } : { finish, next: () => this.#list(retry.legalPerson) };
      }
      case 'done':
        // Back to the list for another operation (the card is still in).
        return { ...this.#receipt.actions, next: () => this.#list(state.listing.legalPerson) };
    }
  }

  protected override inserted(state: State): void {
    if (state.at === 'insertCard') void this.#read();
  }

  /** Every step before the end needs the legal-person card: its PIN signs each operation. */
  protected override removed(state: State): void {
    switch (state.at) {
      case 'enterPin':
      case 'list':
      case 'card':
      case 'authorise':
        this.go({ at: 'insertCard', problem: { kind: 'cardRemoved' } });
        return;
      case 'insertCard':
      case 'readingCard':
      case 'listing':
      case 'submitting':
      case 'failed':
      case 'done':
        return;
    }
  }

  async #read(): Promise<void> {
    const read = await this.#card.read({
      settled: true,
      reading: { at: 'readingCard' },
      insertAgain: (problem) => ({ at: 'insertCard', problem }),
      journal: (card) => this.#hooks.journal('management.cardRead', { cardNo: card.cardNo, cardType: card.cardType, lifecycle: card.lifecycle }),
      refuse: (card) => {
        if (card.cardType !== 'legal_person') return { kind: 'wrongCardType', expected: ['legal_person'], actual: card.cardType };
        // Its lifecycle first: a frozen card on its initial PIN is sent to the counter, not to a PIN
        // change that would refuse it too. Either way it signs nothing.
        return lifecycleRefusal(card, ['active']) ?? firstUseRefusal(card);
      },
    });
    if (read !== null) this.go({ at: 'enterPin', card: read.card, problem: null });
  }

  async #verify(state: Extract<State, { at: 'enterPin' }>, pin: string, signal: AbortSignal): Promise<void> {
    const ticket = this.ticket();
    const verified = await this.#deps.cards.verifyPin(pin, signal);
    if (this.stale(ticket)) return;
    if (!verified.ok) {
      this.#pinRefused(null, verified.error, (problem) => this.go({ ...state, problem }));
      return;
    }
    this.#hooks.journal('management.legalPersonVerified', { cardNo: state.card.cardNo });
    await this.#list(state.card);
  }

  /** The enterprise's cards from the registry, the legal-person card's PIN verified. */
  async #list(legalPerson: CardView): Promise<void> {
    const ticket = this.go({ at: 'listing' });
    const found = await this.#deps.authority.lookupCard(legalPerson.cardNo);
    if (this.stale(ticket)) return;
    if (!found.ok) {
      this.go({ at: 'failed', problem: authorityProblem(found.error), retry: found.error.kind === 'unreachable' || found.error.kind === 'internal' ? this.#emptyListing(legalPerson) : null });
      return;
    }
    const now = this.#deps.now();
    const { enterprise } = found.value;
    const cards = enterprise.cards.map((card) => enterpriseCardView(card, now)).sort(listOrder);
    this.#hooks.journal('management.listed', { cardNo: legalPerson.cardNo, cards: cards.length });
    this.go({ at: 'list', listing: { legalPerson, enterpriseName: enterprise.name, uscc: enterprise.uscc, cards }, problem: null });
  }

  #emptyListing(legalPerson: CardView): Listing {
    return { legalPerson, enterpriseName: legalPerson.enterpriseName, uscc: legalPerson.uscc, cards: [] };
  }

  #pick(listing: Listing, cardNo: string): void {
    const card = listing.cards.find((c) => c.cardNo === cardNo);
    if (card !== undefined) this.go({ at: 'card', listing, card, problem: null });
  }

  /** The operation chosen: its key made and journaled now, so a retry after a cut sends the same. */
  #choose(listing: Listing, operation: RegistryOperation, target: EnterpriseCardView | null): void {
    const idempotencyKey = randomUUID();
    this.#hooks.journal('management.chosen', { operation, targetCardNo: target?.cardNo ?? null, idempotencyKey });
    this.go({ at: 'authorise', listing, operation, target, idempotencyKey, problem: null });
  }

  async #authorise(state: Authorise, pin: string, signal: AbortSignal): Promise<void> {
    const ticket = this.go({ at: 'submitting', listing: state.listing });
    const done = await this.#deps.cards.manageRegistry(pin, { operation: state.operation, targetCardNo: state.target?.cardNo ?? null, idempotencyKey: state.idempotencyKey }, signal);
    if (this.stale(ticket)) return;
    if (!done.ok) {
      this.#pinRefused(state.listing, done.error, (problem) => this.go({ ...state, problem }));
      return;
    }
    await this.#done(state, done.value);
  }

  async #done(state: Authorise, change: RegistryChange): Promise<void> {
    this.#hooks.journal('management.done', { operation: change.operation, targetCardNo: change.card?.cardNo ?? null, reference: change.reference });
    const now = this.#deps.now();
    const found = await this.#deps.authority.lookupCard(state.listing.legalPerson.cardNo);
    const cards = found.ok ? found.value.enterprise.cards.map((card) => enterpriseCardView(card, now)).sort(listOrder) : state.listing.cards;
    const listing: Listing = { ...state.listing, cards };
    const view: RegistryChangeView = { operation: change.operation, reference: change.reference, card: change.card === null ? null : enterpriseCardView(change.card, now) };
    this.#receipt = this.#newReceipt();
    this.go({ at: 'done', listing, change: view });
    // Printed without being asked: the registry changed, and the receipt carries its reference.
    void this.#receipt.print(registryChangeReceipt({ ...this.#receipt.stamp(), enterprise: { name: listing.enterpriseName, uscc: listing.uscc }, legalPerson: state.listing.legalPerson, change: view }));
  }

  #printList(listing: Listing): void {
    this.#receipt = this.#newReceipt();
    this.go({ at: 'done', listing, change: null });
    void this.#receipt.print(enterpriseCardsReceipt({ ...this.#receipt.stamp(), enterprise: { name: listing.enterpriseName, uscc: listing.uscc }, cards: listing.cards }));
  }

  /** Where a refused PIN or operation leads: the PIN again (tries left, the authority not reached), the card again, or the failed screen. */
  #pinRefused(listing: Listing | null, error: CardServiceError, again: (problem: FlowProblem) => void): void {
    const problem = cardProblem(error);
    this.#hooks.journal('management.refused', { problem: problem.kind, ...(problem.kind === 'authorityRefused' ? { reason: problem.reason } : {}) });
    switch (error.kind) {
      case 'wrongPin':
        if (error.triesLeft === 0) this.go({ at: 'failed', problem, retry: null });
        else again(problem);
        return;
      case 'pinPolicy':
        again(problem);
        return;
      case 'authority':
        // Not reached: the same key again from the PIN. Refused: the list (its status may have changed).
        if (error.error.kind === 'unreachable' || error.error.kind === 'internal') again(problem);
        else this.go({ at: 'failed', problem, retry: listing });
        return;
      case 'pinBlocked':
      case 'notAllowed':
      case 'verificationFailed':
      case 'interrupted':
      case 'readerUnavailable':
        this.go({ at: 'failed', problem, retry: null });
        return;
      case 'noCard':
      case 'cardRemoved':
        this.go({ at: 'insertCard', problem: { kind: 'cardRemoved' } });
        return;
      case 'cardState':
        this.go({ at: 'insertCard', problem });
        return;
      case 'card':
        this.go({ at: 'failed', problem, retry: listing });
        return;
    }
  }
}
