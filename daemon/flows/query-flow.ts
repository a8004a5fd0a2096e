// The card query: any card in, its state and what it means for the agent (renew soon, unlock,
// the counter), a receipt if they want one. Reads only: nothing on the card or in the registry
// changes.
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import { cardQueryReceipt } from '../printing/business-receipts.ts';
import type { Receipt } from '../printing/receipt.ts';
import type { FlowAction } from '../../contract/protocol/flow-messages.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import { cardInReader } from './card-in-reader.ts';
import { cardViewOf } from './card-view.ts';
import type { ActionRefusal, Flow, FlowDeps, FlowHooks } from './flow.ts';
import { cardProblem } from './flow-problem.ts';
import type { CardAdvice, CardView, FlowProblem, FlowScreen } from '../../contract/flow-view.ts';
import { ReceiptStep } from './receipt-step.ts';

type State =
  | { s: 'insertCard'; problem: FlowProblem | null }
  | { s: 'readingCard' }
  | { s: 'cardStatus'; card: CardView; advice: CardAdvice }
  | { s: 'done'; card: CardView; advice: CardAdvice; receipt: Receipt };

/** Days before expiry from which the kiosk urges a renewal, and from which it mentions one. */
const renewNowDays = 30;
const renewSoonDays = 90;

export function cardAdvice(card: Pick<CardView, 'lifecycle' | 'daysLeft'>): CardAdvice {
  switch (card.lifecycle) {
    case 'locked':
      return 'unlock';
    case 'expired':
      return 'expired';
    case 'frozen':
    case 'reportedLost':
    case 'invalidated':
      return 'counter';
    case 'active':
      if (card.daysLeft <= renewNowDays) return 'renewNow';
      if (card.daysLeft <= renewSoonDays) return 'renewSoon';
      return 'none';
  }
}

export function createQueryFlow(deps: FlowDeps, hooks: FlowHooks): Flow {
  return new QueryFlow(deps, hooks);
}

class QueryFlow implements Flow {
  readonly kind = 'query' as const;
  readonly #deps: FlowDeps;
  readonly #hooks: FlowHooks;
  readonly #receipt: ReceiptStep;
  readonly #sessionId: string;
  #state: State = { s: 'insertCard', problem: null };
  #ended: { outcome: 'completed' | 'failed' } | null = null;
  #cardIn = false;

  constructor(deps: FlowDeps, hooks: FlowHooks) {
    this.#deps = deps;
    this.#hooks = hooks;
    this.#receipt = new ReceiptStep(deps.printer, () => hooks.changed());
    this.#sessionId = deps.sessions.current()?.id ?? 'no-session';
    // A card already in the reader is the one to look at.
    this.onCardReader(deps.reader.status());
  }

  screen(): FlowScreen {
    const state = this.#state;
    switch (state.s) {
      case 'insertCard':
        return { screen: 'insertCard', wanted: 'anyCard', problem: state.problem };
      case 'readingCard':
        return { screen: 'readingCard' };
      case 'cardStatus':
        return { screen: 'cardStatus', card: state.card, advice: state.advice };
      case 'done':
        return { screen: 'done', outcome: { flow: 'query', card: state.card }, receipt: this.#receipt.state() };
    }
  }

  canBack(): boolean {
    return false;
  }

  ended(): { outcome: 'completed' | 'failed' } | null {
    return this.#ended;
  }

  async handle(action: FlowAction, _signal: AbortSignal): Promise<Result<void, ActionRefusal>> {
    const state = this.#state;
    const refused = err<ActionRefusal>({ kind: 'notOnThisScreen', screen: this.screen().screen, action: action.action });
    switch (state.s) {
      case 'insertCard':
      case 'readingCard':
        return refused;
      case 'cardStatus':
        if (action.action === 'finish') return this.#finish();
        if (action.action !== 'printReceipt') return refused;
        this.#printed(state.card, state.advice);
        return ok(undefined);
      case 'done':
        switch (action.action) {
          case 'finish':
            return this.#finish();
          case 'printReceipt':
            await this.#receipt.print(state.receipt);
            return ok(undefined);
          case 'skipReceipt':
            this.#receipt.skip();
            return ok(undefined);
          case 'next':
          case 'back':
          case 'pin':
          case 'newPin':
          case 'scan':
          case 'confirmFields':
          case 'rescan':
          case 'anotherCard':
            return refused;
        }
    }
  }

  onCardReader(status: CardReaderStatus): void {
    const wasIn = this.#cardIn;
    this.#cardIn = cardInReader(status);
    if (wasIn || !this.#cardIn) return;
    // Another card on the status screen is another question: read it too.
    if (this.#state.s === 'insertCard' || this.#state.s === 'cardStatus') void this.#read();
  }

  #go(state: State): void {
    this.#state = state;
    this.#hooks.changed();
  }

  #finish(): Result<void, ActionRefusal> {
    this.#ended = { outcome: 'completed' };
    return ok(undefined);
  }

  async #read(): Promise<void> {
    this.#go({ s: 'readingCard' });
    const read = await this.#deps.cards.readCard();
    if (this.#state.s !== 'readingCard') return;
    if (!read.ok) {
      this.#go({ s: 'insertCard', problem: cardProblem(read.error) });
      return;
    }
    const card = cardViewOf(read.value);
    const advice = cardAdvice(card);
    this.#hooks.journal('query.read', { cardNo: card.cardNo, lifecycle: card.lifecycle, advice });
    this.#go({ s: 'cardStatus', card, advice });
  }

  #printed(card: CardView, advice: CardAdvice): void {
    const receipt = cardQueryReceipt({ transactionId: this.#sessionId, kioskId: this.#deps.kioskId, at: this.#deps.now(), card, advice });
    this.#go({ s: 'done', card, advice, receipt });
    void this.#receipt.print(receipt);
  }
}
