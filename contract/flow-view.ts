// What the agent's screen shows, as the daemon pushes it (Kiosk.FlowChanged). The flows are
// state machines in the daemon; the UI renders exactly one FlowScreen and sends FlowActions back.
// Browser-safe: types only, no daemon runtime imports. Nothing here ever holds a PIN or an
// unmasked ID number.
import type { IntakeBusiness, RulebookBusiness } from './businesses.ts';
import type { RefusalReason, RegistryOperation } from './authority/authority.ts';
import type { BilingualText } from './bilingual-text.ts';
import type { CardLifecycle, CardType } from './devices/card-reader.ts';
import type { PinRefusal } from './pin-refusal.ts';
import type { DocumentForm, DocumentKind, IdCardRole } from './intake/package-schema.ts';

export const flowKinds = ['unlock', 'renewal', 'intake', 'query', 'pinChange', 'cardManagement'] as const;
export type FlowKind = (typeof flowKinds)[number];



/** Why the authority refused, as a screen says it: its refusal reasons, and a card it does not know. */
export type AuthorityRefusalReason = RefusalReason | 'unknownCard';

/** How a session ended, as the take-card screen says it: done, canceled, timed out, failed. */
export type SessionEnd = 'finished' | 'canceled' | 'timedOut' | 'failed';

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
  /**
   * The card is still on its issuer's initial PIN (card profile tag 8C): it must be changed
   * before anything else (seed 003), and every business but the PIN change refuses the card.
   */
  pinMustChange: boolean;
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
  /**
   * Renewal: the card's certificate has expired; it is renewed at the counter only (seed 003: 只可对
   * 未过期的IC卡进行延期). `checkPapers` checks the papers for the counter and gives a ticket.
   */
  | { kind: 'cardExpired'; cardNo: string }
  /** A card of another enterprise than the one this session is for. */
  | { kind: 'otherEnterprise' }
  | { kind: 'legalPersonFirst' }
  | { kind: 'alreadyDone'; cardNo: string }
  /** Renewal: this kiosk renewed the card's certificate earlier today (another session); valid until `notAfter`. */
  | { kind: 'renewedToday'; cardNo: string; notAfter: string }
  | { kind: 'wrongPin'; triesLeft: number }
  | { kind: 'pinBlocked' }
  | { kind: 'pinPolicy'; refusal: PinRefusal }
  /** The card is still on its initial PIN: the PIN change comes first (the start screen's "Change PIN"). */
  | { kind: 'pinMustChange' }
  /**
   * The intake: the card is still on its initial PIN, so it is not taken into this check (seed 003:
   * the PIN change comes first); the papers scanned stay, the PIN is changed after this check.
   */
  | { kind: 'pinMustChangeAfterCheck'; cardNo: string }
  /** The card taken out mid-change is back and its new PIN was refused: the change did not take, the old PIN stands. */
  | { kind: 'pinChangeNotDone'; triesLeft: number }
  | { kind: 'authorityUnreachable' }
  | { kind: 'authorityRefused'; reason: AuthorityRefusalReason }
  | { kind: 'scannerJam' }
  | { kind: 'scannerCoverOpen' }
  | { kind: 'scannerNoPaper' }
  | { kind: 'scannerUnavailable' }
  /** The page must be fed again (blank, too coarse, too crooked). */
  | { kind: 'rescan'; checks: ('blank' | 'lowResolution' | 'heavySkew')[] }
  | { kind: 'fieldsInvalid'; fields: string[] }
  /** The page scanned is not the paper asked for: what it looks like (take it back, feed the one asked for). */
  | { kind: 'wrongPaper'; looksLike: BilingualText }
  | { kind: 'printerNoPaper' }
  | { kind: 'printerCoverOpen' }
  | { kind: 'printerUnavailable' }
  /** The kiosk went out of service (cabinet opened, technician) while the flow ran. */
  | { kind: 'outOfService' }
  | { kind: 'internal'; detail: string }
  /** The resident ID card on the reader is past its last valid day (YYYY-MM-DD): it does not prove who the agent is. */
  | { kind: 'idCardExpired'; validUntil: string }
  /** The ID-card reader could not read the card on it (or the reader failed): the copy and typing instead. */
  | { kind: 'idCardUnreadable' }
  /** What the agent confirmed from the copy differs from the chip of the ID card read (field keys). */
  | { kind: 'idCardMismatch'; fields: string[] };

