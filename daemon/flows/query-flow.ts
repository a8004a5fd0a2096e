// The card query: any card in, its state and what it means for the agent (renew soon, unlock,
// the counter), a receipt if they want one. Reads only: nothing on the card or in the registry
// changes.
import { cardQueryReceipt } from '../printing/business-receipts.ts';
import { readCardView } from './card-view.ts';
import type { Flow, FlowDeps, FlowHooks } from './flow.ts';
import { FlowMachine, type Actions } from './flow-machine.ts';
import { renewSoonDays, type CardAdvice, type CardView, type FlowProblem, type FlowScreen } from '../../contract/flow-view.ts';
import { ReceiptStep } from './receipt-step.ts';

type State =
  | { at: 'insertCard'; problem: FlowProblem | null }
  | { at: 'readingCard' }
  | { at: 'cardStatus'; card: CardView; advice: CardAdvice }
  | { at: 'done'; card: CardView };

/** Days before expiry from which the kiosk urges a renewal (it mentions one from renewSoonDays). */
const renewNowDays = 30;

/**
 * What the card's state means the agent should do next. A card still on its initial PIN must have
 * it changed before anything else (seed 003) — unless its PIN is blocked (the unlock sets a new
 * one) or the counter must see it anyway.
 */
export function cardAdvice(card: Pick<CardView, 'lifecycle' | 'daysLeft'> & { pinMustChange?: boolean }): CardAdvice {
  switch (card.lifecycle) {
    case 'locked':
      return 'unlock';
    case 'expired':
      return card.pinMustChange === true ? 'changePin' : 'expired';
    case 'frozen':
    case 'reportedLost':
    case 'invalidated':
      return 'counter';
    case 'active':
      if (card.pinMustChange === true) return 'changePin';
      if (card.daysLeft <= renewNowDays) return 'renewNow';
      if (card.daysLeft <= renewSoonDays) return 'renewSoon';
      return 'none';
  }
}

export function createQueryFlow(deps: FlowDeps, hooks: FlowHooks): Flow {
  return new QueryFlow(deps, hooks);
}

class QueryFlow extends FlowMachine<State> {
  override readonly kind = 'query' as const;
  readonly #deps: FlowDeps;
  readonly #hooks: FlowHooks;
  readonly #receipt: ReceiptStep;

  constructor(deps: FlowDeps, hooks: FlowHooks) {
    super({ at: 'insertCard', problem: null }, deps, hooks);
    this.#deps = deps;
    this.#hooks = hooks;
    this.#receipt = new ReceiptStep(deps, () => hooks.changed(), () => this.end('completed'));
    // A card already in the reader is the one to look at.
    if (this.cardIn) void this.#read();
  }

  override screen(): FlowScreen {
    const state = this.state;
    switch (state.at) {
      case 'insertCard':
        return { screen: 'insertCard', wanted: 'anyCard', problem: state.problem };
      case 'readingCard':
        return { screen: 'readingCard' };
      case 'cardStatus':
        return { screen: 'cardStatus', card: state.card, advice: state.advice };
      case 'done':
        return this.#receipt.screen({ flow: 'query', card: state.card });
    }
  }

  protected override actions(state: State): Actions {
    switch (state.at) {
      case 'insertCard':
      case 'readingCard':
        return {};
      case 'cardStatus':
        return { finish: () => this.end('completed'), printReceipt: () => this.#print(state.card, state.advice) };
      case 'done':
        return this.#receipt.actions;
    }
  }

  /** Another card on the status screen is another question: read it too. */
  protected override inserted(state: State): void {
    switch (state.at) {
      case 'insertCard':
      case 'cardStatus':
        void this.#read();
        return;
      case 'readingCard':
      case 'done':
        return;
    }
  }

  async #read(): Promise<void> {
    const ticket = this.go({ at: 'readingCard' });
    const read = await readCardView(this.#deps.cards, { settled: false });
    if (this.stale(ticket)) return;
    if (!read.ok) {
      this.go({ at: 'insertCard', problem: read.error });
      return;
    }
    const card = read.value;
    const advice = cardAdvice(card);
    this.#hooks.journal('query.read', { cardNo: card.cardNo, lifecycle: card.lifecycle, advice, pinMustChange: card.pinMustChange });
    this.go({ at: 'cardStatus', card, advice });
  }

  #print(card: CardView, advice: CardAdvice): void {
    const receipt = cardQueryReceipt({ ...this.#receipt.stamp(), card, advice });
    this.go({ at: 'done', card });
    void this.#receipt.print(receipt);
  }
}
