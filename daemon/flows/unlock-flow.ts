// The unlock business as a state machine: consent, the locked card, the agent's ID card on the
// ID-card reader when the kiosk has one (its chip gives the name and the ID number; id-card-step.ts),
// the agent's ID card copy and the introduction letter (scanned, read and confirmed by the agent), what the kiosk can check
// before asking for a PIN (the registry, the ID number's check character), the new PIN, the
// unlock with its progress, the receipt. The full ID number lives in this object's memory only:
// every view masks it, and a masked value the agent sends back unchanged means "as before" (the
// paper step, paper-step.ts).
import { isCertain, type PaperReading, type ReadFieldKey } from '../../contract/intake/paper-reading.ts';
import type { IdentitySource, UnlockEvidence } from '../../contract/authority/authority.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import { differingFromChip, idCardReaderFailed, idCardReaderFitted, readAgentIdCard, type ChipAgent } from './id-card-step.ts';
import type { CardServiceError } from '../cards/card-service-error.ts';
import { unlockSteps } from '../cards/unlock.ts';
import { validateResidentId } from '../../basics/identifiers/resident-id.ts';
import { validateUscc } from '../../basics/identifiers/uscc.ts';
import type { CaptureRequest } from '../intake/capture-session.ts';
import { documentLabel } from '../../contract/intake/labels.ts';
import { unlockReceipt } from '../printing/business-receipts.ts';
import { cardNoInReader } from './card-in-reader.ts';
import { readCardView } from './card-view.ts';
import { CardStep, firstUseRefusal } from './card-step.ts';
import type { Flow, FlowDeps, FlowHooks } from './flow.ts';
import { FlowMachine, type Actions } from './flow-machine.ts';
import { authorityProblem, captureProblem, cardProblem } from './flow-problem.ts';
import type { CardView, FieldInput, FieldView, FlowProblem, FlowScreen, PaperRequest } from '../../contract/flow-view.ts';
import type { BilingualText } from '../../contract/bilingual-text.ts';
import { ReceiptStep } from './receipt-step.ts';
import { askFor, confirmScreen, PaperStep, readPaper, scanScreen, type PaperAsked, type PaperRead } from './paper-step.ts';

/** The agent as their ID card says (confirmed by them). `idNumber` is the full number; `source`: where it came from. */
interface Agent {
  name: string;
  idNumber: string;
  source: IdentitySource;
}

/** What the introduction letter says, as the agent confirmed it. */
interface Letter {
  agentName: string;
  agentIdNumber: string;
  uscc: string;
  enterpriseName: string;
}

type Paper = 'agentId' | 'letter';

/** Everything gathered so far on the way to the evidence. */
interface Papers {
  card: CardView;
  /** The agent as the chip of their ID card on the reader said (null: no reader, or the copy instead). */
  chip: ChipAgent | null;
  agent: Agent | null;
  agentDocument: number | null;
  letter: Letter | null;
}

/** All the authority needs besides the card: ready for the PIN. */
interface Evidence {
  card: CardView;
  chip: ChipAgent | null;
  agent: Agent;
  agentDocument: number;
  letter: Letter;
  letterDocument: number;
}

/** Where to carry on once the card is back; `afterCut`: the unlock was cut mid-write. */
interface Resume {
  evidence: Evidence;
  afterCut: boolean;
}

type Progress = { step: string; index: number; of: number };

type State =
  | { at: 'consent' }
  | { at: 'insertCard'; problem: FlowProblem | null; resume: Resume | null }
  | { at: 'readingCard'; resume: Resume | null }
  | { at: 'cardShown'; card: CardView }
  /** `skippable`: the reader failed or could not read the card here, so the copy may stand instead. */
  | { at: 'placeIdCard'; card: CardView; problem: FlowProblem | null; reading: boolean; skippable: boolean }
  | ({ at: 'scanPaper'; which: Paper; papers: Papers } & PaperAsked)
  | ({ at: 'confirmFields'; which: Paper; papers: Papers } & PaperRead)
  | { at: 'authorising'; evidence: Evidence }
  /** `entry`: the first entry of the new PIN is awaited, or it passed the policy and is asked again. */
  | { at: 'newPin'; evidence: Evidence; problem: FlowProblem | null; entry: 'first' | 'again' }
  | { at: 'unlocking'; evidence: Evidence; progress: Progress | null }
  /** `retry`: what `next` does; `resume`: carry on when the card comes back. */
  | { at: 'failed'; problem: FlowProblem; retry: { to: 'authorise' | 'newPin'; evidence: Evidence } | null; resume: Resume | null }
  | { at: 'done'; card: CardView };

