// The PIN change (seed 002, 003): any card in, its current PIN, then the new PIN twice on the PIN
// pad, the change on the card, a receipt. The current PIN is verified on the card as soon as it is
// entered (a wrong one is answered at once, with the tries left); the new PIN's first entry is
// checked against the one policy (CardService.checkNewPin: the holder's birth date from the card,
// the phone numbers the registry holds) before it is asked again; the last action carries all
// three and the card service checks the policy once more and changes the PIN in one card session.
//
// The page holds the entries it needs for that last action (as it does for the unlock's new PIN)
// and forgets them once sent: this flow keeps no PIN, in its state, its views or its journal.
// A card still on its initial PIN (pinMustChange) is this business's first use: the screen says
// so, and every other business refuses the card until it is done (the first-use gate).
//
// A card taken out during the change itself (CHANGE REFERENCE DATA) holds either PIN: the card
// writes the new PIN in one atomic write. When it comes back the flow settles it before anything
// else: a first-use card tells by its "must change" flag (cleared in that same write); any other
// card is asked for the new PIN the agent chose, and a VERIFY says whether it took.
import type { CardServiceError } from '../cards/card-service-error.ts';
import { pinChangeReceipt } from '../printing/business-receipts.ts';
import { readCardView } from './card-view.ts';
import { CardStep, lifecycleRefusal } from './card-step.ts';
import type { Flow, FlowDeps, FlowHooks } from './flow.ts';
import { FlowMachine, type Actions } from './flow-machine.ts';
import { cardProblem } from './flow-problem.ts';
import type { CardView, FlowProblem, FlowScreen } from '../../contract/flow-view.ts';
import { ReceiptStep } from './receipt-step.ts';

type Entry = 'current' | 'first' | 'again' | 'settle';

/** A change whose card was taken out mid-write: settled when that card is back. */
interface Unsettled {
  cardNo: string;
  firstUse: boolean;
}

type State =
  | { at: 'insertCard'; problem: FlowProblem | null }
  | { at: 'readingCard' }
  /** `firstUse`: as the card said when read (the flag is gone once the PIN is changed). */
  | { at: 'changePin'; card: CardView; entry: Entry; problem: FlowProblem | null; firstUse: boolean }
  | { at: 'changing'; card: CardView; firstUse: boolean }
  /** `retry`: `next` asks for the current PIN again (the card is still in). */
  | { at: 'failed'; problem: FlowProblem; retry: { card: CardView; firstUse: boolean } | null }
  | { at: 'done'; card: CardView };

type PinState = Extract<State, { at: 'changePin' }>;

export function createPinChangeFlow(deps: FlowDeps, hooks: FlowHooks): Flow {
  return new PinChangeFlow(deps, hooks);
}

class PinChangeFlow extends FlowMachine<State> {
  override readonly kind = 'pinChange' as const;
  readonly #deps: FlowDeps;
  readonly #hooks: FlowHooks;
  readonly #receipt: ReceiptStep;
  readonly #card: CardStep<State>;
  #unsettled: Unsettled | null = null;

  constructor(deps: FlowDeps, hooks: FlowHooks) {
    super({ at: 'insertCard', problem: null }, deps, hooks);
    this.#deps = deps;
    this.#hooks = hooks;
    this.#card = new CardStep(this, deps.cards);
    this.#receipt = new ReceiptStep(deps, () => hooks.changed(), () => this.end('completed'));
    // A card already in the reader is the one (a first-use refusal elsewhere leads here with it).
    if (this.cardIn) void this.#read();
  }

  override screen(): FlowScreen {
    const state = this.state;
    switch (state.at) {
      case 'insertCard':
        return { screen: 'insertCard', wanted: 'cardForPinChange', problem: state.problem };
      case 'readingCard':
        return { screen: 'readingCard' };
      case 'changePin':
        return { screen: 'changePin', card: state.card, problem: state.problem, entry: state.entry, firstUse: state.firstUse };
      case 'changing':
        return { screen: 'working', task: 'changingPin', progress: null };
      case 'failed':
        return { screen: 'failed', problem: state.problem, next: state.retry === null ? null : 'retry' };
      case 'done':
        return this.#receipt.screen({ flow: 'pinChange', card: state.card });
    }
  }

