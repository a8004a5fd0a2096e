// One business as a state machine. Each flow keeps its state as a discriminated union and moves
// only through `handle` (the agent's actions) and `onCardReader` (insert, removal); the host
// (flow-host.ts) pushes `screen()` to the UI after every change and journals every transition.
// The flows implement this interface by extending FlowMachine (flow-machine.ts).
import type { Authority } from '../../contract/authority/authority.ts';
import type { AgentSessions } from '../cards/agent-session.ts';
import type { CardService } from '../cards/card-service.ts';
import type { CardReader } from '../../drivers/card/card-reader.ts';
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { IdCardReader } from '../../drivers/idcard/id-card-reader.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import type { IntakeCapture } from '../intake/capture-session.ts';
import type { Logger } from '../log/logger.ts';
import type { PrintService } from '../printing/print-service.ts';
import type { FlowAction } from '../../contract/protocol/flow-messages.ts';
import type { Result } from '../../basics/result.ts';
import type { FlowKind, FlowScreen } from '../../contract/flow-view.ts';

export interface FlowDeps {
  cards: CardService;
  reader: CardReader;
  /** The resident ID-card reader (NotFittedIdCardReader on a kiosk without one). */
  idCards: IdCardReader;
  capture: IntakeCapture;
  authority: Authority;
  printer: PrintService;
  sessions: AgentSessions;
  logger: Logger;
  kioskId: string;
  now: () => Date;
  /** Progress of the one unlock or renewal running now (CardService's step hook). */
  progress: { listen(listener: ((operation: 'unlock' | 'renewal', step: string) => void) | null): void };
}

export interface FlowHooks {
  /** The screen changed (also mid-action, e.g. progress): push it. */
  changed(): void;
  /** One journal entry in the session (no PIN, no full ID number: the store redacts too). */
  journal(step: string, data?: Record<string, unknown>): void;
}

/** Why an action was refused: it does not belong on this screen (a stale or scripted client). */
export interface ActionRefusal {
  kind: 'notOnThisScreen';
  screen: FlowScreen['screen'];
  action: FlowAction['action'];
}

export interface Flow {
  readonly kind: FlowKind;
  screen(): FlowScreen;
  canBack(): boolean;
  /** The screen takes `cancel` as an action: work done stands, the flow says so before it ends. */
  takesCancel(): boolean;
  /** `back` and every other action except cancel (the host handles cancel and timeouts). */
  handle(action: FlowAction, signal: AbortSignal): Promise<Result<void, ActionRefusal>>;
  /** The reader's status changed: a card arrived or left. */
  onCardReader(status: CardReaderStatus): void;
  /** The ID-card reader's status changed: the agent's ID card placed, read, taken off; the reader failed. */
  onIdCardReader?(status: IdCardReaderStatus): void;
  /** The business is over (the agent pressed finish or it failed for good): the host ends it. */
  ended(): { outcome: 'completed' | 'failed' | 'canceled' } | null;
}
