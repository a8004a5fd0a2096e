// Certificate renewal on the spot (DOMAIN.md, seed 000 附件3): the enterprise's legal-person card
// first, its PIN verified; the business licence scanned and its QR compared with the E-Port
// registry (any difference: a change of information comes first, the flow ends); then the cards
// to renew — the legal-person card itself, then operator and tax-clerk cards of the same
// enterprise — each with its PIN, which travels only inside the one action that carries it.
// Only an active card whose certificate has not expired is renewed here.
//
// The legal-person card's own renewal follows the counter's rules (seed 003: 法人卡的延期功能沿用旧
// 流程; seed 000 三): before its card work the flow checks its papers — the introduction letter,
// the agent's ID card and copy, the certificates' originals and sealed copies — with the intake's
// guided capture and rules (paper-check.ts), the licence already scanned for the comparison
// confirmed rather than scanned again; without acceptable papers the card work does not start.
// An expired card is refused on the spot (seed 003: 只可对未过期的IC卡进行延期) and offered the same
// paper check for the counter, ending with a ticket.
//
// The legal-person card's own renewal may be skipped: `next` on the PIN screen of any card to
// renew leaves that card as it is and goes to the list of renewed cards (renew another / finish),
// because the enterprise seal is needed to authorise the others whether or not it needs renewing.
// A card with more than renewSoonDays left is renewed only when the agent says "renew anyway";
// a card this kiosk renewed earlier today is refused (the store's finished renewals say so).
//
// The PIN is never kept. That a card's PIN was verified is kept while the card stays in the
// reader; the card itself forgets it between two card sessions, so the legal-person card's PIN
// is asked again for its renewal, and the screen says why. Cancel after a renewal goes to a screen
// that says the renewals done stand and offers their receipt.
import type { RegisteredEnterprise } from '../../contract/authority/authority.ts';
import type { CaptureOutcome } from '../../contract/intake/capture.ts';
import type { CardServiceError } from '../cards/card-service-error.ts';
import { renewalSteps } from '../cards/renewal.ts';
import { normaliseCode, normaliseText } from '../intake/context.ts';
import { chinaDay } from '../intake/check.ts';
import { paperLabel } from '../../contract/intake/labels.ts';
import { renewalReceipt } from '../printing/business-receipts.ts';
import { CardStep, firstUseRefusal } from './card-step.ts';
import type { Flow, FlowDeps, FlowHooks } from './flow.ts';
import { FlowMachine, type Actions } from './flow-machine.ts';
import { authorityProblem, cardProblem } from './flow-problem.ts';
import { renewSoonDays, type CardView, type FailedNext, type FlowProblem, type FlowScreen, type PaperRequest, type RegistryDifference, type RenewedCardView } from '../../contract/flow-view.ts';
import { ReceiptStep } from './receipt-step.ts';
import { askFor, PaperStep, scanScreen, type PaperAsked } from './paper-step.ts';
import { PaperCheck, type PaperCheckState, type VerdictView } from './paper-check.ts';
import type { IntakeCard } from '../../contract/intake/package-schema.ts';

type Wanted = 'legalPersonCard' | 'cardToRenew';
type PinPurpose = 'verifyLegalPerson' | 'renew';

/** What the licence's QR says, as compared with the registry. */
interface LicenceFields {
  name: string;
  uscc: string;
  legalRepresentative: string;
  address: string;
}

type Progress = { step: string; index: number; of: number } | null;

/** Where `next` leads from the failed screen. */
type AfterFailure = { to: 'end' } | { to: 'card' } | { to: 'compare'; licence: LicenceFields } | { to: 'retry'; retry: () => unknown } | { to: 'list' };

/** What the failed screen offers: the step again, or on with the renewal (cards renewed stand). */
function failedNext(then: AfterFailure): FailedNext {
  switch (then.to) {
    case 'end':
      return null;
    case 'compare':
    case 'retry':
      return 'retry';
    case 'card':
    case 'list':
      return 'goOn';
  }
}

