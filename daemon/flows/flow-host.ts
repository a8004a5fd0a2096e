// Runs the agent's flows: one at a time, each in an agent session of its own. It starts a flow
// (not while the kiosk is out of service), passes the agent's actions to it one at a time and the
// card reader's events always, pushes every change of the screen (Kiosk.FlowChanged), journals
// each screen by name, sets the guide lights, and ends the session when the flow is over, the
// agent cancels or walks away, or the kiosk goes out of service. Ending the session wipes the
// capture draft and the scans. After a flow, a card left in the reader keeps the take-card
// screen up until it is removed.
import { randomUUID } from 'node:crypto';
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import type { Gpio } from '../../drivers/gpio/gpio.ts';
import type { LightName, LightPattern } from '../../contract/devices/gpio.ts';
import type { ServiceState } from '../../contract/protocol/catalogue.ts';
import type { Business } from '../../contract/businesses.ts';
import type { FlowAction } from '../../contract/protocol/flow-messages.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { SessionOutcome } from '../store/store.ts';
import { cardInReader } from './card-in-reader.ts';
import type { FlowFactories } from './flow-factories.ts';
import type { ActionRefusal, Flow, FlowDeps, FlowHooks } from './flow.ts';
import { isPaperScreen, type FlowKind, type FlowProblem, type FlowScreen, type FlowView, type SessionEnd } from '../../contract/flow-view.ts';
import type { IntakeBusiness } from '../../contract/businesses.ts';

/** What the take-card screen says of a session's end; a page gone away counts as a timeout. */
function sessionEnd(outcome: SessionOutcome): SessionEnd {
  switch (outcome) {
    case 'completed':
      return 'finished';
    case 'canceled':
      return 'canceled';
    case 'timedOut':
    case 'abandoned':
      return 'timedOut';
    case 'failed':
      return 'failed';
  }
}

export type StartRefusal = { kind: 'outOfService'; service: ServiceState } | { kind: 'businessRequired' } | { kind: 'notYours' };

export type ActRefusal =
  /** The attract screen: nothing to act on. */
  | { kind: 'noFlow' }
  /** An action for a flow that is not the one showing (a stale or second client). */
  | { kind: 'staleFlow'; flowId: string }
  /** The previous action of this flow is still running. */
  | { kind: 'busy' }
  /** The flow was started by another page: only that page acts on it, ends it or starts over it. */
  | { kind: 'notYours' }
  | ActionRefusal;

/**
 * Who asks (issue 13, item 2): a page's connection and its page load, or a tool (the daemon's own
 * user: `kiosk diag`, the test harness), which may act on any flow. Absent: the daemon itself.
 */
export interface FlowClient {
  connectionId: number;
  pageInstance: string | null;
  tool: boolean;
}

/** The page a flow belongs to: its connection now (null while it is away, in its grace), its page load. */
export interface FlowOwner {
  connectionId: number | null;
  pageInstance: string | null;
}

export interface FlowHostDeps {
  flow: FlowDeps;
  factories: FlowFactories;
  service: { state(): ServiceState; onChange(listener: (state: ServiceState) => void): () => void };
  gpio: Pick<Gpio, 'setLight'>;
  /**
   * Kiosk.FlowChanged: to the page that owns the flow (and the tools); with no owner (the attract
   * screen, a flow the daemon started), to every kiosk page.
   */
  push(view: FlowView | null, owner: FlowOwner | null): void;
  /**
   * How long a page that started a flow may be away (a reload, a dropped socket) before the daemon
   * ends its session and wipes the agent's data. Absent: ended at once.
   */
  reconnectGraceMs?: number;
  newFlowId?: () => string;
  /**
   * The daemon's own inactivity deadline (ms without an action of the agent): the session ends
   * as timedOut and its draft and scans are wiped whether or not any page is connected. Longer
   * on the paper screens, where finding the next paper takes time. Absent: no deadline (tests).
   */
  idleLimits?: { ms: number; paperMs: number };
}

