// What the agent's screen shows, as the daemon pushes it (Kiosk.FlowChanged). The flows are
// state machines in the daemon; the UI renders exactly one FlowScreen and sends FlowActions back.
// Browser-safe: types only, no daemon runtime imports. Nothing here ever holds a PIN or an
// unmasked ID number.
import type { IntakeBusiness } from './businesses.ts';
import type { BilingualText } from './bilingual-text.ts';
import type { CardLifecycle, CardType } from './devices/card-reader.ts';
import type { PinRefusal } from './pin-refusal.ts';
import type { DocumentForm, DocumentKind, IdCardRole } from './intake/package-schema.ts';

export const flowKinds = ['unlock', 'renewal', 'intake', 'query'] as const;
export type FlowKind = (typeof flowKinds)[number];



/** A card as the agent sees it: the holder's ID number masked (first 6, last 4). */
export interface CardView {
  cardNo: string;
  cardType: CardType;
  holderName: string;
  holderIdNumberMasked: string;
  enterpriseName: string;
  uscc: string;
  lifecycle: CardLifecycle;
  certificateNotAfter: string;
  /** Whole days until the certificate expires; negative once expired. */
  daysLeft: number;
  pinTriesLeft: number;
}

/**
 * Something went wrong, in terms the UI turns into plain words and a next step. Every kind has
 * a way on: try again, another card, staff at the counter, or cancel.
 */
export type FlowProblem =
  | { kind: 'noCard' }
  /** Pulled out mid-operation; the card is consistent (journal + reconciliation). */
  | { kind: 'cardRemoved' }
  | { kind: 'readerUnavailable' }
  | { kind: 'unreadableCard' }
  /** This business needs another lifecycle (unlock: locked; renewal: active, not expired). */
  | { kind: 'wrongCardState'; lifecycle: CardLifecycle }
  | { kind: 'wrongCardType'; expected: CardType[]; actual: CardType }
  /** A card of another enterprise than the one this session is for. */
  | { kind: 'otherEnterprise' }
  | { kind: 'legalPersonFirst' }
  | { kind: 'alreadyDone'; cardNo: string }
  | { kind: 'wrongPin'; triesLeft: number }
  | { kind: 'pinBlocked' }
  | { kind: 'pinPolicy'; refusal: PinRefusal }
  | { kind: 'authorityUnreachable' }
  | { kind: 'authorityRefused'; reason: string }
  | { kind: 'scannerJam' }
  | { kind: 'scannerCoverOpen' }
  | { kind: 'scannerNoPaper' }
  | { kind: 'scannerUnavailable' }
  /** The page must be fed again (blank, too coarse, too crooked). */
  | { kind: 'rescan'; checks: ('blank' | 'lowResolution' | 'heavySkew')[] }
  | { kind: 'fieldsInvalid'; fields: string[] }
  | { kind: 'printerNoPaper' }
  | { kind: 'printerCoverOpen' }
  | { kind: 'printerUnavailable' }
  /** The kiosk went out of service (cabinet opened, technician) while the flow ran. */
  | { kind: 'outOfService' }
  | { kind: 'internal'; detail: string };

/** Which card the insert screen asks for. */
export type CardWanted = 'lockedCard' | 'legalPersonCard' | 'cardToRenew' | 'anyCard';

/** A paper the kiosk asks for (one step of the capture checklist). */
export interface PaperRequest {
  label: BilingualText;
  /** Captured so far / needed, over the whole checklist. */
  position: { index: number; of: number };
  /** The paper the scan captures as (what the dev dock feeds the simulator); null: any. */
  wanted: PaperWanted;
}

export interface PaperWanted {
  kind: DocumentKind;
  form: DocumentForm | null;
  role: IdCardRole | null;
}

/** `choice`: one of `choices` (a certificate's type, a yes/no consent), picked on screen. */
export type FieldInput = 'text' | 'code' | 'idNumber' | 'date' | 'choice';

export interface FieldChoice {
  value: string;
  label: BilingualText;
}

export interface FieldView {
  /** The intake package field (DocumentFields key), or an unlock evidence field. */
  key: string;
  label: BilingualText;
  value: string;
  input: FieldInput;
  required: boolean;
  /** Where the value came from: the licence's QR, the card, the registry, or nothing yet. */
  source: 'qr' | 'card' | 'registry' | 'agent' | 'none';
  /** For `input: 'choice'` only: the values the agent picks from. */
  choices?: FieldChoice[];
}