  protected override actions(state: State): Actions {
    switch (state.at) {
      case 'insertCard':
      case 'readingCard':
      case 'changing':
        return {};
      case 'changePin': {
        if (state.entry === 'settle') return { pin: (action, signal) => this.#settle(state, action.pin, signal) };
        // Any entry takes the current PIN (a reload forgets what the page held: it starts over).
        const own: Actions = { pin: (action, signal) => this.#verifyCurrent(state, action.pin, signal) };
        if (state.entry === 'current') return own;
        return {
          ...own,
          back: () => this.go({ ...state, entry: 'current', problem: null }),
          checkNewPin: (action) => this.#checkNewPin(state, action.pin),
          changePin: (action, signal) => this.#change(state, action.oldPin, action.pin, action.confirmation, signal),
        };
      }
      case 'failed': {
        const finish = (): void => this.end('failed');
        const { retry } = state;
        if (retry === null) return { finish };
        return { finish, next: () => this.go({ at: 'changePin', card: retry.card, entry: 'current', problem: null, firstUse: retry.firstUse }) };
      }
      case 'done':
        return this.#receipt.actions;
    }
  }

  protected override inserted(state: State): void {
    switch (state.at) {
      case 'insertCard':
        void this.#read();
        return;
      case 'readingCard':
      case 'changePin':
      case 'changing':
      case 'failed':
      case 'done':
        return;
    }
  }

  /** Mid-change the card service's answer says it; on the PIN pad the card is needed. */
  protected override removed(state: State): void {
    switch (state.at) {
      case 'changePin':
        this.go({ at: 'insertCard', problem: { kind: 'cardRemoved' } });
        return;
      case 'failed':
        if (state.retry !== null) this.go({ at: 'insertCard', problem: null });
        return;
      case 'insertCard':
      case 'readingCard':
      case 'changing':
      case 'done':
        return;
    }
  }

  async #read(): Promise<void> {
    const read = await this.#card.read({
      settled: true,
      reading: { at: 'readingCard' },
      insertAgain: (problem) => ({ at: 'insertCard', problem }),
      journal: (card) => this.#hooks.journal('pinChange.cardRead', { cardNo: card.cardNo, cardType: card.cardType, lifecycle: card.lifecycle, firstUse: card.pinMustChange }),
      // The card taken out mid-change is settled whatever it says. Otherwise the certificate's
      // expiry does not touch the PIN; a blocked PIN cannot be verified (the unlock sets a new
      // one); the rest is the counter's.
      refuse: (card) => (this.#unsettled?.cardNo === card.cardNo ? null : lifecycleRefusal(card, ['active', 'expired'])),
    });
    if (read === null) return;
    const { card } = read;
    const unsettled = this.#unsettled;
    if (unsettled?.cardNo === card.cardNo) this.#settleOnRead(card, unsettled);
    else this.go({ at: 'changePin', card, entry: 'current', problem: null, firstUse: card.pinMustChange });
  }