interface Run {
  flowId: string;
  kind: FlowKind;
  business: IntakeBusiness | null;
  flow: Flow;
  sessionId: string;
  /** Aborted when the flow ends under a running action (cancel, out of service). */
  controller: AbortController;
  acting: boolean;
  /** Cancel or timeout asked for while a card was being written: applied once the write is over. */
  endAfterAction: 'canceled' | 'timedOut' | null;
}

/**
 * An unlock or renewal writing the card: it runs to its end (the journal makes it safe), no cancel.
 * (Nor on the done screen: the business is done, `finish` is the way out.)
 */
function writingCard(screen: FlowScreen): boolean {
  return screen.screen === 'working' && (screen.task === 'unlocking' || screen.task === 'renewing');
}

type Phase =
  | { phase: 'idle' }
  | { phase: 'running'; run: Run }
  /** The business is over and a card is still in the reader. */
  | { phase: 'takeCard'; flowId: string; kind: FlowKind; business: IntakeBusiness | null; ended: SessionEnd }
  /** The kiosk went out of service under the flow and no card is in: the agent reads why. */
  | { phase: 'failed'; flowId: string; kind: FlowKind; business: IntakeBusiness | null; problem: FlowProblem };

type ViewBody = Omit<FlowView, 'revision' | 'pushedAt'>;

type FlowLight = Extract<LightName, 'cardSlot' | 'scanner' | 'printer'>;
const flowLights: readonly FlowLight[] = ['cardSlot', 'scanner', 'printer'];

export function lightsFor(screen: FlowScreen | null): Record<FlowLight, LightPattern> {
  const name = screen?.screen ?? null;
  return {
    // The card guide: slow while the kiosk waits for a card, fast when the card must be taken.
    cardSlot: name === 'insertCard' ? 'slow' : name === 'takeCard' || name === 'removePreviousCard' ? 'fast' : 'off',
    scanner: name === 'scanPaper' ? 'slow' : 'off',
    printer: screen?.screen === 'done' && screen.receipt.state === 'printing' ? 'slow' : 'off',
  };
}

export function sessionBusiness(kind: FlowKind, business: IntakeBusiness | null): Business | null {
  switch (kind) {
    case 'unlock':
      return 'unlock';
    case 'renewal':
      return 'renewal';
    case 'query':
      return 'card_query';
    case 'pinChange':
      return 'pin_change';
    case 'cardManagement':
      return 'card_management';
    case 'intake':
      return business;
  }
}

export class FlowHost {
  readonly #deps: FlowHostDeps;
  readonly #newFlowId: () => string;
  #phase: Phase = { phase: 'idle' };
  #view: FlowView | null = null;
  #lastBody = 'null';
  #lastScreen: string | null = null;
  #revision = 0;
  #lights = new Map<LightName, LightPattern>();
  #cardIn: boolean;
  /** Set while the host itself ends a session, so its onEnd listener knows. */
  #ending = false;
  #stops: (() => void)[] = [];
  #idleTimer: NodeJS.Timeout | null = null;
  /** When the idle timer fires (epoch ms), shown to the UI as the view's idleDeadline. */
  #idleDeadline: number | null = null;
  #owner: FlowOwner | null = null;
  #graceTimer: NodeJS.Timeout | null = null;

  constructor(deps: FlowHostDeps) {
    this.#deps = deps;
    this.#newFlowId = deps.newFlowId ?? (() => randomUUID());
    this.#cardIn = cardInReader(deps.flow.reader.status());
  }