const papersOrder: readonly Paper[] = ['agentId', 'letter'];

const paperLabels: Record<Paper, BilingualText> = {
  agentId: { zh: '经办人身份证复印件', en: "the agent's ID card (copy)" },
  letter: documentLabel.introduction_letter,
};

/**
 * The unlock checklist asks for the agent's ID card as original and copy and the letter; the
 * kiosk scans the copy (the original stays with the agent) and the letter, in that order.
 */
const captureRequests: Record<Paper, CaptureRequest> = {
  agentId: { kind: 'id_card', form: 'copy', role: 'agent' },
  letter: { kind: 'introduction_letter', form: 'original' },
};

const fieldLabels = {
  personName: { zh: '姓名', en: 'name' },
  idNumber: { zh: '身份证号码', en: 'ID number' },
  agentName: { zh: '经办人姓名', en: "agent's name" },
  agentIdNumber: { zh: '经办人身份证号码', en: "agent's ID number" },
  uscc: { zh: '统一社会信用代码', en: 'Unified Social Credit Code' },
  enterpriseName: { zh: '单位名称', en: 'enterprise name' },
} satisfies Record<string, BilingualText>;

const holderCardTypes = ['legal_person', 'operator', 'tax_clerk'] as const;

function field(key: string, label: BilingualText, value: string, input: FieldInput, source: FieldView['source']): FieldView {
  return { key, label, value, input, required: true, source };
}

const sameCode = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

export function createUnlockFlow(deps: FlowDeps, hooks: FlowHooks): Flow {
  return new UnlockFlow(deps, hooks);
}

class UnlockFlow extends FlowMachine<State> {
  override readonly kind = 'unlock' as const;
  readonly #deps: FlowDeps;
  readonly #card: CardStep<State>;
  readonly #hooks: FlowHooks;
  readonly #receipt: ReceiptStep;
  readonly #paper: PaperStep<State>;

  constructor(deps: FlowDeps, hooks: FlowHooks) {
    super({ at: 'consent' }, deps, hooks);
    this.#deps = deps;
    this.#card = new CardStep(this, deps.cards);
    this.#hooks = hooks;
    this.#receipt = new ReceiptStep(deps, () => hooks.changed(), () => this.end('completed'));
    this.#paper = new PaperStep<State>(this, deps.capture);
    deps.capture.start('unlock');
  }

  override screen(): FlowScreen {
    const state = this.state;
    switch (state.at) {
      case 'consent':
        return { screen: 'consent' };
      case 'insertCard':
        return { screen: 'insertCard', wanted: 'lockedCard', problem: state.problem };
      case 'readingCard':
        return { screen: 'readingCard' };
      case 'cardShown':
        return { screen: 'cardShown', card: state.card };
      case 'placeIdCard':
        return { screen: 'placeIdCard', problem: state.problem, reading: state.reading, canSkip: state.skippable };
      case 'scanPaper':
        return scanScreen(state);
      case 'confirmFields':
        return confirmScreen(state);
      case 'authorising':
        return { screen: 'working', task: 'authorising', progress: null };
      case 'newPin':
        return { screen: 'newPin', card: state.evidence.card, problem: state.problem, entry: state.entry };
      case 'unlocking':
        return { screen: 'working', task: 'unlocking', progress: state.progress };
      case 'failed':
        return { screen: 'failed', problem: state.problem, next: state.retry === null ? null : 'retry' };
      case 'done':
        return this.#receipt.screen({ flow: 'unlock', card: state.card });
    }
  }

