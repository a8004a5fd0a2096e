// The card a business asks for, read as every flow reads it: the reading screen, the card
// service's read (after the reconciliation of a card just inserted, where the flow goes on from
// what the card says now), a late answer dropped, a failed read back to the insert screen with
// its problem, the card journaled, then the flow's own refusal (its card types, the lifecycles
// it serves, the first-use gate) back to the insert screen too. What the flow does with a card
// it takes, and with a card pulled later, stays the flow's.
//
// To reuse in a flow: `new CardStep(this, deps.cards)`, and in the flow's read
// `const read = await this.#card.read({ settled, reading, insertAgain, journal, refuse })`; null
// means the flow has moved already (refused, failed, or stale), else go on with `read.card`, and
// check `stale(read.ticket)` after any further wait.
import type { CardService } from '../cards/card-service.ts';
import type { CardLifecycle } from '../../contract/devices/card-reader.ts';
import type { CardView, FlowProblem } from '../../contract/flow-view.ts';
import { readCardView } from './card-view.ts';
import type { FlowMachine } from './flow-machine.ts';

export interface CardAsk<State> {
  /** Let the card service read a card just inserted and settle what a cut left open, first. */
  settled: boolean;
  /** The reading screen's state. */
  reading: State;
  /** The insert screen's state again, saying why the card was not taken. */
  insertAgain: (problem: FlowProblem) => State;
  /** The card read, before any refusal (the flow's journal entry). */
  journal?: (card: CardView) => void;
  /** Why the flow does not take this card, or null to take it. */
  refuse?: (card: CardView) => FlowProblem | null;
}

export class CardStep<State> {
  readonly #flow: Pick<FlowMachine<State>, 'go' | 'stale'>;
  readonly #cards: Pick<CardService, 'readCard' | 'settled'>;

  constructor(flow: Pick<FlowMachine<State>, 'go' | 'stale'>, cards: Pick<CardService, 'readCard' | 'settled'>) {
    this.#flow = flow;
    this.#cards = cards;
  }

  /** The card taken, with the ticket of the reading screen; null once the flow has moved (refused, failed or stale). */
  async read(ask: CardAsk<State>): Promise<{ card: CardView; ticket: number } | null> {
    const ticket = this.#flow.go(ask.reading);
    const read = await readCardView(this.#cards, { settled: ask.settled });
    if (this.#flow.stale(ticket)) return null;
    if (!read.ok) {
      this.#flow.go(ask.insertAgain(read.error));
      return null;
    }
    const card = read.value;
    ask.journal?.(card);
    const problem = ask.refuse?.(card) ?? null;
    if (problem !== null) {
      this.#flow.go(ask.insertAgain(problem));
      return null;
    }
    return { card, ticket };
  }
}

/** The first-use gate (seed 003): an active card still on its initial PIN is good for a PIN change only. */
export function firstUseRefusal(card: Pick<CardView, 'pinMustChange' | 'lifecycle'>): FlowProblem | null {
  return card.pinMustChange && card.lifecycle === 'active' ? { kind: 'pinMustChange' } : null;
}

/** A card whose lifecycle the business does not serve. */
export function lifecycleRefusal(card: Pick<CardView, 'lifecycle'>, served: readonly CardLifecycle[]): FlowProblem | null {
  return served.includes(card.lifecycle) ? null : { kind: 'wrongCardState', lifecycle: card.lifecycle };
}