/** Which card the insert screen asks for. `enterpriseCards`: a change of information reads every card of the enterprise, one by one. */
export type CardWanted = 'lockedCard' | 'legalPersonCard' | 'cardToRenew' | 'anyCard' | 'enterpriseCards' | 'cardForPinChange';

/**
 * A change of information brings every IC card the enterprise holds. `cards`: the registry's list
 * once one of them has been read (empty before), each with whether it was read here already.
 */
export interface CardsToBring {
  cards: { cardNo: string; cardType: CardType; holderName: string; read: boolean }[];
}

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
  /**
   * Where the value came from: the licence's QR, the card, the registry, a paper checked before,
   * the agent, or nothing yet; `idCard`: the chip of the agent's resident ID card on the ID-card
   * reader; `ocr`: read off this paper's scan.
   */
  source: 'qr' | 'card' | 'registry' | 'earlier' | 'agent' | 'none' | 'idCard' | 'ocr';
  /** Read by OCR without certainty (a doubtful character, a failed check character): the agent should look. */
  uncertain?: boolean;
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
  /**
   * ticket: null when the papers are not acceptable; then `missing` and `findings` are what is
   * missing or wrong (kept on the done screen, printed or not), as on the verdict.
   */
  | { flow: 'intake'; business: RulebookBusiness; ticket: string | null; missing: BilingualText[]; findings: FindingView[] }
  | { flow: 'query'; card: CardView }
  | { flow: 'pinChange'; card: CardView }
  /** `change` null: the enterprise's list was printed (the query); else the operation done. */
  | { flow: 'cardManagement'; enterpriseName: string; change: RegistryChangeView | null; cards: EnterpriseCardView[] };

export type ReceiptState = { state: 'printing' } | { state: 'printed'; jobId: string } | { state: 'failed'; problem: FlowProblem } | { state: 'skipped' };

/**
 * A certificate with more days left than this does not need renewing yet: the query advises
 * nothing, and the renewal asks "renew anyway?" first.
 */
export const renewSoonDays = 90;

/**
 * Advice on the query screen and the enterprise's list: what the card's state means the agent
 * should do next. `unfreezeHere`, `undoLossHere`, `deregisterHere`: the legal-person card holder
 * can do it at the kiosk (operator-card management); `counterLegalPerson`: the legal-person
 * card's own loss, freeze or invalidation is the counter's, with papers (LegalPersonCounterPapers).
 */
export type CardAdvice = 'none' | 'renewSoon' | 'renewNow' | 'expired' | 'unlock' | 'counter' | 'changePin' | 'unfreezeHere' | 'undoLossHere' | 'deregisterHere' | 'counterLegalPerson';

/**
 * One card of the enterprise as the registry lists it (the legal-person query), the holder's ID
 * number masked. `operations`: what the legal-person card holder may do to it here (none for the
 * legal-person card itself: the counter's).
 */
export interface EnterpriseCardView {
  cardNo: string;
  cardType: CardType;
  holderName: string;
  holderIdNumberMasked: string;
  /** The registry's status (the reference), 'expired' once the certificate ran out. */
  status: CardLifecycle;
  certificateNotAfter: string;
  /** Whole days until the certificate expires; negative once expired. */
  daysLeft: number;
  advice: CardAdvice;
  operations: RegistryOperation[];
}

/** A registry operation done at the kiosk, for the done screen and its receipt. */
export interface RegistryChangeView {
  operation: RegistryOperation;
  reference: string;
  /** The card as the registry holds it now; null for a declaration of a new operator. */
  card: EnterpriseCardView | null;
}

