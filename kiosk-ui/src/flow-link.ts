// The agent's flow as the UI knows it: the view the daemon last pushed (Kiosk.FlowChanged), asked
// for again with Kiosk.Flow on every (re)connect, and the answers of the commands the UI sends.
// Pushes and answers can cross on the socket, so a view older than the one shown is ignored.
import type { FlowKind, FlowView } from '../../contract/flow-view.ts';
import type { IntakeBusiness } from '../../contract/businesses.ts';
import type { FlowAction } from '../../contract/protocol/flow-messages.ts';
import type { SendOutcome, WsClient } from './ws-client.ts';

/** The daemon's scanner timeout for a whole feeder batch is 120 s (config scanner.timeoutMs). */
const flowActionTimeoutMs = 150_000;

export type SendFailure = Exclude<SendOutcome<unknown>, { kind: 'success' }>;

export interface FlowSnapshot {
  /** Null on the attract screen. */
  view: FlowView | null;
  /** A command is on its way; screens do not send another. */
  busy: boolean;
}

/** How long the link waits before it asks Kiosk.Flow again after a failed answer. */
export const flowRetryMs = 3_000;
/** Flow ids remembered as ended, so a late push of an ended flow does not bring it back. */
const endedMemory = 16;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A sanity check of the shape the UI renders; the daemon builds it from the same types. */
export function isFlowView(value: unknown): value is FlowView {
  return (
    isRecord(value) &&
    typeof value.flowId === 'string' &&
    typeof value.flow === 'string' &&
    typeof value.revision === 'number' &&
    isRecord(value.screen) &&
    typeof value.screen.screen === 'string'
  );
}

/** True when `incoming` should replace `current` (same flow: only a newer revision). */
export function isNewer(current: FlowView | null, incoming: FlowView): boolean {
  if (current === null || current.flowId !== incoming.flowId) return true;
  return incoming.revision > current.revision;
}

export class FlowLink {
  #client: WsClient;
  #snapshot: FlowSnapshot = { view: null, busy: false };
  #listeners = new Set<(snapshot: FlowSnapshot) => void>();
  #unsubscribe: (() => void)[] = [];
  #ended: string[] = [];
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts pushes, so a Kiosk.Flow answer that crossed a push never undoes it. */
  #pushes = 0;
  #connectionCount = 0;

  constructor(client: WsClient) {
    this.#client = client;
  }

  get snapshot(): FlowSnapshot {
    return this.#snapshot;
  }

  start(): void {
    this.#unsubscribe.push(
      this.#client.onConnectionChange((connection) => {
        clearTimeout(this.#retryTimer);
        if (connection.state === 'open') {
          this.#connectionCount += 1;
          void this.#refresh(this.#connectionCount);
        }
      }),
      this.#client.onUnsolicited('Kiosk.FlowChanged', (payload) => {
        if (!isRecord(payload) || !('view' in payload) || (payload.view !== null && !isFlowView(payload.view))) {
          console.warn('flow-link: ignoring a malformed Kiosk.FlowChanged');
          return;
        }
        this.#pushes += 1;
        this.#apply(payload.view, true);
      }),
    );
  }

  stop(): void {
    clearTimeout(this.#retryTimer);
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }

  /** Calls `listener` now and on every change. Returns an unsubscribe function. */
  onChange(listener: (snapshot: FlowSnapshot) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#snapshot);
    return () => this.#listeners.delete(listener);
  }

  /** Starts a business from the attract screen; null when it started, else why not. */
  startFlow(flow: FlowKind, business?: IntakeBusiness): Promise<SendFailure | null> {
    return this.#command(() => this.#client.send('Kiosk.StartFlow', business === undefined ? { flow } : { flow, business }));
  }

  /** One action on the screen shown now. */
  act(action: FlowAction): Promise<SendFailure | null> {
    const view = this.#snapshot.view;
    if (view === null) return Promise.resolve({ kind: 'failed', reason: 'badReply' });
    // A scan of a thick paper, a card write and a receipt take seconds: wait as long as a scan may.
    return this.#command(() => this.#client.send('Kiosk.FlowAction', { flowId: view.flowId, action }, { timeoutMs: flowActionTimeoutMs }));
  }

  /** "Still there?" answered: the daemon's inactivity deadline starts again (a new view carries it). */
  async stillHere(): Promise<SendFailure | null> {
    const view = this.#snapshot.view;
    if (view === null) return null;
    const outcome = await this.#client.send('Kiosk.StillHere', { flowId: view.flowId });
    if (outcome.kind !== 'success') return outcome;
    const result: unknown = outcome.payload;
    if (result === null || isFlowView(result)) this.#apply(result, false);
    return null;
  }

  /** Cancel or inactivity: the daemon wipes the session. The attract screen shows at once. */
  async end(reason: 'canceled' | 'timedOut'): Promise<SendFailure | null> {
    const view = this.#snapshot.view;
    if (view !== null) this.#forget(view.flowId);
    this.#update({ view: null, busy: this.#snapshot.busy });
    const outcome = await this.#client.send('Kiosk.EndFlow', { reason });
    return outcome.kind === 'success' ? null : outcome;
  }

  async #command(send: () => Promise<SendOutcome<FlowView | null>>): Promise<SendFailure | null> {
    if (this.#snapshot.busy) return null;
    this.#update({ view: this.#snapshot.view, busy: true });
    const outcome = await send();
    this.#update({ view: this.#snapshot.view, busy: false });
    if (outcome.kind !== 'success') return outcome;
    const result: unknown = outcome.payload;
    if (result === null || isFlowView(result)) this.#apply(result, false);
    return null;
  }

  async #refresh(connection: number): Promise<void> {
    const pushesBefore = this.#pushes;
    const outcome = await this.#client.send('Kiosk.Flow', {});
    if (connection !== this.#connectionCount || this.#client.connection.state !== 'open') return;
    const result: unknown = outcome.kind === 'success' ? outcome.payload : undefined;
    if (result === null || isFlowView(result)) {
      // A push that arrived meanwhile is at least as fresh as this answer.
      if (this.#pushes === pushesBefore || result !== null) this.#apply(result, pushesBefore === this.#pushes);
      return;
    }
    console.warn('flow-link: Kiosk.Flow failed, retrying', outcome.kind);
    this.#retryTimer = setTimeout(() => void this.#refresh(connection), flowRetryMs);
  }

  /** `authoritative`: a push or a fresh Kiosk.Flow answer, which may also end the flow shown. */
  #apply(view: FlowView | null, authoritative: boolean): void {
    const current = this.#snapshot.view;
    if (view === null) {
      if (current !== null) this.#forget(current.flowId);
      if (current !== null || authoritative) this.#update({ view: null, busy: this.#snapshot.busy });
      return;
    }
    if (this.#ended.includes(view.flowId) || !isNewer(current, view)) return;
    this.#update({ view, busy: this.#snapshot.busy });
  }

  #forget(flowId: string): void {
    if (!this.#ended.includes(flowId)) this.#ended.push(flowId);
    if (this.#ended.length > endedMemory) this.#ended.shift();
  }

  #update(snapshot: FlowSnapshot): void {
    if (snapshot.view === this.#snapshot.view && snapshot.busy === this.#snapshot.busy) return;
    this.#snapshot = snapshot;
    for (const listener of this.#listeners) listener(snapshot);
  }
}