  start(): void {
    const { flow, service } = this.#deps;
    this.#stops.push(
      flow.reader.onStatusChange((status) => this.#onCardReader(status)),
      flow.idCards.onStatusChange((status) => this.#onIdCardReader(status)),
      flow.sessions.onEnd((session) => this.#onSessionEnded(session.id)),
      service.onChange((state) => {
        if (state.state === 'outOfService') this.outOfService();
        else if (this.#phase.phase === 'failed') this.#set({ phase: 'idle' });
      }),
    );
    this.#applyLights(null);
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#disarmIdle();
    this.#clearGrace();
  }

  /** Whether `client` may act on, end or start over the flow shown now. */
  #mayTouch(client: FlowClient | undefined): boolean {
    const owner = this.#owner;
    if (client === undefined || client.tool || owner === null || this.#phase.phase === 'idle') return true;
    return owner.connectionId === client.connectionId;
  }

  /** The page the flow belongs to, for the daemon's push. */
  owner(): FlowOwner | null {
    return this.#owner;
  }

  /**
   * A connection opened: the owning page back from a reload or a dropped socket (the same page
   * load's id, which only that page and the daemon know) takes its flow back.
   */
  connected(client: FlowClient): void {
    const owner = this.#owner;
    if (owner === null || client.pageInstance === null || owner.pageInstance !== client.pageInstance) return;
    owner.connectionId = client.connectionId;
    this.#clearGrace();
    this.#deps.flow.logger.event('flow.ownerBack', { connection: client.connectionId });
  }

  /**
   * A connection closed: when it owned the flow, the daemon waits the grace for the page to come
   * back, then ends the session as abandoned (its draft, scans and typed data wiped).
   */
  disconnected(connectionId: number): void {
    const owner = this.#owner;
    if (owner?.connectionId !== connectionId) return;
    owner.connectionId = null;
    this.#clearGrace();
    const leave = (): void => {
      this.#graceTimer = null;
      if (this.#owner !== owner || owner.connectionId !== null) return;
      this.#deps.flow.logger.event('flow.ownerGone', { graceMs: this.#deps.reconnectGraceMs ?? 0 });
      const run = this.#running();
      if (run !== null && !(run.acting && writingCard(run.flow.screen()))) this.#endRun(run, 'abandoned');
      else if (run !== null) run.endAfterAction = 'canceled';
      this.#owner = null;
      this.#publish();
    };
    const grace = this.#deps.reconnectGraceMs ?? 0;
    if (grace <= 0) {
      leave();
      return;
    }
    this.#graceTimer = setTimeout(leave, grace);
    this.#graceTimer.unref();
  }

  #clearGrace(): void {
    if (this.#graceTimer !== null) clearTimeout(this.#graceTimer);
    this.#graceTimer = null;
  }

  /** "Still there?" answered on the owning page: the inactivity deadline starts again. */
  stillHere(flowId: string, client?: FlowClient): Result<FlowView | null, ActRefusal> {
    if (!this.#mayTouch(client)) return err({ kind: 'notYours' });
    const run = this.#running();
    if (run === null) return err({ kind: 'noFlow' });
    if (run.flowId !== flowId) return err({ kind: 'staleFlow', flowId });
    this.#armIdle();
    this.#publish();
    return ok(this.#view);
  }

  /** The agent did something (an action, a card in or out): the inactivity deadline starts again. */
  #armIdle(): void {
    this.#disarmIdle();
    const limits = this.#deps.idleLimits;
    const run = this.#running();
    if (limits === undefined || run === null) return;
    const limit = isPaperScreen(run.flow.screen()) ? limits.paperMs : limits.ms;
    this.#idleDeadline = Date.now() + limit;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      if (this.#running() !== run) return;
      this.#deps.flow.logger.event('flow.idleTimeout', { flowId: run.flowId, flow: run.kind, idleMs: limit });
      this.end('timedOut');
    }, limit);
    this.#idleTimer.unref();
  }

  #disarmIdle(): void {
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    this.#idleDeadline = null;
  }

  /** The screen now; null on the attract screen — and for a page whose flow it is not. */
  current(client?: FlowClient): FlowView | null {
    return this.#mayTouch(client) ? this.#view : null;
  }

  /** Starts a business; a flow still running ends as abandoned (only its own page may do that). */
  startFlow(kind: FlowKind, business?: IntakeBusiness, client?: FlowClient): Result<FlowView, StartRefusal> {
    if (!this.#mayTouch(client)) return err({ kind: 'notYours' });
    const service = this.#deps.service.state();
    if (service.state === 'outOfService') return err({ kind: 'outOfService', service });
    const intakeBusiness = kind === 'intake' ? (business ?? null) : null;
    const sessionFor = sessionBusiness(kind, intakeBusiness);
    if (sessionFor === null) return err({ kind: 'businessRequired' });
    if (this.#phase.phase === 'running') this.#endRun(this.#phase.run, 'abandoned');
    const session = this.#deps.flow.sessions.start(sessionFor);
    const flowId = this.#newFlowId();
    // Hooks of a flow that is no longer the one running do nothing: its late changes are stale.
    const hooks: FlowHooks = {
      changed: () => {
        const run = this.#running();
        if (run?.flowId === flowId) this.#onFlowChanged(run);
      },
      journal: (step, data) => {
        if (this.#running()?.flowId === flowId) this.#deps.flow.sessions.journal(step, data);
      },
    };
    let flow: Flow;
    try {
      flow = this.#create(kind, intakeBusiness, hooks);
    } catch (e) {
      this.#endSession(session.id, 'failed');
      throw e;
    }
    const run: Run = { flowId, kind, business: intakeBusiness, flow, sessionId: session.id, controller: new AbortController(), acting: false, endAfterAction: null };
    this.#deps.flow.sessions.journal('flow.started', { flow: kind, business: intakeBusiness });
    this.#deps.flow.logger.event('flow.started', { flowId, flow: kind, business: intakeBusiness });
    this.#clearGrace();
    this.#owner = client === undefined ? null : { connectionId: client.connectionId, pageInstance: client.pageInstance };
    this.#phase = { phase: 'running', run };
    this.#armIdle();
    this.#publish();
    return ok(this.#viewOrThrow());
  }

  /** One action of the agent; answers with the screen after it. */
  async act(flowId: string, action: FlowAction, client?: FlowClient): Promise<Result<FlowView | null, ActRefusal>> {
    if (!this.#mayTouch(client)) return err({ kind: 'notYours' });
    const phase = this.#phase;
    switch (phase.phase) {
      case 'idle':
        return err({ kind: 'noFlow' });
      case 'takeCard':
        if (phase.flowId !== flowId) return err({ kind: 'staleFlow', flowId });
        return err({ kind: 'notOnThisScreen', screen: 'takeCard', action: action.action });
      case 'failed':
        if (phase.flowId !== flowId) return err({ kind: 'staleFlow', flowId });
        if (action.action !== 'finish') return err({ kind: 'notOnThisScreen', screen: 'failed', action: action.action });
        this.#set({ phase: 'idle' });
        return ok(null);
      case 'running':
        break;
    }
    const run = phase.run;
    if (run.flowId !== flowId) return err({ kind: 'staleFlow', flowId });
    if (run.acting) return err({ kind: 'busy' });
    run.acting = true;
    this.#armIdle();
    // The action's name only: its payload may carry a PIN or an ID number.
    this.#deps.flow.sessions.journal('flow.action', { action: action.action });
    let result: Result<void, ActionRefusal>;
    try {
      // The flow's work belongs to the session, not to the request: a client that times out or
      // reconnects (a reload) finds the result pushed. Cancel, timeout and out of service abort it.
      result = await run.flow.handle(action, run.controller.signal);
    } finally {
      run.acting = false;
    }
    // From the end of the action: a long scan or card write is not the agent's idleness.
    if (this.#running() === run) this.#armIdle();
    if (this.#running() === run && run.endAfterAction !== null) return ok(this.end(run.endAfterAction));
    if (this.#running() !== run) return ok(this.#view);
    if (!result.ok) {
      this.#publish();
      return err(result.error);
    }
    this.#onFlowChanged(run);
    return ok(this.#view);
  }

  /** Cancel or inactivity: the session ends (its scans and draft go); a card left in is to be taken. */
  endFor(reason: 'canceled' | 'timedOut', client: FlowClient): Result<FlowView | null, ActRefusal> {
    if (!this.#mayTouch(client)) return err({ kind: 'notYours' });
    return ok(this.end(reason));
  }

  /** The daemon's own end of the flow (inactivity), or a caller already allowed to. */
  end(reason: 'canceled' | 'timedOut'): FlowView | null {
    const phase = this.#phase;
    switch (phase.phase) {
      case 'idle':
      case 'takeCard':
        break;
      case 'failed':
        this.#set({ phase: 'idle' });
        break;
      case 'running':
        if (phase.run.acting && writingCard(phase.run.flow.screen())) {
          phase.run.endAfterAction = reason;
          break;
        }
        this.#endRun(phase.run, reason);
        this.#publish();
        break;
    }
    return this.#view;
  }

  /** The kiosk went out of service (cabinet opened, technician): the flow stops and says why. */
  outOfService(): void {
    const phase = this.#phase;
    if (phase.phase !== 'running') return;
    const { run } = phase;
    this.#endRun(run, 'failed');
    if (!this.#cardIn) this.#phase = { phase: 'failed', flowId: this.#newFlowId(), kind: run.kind, business: run.business, problem: { kind: 'outOfService' } };
    this.#publish();
  }

  #create(kind: FlowKind, business: IntakeBusiness | null, hooks: FlowHooks): Flow {
    const { factories, flow: deps } = this.#deps;
    switch (kind) {
      case 'unlock':
        return factories.unlock(deps, hooks);
      case 'renewal':
        return factories.renewal(deps, hooks);
      case 'query':
        return factories.query(deps, hooks);
      case 'pinChange':
        return factories.pinChange(deps, hooks);
      case 'cardManagement':
        return factories.cardManagement(deps, hooks);
      case 'intake':
        if (business === null) throw new Error('an intake flow needs its business');
        return factories.intake(deps, hooks, business);
    }
  }

  #running(): Run | null {
    return this.#phase.phase === 'running' ? this.#phase.run : null;
  }

  /** The flow changed: when it says it is over (and no action of it still runs), end it. */
  #onFlowChanged(run: Run): void {
    const ended = run.acting ? null : run.flow.ended();
    if (ended !== null) this.#endRun(run, ended.outcome);
    this.#publish();
  }

  /** Ends the run and its session; the phase becomes take-card or idle (not yet pushed). */
  #endRun(run: Run, outcome: SessionOutcome): void {
    run.controller.abort();
    this.#deps.flow.sessions.journal('flow.ended', { flow: run.kind, outcome });
    this.#deps.flow.logger.event('flow.ended', { flowId: run.flowId, flow: run.kind, outcome });
    this.#endSession(run.sessionId, outcome);
    // A new id: the UI forgets a flow it ended, and must still show the take-card prompt.
    this.#phase = this.#cardIn ? { phase: 'takeCard', flowId: this.#newFlowId(), kind: run.kind, business: run.business, ended: sessionEnd(outcome) } : { phase: 'idle' };
  }

  #endSession(sessionId: string, outcome: SessionOutcome): void {
    const sessions = this.#deps.flow.sessions;
    if (sessions.current()?.id !== sessionId) return;
    this.#ending = true;
    try {
      sessions.end(outcome);
    } finally {
      this.#ending = false;
    }
  }

  /** Someone else ended the flow's session (a Kiosk.EndSession, another session started). */
  #onSessionEnded(sessionId: string): void {
    const run = this.#running();
    if (this.#ending || run?.sessionId !== sessionId) return;
    run.controller.abort();
    this.#deps.flow.logger.event('flow.ended', { flowId: run.flowId, flow: run.kind, outcome: 'sessionEnded' });
    this.#set(this.#cardIn ? { phase: 'takeCard', flowId: this.#newFlowId(), kind: run.kind, business: run.business, ended: 'canceled' } : { phase: 'idle' });
  }

  /** The agent's ID card placed on the reader or taken off: the running flow may wait for it. */
  #onIdCardReader(status: IdCardReaderStatus): void {
    const phase = this.#phase;
    if (phase.phase !== 'running') return;
    phase.run.flow.onIdCardReader?.(status);
    // Placing an ID card is the agent at the kiosk.
    this.#armIdle();
  }

  #onCardReader(status: CardReaderStatus): void {
    this.#cardIn = cardInReader(status);
    const phase = this.#phase;
    switch (phase.phase) {
      case 'running':
        phase.run.flow.onCardReader(status);
        // A card put in or taken out is the agent at the kiosk.
        this.#armIdle();
        break;
      case 'takeCard':
        if (!this.#cardIn) this.#set({ phase: 'idle' });
        break;
      case 'idle':
      case 'failed':
        break;
    }
  }

  #set(phase: Phase): void {
    this.#phase = phase;
    this.#publish();
  }

  #body(): ViewBody | null {
    const phase = this.#phase;
    const base = (flowId: string, flow: FlowKind, business: IntakeBusiness | null, screen: FlowScreen) => ({ flowId, flow, business, screen, canBack: false, canCancel: false, cancelIsAction: false });
    switch (phase.phase) {
      case 'idle':
        return null;
      case 'takeCard':
        return base(phase.flowId, phase.kind, phase.business, { screen: 'takeCard', ended: phase.ended });
      case 'failed':
        return base(phase.flowId, phase.kind, phase.business, { screen: 'failed', problem: phase.problem, next: null });
      case 'running': {
        const { run } = phase;
        const screen = run.flow.screen();
        const canCancel = !writingCard(screen) && screen.screen !== 'done';
        return { flowId: run.flowId, flow: run.kind, business: run.business, screen, canBack: run.flow.canBack(), canCancel, cancelIsAction: canCancel && run.flow.takesCancel() };
      }
    }
  }

  /** Pushes the view when it changed; journals a new screen by its name; sets the lights. */
  #publish(): void {
    const body = this.#body();
    const deadline = this.#running() === null ? null : this.#idleDeadline;
    // The deadline is part of what the page shows (its countdown): a new one is a new view.
    const key = `${JSON.stringify(body)} ${deadline}`;
    if (key === this.#lastBody) return;
    this.#lastBody = key;
    this.#revision += 1;
    this.#view = body === null ? null : { ...body, revision: this.#revision, pushedAt: Date.now(), ...(deadline !== null && { idleDeadline: deadline }) };
    // Back on the attract screen the kiosk belongs to no page.
    if (body === null) {
      this.#owner = null;
      this.#clearGrace();
    }
    const screen = body?.screen ?? null;
    if (screen !== null && screen.screen !== this.#lastScreen && this.#phase.phase === 'running') {
      this.#deps.flow.sessions.journal('flow.screen', { screen: screen.screen });
    }
    this.#lastScreen = screen?.screen ?? null;
    this.#applyLights(screen);
    this.#deps.push(this.#view, this.#owner);
  }

  #applyLights(screen: FlowScreen | null): void {
    const lights = lightsFor(screen);
    for (const light of flowLights) {
      const pattern = lights[light];
      if (this.#lights.get(light) === pattern) continue;
      this.#lights.set(light, pattern);
      this.#deps.gpio.setLight(light, pattern);
    }
  }

  #viewOrThrow(): FlowView {
    if (this.#view === null) throw new Error('a running flow has a view');
    return this.#view;
  }
}