export type FlowScreen =
  /** Unlock only: consent to the use of personal information (PIPL) before anything is read. */
  | { screen: 'consent' }
  /** `cards`: with `enterpriseCards`, the cards to bring and which were read. */
  | { screen: 'insertCard'; wanted: CardWanted; problem: FlowProblem | null; cards?: CardsToBring }
  | { screen: 'readingCard' }
  /** The card in the reader, to confirm it is the right one. */
  | { screen: 'cardShown'; card: CardView }
  /**
   * `verify`: the card's PIN proves the agent may act; `renew`: the PIN of a card about to be
   * renewed (`next` skips that card). `verifiedBefore`: this card's PIN was already verified while
   * it stayed in the reader; the card asks for it again before its certificate is written,
   * because the kiosk never keeps a PIN (the screen says so).
   */
  | {
      screen: 'enterPin';
      purpose: 'verify' | 'renew' | 'authorise';
      card: CardView;
      problem: FlowProblem | null;
      verifiedBefore: boolean;
      /** `authorise`: the registry operation the PIN signs for (operator-card management). */
      authorise?: { operation: RegistryOperation; target: EnterpriseCardView | null };
    }
  /**
   * New PIN twice on the PIN pad. `entry: 'first'`: the first entry goes to the daemon alone
   * (`checkNewPin`) and is checked against the policy at once; `'again'`: it passed, the pad
   * asks for it again (the UI still holds the first entry and sends both with `newPin`).
   * `problem` explains a refusal by the policy or a mismatch.
   */
  | { screen: 'newPin'; card: CardView; problem: FlowProblem | null; entry: 'first' | 'again' }
  /**
   * PIN change: the current PIN, then the new one twice, on one PIN pad. `entry: 'current'`: the
   * current PIN goes to the daemon alone (`pin`) and is verified on the card at once; `'first'`:
   * the first entry of the new PIN (`checkNewPin`, the policy at once); `'again'`: the second, sent
   * with the other two (`changePin`). The UI holds the entries it needs for the last action and
   * forgets them once sent; the daemon keeps none. `firstUse`: the card is still on its initial
   * PIN, so this change comes before any other service. `'settle'`: the card was taken out while
   * its PIN was being changed and it is back: the new PIN the agent chose goes alone (`pin`) and a
   * VERIFY says whether the change took (no PIN is kept to compare with).
   */
  | { screen: 'changePin'; card: CardView; problem: FlowProblem | null; entry: 'current' | 'first' | 'again' | 'settle'; firstUse: boolean }
  /** `cards`: for a change of information, the IC cards to bring (null for the other businesses). */
  | { screen: 'checklist'; business: RulebookBusiness; items: ChecklistItemView[]; cards: CardsToBring | null }
  | { screen: 'scanPaper'; paper: PaperRequest; scanning: boolean; problem: FlowProblem | null }
  /** `missingStamps`: the seals this paper must carry and the scan did not find (said now, not only at the verdict). */
  | { screen: 'confirmFields'; paper: PaperRequest; fields: FieldView[]; problem: FlowProblem | null; missingStamps?: BilingualText[] }
  /** Renewal: the licence differs from the registry; a change of information comes first. */
  | { screen: 'registryMismatch'; differences: RegistryDifference[] }
  /** A step the agent waits for; `progress` when it has countable steps (unlock, renewal). */
  /** `progress.index`: the 0-based position of `step` (just reached) in the operation's `of` steps. */
  | { screen: 'working'; task: 'authorising' | 'unlocking' | 'renewing' | 'checking' | 'submitting' | 'comparing' | 'changingPin' | 'listing'; progress: { step: string; index: number; of: number } | null }
  /**
   * Renewal: the card's certificate has more than `renewSoonDays` left; renew anyway (`next`) or
   * leave it as it is (`skipCard`).
   */
  | { screen: 'renewEarly'; card: CardView }
  /** Renewal: the cards renewed so far; renew another or finish. */
  | { screen: 'renewalNext'; renewed: RenewedCardView[] }
  /** Renewal, another card: the previous card is still in the reader; take it out first (`back`: the list). */
  | { screen: 'removePreviousCard' }
  /**
   * Renewal canceled after cards were renewed: those renewals stand (the cards carry the new
   * certificates); their receipt (`printReceipt`) or none (`finish`); `back` goes on renewing.
   */
  | { screen: 'renewalCanceled'; renewed: RenewedCardView[] }
  /**
   * `then`: where acceptable papers lead — `ticket` for the counter (the intake check; an expired
   * card's renewal), `renew`: the card work here (the legal-person card's own renewal).
   */
  | { screen: 'verdict'; business: RulebookBusiness; acceptable: boolean; findings: FindingView[]; missing: BilingualText[]; then: 'ticket' | 'renew' }
  /** `registryStatus`: the registry's status of the card beside the card's own; null when the registry could not be asked. */
  | { screen: 'cardStatus'; card: CardView; advice: CardAdvice; registryStatus: CardLifecycle | null }
  /**
   * The legal-person query: every card of the enterprise from the registry, with what to do next;
   * `pickCard` opens one (its operations), `manage` with declareOperator declares a new operator.
   */
  | { screen: 'enterpriseCards'; legalPerson: CardView; cards: EnterpriseCardView[]; problem: FlowProblem | null }
  /** One card of the list: its operations (`manage`), or why none applies here. */
  /** `counterPapers`: for the legal-person card itself, the papers its loss or freeze needs at the counter. */
  | { screen: 'manageCard'; card: EnterpriseCardView; problem: FlowProblem | null; counterPapers: BilingualText[] | null }
  | { screen: 'done'; outcome: FlowOutcome; receipt: ReceiptState }
  /**
   * The business is over and a card is still in the reader: prompt, guide light, sound. `ended`
   * says how it ended, so the agent learns that a timeout (not they) ended it.
   */
  | { screen: 'takeCard'; ended: SessionEnd }
  /** The flow cannot go on; the problem says why and what to do instead. */
  /**
   * `next`: what the flow's `next` does here — `retry` the step that failed (the same idempotency
   * key: nothing done twice), `goOn` with the business (work done stands), or null: only `finish`.
   */
  | { screen: 'failed'; problem: FlowProblem; next: FailedNext }
  /**
   * The agent's resident ID card on the ID-card reader (a reader is fitted): its chip gives the
   * agent's name and ID number. `reading`: a card is on it and being read. `canSkip`: the reader
   * failed or could not read this card, so `useCopy` goes on with the scanned copy and typing.
   */
  | { screen: 'placeIdCard'; problem: FlowProblem | null; reading: boolean; canSkip: boolean };