  protected override actions(state: State): Actions {
    switch (state.at) {
      case 'consent':
        return {
          next: async () => {
            this.go({ at: 'insertCard', problem: null, resume: null });
            // A card already in the reader is the one the agent brought.
            if (this.cardIn) await this.#readCard(null);
          },
        };
      case 'insertCard':
        // Waiting for the card being unlocked to come back: no way back from that.
        return state.resume === null ? { back: () => this.go({ at: 'consent' }) } : {};
      case 'readingCard':
      case 'authorising':
      case 'unlocking':
        return {};
      case 'cardShown':
        return {
          back: () => this.go({ at: 'insertCard', problem: null, resume: null }),
          next: async () => {
            // A kiosk with an ID-card reader reads the agent's ID card; without one, the copy and typing.
            if (idCardReaderFitted(this.#deps.idCards.status())) await this.#placeIdCard(state.card, null, false);
            else this.#askFor('agentId', { card: state.card, chip: null, agent: null, agentDocument: null, letter: null });
          },
        };
      case 'placeIdCard':
        if (state.reading) return {};
        return {
          back: () => this.go({ at: 'cardShown', card: state.card }),
          ...(state.skippable && {
            useCopy: () => {
              this.#hooks.journal('unlock.idCardSkipped', {});
              this.#askFor('agentId', { card: state.card, chip: null, agent: null, agentDocument: null, letter: null });
            },
          }),
        };
      case 'scanPaper':
        if (state.scanning) return {};
        return {
          back: () => this.#backFromScan(state),
          scan: (_, signal) => this.#paper.scan(state, captureRequests[state.which], signal, (outcome) => this.#showFields(state.which, state.papers, outcome.index, null, outcome.reading)),
        };
      case 'confirmFields':
        // Rescan or back: the paper goes and what it said with it; the agent feeds it again.
        return this.#paper.confirmActions(
          state,
          (asked) => this.go({ at: 'scanPaper', which: state.which, papers: forgetting(state.which, state.papers), ...asked }),
          (values) => this.#confirm(state, values),
        );
      case 'newPin':
        return {
          back: () => this.#letterFields(state.evidence, null),
          // Either entry may be checked (a reload forgets the first): the policy answers at once.
          checkNewPin: (action) => this.#checkNewPin(state, action.pin),
          newPin: (action) => this.#unlock(state.evidence, action.pin, action.confirmation),
        };
      case 'failed': {
        const { retry } = state;
        const finish = (): void => this.end('failed');
        if (retry === null) return { finish };
        const next = async (): Promise<void> => {
          if (retry.to === 'authorise') await this.#authorise(retry.evidence);
          else this.go({ at: 'newPin', evidence: retry.evidence, problem: null, entry: 'first' });
        };
        return { finish, next };
      }
      case 'done':
        return this.#receipt.actions;
    }
  }

  protected override inserted(state: State): void {
    switch (state.at) {
      case 'insertCard':
        void this.#readCard(state.resume);
        return;
      case 'failed':
        if (state.resume !== null) void this.#readCard(state.resume);
        return;
      case 'consent':
      case 'readingCard':
      case 'cardShown':
      case 'placeIdCard':
      case 'scanPaper':
      case 'confirmFields':
      case 'authorising':
      case 'newPin':
      case 'unlocking':
      case 'done':
        return;
    }
  }

  /**
   * The papers do not need the card; the card shown and the PIN pad do. Authorising checks the
   * card before it goes on; the unlock reports a removal itself.
   */
  protected override removed(state: State): void {
    switch (state.at) {
      case 'cardShown':
        this.go({ at: 'insertCard', problem: { kind: 'cardRemoved' }, resume: null });
        return;
      case 'newPin':
        this.go({ at: 'insertCard', problem: { kind: 'cardRemoved' }, resume: { evidence: state.evidence, afterCut: false } });
        return;
      case 'consent':
      case 'insertCard':
      case 'readingCard':
      case 'placeIdCard':
      case 'scanPaper':
      case 'confirmFields':
      case 'authorising':
      case 'unlocking':
      case 'failed':
      case 'done':
        return;
    }
  }

  /** On the place-ID-card screen: a card placed is read, a reader fault lets the copy stand in. */
  protected override idCardChanged(state: State, status: IdCardReaderStatus): void {
    if (state.at !== 'placeIdCard' || state.reading) return;
    switch (status.state) {
      case 'cardPresent':
        void this.#readIdCard(state.card, state.skippable);
        return;
      case 'error':
      case 'noDevice':
        this.go({ ...state, problem: { kind: 'idCardUnreadable' }, skippable: true });
        return;
      case 'noCard':
      case 'notFitted':
        return;
    }
  }

  /** The place-ID-card screen; an ID card already on the reader is read at once. */
  async #placeIdCard(card: CardView, problem: FlowProblem | null, skippable: boolean): Promise<void> {
    const status = this.#deps.idCards.status();
    if (status.state === 'cardPresent' && problem === null) {
      await this.#readIdCard(card, skippable);
      return;
    }
    const failed = idCardReaderFailed(status);
    this.go({ at: 'placeIdCard', card, problem: problem ?? (failed ? { kind: 'idCardUnreadable' } : null), reading: false, skippable: skippable || failed });
  }