type State =
  | { at: 'insertCard'; wanted: Wanted; problem: FlowProblem | null }
  | { at: 'readingCard'; wanted: Wanted }
  | { at: 'enterPin'; purpose: PinPurpose; card: CardView; problem: FlowProblem | null }
  /** More than renewSoonDays left: renew anyway? */
  | { at: 'renewEarly'; card: CardView }
  | ({ at: 'scanPaper' } & PaperAsked)
  | { at: 'comparing' }
  | { at: 'registryMismatch'; differences: RegistryDifference[] }
  | { at: 'renewing'; card: CardView; progress: Progress }
  | { at: 'renewalNext' }
  /** Renew another card: the previous one is still in the reader. */
  | { at: 'removePrevious' }
  /** Canceled after renewals: they stand; their receipt or none. */
  | { at: 'canceled' }
  | { at: 'done' }
  /** The papers' check ended: a ticket for the counter, or the list of what is missing (printed). */
  | { at: 'papersDone'; ticket: string | null; verdict: VerdictView }
  | PaperCheckState
  | { at: 'failed'; problem: FlowProblem; then: AfterFailure };

const licencePaper: PaperRequest = {
  label: paperLabel('business_licence', 'original'),
  position: { index: 0, of: 1 },
  wanted: { kind: 'business_licence', form: 'original', role: null },
};
const renewableTypes = ['legal_person', 'operator', 'tax_clerk'] as const;

export function createRenewalFlow(deps: FlowDeps, hooks: FlowHooks): Flow {
  return new RenewalFlow(deps, hooks);
}

class RenewalFlow extends FlowMachine<State> {
  override readonly kind = 'renewal' as const;
  readonly #deps: FlowDeps;
  readonly #card: CardStep<State>;
  readonly #hooks: FlowHooks;
  readonly #receipt: ReceiptStep;
  readonly #paper: PaperStep<State>;
  /** The enterprise's legal-person card, PIN verified in this session. */
  #legalPerson: CardView | null = null;
  #enterprise: { name: string; uscc: string } | null = null;
  #renewed: RenewedCardView[] = [];
  /** The card whose PIN was verified while it has stayed in the reader (never the PIN). */
  #verifiedInReader: string | null = null;
  /** The card pulled out mid-renewal, and the certificate expiry it had before. */
  #interrupted: { cardNo: string; notAfter: string } | null = null;
  readonly #papers: PaperCheck;
  readonly #papersReceipt: ReceiptStep;
  /** The legal-person card's papers passed the check in this session: its card work may start. */
  #papersAccepted = false;
  /** The card whose renewal waits for its papers (the legal-person card). */
  #awaitingPapers: CardView | null = null;
  /** The card just refused as expired: its papers may be checked for the counter. */
  #expired: CardView | null = null;
  /** The licence scanned for the comparison, kept for the papers' check (confirmed, not scanned again). */
  #licenceScan: CaptureOutcome | null = null;

