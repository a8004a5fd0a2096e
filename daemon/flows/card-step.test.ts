// The shared card step on a stand-in flow and card service: a card taken, refused, unreadable,
// or answered after the flow moved on; the first-use and lifecycle gates.
import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../basics/result.ts';
import type { CardSummary } from '../../contract/protocol/catalogue.ts';
import type { CardView, FlowProblem } from '../../contract/flow-view.ts';
import type { CardServiceError } from '../cards/card-service-error.ts';
import { CardStep, firstUseRefusal, lifecycleRefusal } from './card-step.ts';

type State = { at: 'insertCard'; problem: FlowProblem | null } | { at: 'readingCard' } | { at: 'elsewhere' };

/** The flow's moves as FlowMachine makes them: each `go` a new ticket. */
class Moves {
  states: State[] = [];
  #ticket = 0;
  go(state: State): number {
    this.states.push(state);
    return ++this.#ticket;
  }
  stale(ticket: number): boolean {
    return ticket !== this.#ticket;
  }
}

const summary = (over: Partial<CardSummary['info']> = {}, pinMustChange = false): CardSummary => ({
  info: {
    cardNo: '8135020000000025',
    cardType: 'operator',
    holderName: '林晓燕',
    holderIdNumberMasked: '350204********0028',
    enterpriseName: '厦门海韵进出口贸易有限公司',
    uscc: '91350200MA2Y7K3Q6F',
    certificateNotAfter: '2028-05-18T00:00:00Z',
    lifecycle: 'active',
    pinTriesLeft: 3,
    ...over,
  },
  certificateDaysLeft: 530,
  pin: { state: 'notVerified', triesLeft: 3 },
  pinMustChange,
});

function cardsAnswering(answer: () => Promise<Result<CardSummary, CardServiceError>>) {
  const calls: string[] = [];
  return {
    calls,
    cards: {
      settled: async () => {
        calls.push('settled');
      },
      readCard: () => {
        calls.push('readCard');
        return answer();
      },
    },
  };
}

const ask = (journal: CardView[], refuse?: (card: CardView) => FlowProblem | null) => ({
  settled: true,
  reading: { at: 'readingCard' } as State,
  insertAgain: (problem: FlowProblem): State => ({ at: 'insertCard', problem }),
  journal: (card: CardView) => journal.push(card),
  ...(refuse === undefined ? {} : { refuse }),
});

describe('CardStep.read', () => {
  it('shows the reading screen, settles the card first, journals it and hands it over with the ticket', async () => {
    const moves = new Moves();
    const { calls, cards } = cardsAnswering(async () => ok(summary()));
    const journal: CardView[] = [];
    const read = await new CardStep<State>(moves, cards).read(ask(journal));
    expect(moves.states).toEqual([{ at: 'readingCard' }]);
    expect(calls).toEqual(['settled', 'readCard']);
    expect(read).toMatchObject({ card: { cardNo: '8135020000000025', pinMustChange: false }, ticket: 1 });
    expect(journal.map((card) => card.cardNo)).toEqual(['8135020000000025']);
  });

  it("journals a card it refuses, then goes back to the insert screen with the flow's reason", async () => {
    const moves = new Moves();
    const { cards } = cardsAnswering(async () => ok(summary({ lifecycle: 'frozen' })));
    const journal: CardView[] = [];
    const read = await new CardStep<State>(moves, cards).read(ask(journal, (card) => lifecycleRefusal(card, ['active'])));
    expect(read).toBeNull();
    expect(journal).toHaveLength(1);
    expect(moves.states.at(-1)).toEqual({ at: 'insertCard', problem: { kind: 'wrongCardState', lifecycle: 'frozen' } });
  });

  it('says a failed read in the agent’s terms on the insert screen, with nothing journaled', async () => {
    const moves = new Moves();
    const { cards } = cardsAnswering(async () => err({ kind: 'noCard' }));
    const journal: CardView[] = [];
    expect(await new CardStep<State>(moves, cards).read(ask(journal))).toBeNull();
    expect(journal).toEqual([]);
    expect(moves.states.at(-1)).toEqual({ at: 'insertCard', problem: { kind: 'noCard' } });
  });

  it('drops an answer that comes after the flow moved on', async () => {
    const moves = new Moves();
    let answer: (value: Result<CardSummary, CardServiceError>) => void = () => undefined;
    const { cards } = cardsAnswering(() => new Promise((resolve) => (answer = resolve)));
    const journal: CardView[] = [];
    const reading = new CardStep<State>(moves, cards).read(ask(journal, () => ({ kind: 'otherEnterprise' })));
    await new Promise((resolve) => setImmediate(resolve));
    moves.go({ at: 'elsewhere' });
    answer(ok(summary()));
    expect(await reading).toBeNull();
    expect(journal).toEqual([]);
    expect(moves.states).toEqual([{ at: 'readingCard' }, { at: 'elsewhere' }]);
  });
});

describe('the gates', () => {
  it('refuses only an active card on its initial PIN at the first-use gate', () => {
    expect(firstUseRefusal({ pinMustChange: true, lifecycle: 'active' })).toEqual({ kind: 'pinMustChange' });
    expect(firstUseRefusal({ pinMustChange: true, lifecycle: 'locked' })).toBeNull();
    expect(firstUseRefusal({ pinMustChange: false, lifecycle: 'active' })).toBeNull();
  });

  it('takes the lifecycles a business serves and names any other', () => {
    expect(lifecycleRefusal({ lifecycle: 'expired' }, ['active', 'expired'])).toBeNull();
    expect(lifecycleRefusal({ lifecycle: 'reportedLost' }, ['active', 'expired'])).toEqual({ kind: 'wrongCardState', lifecycle: 'reportedLost' });
  });
});