  /** The chip read: the agent's name and number, then the copy; an expired card is refused. */
  async #readIdCard(card: CardView, skippable: boolean): Promise<void> {
    const ticket = this.go({ at: 'placeIdCard', card, problem: null, reading: true, skippable });
    const read = await readAgentIdCard(this.#deps);
    if (this.stale(ticket)) return;
    if (!read.ok) {
      switch (read.error.kind) {
        case 'noIdCard':
          this.go({ at: 'placeIdCard', card, problem: null, reading: false, skippable });
          return;
        case 'problem': {
          const { problem } = read.error;
          this.#hooks.journal('unlock.idCardRefused', { problem: problem.kind });
          this.go({ at: 'placeIdCard', card, problem, reading: false, skippable: skippable || problem.kind === 'idCardUnreadable' });
          return;
        }
      }
    }
    this.#hooks.journal('unlock.idCardRead', {});
    this.#askFor('agentId', { card, chip: read.value, agent: null, agentDocument: null, letter: null });
  }

  async #readCard(resume: Resume | null): Promise<void> {
    const read = await this.#card.read({ settled: false, reading: { at: 'readingCard', resume }, insertAgain: (problem) => ({ at: 'insertCard', problem, resume }) });
    if (read === null) return;
    const { card } = read;
    if (resume !== null && card.cardNo === resume.evidence.card.cardNo) {
      const evidence = { ...resume.evidence, card };
      // Reconciliation ran when the card came back: a cut after the PIN reset finished the unlock.
      if (resume.afterCut && card.lifecycle === 'active') this.#done(card, evidence.agent);
      else if (card.lifecycle === 'locked') await this.#authorise(evidence);
      else this.go({ at: 'failed', problem: { kind: 'wrongCardState', lifecycle: card.lifecycle }, retry: null, resume: null });
      return;
    }
    // Another card than the one being unlocked: it starts over with that card.
    if (card.cardType === 'technician') {
      this.go({ at: 'insertCard', problem: { kind: 'wrongCardType', expected: [...holderCardTypes], actual: card.cardType }, resume: null });
    } else if (card.lifecycle !== 'locked') {
      // First use: a card on its initial PIN that is not blocked needs a PIN change, not an unlock.
      const problem: FlowProblem = firstUseRefusal(card) ?? { kind: 'wrongCardState', lifecycle: card.lifecycle };
      this.go({ at: 'insertCard', problem, resume: null });
    } else {
      this.go({ at: 'cardShown', card });
    }
  }

  #askFor(which: Paper, papers: Papers): void {
    this.go({ at: 'scanPaper', which, papers, ...askFor(paperRequest(which)) });
  }

  /** The fields of paper `which` (document `document`), pre-filled from what the papers said so far, else from what OCR read off it. */
  #showFields(which: Paper, papers: Papers, document: number, problem: FlowProblem | null = null, reading: PaperReading | null = null): void {
    this.go({ at: 'confirmFields', which, papers, ...readPaper(paperRequest(which), document, withReading(fieldsOf(which, papers), reading), problem) });
  }

  #backFromScan(state: Extract<State, { at: 'scanPaper' }>): void {
    const { papers } = state;
    if (state.which === 'agentId') this.go({ at: 'cardShown', card: papers.card });
    else if (papers.agentDocument === null) this.#askFor('agentId', papers);
    else this.#showFields('agentId', papers, papers.agentDocument);
  }

  /** `values`: the fields as the agent confirmed them, ID numbers in full. */
  async #confirm(state: Extract<State, { at: 'confirmFields' }>, values: Record<string, string>): Promise<void> {
    const { papers } = state;
    const invalid = state.fields.filter((f) => !validField(f, values[f.key] ?? '', this.#deps.now())).map((f) => f.key);
    const go = (problem: FlowProblem | null): void => {
      this.go({ ...state, problem });
    };
    if (state.which === 'agentId') {
      if (invalid.length > 0) {
        go({ kind: 'fieldsInvalid', fields: invalid });
        return;
      }
      const agent: Agent = { name: values.name ?? '', idNumber: (values.idNumber ?? '').toUpperCase(), source: identitySourceOf(state, values, papers.chip) };
      // The copy must be of the ID card whose chip was read: what the agent confirmed is compared.
      if (papers.chip !== null) {
        const differing = differingFromChip(papers.chip, agent, { name: 'name', idNumber: 'idNumber' });
        if (differing.length > 0) {
          this.#hooks.journal('unlock.copyDiffersFromIdCard', { fields: differing });
          go({ kind: 'idCardMismatch', fields: differing });
          return;
        }
      }
      const confirmed = this.#deps.capture.confirm(state.document, { name: agent.name, idNumber: agent.idNumber, role: 'agent' });
      if (!confirmed.ok) {
        go(captureProblem(confirmed.error));
        return;
      }
      this.#hooks.journal('unlock.agentIdConfirmed', {});
      this.#askFor('letter', { ...papers, agent, agentDocument: state.document, letter: null });
      return;
    }
    const agent = papers.agent;
    if (agent === null || papers.agentDocument === null) {
      go({ kind: 'internal', detail: 'the agent ID card is not confirmed' });
      return;
    }
    const letter: Letter = {
      agentName: values.agentName ?? '',
      agentIdNumber: (values.agentIdNumber ?? '').toUpperCase(),
      uscc: (values.uscc ?? '').toUpperCase(),
      enterpriseName: values.name ?? '',
    };
    // The letter must name the agent who came: the person on the ID card just confirmed.
    if (letter.agentName !== '' && letter.agentName.normalize('NFKC') !== agent.name.normalize('NFKC')) invalid.push('agentName');
    if (letter.agentIdNumber !== '' && letter.agentIdNumber !== agent.idNumber && !invalid.includes('agentIdNumber')) invalid.push('agentIdNumber');
    const withLetter = { ...papers, letter };
    if (invalid.length > 0) {
      this.#showFields('letter', withLetter, state.document, { kind: 'fieldsInvalid', fields: invalid });
      return;
    }
    const confirmed = this.#deps.capture.confirm(state.document, { agentName: letter.agentName, agentIdNumber: letter.agentIdNumber, uscc: letter.uscc, name: letter.enterpriseName });
    if (!confirmed.ok) {
      go(captureProblem(confirmed.error));
      return;
    }
    this.#hooks.journal('unlock.letterConfirmed', {});
    await this.#authorise({ card: papers.card, chip: papers.chip, agent, agentDocument: papers.agentDocument, letter, letterDocument: state.document });
  }

  #letterFields(evidence: Evidence, problem: FlowProblem | null): void {
    const papers: Papers = { card: evidence.card, chip: evidence.chip, agent: evidence.agent, agentDocument: evidence.agentDocument, letter: evidence.letter };
    this.#showFields('letter', papers, evidence.letterDocument, problem);
  }

  #cardIs(cardNo: string): boolean {
    return this.cardIn && (cardNoInReader(this.#deps.reader.status()) ?? cardNo) === cardNo;
  }

  /** What the kiosk can check before the PIN: the registry's card and enterprise, the ID number. */
  async #authorise(evidence: Evidence): Promise<void> {
    const ticket = this.go({ at: 'authorising', evidence });
    const found = await this.#deps.authority.lookupCard(evidence.card.cardNo);
    if (this.stale(ticket)) return;
    if (!found.ok) {
      const problem = authorityProblem(found.error);
      const retry = problem.kind === 'authorityUnreachable' ? { to: 'authorise' as const, evidence } : null;
      this.go({ at: 'failed', problem, retry, resume: null });
      return;
    }
    const { card, enterprise } = found.value;
    // A PIN blocks on the card, offline: the registry may still say active (or expired) while the
    // card the kiosk just read is locked. Only what the registry holds against the card stops here.
    if (card.status !== 'locked' && card.status !== 'active' && card.status !== 'expired') {
      this.go({ at: 'failed', problem: { kind: 'wrongCardState', lifecycle: card.status }, retry: null, resume: null });
      return;
    }
    if (!sameCode(enterprise.uscc, evidence.letter.uscc)) {
      this.#letterFields(evidence, { kind: 'authorityRefused', reason: 'enterpriseMismatch' });
      return;
    }
    if (!validateResidentId(evidence.agent.idNumber, this.#deps.now()).ok) {
      this.#letterFields(evidence, { kind: 'fieldsInvalid', fields: ['agentIdNumber'] });
      return;
    }
    if (!this.#cardIs(evidence.card.cardNo)) {
      this.go({ at: 'insertCard', problem: { kind: 'cardRemoved' }, resume: { evidence, afterCut: false } });
      return;
    }
    this.go({ at: 'newPin', evidence, problem: null, entry: 'first' });
  }

  /** The first entry of the new PIN against the policy: refused now, or asked again. Not kept. */
  async #checkNewPin(state: Extract<State, { at: 'newPin' }>, pin: string): Promise<void> {
    const ticket = this.ticket();
    const checked = await this.#deps.cards.checkNewPin(pin);
    if (this.stale(ticket)) return;
    if (checked.ok) {
      this.go({ ...state, problem: null, entry: 'again' });
      return;
    }
    const { evidence } = state;
    switch (checked.error.kind) {
      case 'pinPolicy':
        this.go({ ...state, problem: cardProblem(checked.error), entry: 'first' });
        return;
      case 'noCard':
      case 'cardRemoved':
        this.go({ at: 'insertCard', problem: { kind: 'cardRemoved' }, resume: { evidence, afterCut: false } });
        return;
      case 'wrongPin':
      case 'pinBlocked':
      case 'authority':
      case 'cardState':
      case 'card':
      case 'readerUnavailable':
      case 'notAllowed':
      case 'verificationFailed':
      case 'interrupted':
        this.go({ at: 'failed', problem: cardProblem(checked.error), retry: { to: 'newPin', evidence }, resume: null });
        return;
    }
  }

  async #unlock(evidence: Evidence, pin: string, confirmation: string): Promise<void> {
    const ticket = this.go({ at: 'unlocking', evidence, progress: null });
    const proof: UnlockEvidence = { agentName: evidence.agent.name, agentIdNumber: evidence.agent.idNumber, introductionLetter: true, enterpriseUscc: evidence.letter.uscc, identitySource: evidence.agent.source };
    this.#deps.progress.listen((operation, step) => {
      const state = this.state;
      if (operation !== 'unlock' || state.at !== 'unlocking') return;
      this.update({ ...state, progress: { step, index: unlockSteps.indexOf(step as (typeof unlockSteps)[number]), of: unlockSteps.length } });
    });
    let result;
    try {
      result = await this.#deps.cards.unlock(proof, pin, confirmation);
    } finally {
      this.#deps.progress.listen(null);
    }
    if (this.stale(ticket)) return;
    if (result.ok) {
      const read = await readCardView(this.#deps.cards, { settled: false });
      this.#done(read.ok ? read.value : { ...evidence.card, lifecycle: 'active' }, evidence.agent);
      return;
    }
    this.#unlockFailed(evidence, result.error);
  }

  #unlockFailed(evidence: Evidence, error: CardServiceError): void {
    const failed = (problem: FlowProblem, retry: boolean, resume: Resume | null = null) =>
      this.go({ at: 'failed', problem, retry: retry ? { to: 'newPin', evidence } : null, resume });
    switch (error.kind) {
      case 'pinPolicy':
        this.go({ at: 'newPin', evidence, problem: cardProblem(error), entry: 'first' });
        return;
      case 'authority':
        if (error.error.kind === 'refused') this.#letterFields(evidence, authorityProblem(error.error));
        else failed(authorityProblem(error.error), error.error.kind !== 'unknownCard');
        return;
      case 'notAllowed':
        if (error.reason === 'evidenceMismatch') this.#letterFields(evidence, cardProblem(error));
        else failed(cardProblem(error), false);
        return;
      case 'cardRemoved':
        // The journal and reconciliation settle the card when it comes back; then the flow goes on.
        failed({ kind: 'cardRemoved' }, false, { evidence, afterCut: true });
        return;
      case 'noCard':
        this.go({ at: 'insertCard', problem: { kind: 'noCard' }, resume: { evidence, afterCut: false } });
        return;
      case 'cardState':
      case 'interrupted':
        failed(cardProblem(error), false);
        return;
      case 'readerUnavailable':
      case 'wrongPin':
      case 'pinBlocked':
      case 'card':
      case 'verificationFailed':
        failed(cardProblem(error), true, { evidence, afterCut: true });
        return;
    }
  }

  #done(card: CardView, agent: Agent): void {
    const receipt = unlockReceipt({ ...this.#receipt.stamp(), card, agent });
    this.#hooks.journal('unlock.done', { cardNo: card.cardNo });
    this.go({ at: 'done', card });
    // Printed without being asked; a failure shows on the done screen with a retry.
    void this.#receipt.print(receipt);
  }
}

