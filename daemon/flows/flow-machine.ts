// What every flow does the same way: hold its state, move (`go`), end, follow the card in the
// reader, and take the agent's actions. A flow extends FlowMachine over its own State union and
// switches on the state first: `screen()` says what each state shows, `actions(state)` what it
// takes — an action it does not list is refused as not on this screen, and listing `back` is what
// makes the UI offer back, so what a screen offers and what it accepts cannot drift apart —
// and `inserted`/`removed` what a card arriving or leaving does there.
//
// A move returns a ticket: an answer (a card read, a scan, the authority) that comes back after
// the flow moved on is stale and dropped. News within the same state (progress) is an `update`,
// not a move, so the answer that state waits for still lands.
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import type { FlowAction, FlowActionName } from '../../contract/protocol/flow-messages.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { FlowKind, FlowScreen } from '../../contract/flow-view.ts';
import { cardInReader } from './card-in-reader.ts';
import type { ActionRefusal, Flow, FlowDeps, FlowHooks } from './flow.ts';

export type Outcome = 'completed' | 'failed' | 'canceled';

/**
 * The actions one screen takes, each with its handler (awaited; what it returns is not used);
 * every other action is refused there.
 */
export type Actions = { [A in FlowActionName]?: (action: Extract<FlowAction, { action: A }>, signal: AbortSignal) => unknown };

type AnyHandler = (action: FlowAction, signal: AbortSignal) => unknown;

export abstract class FlowMachine<State> implements Flow {
  abstract readonly kind: FlowKind;
  #state: State;
  #ticket = 0;
  #ended: { outcome: Outcome } | null = null;
  #cardIn: boolean;
  readonly #changed: () => void;

  constructor(initial: State, deps: Pick<FlowDeps, 'reader'>, hooks: Pick<FlowHooks, 'changed'>) {
    this.#state = initial;
    this.#cardIn = cardInReader(deps.reader.status());
    this.#changed = () => hooks.changed();
  }

  abstract screen(): FlowScreen;

  /** What the screen of `state` takes. */
  protected abstract actions(state: State): Actions;

  /** A card arrived while in `state`. */
  protected inserted(_state: State): void {
    // Nothing, unless the flow waits for a card there.
  }

  /** The card left while in `state`. */
  protected removed(_state: State): void {
    // Nothing, unless the flow needs the card there.
  }

  /** The ID-card reader's status changed while in `state` (the ID card placed, taken off; a fault). */
  protected idCardChanged(_state: State, _status: IdCardReaderStatus): void {
    // Nothing, unless the flow waits for the agent's ID card there.
  }

  get state(): State {
    return this.#state;
  }

  /** A card is in the reader (as of the last status seen). */
  get cardIn(): boolean {
    return this.#cardIn;
  }

  /** Moves to `state` and pushes it; the ticket tells whether the flow is still there later. */
  go(state: State): number {
    this.#state = state;
    this.#ticket++;
    this.#changed();
    return this.#ticket;
  }

  /** The same state with news (progress): pushed, and not a move. */
  update(state: State): void {
    this.#state = state;
    this.#changed();
  }

  /** The ticket of the state now, for an answer awaited without moving first. */
  ticket(): number {
    return this.#ticket;
  }

  /** The flow moved on since `ticket`: the answer that just came back is for nobody. */
  stale(ticket: number): boolean {
    return ticket !== this.#ticket;
  }

  /** The business is over: the host ends the session; the flow takes no more actions. */
  end(outcome: Outcome): void {
    this.#ended = { outcome };
    this.#ticket++;
    this.#changed();
  }

  ended(): { outcome: Outcome } | null {
    return this.#ended;
  }

  canBack(): boolean {
    return this.#ended === null && this.actions(this.#state).back !== undefined;
  }

  takesCancel(): boolean {
    return this.#ended === null && this.actions(this.#state).cancel !== undefined;
  }

  async handle(action: FlowAction, signal: AbortSignal): Promise<Result<void, ActionRefusal>> {
    // The table pairs each action name with a handler of that action; the lookup loses the pairing.
    const handler = this.#ended === null ? (this.actions(this.#state)[action.action] as AnyHandler | undefined) : undefined;
    if (handler === undefined) return err({ kind: 'notOnThisScreen', screen: this.screen().screen, action: action.action });
    await handler(action, signal);
    return ok(undefined);
  }

  onIdCardReader(status: IdCardReaderStatus): void {
    if (this.#ended === null) this.idCardChanged(this.#state, status);
  }

  onCardReader(status: CardReaderStatus): void {
    const wasIn = this.#cardIn;
    this.#cardIn = cardInReader(status);
    if (!wasIn && this.#cardIn) this.inserted(this.#state);
    if (wasIn && !this.#cardIn) this.removed(this.#state);
  }
}