export type ScreenName = FlowScreen['screen'];

/** Where the failed screen's `next` leads (see the `failed` screen). */
export type FailedNext = 'retry' | 'goOn' | null;

export interface FlowView {
  flowId: string;
  flow: FlowKind;
  /** For the intake flow, the business being checked. */
  business: IntakeBusiness | null;
  screen: FlowScreen;
  canBack: boolean;
  canCancel: boolean;
  /**
   * Cancel is the flow's `cancel` action here, not the end of the session: work done stands
   * (renewed cards), and the flow says so and offers its receipt before it ends.
   */
  cancelIsAction: boolean;
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

/**
 * Screens where the agent is looking for, feeding or reading papers: the daemon's longer
 * inactivity deadline (session.paperIdleSeconds) holds there, and the page's own minute does not.
 */
export function isPaperScreen(screen: FlowScreen): boolean {
  switch (screen.screen) {
    case 'checklist':
    case 'scanPaper':
    case 'confirmFields':
    case 'registryMismatch':
    case 'verdict':
      return true;
    case 'consent':
    case 'insertCard':
    case 'readingCard':
    case 'cardShown':
    case 'enterPin':
    case 'newPin':
    case 'changePin':
    case 'working':
    case 'renewEarly':
    case 'renewalNext':
    case 'removePreviousCard':
    case 'renewalCanceled':
    case 'cardStatus':
    case 'enterpriseCards':
    case 'manageCard':
    case 'done':
    case 'takeCard':
    case 'failed':
    case 'placeIdCard':
      return false;
  }
}
