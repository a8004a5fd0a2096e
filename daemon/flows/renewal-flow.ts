// Certificate renewal on the spot (DOMAIN.md, seed 000 附件3): the enterprise's legal-person card
// first, its PIN verified; the business licence scanned and its QR compared with the E-Port
// registry (any difference: a change of information comes first, the flow ends); then the cards
// to renew — the legal-person card itself, then operator and tax-clerk cards of the same
// enterprise — each with its PIN, which travels only inside the one action that carries it.
// Only an active card whose certificate has not expired is renewed here.
//
// The legal-person card's own renewal may be skipped: `next` on the PIN screen of any card to
// renew leaves that card as it is and goes to the list of renewed cards (renew another / finish),
// because the enterprise seal is needed to authorise the others whether or not it needs renewing.
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { RegisteredEnterprise } from '../../contract/authority/authority.ts';
import type { CardServiceError } from '../cards/card-service-error.ts';
import { renewalSteps } from '../cards/renewal.ts';
import { normaliseCode, normaliseText } from '../intake/context.ts';
import { paperLabel } from '../../contract/intake/labels.ts';
import { renewalReceipt } from '../printing/business-receipts.ts';
import type { Receipt } from '../printing/receipt.ts';
import type { FlowAction } from '../../contract/protocol/flow-messages.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import { cardInReader } from './card-in-reader.ts';
import { cardViewOf } from './card-view.ts';
import type { ActionRefusal, Flow, FlowDeps, FlowHooks } from './flow.ts';
import { authorityProblem, captureProblem, cardProblem } from './flow-problem.ts';
import type { CardView, FlowProblem, FlowScreen, PaperRequest, RegistryDifference, RenewedCardView } from '../../contract/flow-view.ts';
import { ReceiptStep } from './receipt-step.ts';

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
type AfterFailure = { to: 'end' } | { to: 'card' } | { to: 'compare'; licence: LicenceFields };

type State =
  | { at: 'insertCard'; wanted: Wanted; problem: FlowProblem | null }
  | { at: 'readingCard'; wanted: Wanted }
  | { at: 'enterPin'; purpose: PinPurpose; card: CardView; problem: FlowProblem | null }
  | { at: 'scanPaper'; scanning: boolean; problem: FlowProblem | null }
  | { at: 'comparing' }
  | { at: 'registryMismatch'; differences: RegistryDifference[] }
  | { at: 'renewing'; card: CardView; progress: Progress }
  | { at: 'renewalNext' }
  | { at: 'done'; receipt: Receipt }
  | { at: 'failed'; problem: FlowProblem; then: AfterFailure }
  | { at: 'ended'; outcome: 'completed' | 'failed'; last: FlowScreen };

const licencePaper: PaperRequest = {
  label: paperLabel('business_licence', 'original'),
  position: { index: 0, of: 1 },
  wanted: { kind: 'business_licence', form: 'original', role: null },
};
const renewableTypes = ['legal_person', 'operator', 'tax_clerk'] as const;

export function createRenewalFlow(deps: FlowDeps, hooks: FlowHooks): Flow {
  return new RenewalFlow(deps, hooks);
}

class RenewalFlow implements Flow {
  readonly kind = 'renewal' as const;
  readonly #deps: FlowDeps;
  readonly #hooks: FlowHooks;
  readonly #receipt: ReceiptStep;
  #state: State = { at: 'insertCard', wanted: 'legalPersonCard', problem: null };
  /** Bumped by every transition: an answer that arrives after the flow moved on is dropped. */
  #epoch = 0;
  #inReader: boolean;
  /** The enterprise's legal-person card, PIN verified in this session. */
  #legalPerson: CardView | null = null;
  #enterprise: { name: string; uscc: string } | null = null;
  #renewed: RenewedCardView[] = [];
  /** The card pulled out mid-renewal, and the certificate expiry it had before. */
  #interrupted: { cardNo: string; notAfter: string } | null = null;

