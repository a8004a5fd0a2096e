// The card query: any card in, its state and the registry's status beside it, what they mean for
// the agent (renew soon, unlock, the counter, the legal-person card holder), a receipt if they
// want one. Reads only: nothing on the card or in the registry changes.
import { cardQueryReceipt } from '../printing/business-receipts.ts';
import { CardStep } from './card-step.ts';
import type { Flow, FlowDeps, FlowHooks } from './flow.ts';
import { FlowMachine, type Actions } from './flow-machine.ts';
import type { CardLifecycle } from '../../contract/devices/card-reader.ts';
import type { CardAdvice, CardView, FlowProblem, FlowScreen } from '../../contract/flow-view.ts';
import { queryAdvice } from './card-advice.ts';

export { cardAdvice } from './card-advice.ts';
import { ReceiptStep } from './receipt-step.ts';

type State =
  | { at: 'insertCard'; problem: FlowProblem | null }
  | { at: 'readingCard' }
  | { at: 'cardStatus'; card: CardView; advice: CardAdvice; registryStatus: CardLifecycle | null }
  | { at: 'done'; card: CardView };

export function createQueryFlow(deps: FlowDeps, hooks: FlowHooks): Flow {
  return new QueryFlow(deps, hooks);
}

class QueryFlow extends FlowMachine<State> {
  override readonly kind = 'query' as const;
  readonly #deps: FlowDeps;
  readonly #hooks: FlowHooks;
  readonly #receipt: ReceiptStep;
  readonly #card: CardStep<State>;

  constructor(deps: FlowDeps, hooks: FlowHooks) {
    super({ at: 'insertCard', problem: null }, deps, hooks);
    this.#deps = deps;
    this.#hooks = hooks;
    this.#card = new CardStep(this, deps.cards);
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
        return { screen: 'cardStatus', card: state.card, advice: state.advice, registryStatus: state.registryStatus };
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
        return { finish: () => this.end('completed'), printReceipt: () => this.#print(state) };
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
    // Any card: the query refuses none.
    const read = await this.#card.read({ settled: false, reading: { at: 'readingCard' }, insertAgain: (problem) => ({ at: 'insertCard', problem }) });
    if (read === null) return;
    const { card, ticket } = read;
    // The registry is the reference for frozen, lost and invalidated (the card's byte is written
    // once, at personalisation); a registry out of reach still leaves the card's own status.
    const registry = await this.#deps.authority.lookupCard(card.cardNo);
    if (this.stale(ticket)) return;
    const registryStatus = registry.ok ? registry.value.card.status : null;
    const advice = queryAdvice(card, registryStatus);
    this.#hooks.journal('query.read', { cardNo: card.cardNo, lifecycle: card.lifecycle, registryStatus, advice, pinMustChange: card.pinMustChange });
    this.go({ at: 'cardStatus', card, advice, registryStatus });
  }

  #print(state: Extract<State, { at: 'cardStatus' }>): void {
    const { card, advice, registryStatus } = state;
    const receipt = cardQueryReceipt({ ...this.#receipt.stamp(), card, advice, registryStatus });
    this.go({ at: 'done', card });
    void this.#receipt.print(receipt);
  }
}