  constructor(deps: FlowDeps, hooks: FlowHooks) {
    super({ at: 'insertCard', wanted: 'legalPersonCard', problem: null }, deps, hooks);
    this.#deps = deps;
    this.#card = new CardStep(this, deps.cards);
    this.#hooks = hooks;
    this.#receipt = new ReceiptStep(deps, () => hooks.changed(), () => this.end('completed'));
    this.#paper = new PaperStep<State>(this, deps.capture);
    // After a ticket or a list, the agent goes on with the cards (when the legal-person card logged in) or leaves.
    const afterPapers = (): void => {
      if (this.#legalPerson === null) this.end('completed');
      else this.go({ at: 'renewalNext' });
    };
    this.#papersReceipt = new ReceiptStep(deps, () => hooks.changed(), afterPapers);
    this.#papers = new PaperCheck(this, deps, hooks, 'renewal', {
      accepted: () => this.#papersPassed(),
      done: (ticket, verdict) => this.#papersDone(ticket, verdict),
      left: () => {
        this.#hooks.journal('renewal.papersLeft', {});
        this.#awaitingPapers = null;
        afterPapers();
      },
      failed: (problem, retry) => this.go({ at: 'failed', problem, then: retry === null ? { to: 'list' } : { to: 'retry', retry } }),
    });
    // The agent may have put the card in before choosing the business.
    if (this.cardIn) void this.#read('legalPersonCard');
  }

  override screen(): FlowScreen {
    const state = this.state;
    switch (state.at) {
      case 'insertCard':
        return { screen: 'insertCard', wanted: state.wanted, problem: state.problem };
      case 'readingCard':
        return { screen: 'readingCard' };
      case 'enterPin':
        return {
          screen: 'enterPin',
          purpose: state.purpose === 'renew' ? 'renew' : 'verify',
          card: state.card,
          problem: state.problem,
          verifiedBefore: this.#verifiedInReader === state.card.cardNo,
        };
      case 'renewEarly':
        return { screen: 'renewEarly', card: state.card };
      case 'scanPaper':
        return scanScreen(state);
      case 'comparing':
        return { screen: 'working', task: 'comparing', progress: null };
      case 'registryMismatch':
        return { screen: 'registryMismatch', differences: state.differences };
      case 'renewing':
        return { screen: 'working', task: 'renewing', progress: state.progress };
      case 'renewalNext':
        return { screen: 'renewalNext', renewed: [...this.#renewed] };
      case 'removePrevious':
        return { screen: 'removePreviousCard' };
      case 'canceled':
        return { screen: 'renewalCanceled', renewed: [...this.#renewed] };
      case 'done':
        return this.#receipt.screen({ flow: 'renewal', enterpriseName: this.#enterprise?.name ?? '', cards: [...this.#renewed] });
      case 'papersDone':
        return this.#papersReceipt.screen({ flow: 'intake', business: 'renewal', ticket: state.ticket, missing: state.ticket === null ? state.verdict.missing : [], findings: state.verdict.findings });
      case 'papersListed':
      case 'paperScan':
      case 'paperFields':
      case 'papersChecking':
      case 'papersVerdict':
      case 'papersSubmitting':
        return this.#papers.screen(state);
      case 'failed':
        return { screen: 'failed', problem: state.problem, next: failedNext(state.then) };
    }
  }

  /** Once a card is renewed, cancel first says that it stands (and offers the receipt). */
  protected override actions(state: State): Actions {
    const own = this.#actions(state);
    if (this.#renewed.length === 0) return own;
    switch (state.at) {
      case 'done':
      case 'canceled':
      case 'renewing':
      case 'papersDone':
      case 'papersChecking':
      case 'papersSubmitting':
        return own;
      case 'papersListed':
      case 'paperScan':
      case 'paperFields':
      case 'papersVerdict':
      case 'insertCard':
      case 'readingCard':
      case 'enterPin':
      case 'renewEarly':
      case 'scanPaper':
      case 'comparing':
      case 'registryMismatch':
      case 'renewalNext':
      case 'removePrevious':
      case 'failed':
        return {
          ...own,
          cancel: () => {
            this.#hooks.journal('renewal.canceled', { renewed: this.#renewed.length });
            this.go({ at: 'canceled' });
          },
        };
    }
  }

  #actions(state: State): Actions {
    switch (state.at) {
      case 'insertCard': {
        // Only the cards to renew come after a list to go back to.
        const back: Actions = state.wanted === 'cardToRenew' ? { back: () => this.go({ at: 'renewalNext' }) } : {};
        const expired = this.#expired;
        if (state.problem?.kind !== 'cardExpired' || expired === null) return back;
        // Refused as expired: its papers for the counter, and a ticket.
        return { ...back, checkPapers: () => this.#checkForCounter(expired) };
      }
      case 'enterPin': {
        const back = (): number => this.go({ at: 'insertCard', wanted: wantedFor(state.purpose), problem: null });
        if (state.purpose === 'verifyLegalPerson') return { back, pin: (action) => this.#verify(state, action.pin) };
        return {
          back,
          pin: (action) => this.#renew(state, action.pin),
          // This card stays as it is.
          next: () => {
            this.#hooks.journal('renewal.skipped', { cardNo: state.card.cardNo });
            this.go({ at: 'renewalNext' });
          },
        };
      }
      case 'renewEarly':
        return {
          next: () => {
            const next = this.#toRenew(state.card);
            if (next !== null) this.go(next);
          },
          skipCard: () => {
            this.#hooks.journal('renewal.skipped', { cardNo: state.card.cardNo, daysLeft: state.card.daysLeft });
            this.go({ at: 'renewalNext' });
          },
        };
      case 'scanPaper':
        return state.scanning ? {} : { scan: (_, signal) => this.#scan(state, signal) };
      case 'readingCard':
      case 'comparing':
      case 'renewing':
        return {};
      case 'registryMismatch':
        return {
          // A change of information must be done first: nothing is renewed today.
          next: () => {
            this.#hooks.journal('renewal.changeRequired', { fields: state.differences.map((d) => d.field) });
            this.end('failed');
          },
        };
      case 'renewalNext':
        return {
          // Not the card still in the reader (most likely the one just renewed): it comes out first.
          anotherCard: () => this.go(this.cardIn ? { at: 'removePrevious' } : { at: 'insertCard', wanted: 'cardToRenew', problem: null }),
          finish: async () => {
            if (this.#renewed.length === 0) this.end('completed');
            else await this.#done();
          },
        };
      case 'removePrevious':
        return { back: () => this.go({ at: 'renewalNext' }) };
      case 'canceled':
        return {
          printReceipt: () => this.#done(),
          finish: () => this.end('canceled'),
          // Go on renewing after all.
          back: () => this.go({ at: 'renewalNext' }),
        };
      case 'done':
        return this.#receipt.actions;
      case 'papersDone':
        return this.#papersReceipt.actions;
      case 'papersListed':
      case 'paperScan':
      case 'paperFields':
      case 'papersChecking':
      case 'papersVerdict':
      case 'papersSubmitting':
        return this.#papers.actions(state);
      case 'failed':
        return { next: () => this.#afterFailure(state.then) };
    }
  }

  #afterFailure(then: AfterFailure): void {
    switch (then.to) {
      case 'end':
        this.end('failed');
        return;
      case 'card':
        this.#awaitCard(this.#wantedNow());
        return;
      case 'compare':
        void this.#compare(then.licence);
        return;
      case 'retry':
        void then.retry();
        return;
      case 'list':
        if (this.#legalPerson === null) this.end('failed');
        else this.go({ at: 'renewalNext' });
        return;
    }
  }

  protected override inserted(state: State): void {
    switch (state.at) {
      case 'insertCard':
        void this.#read(state.wanted);
        return;
      case 'failed':
        if (state.then.to === 'card') void this.#read(this.#wantedNow());
        return;
      case 'renewalNext':
        void this.#read('cardToRenew');
        return;
      case 'readingCard':
      case 'enterPin':
      case 'renewEarly':
      case 'scanPaper':
      case 'comparing':
      case 'registryMismatch':
      case 'renewing':
      case 'removePrevious':
      case 'canceled':
      case 'done':
      case 'papersDone':
      case 'papersListed':
      case 'paperScan':
      case 'paperFields':
      case 'papersChecking':
      case 'papersVerdict':
      case 'papersSubmitting':
        return;
    }
  }

  /**
   * A PIN screen has nothing left to verify; mid-renewal the operation's answer says it. The card
   * out: its PIN verification is gone with it.
   */
  protected override removed(state: State): void {
    this.#verifiedInReader = null;
    switch (state.at) {
      case 'enterPin':
        this.go({ at: 'insertCard', wanted: wantedFor(state.purpose), problem: { kind: 'cardRemoved' } });
        return;
      case 'renewEarly':
        this.go({ at: 'insertCard', wanted: 'cardToRenew', problem: null });
        return;
      case 'removePrevious':
        this.go({ at: 'insertCard', wanted: 'cardToRenew', problem: null });
        return;
      case 'insertCard':
      case 'readingCard':
      case 'scanPaper':
      case 'comparing':
      case 'registryMismatch':
      case 'renewing':
      case 'renewalNext':
      case 'canceled':
      case 'done':
      case 'failed':
      case 'papersDone':
      case 'papersListed':
      case 'paperScan':
      case 'paperFields':
      case 'papersChecking':
      case 'papersVerdict':
      case 'papersSubmitting':
        return;
    }
  }

  /** The card in the reader if there is one, else the insert screen. */
  #awaitCard(wanted: Wanted): void {
    if (this.cardIn) void this.#read(wanted);
    else this.go({ at: 'insertCard', wanted, problem: null });
  }

  #wantedNow(): Wanted {
    return this.#legalPerson === null ? 'legalPersonCard' : 'cardToRenew';
  }

  async #read(wanted: Wanted): Promise<void> {
    const read = await this.#card.read({
      settled: true,
      reading: { at: 'readingCard', wanted },
      insertAgain: (problem) => ({ at: 'insertCard', wanted, problem }),
      journal: (card) => this.#hooks.journal('renewal.cardRead', { cardNo: card.cardNo, cardType: card.cardType, lifecycle: card.lifecycle }),
    });
    if (read === null) return;
    const { card } = read;
    const interrupted = this.#interrupted;
    if (interrupted?.cardNo === card.cardNo) {
      this.#interrupted = null;
      if (card.certificateNotAfter !== interrupted.notAfter) {
        // The renewal went through after all (the reconciliation on insert settled it).
        this.#hooks.journal('renewal.settledOnReinsert', { cardNo: card.cardNo, notAfter: card.certificateNotAfter });
        this.#recordRenewed(card, card.certificateNotAfter);
        this.go({ at: 'renewalNext' });
        return;
      }
    }
    const next = this.#afterRead(wanted, card);
    if (next !== null) this.go(next);
  }

  /** The state after reading `card`; null when the papers' check took over (it moved already). */
  #afterRead(wanted: Wanted, card: CardView): State | null {
    const refuse = (problem: FlowProblem): State => ({ at: 'insertCard', wanted, problem });
    const firstUse = firstUseRefusal(card);
    if (firstUse !== null) {
      this.#hooks.journal('renewal.pinMustChange', { cardNo: card.cardNo });
      return refuse(firstUse);
    }
    switch (wanted) {
      case 'legalPersonCard':
        if (card.cardType !== 'legal_person') return refuse({ kind: 'wrongCardType', expected: ['legal_person'], actual: card.cardType });
        if (card.lifecycle === 'expired') return this.#refuseExpired(wanted, card);
        if (card.lifecycle !== 'active') return refuse({ kind: 'wrongCardState', lifecycle: card.lifecycle });
        return { at: 'enterPin', purpose: 'verifyLegalPerson', card, problem: null };
      case 'cardToRenew':
        if (card.cardType === 'technician') return refuse({ kind: 'wrongCardType', expected: [...renewableTypes], actual: card.cardType });
        if (card.uscc !== this.#legalPerson?.uscc) return refuse({ kind: 'otherEnterprise' });
        if (this.#renewed.some((r) => r.cardNo === card.cardNo)) return refuse({ kind: 'alreadyDone', cardNo: card.cardNo });
        if (this.#renewedToday(card.cardNo)) {
          this.#hooks.journal('renewal.renewedToday', { cardNo: card.cardNo });
          return refuse({ kind: 'renewedToday', cardNo: card.cardNo, notAfter: card.certificateNotAfter });
        }
        if (card.lifecycle === 'expired') return this.#refuseExpired(wanted, card);
        if (card.lifecycle !== 'active') return refuse({ kind: 'wrongCardState', lifecycle: card.lifecycle });
        if (card.daysLeft > renewSoonDays) return { at: 'renewEarly', card };
        return this.#toRenew(card);
    }
  }

  /** Seed 003: only a card that has not expired is renewed here; the counter renews the others. */
  #refuseExpired(wanted: Wanted, card: CardView): State {
    this.#expired = card;
    this.#hooks.journal('renewal.expiredRefused', { cardNo: card.cardNo, cardType: card.cardType });
    return { at: 'insertCard', wanted, problem: { kind: 'cardExpired', cardNo: card.cardNo } };
  }

  /**
   * The card's PIN for its renewal — the legal-person card's only once its papers passed the check
   * (seed 003: its renewal follows the counter's process).
   */
  #toRenew(card: CardView): State | null {
    if (card.cardType === 'legal_person' && !this.#papersAccepted) {
      this.#awaitingPapers = card;
      this.#hooks.journal('renewal.papersAsked', { cardNo: card.cardNo });
      this.#papers.begin('renew', [intakeCard(card)], this.#licenceScan);
      this.#licenceScan = null;
      return null;
    }
    return { at: 'enterPin', purpose: 'renew', card, problem: null };
  }

  #papersPassed(): void {
    this.#papersAccepted = true;
    const card = this.#awaitingPapers;
    this.#awaitingPapers = null;
    this.#hooks.journal('renewal.papersAccepted', { cardNo: card?.cardNo ?? null });
    if (card === null) this.go({ at: 'renewalNext' });
    // The card stays in the reader meanwhile; if it left, its PIN screen says so on the first try.
    else this.go({ at: 'enterPin', purpose: 'renew', card, problem: null });
  }

  /** An expired card's papers for the counter: the legal-person card (when it logged in) and the expired one. */
  #checkForCounter(expired: CardView): void {
    this.#expired = null;
    const legalPerson = this.#legalPerson;
    const cards = legalPerson !== null && legalPerson.cardNo !== expired.cardNo ? [intakeCard(legalPerson), intakeCard(expired)] : [intakeCard(expired)];
    this.#hooks.journal('renewal.counterPapers', { cardNo: expired.cardNo });
    this.#papers.begin('ticket', cards, this.#licenceScan);
    this.#licenceScan = null;
  }

  async #papersDone(ticket: string | null, verdict: VerdictView): Promise<void> {
    const receipt = this.#papers.receipt(this.#papersReceipt.stamp(), ticket, verdict);
    this.go({ at: 'papersDone', ticket, verdict });
    await this.#papersReceipt.print(receipt);
  }

  /** This kiosk renewed the card earlier today (in China's day), in this session or another. */
  #renewedToday(cardNo: string): boolean {
    const last = this.#deps.cards.lastRenewal(cardNo);
    return last !== null && chinaDay(last) === chinaDay(this.#deps.now());
  }

  async #verify(state: Extract<State, { at: 'enterPin' }>, pin: string): Promise<void> {
    const ticket = this.ticket();
    const verified = await this.#deps.cards.verifyPin(pin);
    if (this.stale(ticket)) return;
    if (!verified.ok) {
      this.go(this.#pinRefused(state, verified.error));
      return;
    }
    this.#legalPerson = state.card;
    this.#verifiedInReader = state.card.cardNo;
    this.#hooks.journal('renewal.legalPersonVerified', { cardNo: state.card.cardNo });
    this.go({ at: 'scanPaper', ...askFor(licencePaper) });
  }

  /** Where a refused verify or renewal leads: the PIN again, the card again, or the end. */
  #pinRefused(state: Extract<State, { at: 'enterPin' }>, error: CardServiceError): State {
    const problem = cardProblem(error);
    const again: State = { ...state, problem };
    switch (error.kind) {
      case 'wrongPin':
        return error.triesLeft === 0 ? { at: 'failed', problem, then: { to: 'end' } } : again;
      case 'pinPolicy':
      case 'authority':
        return again;
      case 'pinBlocked':
        // The next step is the unlock business (the failed screen says so).
        return { at: 'failed', problem, then: { to: 'end' } };
      case 'noCard':
      case 'cardRemoved':
        return { at: 'insertCard', wanted: wantedFor(state.purpose), problem: { kind: 'cardRemoved' } };
      case 'cardState':
        return { at: 'insertCard', wanted: wantedFor(state.purpose), problem };
      case 'card':
        return { at: 'failed', problem, then: { to: 'card' } };
      case 'readerUnavailable':
      case 'notAllowed':
      case 'verificationFailed':
      case 'interrupted':
        return { at: 'failed', problem, then: { to: 'end' } };
    }
  }

  async #scan(state: Extract<State, { at: 'scanPaper' }>, signal: AbortSignal): Promise<void> {
    const { capture } = this.#deps;
    if (!capture.state().ok) capture.start('renewal');
    await this.#paper.scan(state, { kind: 'business_licence', form: 'original' }, signal, (outcome) => this.#scanned(outcome));
  }

  /**
   * The QR's fields are compared; the scan stays in the session's capture for the legal-person
   * card's papers (the licence original is one of them) and goes with the session otherwise.
   */
  async #scanned(outcome: CaptureOutcome): Promise<void> {
    const { name, uscc, legalRepresentative, address } = outcome.document.fields;
    this.#hooks.journal('renewal.licenceScanned', { fromQr: outcome.prefilledFromQr });
    if (!outcome.prefilledFromQr || name === undefined || uscc === undefined || legalRepresentative === undefined || address === undefined) {
      this.#deps.capture.remove(outcome.index);
      // No readable QR: feed the licence again (a crooked or folded sheet).
      this.go({ at: 'scanPaper', ...askFor(licencePaper, { kind: 'rescan', checks: [] }) });
      return;
    }
    this.#licenceScan = outcome;
    await this.#compare({ name, uscc, legalRepresentative, address });
  }

  async #compare(licence: LicenceFields): Promise<void> {
    const legalPerson = this.#legalPerson;
    if (legalPerson === null) {
      this.go({ at: 'failed', problem: { kind: 'internal', detail: 'no legal-person card verified' }, then: { to: 'end' } });
      return;
    }
    const ticket = this.go({ at: 'comparing' });
    const found = await this.#deps.authority.lookupCard(legalPerson.cardNo);
    if (this.stale(ticket)) return;
    if (!found.ok) {
      this.go({ at: 'failed', problem: authorityProblem(found.error), then: { to: 'compare', licence } });
      return;
    }
    const { enterprise } = found.value;
    this.#enterprise = { name: enterprise.name, uscc: enterprise.uscc };
    const differences = registryDifferences(licence, enterprise);
    this.#hooks.journal('renewal.compared', { differences: differences.map((d) => d.field) });
    if (differences.length > 0) {
      // Nothing is renewed today: the licence's scan has no use left.
      if (this.#licenceScan !== null) this.#deps.capture.remove(this.#licenceScan.index);
      this.#licenceScan = null;
      this.go({ at: 'registryMismatch', differences });
      return;
    }
    // The legal-person card first, if it is still in the reader.
    this.#awaitCard('cardToRenew');
  }

  async #renew(state: Extract<State, { at: 'enterPin' }>, pin: string): Promise<void> {
    const { card } = state;
    const ticket = this.go({ at: 'renewing', card, progress: null });
    this.#deps.progress.listen((operation, step) => {
      if (operation === 'renewal' && !this.stale(ticket)) this.#progress(step);
    });
    let result;
    try {
      result = await this.#deps.cards.renew(pin);
    } finally {
      this.#deps.progress.listen(null);
    }
    if (this.stale(ticket)) return;
    if (result.ok) {
      this.#verifiedInReader = card.cardNo;
      this.#recordRenewed(card, result.value.notAfter);
      this.go({ at: 'renewalNext' });
      return;
    }
    const problem = cardProblem(result.error);
    this.#hooks.journal('renewal.renewalFailed', { cardNo: card.cardNo, problem: problem.kind });
    switch (result.error.kind) {
      case 'noCard':
      case 'cardRemoved':
        // Consistent whatever step it reached; the reconciliation on the next insert settles it.
        this.#interrupted = { cardNo: card.cardNo, notAfter: card.certificateNotAfter };
        this.go({ at: 'failed', problem: { kind: 'cardRemoved' }, then: { to: 'card' } });
        return;
      case 'wrongPin':
      case 'pinPolicy':
      case 'pinBlocked':
      case 'authority':
      case 'cardState':
      case 'card':
      case 'readerUnavailable':
      case 'notAllowed':
      case 'verificationFailed':
      case 'interrupted':
        this.go(this.#pinRefused(state, result.error));
        return;
    }
  }

  #progress(step: string): void {
    const state = this.state;
    if (state.at !== 'renewing') return;
    const index = renewalSteps.findIndex((s) => s === step);
    this.update({ ...state, progress: { step, index, of: renewalSteps.length } });
  }

  #recordRenewed(card: CardView, notAfter: string): void {
    this.#renewed.push({ cardNo: card.cardNo, cardType: card.cardType, holderName: card.holderName, notAfter });
    this.#hooks.journal('renewal.renewed', { cardNo: card.cardNo, cardType: card.cardType, notAfter });
  }

  async #done(): Promise<void> {
    const enterprise = this.#enterprise ?? { name: this.#legalPerson?.enterpriseName ?? '', uscc: this.#legalPerson?.uscc ?? '' };
    const receipt = renewalReceipt({ ...this.#receipt.stamp(), enterprise, cards: [...this.#renewed] });
    this.go({ at: 'done' });
    await this.#receipt.print(receipt);
  }
}

function wantedFor(purpose: PinPurpose): Wanted {
  switch (purpose) {
    case 'verifyLegalPerson':
      return 'legalPersonCard';
    case 'renew':
      return 'cardToRenew';
  }
}

/** The licence against the registry: codes compared without hyphens, text without width or spaces. */
export function registryDifferences(licence: LicenceFields, registered: RegisteredEnterprise): RegistryDifference[] {
  const fields = ['name', 'uscc', 'legalRepresentative', 'address'] as const;
  return fields.flatMap((field): RegistryDifference[] => {
    const onPaper = licence[field];
    const inRegistry = registered[field];
    const same = field === 'uscc' ? normaliseCode(onPaper) === normaliseCode(inRegistry) : normaliseText(onPaper) === normaliseText(inRegistry);
    return same ? [] : [{ field, onPaper, inRegistry }];
  });
}

function intakeCard(card: CardView): IntakeCard {
  // A technician card never gets this far (refused on insert).
  const type = card.cardType === 'technician' ? 'operator' : card.cardType;
  return { type, cardNo: card.cardNo, holderName: card.holderName };
}