function paperRequest(paper: Paper): PaperRequest {
  const { kind, form, role } = captureRequests[paper];
  return { label: paperLabels[paper], position: { index: papersOrder.indexOf(paper), of: papersOrder.length }, wanted: { kind, form, role: role ?? null } };
}

/** The papers without what `paper` said: it is to be scanned again. */
function forgetting(paper: Paper, papers: Papers): Papers {
  return paper === 'agentId' ? { ...papers, agent: null, agentDocument: null } : { ...papers, letter: null };
}

/** The fields of `paper`, pre-filled from the card and the papers confirmed, ID numbers in full. */
function fieldsOf(paper: Paper, papers: Papers): FieldView[] {
  const { agent, letter, card, chip } = papers;
  // The agent's fields come from the chip (as long as the agent left them so), else from them.
  const agentSource = (): FieldView['source'] => (agent === null ? (chip === null ? 'none' : 'idCard') : agent.source === 'idCardChip' ? 'idCard' : 'agent');
  const person = agent ?? chip;
  switch (paper) {
    case 'agentId':
      return [
        field('name', fieldLabels.personName, person?.name ?? '', 'text', agentSource()),
        field('idNumber', fieldLabels.idNumber, person?.idNumber ?? '', 'idNumber', agentSource()),
      ];
    case 'letter':
      return [
        field('agentName', fieldLabels.agentName, letter?.agentName ?? person?.name ?? '', 'text', letter !== null ? 'agent' : agentSource()),
        field('agentIdNumber', fieldLabels.agentIdNumber, letter?.agentIdNumber ?? person?.idNumber ?? '', 'idNumber', letter !== null ? 'agent' : agentSource()),
        field('uscc', fieldLabels.uscc, letter?.uscc ?? card.uscc, 'code', letter === null ? 'card' : 'agent'),
        field('name', fieldLabels.enterpriseName, letter?.enterpriseName ?? card.enterpriseName, 'text', letter === null ? 'card' : 'agent'),
      ];
  }
}