export interface ChecklistItemView {
  label: BilingualText;
  status: 'missing' | 'pendingConfirmation' | 'confirmed';
}

export interface FindingView {
  ruleId: string;
  severity: 'error' | 'warning';
  message: BilingualText;
}

export interface RegistryDifference {
  field: 'name' | 'uscc' | 'legalRepresentative' | 'address';
  onPaper: string;
  inRegistry: string;
}

export interface RenewedCardView {
  cardNo: string;
  cardType: CardType;
  holderName: string;
  notAfter: string;
}

/** What the finished business did, for the done screen and its receipt. */
export type FlowOutcome =
  | { flow: 'unlock'; card: CardView }
  | { flow: 'renewal'; enterpriseName: string; cards: RenewedCardView[] }
  /** ticket: null when the papers are not acceptable (the receipt lists what is missing or wrong). */
  | { flow: 'intake'; business: IntakeBusiness; ticket: string | null }
  | { flow: 'query'; card: CardView };

export type ReceiptState = { state: 'printing' } | { state: 'printed'; jobId: string } | { state: 'failed'; problem: FlowProblem } | { state: 'skipped' };

/** Advice on the query screen: what the card's state means the agent should do next. */
export type CardAdvice = 'none' | 'renewSoon' | 'renewNow' | 'expired' | 'unlock' | 'counter';

export type FlowScreen =
  /** Unlock only: consent to the use of personal information (PIPL) before anything is read. */
  | { screen: 'consent' }
  | { screen: 'insertCard'; wanted: CardWanted; problem: FlowProblem | null }
  | { screen: 'readingCard' }
  /** The card in the reader, to confirm it is the right one. */
  | { screen: 'cardShown'; card: CardView }
  /** `verify`: the card's PIN proves the agent may act; `renew`: the PIN of a card about to be renewed (`next` skips that card). */
  | { screen: 'enterPin'; purpose: 'verify' | 'renew'; card: CardView; problem: FlowProblem | null }
  /** New PIN twice on the PIN pad; `problem` explains a refusal by the policy. */
  | { screen: 'newPin'; card: CardView; problem: FlowProblem | null }
  | { screen: 'checklist'; business: IntakeBusiness; items: ChecklistItemView[] }
  | { screen: 'scanPaper'; paper: PaperRequest; scanning: boolean; problem: FlowProblem | null }
  | { screen: 'confirmFields'; paper: PaperRequest; fields: FieldView[]; problem: FlowProblem | null }
  /** Renewal: the licence differs from the registry; a change of information comes first. */
  | { screen: 'registryMismatch'; differences: RegistryDifference[] }
  /** A step the agent waits for; `progress` when it has countable steps (unlock, renewal). */
  /** `progress.index`: the 0-based position of `step` (just reached) in the operation's `of` steps. */
  | { screen: 'working'; task: 'authorising' | 'unlocking' | 'renewing' | 'checking' | 'submitting' | 'comparing'; progress: { step: string; index: number; of: number } | null }
  /** Renewal: the cards renewed so far; renew another or finish. */
  | { screen: 'renewalNext'; renewed: RenewedCardView[] }
  | { screen: 'verdict'; business: IntakeBusiness; acceptable: boolean; findings: FindingView[]; missing: BilingualText[] }
  | { screen: 'cardStatus'; card: CardView; advice: CardAdvice }
  | { screen: 'done'; outcome: FlowOutcome; receipt: ReceiptState }
  /** The business is over and a card is still in the reader: prompt, guide light, sound. */
  | { screen: 'takeCard' }
  /** The flow cannot go on; the problem says why and what to do instead. */
  | { screen: 'failed'; problem: FlowProblem };

export type ScreenName = FlowScreen['screen'];

export interface FlowView {
  flowId: string;
  flow: FlowKind;
  /** For the intake flow, the business being checked. */
  business: IntakeBusiness | null;
  screen: FlowScreen;
  canBack: boolean;
  canCancel: boolean;
  /** The daemon's clock when this view was pushed (epoch ms), for the push-to-render benchmark. */
  pushedAt: number;
  /** Increases with every push of this flow, so the UI ignores a stale one. */
  revision: number;
  /**
   * When the daemon ends the flow as timedOut if nobody acts (epoch ms, the daemon's clock): the
   * UI's countdown shows this. Absent when no deadline runs (take-card, failed screens).
   */
  idleDeadline?: number;
}