  /** The card taken out mid-change is back: its flag settles a first use; any other asks for the new PIN. */
  #settleOnRead(card: CardView, unsettled: Unsettled): void {
    if (!unsettled.firstUse) {
      this.go({ at: 'changePin', card, entry: 'settle', problem: null, firstUse: false });
      return;
    }
    if (card.pinMustChange) this.#notDone(card, true, card.pinTriesLeft);
    else this.#settledDone(card, true);
  }

  /** The new PIN the agent chose, verified: accepted, the change took; refused, the old PIN stands. */
  async #settle(state: PinState, pin: string, signal: AbortSignal): Promise<void> {
    const ticket = this.ticket();
    const verified = await this.#deps.cards.verifyPin(pin, signal, 'pinChange');
    if (this.stale(ticket)) return;
    if (verified.ok) this.#settledDone(state.card, state.firstUse);
    else if (verified.error.kind === 'wrongPin' && verified.error.triesLeft > 0) this.#notDone(state.card, state.firstUse, verified.error.triesLeft);
    else this.#refused(state, verified.error);
  }

  #settledDone(card: CardView, firstUse: boolean): void {
    this.#unsettled = null;
    this.#hooks.journal('pinChange.settled', { cardNo: card.cardNo, outcome: 'changed' });
    const now = { ...card, pinMustChange: false };
    this.go({ at: 'done', card: now });
    void this.#receipt.print(pinChangeReceipt({ ...this.#receipt.stamp(), card: now, firstUse }));
  }

  /** The change did not take: the current (old) PIN again, from the start, saying so. */
  #notDone(card: CardView, firstUse: boolean, triesLeft: number): void {
    this.#unsettled = null;
    this.#hooks.journal('pinChange.settled', { cardNo: card.cardNo, outcome: 'notChanged' });
    this.go({ at: 'changePin', card, entry: 'current', problem: { kind: 'pinChangeNotDone', triesLeft }, firstUse });
  }

  /** The current PIN, verified on the card now: a wrong one is answered before the new PIN is typed. */
  async #verifyCurrent(state: PinState, pin: string, signal: AbortSignal): Promise<void> {
    const ticket = this.ticket();
    const verified = await this.#deps.cards.verifyPin(pin, signal, 'pinChange');
    if (this.stale(ticket)) return;
    if (verified.ok) {
      this.#hooks.journal('pinChange.currentVerified', { cardNo: state.card.cardNo });
      this.go({ ...state, entry: 'first', problem: null });
      return;
    }
    this.#refused(state, verified.error);
  }

  /** The first entry of the new PIN against the policy: refused now, or asked again. Not kept. */
  async #checkNewPin(state: PinState, pin: string): Promise<void> {
    const ticket = this.ticket();
    const checked = await this.#deps.cards.checkNewPin(pin);
    if (this.stale(ticket)) return;
    if (checked.ok) this.go({ ...state, entry: 'again', problem: null });
    else this.#refused(state, checked.error);
  }

  async #change(state: PinState, oldPin: string, pin: string, confirmation: string, signal: AbortSignal): Promise<void> {
    const { card, firstUse } = state;
    const ticket = this.go({ at: 'changing', card, firstUse });
    const changed = await this.#deps.cards.changePin(oldPin, pin, confirmation, signal);
    if (this.stale(ticket)) return;
    if (!changed.ok) {
      // Taken out during the change: the card may hold either PIN until it is back and settled.
      if (changed.error.kind === 'cardRemoved') {
        this.#unsettled = { cardNo: card.cardNo, firstUse };
        this.#hooks.journal('pinChange.unsettled', { cardNo: card.cardNo });
      }
      this.#refused(state, changed.error);
      return;
    }
    const read = await readCardView(this.#deps.cards, { settled: false });
    const now = read.ok && read.value.cardNo === card.cardNo ? read.value : { ...card, pinMustChange: false };
    this.#hooks.journal('pinChange.done', { cardNo: card.cardNo, firstUse });
    this.go({ at: 'done', card: now });
    // Printed without being asked; a failure shows on the done screen with a retry.
    void this.#receipt.print(pinChangeReceipt({ ...this.#receipt.stamp(), card: now, firstUse }));
  }

  /** Where a refusal leads: the pad again with the reason, the card again, or the failed screen. */
  #refused(state: PinState, error: CardServiceError): void {
    const problem = cardProblem(error);
    this.#hooks.journal('pinChange.refused', { cardNo: state.card.cardNo, problem: problem.kind, ...(error.kind === 'pinPolicy' ? { refusal: error.refusal } : {}) });
    const retry = { card: state.card, firstUse: state.firstUse };
    switch (error.kind) {
      case 'wrongPin':
        // The current PIN was wrong (a new PIN is never verified): ask for it again, tries left said.
        if (error.triesLeft === 0) this.go({ at: 'failed', problem, retry: null });
        else this.go({ ...state, entry: 'current', problem });
        return;
      case 'pinPolicy':
        // A refusal of the new PIN (or a mismatch of its two entries): its first entry again.
        this.go({ ...state, entry: state.entry === 'current' ? 'current' : 'first', problem });
        return;
      case 'pinBlocked':
        // The next step is the unlock business (the failed screen says so).
        this.go({ at: 'failed', problem, retry: null });
        return;
      case 'noCard':
      case 'cardRemoved':
        this.go({ at: 'insertCard', problem: { kind: 'cardRemoved' } });
        return;
      case 'cardState':
        this.go({ at: 'insertCard', problem });
        return;
      case 'authority':
      case 'card':
      case 'readerUnavailable':
        this.go({ at: 'failed', problem, retry });
        return;
      case 'notAllowed':
      case 'verificationFailed':
      case 'interrupted':
        this.go({ at: 'failed', problem, retry: null });
        return;
    }
  }
}