  constructor(deps: FlowDeps, hooks: FlowHooks) {
    this.#deps = deps;
    this.#hooks = hooks;
    this.#receipt = new ReceiptStep(deps.printer, () => hooks.changed());
    this.#inReader = cardInReader(deps.reader.status());
    // The agent may have put the card in before choosing the business.
    if (this.#inReader) void this.#read('legalPersonCard');
  }

  screen(): FlowScreen {
    const state = this.#state;
    switch (state.at) {
      case 'insertCard':
        return { screen: 'insertCard', wanted: state.wanted, problem: state.problem };
      case 'readingCard':
        return { screen: 'readingCard' };
      case 'enterPin':
        return { screen: 'enterPin', purpose: state.purpose === 'renew' ? 'renew' : 'verify', card: state.card, problem: state.problem };
      case 'scanPaper':
        return { screen: 'scanPaper', paper: licencePaper, scanning: state.scanning, problem: state.problem };
      case 'comparing':
        return { screen: 'working', task: 'comparing', progress: null };
      case 'registryMismatch':
        return { screen: 'registryMismatch', differences: state.differences };
      case 'renewing':
        return { screen: 'working', task: 'renewing', progress: state.progress };
      case 'renewalNext':
        return { screen: 'renewalNext', renewed: [...this.#renewed] };
      case 'done':
        return { screen: 'done', outcome: { flow: 'renewal', enterpriseName: this.#enterprise?.name ?? '', cards: [...this.#renewed] }, receipt: this.#receipt.state() };
      case 'failed':
        return { screen: 'failed', problem: state.problem };
      case 'ended':
        return state.last;
    }
  }

  canBack(): boolean {
    const state = this.#state;
    switch (state.at) {
      case 'enterPin':
        return true;
      case 'insertCard':
        return state.wanted === 'cardToRenew';
      case 'readingCard':
      case 'scanPaper':
      case 'comparing':
      case 'registryMismatch':
      case 'renewing':
      case 'renewalNext':
      case 'done':
      case 'failed':
      case 'ended':
        return false;
    }
  }

  ended(): { outcome: 'completed' | 'failed' } | null {
    return this.#state.at === 'ended' ? { outcome: this.#state.outcome } : null;
  }

  async handle(action: FlowAction, signal: AbortSignal): Promise<Result<void, ActionRefusal>> {
    const state = this.#state;
    const refused = err<ActionRefusal>({ kind: 'notOnThisScreen', screen: this.screen().screen, action: action.action });
    switch (action.action) {
      case 'next':
        return this.#next();
      case 'back':
        if (state.at === 'enterPin') this.#go({ at: 'insertCard', wanted: wantedFor(state.purpose), problem: null });
        else if (state.at === 'insertCard' && state.wanted === 'cardToRenew') this.#go({ at: 'renewalNext' });
        else return refused;
        return ok(undefined);
      case 'pin':
        if (state.at !== 'enterPin') return refused;
        if (state.purpose === 'verifyLegalPerson') await this.#verify(state, action.pin);
        else await this.#renew(state, action.pin);
        return ok(undefined);
      case 'scan':
        if (state.at !== 'scanPaper' || state.scanning) return refused;
        await this.#scan(signal);
        return ok(undefined);
      case 'anotherCard':
        if (state.at !== 'renewalNext') return refused;
        // Not the card still in the reader (most likely the one just renewed): the next one inserted.
        this.#go({ at: 'insertCard', wanted: 'cardToRenew', problem: null });
        return ok(undefined);
      case 'finish':
        if (state.at === 'renewalNext') {
          if (this.#renewed.length === 0) this.#end('completed');
          else await this.#done();
        } else if (state.at === 'done') this.#end('completed');
        else return refused;
        return ok(undefined);
      case 'printReceipt':
        if (state.at !== 'done') return refused;
        await this.#receipt.print(state.receipt);
        return ok(undefined);
      case 'skipReceipt':
        if (state.at !== 'done') return refused;
        this.#receipt.skip();
        return ok(undefined);
      case 'newPin':
      case 'confirmFields':
      case 'rescan':
        return refused;
    }
  }

  onCardReader(status: CardReaderStatus): void {
    const present = cardInReader(status);
    if (present === this.#inReader) return;
    this.#inReader = present;
    const state = this.#state;
    if (present) {
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
        case 'scanPaper':
        case 'comparing':
        case 'registryMismatch':
        case 'renewing':
        case 'done':
        case 'ended':
          return;
      }
    }
    // Removed: a PIN screen has nothing left to verify; mid-renewal the operation's answer says it.
    if (state.at === 'enterPin') this.#go({ at: 'insertCard', wanted: wantedFor(state.purpose), problem: { kind: 'cardRemoved' } });
  }

  #next(): Result<void, ActionRefusal> {
    const state = this.#state;
    switch (state.at) {
      case 'registryMismatch':
        // A change of information must be done first: nothing is renewed today.
        this.#hooks.journal('renewal.changeRequired', { fields: state.differences.map((d) => d.field) });
        this.#end('failed');
        return ok(undefined);
      case 'failed':
        switch (state.then.to) {
          case 'end':
            this.#end('failed');
            break;
          case 'card':
            this.#awaitCard(this.#wantedNow());
            break;
          case 'compare':
            void this.#compare(state.then.licence);
            break;
        }
        return ok(undefined);
      case 'enterPin':
        if (state.purpose !== 'renew') break;
        this.#hooks.journal('renewal.skipped', { cardNo: state.card.cardNo });
        this.#go({ at: 'renewalNext' });
        return ok(undefined);
      case 'insertCard':
      case 'readingCard':
      case 'scanPaper':
      case 'comparing':
      case 'renewing':
      case 'renewalNext':
      case 'done':
      case 'ended':
        break;
    }
    return err({ kind: 'notOnThisScreen', screen: this.screen().screen, action: 'next' });
  }

  /** The card in the reader if there is one, else the insert screen. */
  #awaitCard(wanted: Wanted): void {
    if (this.#inReader) void this.#read(wanted);
    else this.#go({ at: 'insertCard', wanted, problem: null });
  }

  #wantedNow(): Wanted {
    return this.#legalPerson === null ? 'legalPersonCard' : 'cardToRenew';
  }

  async #read(wanted: Wanted): Promise<void> {
    const epoch = this.#go({ at: 'readingCard', wanted });
    // The card service reads a newly inserted card first and settles what a cut left open.
    await Promise.resolve();
    await this.#deps.cards.settled();
    const summary = await this.#deps.cards.readCard();
    if (epoch !== this.#epoch) return;
    if (!summary.ok) {
      this.#go({ at: 'insertCard', wanted, problem: cardProblem(summary.error) });
      return;
    }
    const card = cardViewOf(summary.value);
    this.#hooks.journal('renewal.cardRead', { cardNo: card.cardNo, cardType: card.cardType, lifecycle: card.lifecycle });
    const interrupted = this.#interrupted;
    if (interrupted?.cardNo === card.cardNo) {
      this.#interrupted = null;
      if (card.certificateNotAfter !== interrupted.notAfter) {
        // The renewal went through after all (the reconciliation on insert settled it).
        this.#hooks.journal('renewal.settledOnReinsert', { cardNo: card.cardNo, notAfter: card.certificateNotAfter });
        this.#recordRenewed(card, card.certificateNotAfter);
        this.#go({ at: 'renewalNext' });
        return;
      }
    }
    this.#go(this.#afterRead(wanted, card));
  }

  #afterRead(wanted: Wanted, card: CardView): State {
    const refuse = (problem: FlowProblem): State => ({ at: 'insertCard', wanted, problem });
    switch (wanted) {
      case 'legalPersonCard':
        if (card.cardType !== 'legal_person') return refuse({ kind: 'wrongCardType', expected: ['legal_person'], actual: card.cardType });
        if (card.lifecycle !== 'active') return refuse({ kind: 'wrongCardState', lifecycle: card.lifecycle });
        return { at: 'enterPin', purpose: 'verifyLegalPerson', card, problem: null };
      case 'cardToRenew':
        if (card.cardType === 'technician') return refuse({ kind: 'wrongCardType', expected: [...renewableTypes], actual: card.cardType });
        if (card.uscc !== this.#legalPerson?.uscc) return refuse({ kind: 'otherEnterprise' });
        if (this.#renewed.some((r) => r.cardNo === card.cardNo)) return refuse({ kind: 'alreadyDone', cardNo: card.cardNo });
        if (card.lifecycle !== 'active') return refuse({ kind: 'wrongCardState', lifecycle: card.lifecycle });
        return { at: 'enterPin', purpose: 'renew', card, problem: null };
    }
  }

  async #verify(state: Extract<State, { at: 'enterPin' }>, pin: string): Promise<void> {
    const epoch = this.#epoch;
    const verified = await this.#deps.cards.verifyPin(pin);
    if (epoch !== this.#epoch) return;
    if (!verified.ok) {
      this.#go(this.#pinRefused(state, verified.error));
      return;
    }
    this.#legalPerson = state.card;
    this.#hooks.journal('renewal.legalPersonVerified', { cardNo: state.card.cardNo });
    this.#go({ at: 'scanPaper', scanning: false, problem: null });
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

  async #scan(signal: AbortSignal): Promise<void> {
    const epoch = this.#go({ at: 'scanPaper', scanning: true, problem: null });
    const { capture } = this.#deps;
    if (!capture.state().ok) capture.start('renewal');
    const captured = await capture.capture({ kind: 'business_licence', form: 'original' }, signal);
    if (epoch !== this.#epoch) return;
    if (!captured.ok) {
      this.#go({ at: 'scanPaper', scanning: false, problem: captureProblem(captured.error) });
      return;
    }
    // Only the QR's fields are needed: the scan itself (personal data) goes at once.
    capture.remove(captured.value.index);
    const { name, uscc, legalRepresentative, address } = captured.value.document.fields;
    this.#hooks.journal('renewal.licenceScanned', { fromQr: captured.value.prefilledFromQr });
    if (!captured.value.prefilledFromQr || name === undefined || uscc === undefined || legalRepresentative === undefined || address === undefined) {
      // No readable QR: feed the licence again (a crooked or folded sheet).
      this.#go({ at: 'scanPaper', scanning: false, problem: { kind: 'rescan', checks: [] } });
      return;
    }
    await this.#compare({ name, uscc, legalRepresentative, address });
  }

  async #compare(licence: LicenceFields): Promise<void> {
    const legalPerson = this.#legalPerson;
    if (legalPerson === null) {
      this.#go({ at: 'failed', problem: { kind: 'internal', detail: 'no legal-person card verified' }, then: { to: 'end' } });
      return;
    }
    const epoch = this.#go({ at: 'comparing' });
    const found = await this.#deps.authority.lookupCard(legalPerson.cardNo);
    if (epoch !== this.#epoch) return;
    if (!found.ok) {
      this.#go({ at: 'failed', problem: authorityProblem(found.error), then: { to: 'compare', licence } });
      return;
    }
    const { enterprise } = found.value;
    this.#enterprise = { name: enterprise.name, uscc: enterprise.uscc };
    const differences = registryDifferences(licence, enterprise);
    this.#hooks.journal('renewal.compared', { differences: differences.map((d) => d.field) });
    if (differences.length > 0) {
      this.#go({ at: 'registryMismatch', differences });
      return;
    }
    // The legal-person card first, if it is still in the reader.
    this.#awaitCard('cardToRenew');
  }

  async #renew(state: Extract<State, { at: 'enterPin' }>, pin: string): Promise<void> {
    const { card } = state;
    const epoch = this.#go({ at: 'renewing', card, progress: null });
    this.#deps.progress.listen((operation, step) => {
      if (operation === 'renewal' && epoch === this.#epoch) this.#progress(step);
    });
    let result;
    try {
      result = await this.#deps.cards.renew(pin);
    } finally {
      this.#deps.progress.listen(null);
    }
    if (epoch !== this.#epoch) return;
    if (result.ok) {
      this.#recordRenewed(card, result.value.notAfter);
      this.#go({ at: 'renewalNext' });
      return;
    }
    const problem = cardProblem(result.error);
    this.#hooks.journal('renewal.renewalFailed', { cardNo: card.cardNo, problem: problem.kind });
    switch (result.error.kind) {
      case 'noCard':
      case 'cardRemoved':
        // Consistent whatever step it reached; the reconciliation on the next insert settles it.
        this.#interrupted = { cardNo: card.cardNo, notAfter: card.certificateNotAfter };
        this.#go({ at: 'failed', problem: { kind: 'cardRemoved' }, then: { to: 'card' } });
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
        this.#go(this.#pinRefused(state, result.error));
        return;
    }
  }

  #progress(step: string): void {
    const state = this.#state;
    if (state.at !== 'renewing') return;
    const index = renewalSteps.findIndex((s) => s === step);
    // A change of the same state: not a transition, so a pending answer still lands.
    this.#state = { ...state, progress: { step, index, of: renewalSteps.length } };
    this.#hooks.changed();
  }

  #recordRenewed(card: CardView, notAfter: string): void {
    this.#renewed.push({ cardNo: card.cardNo, cardType: card.cardType, holderName: card.holderName, notAfter });
    this.#hooks.journal('renewal.renewed', { cardNo: card.cardNo, cardType: card.cardType, notAfter });
  }

  async #done(): Promise<void> {
    const enterprise = this.#enterprise ?? { name: this.#legalPerson?.enterpriseName ?? '', uscc: this.#legalPerson?.uscc ?? '' };
    const receipt = renewalReceipt({
      transactionId: this.#deps.sessions.current()?.id ?? 'unknown',
      kioskId: this.#deps.kioskId,
      at: this.#deps.now(),
      enterprise,
      cards: [...this.#renewed],
    });
    this.#go({ at: 'done', receipt });
    await this.#receipt.print(receipt);
  }

  #end(outcome: 'completed' | 'failed'): void {
    this.#go({ at: 'ended', outcome, last: this.screen() });
  }

  #go(state: State): number {
    this.#state = state;
    this.#epoch++;
    this.#hooks.changed();
    return this.#epoch;
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