/** Fields nothing filled yet take what OCR read off the paper (marked when it is not sure of it). */
function withReading(fields: FieldView[], reading: PaperReading | null): FieldView[] {
  if (reading === null) return fields;
  return fields.map((f) => {
    const read = f.value === '' ? reading.fields[f.key as ReadFieldKey] : undefined;
    if (read === undefined) return f;
    return { ...f, value: read.value, source: 'ocr', ...(!isCertain(read) && { uncertain: true }) };
  });
}

/**
 * Where the agent's name and number confirmed on the copy's screen came from: the chip (the copy
 * compared with it), the kiosk's reading of the copy left unchanged, or the agent's typing.
 */
function identitySourceOf(read: PaperRead, values: Record<string, string>, chip: ChipAgent | null): IdentitySource {
  if (chip !== null) return 'idCardChip';
  const unchanged = read.fields.every((f) => f.source !== 'none' && f.source !== 'agent' && (read.hidden[f.key] ?? f.value) === values[f.key]);
  return unchanged ? 'scannedCopy' : 'typed';
}

function validField(f: FieldView, value: string, now: Date): boolean {
  if (value === '') return !f.required;
  switch (f.input) {
    case 'idNumber':
      return validateResidentId(value, now).ok;
    case 'code':
      return f.key !== 'uscc' || validateUscc(value).ok;
    case 'choice':
      return f.choices?.some((choice) => choice.value === value) ?? false;
    case 'text':
    case 'date':
      return true;
  }
}
