// The intake check (new enrolment, change, card replacement, adding an operator): the kiosk asks
// for each paper the business needs in the checklist's order, scans it, and the agent confirms
// what it says (pre-filled from the licence's QR and from papers confirmed before; no OCR). Then
// the parties (the enterprise from the licence, the agent from their ID card, the cards the
// business needs), the check against the rules and the registry, and either a ticket for the
// counter or a receipt listing what is missing or wrong.
//
// The cards: a new enrolment applies for a legal-person, an operator and a tax-clerk card, whose
// holders come from the holders' ID copies; adding an operator adds the holder named on form 2
// (the capture asks for the checklist item's first kind, so the added card is an operator card);
// the businesses that bring cards read them in the reader (no PIN): the legal-person card, or for
// a change every card — `next` on the insert screen goes on with the cards read so far.
// `next` on a scan screen skips a paper the agent does not have; the verdict then lists it.
import type { CaptureItem } from '../../contract/intake/capture.ts';
import type { Verdict } from '../../contract/intake/verdict.ts';
import { enterpriseFrom } from '../intake/capture-session.ts';
import { missingPapers } from '../intake/missing-papers.ts';
import { stampsNeeded } from '../intake/materials.ts';
import { documentLabel, paperLabel, stampLabel } from '../../contract/intake/labels.ts';
import { readingClassifier, wrongPaper, type PaperClassifier } from '../intake/paper-classifier.ts';
import { intakeReceipt, type IntakeResult } from '../printing/business-receipts.ts';
import { readCardView } from './card-view.ts';
import { CardStep, firstUseRefusal } from './card-step.ts';
import type { Flow, FlowDeps, FlowHooks } from './flow.ts';
import { FlowMachine, type Actions } from './flow-machine.ts';
import { authorityProblem, captureProblem } from './flow-problem.ts';
import type { CardsToBring, CardView, FlowProblem, FlowScreen } from '../../contract/flow-view.ts';
import type { RegisteredCard } from '../../contract/authority/authority.ts';
import { cardsAChangeBrings } from '../intake/rules/registry.ts';
import type { BilingualText } from '../../contract/bilingual-text.ts';
import { bringsEveryCard, type IntakeBusiness } from '../../contract/businesses.ts';
import { ReceiptStep } from './receipt-step.ts';
import { askFor, PaperStep, readAgain, readPaper, scanScreen, type PaperAsked, type PaperRead } from './paper-step.ts';
import { documentFields, intakeFields, withChipAgent } from './intake-fields.ts';
import { chipAgentOfSession, readAgentIdCard, type ChipAgent } from './id-card-step.ts';
import type { DocumentKind, IdCardRole } from '../../contract/intake/package-schema.ts';
import { IntakeParties, person } from './intake-parties.ts';
import type { VerdictView } from './paper-check.ts';

type CardWantedHere = 'legalPersonCard' | 'enterpriseCards';


type State =
  | { at: 'checklist' }
  | ({ at: 'scanPaper'; item: CaptureItem } & PaperAsked)
  | ({ at: 'confirmFields'; item: CaptureItem; missingStamps: BilingualText[] } & PaperRead)
  | { at: 'insertCard'; wanted: CardWantedHere; problem: FlowProblem | null }
  | { at: 'readingCard'; wanted: CardWantedHere }
  | { at: 'cardShown'; wanted: CardWantedHere; card: CardView }
  | { at: 'checking' }
  | { at: 'verdict'; verdict: VerdictView }
  | { at: 'submitting'; verdict: VerdictView }
  | { at: 'done'; ticket: string | null; verdict: VerdictView }
  | { at: 'failed'; problem: FlowProblem; then: { to: 'end' } | { to: 'submit'; verdict: VerdictView } };

/** `classifier`: tells a page that is not the paper asked for (by its layout, and by what OCR read when an engine is fitted). */
export function createIntakeFlow(deps: FlowDeps, hooks: FlowHooks, business: IntakeBusiness, classifier: PaperClassifier = readingClassifier): Flow {
  return new IntakeFlow(deps, hooks, business, classifier);
}

class IntakeFlow extends FlowMachine<State> {
  override readonly kind = 'intake' as const;
  readonly #deps: FlowDeps;
  readonly #card: CardStep<State>;
  readonly #hooks: FlowHooks;
  readonly #business: IntakeBusiness;
  readonly #classifier: PaperClassifier;
  readonly #receipt: ReceiptStep;
  readonly #paper: PaperStep<State>;
  /** What confirmed papers and cards said, to pre-fill later papers and to fill the package. */
  readonly #parties: IntakeParties;
  /** Papers the agent said they do not have (`next` on the scan screen): the verdict lists them. */
  #skipped = new Set<string>();
  /** The verdict was shown once: papers resumed from it go straight back to the check. */
  #verdictSeen = false;
  /** A change of information: the enterprise's cards as the registry lists them, once one was read. */
  #enterpriseCards: RegisteredCard[] | null = null;

  constructor(deps: FlowDeps, hooks: FlowHooks, business: IntakeBusiness, classifier: PaperClassifier) {
    super({ at: 'checklist' }, deps, hooks);
    this.#classifier = classifier;
    this.#deps = deps;
    this.#card = new CardStep(this, deps.cards);
    this.#hooks = hooks;
    this.#business = business;
    this.#parties = new IntakeParties(business);
    this.#receipt = new ReceiptStep(deps, () => hooks.changed(), () => this.end('completed'));
    this.#paper = new PaperStep<State>(this, deps.capture);
    deps.capture.start(business);
    this.#syncCards();
    if (bringsEveryCard(business) && this.cardIn) void this.#readOnChecklist();
  }

  override screen(): FlowScreen {
    const state = this.state;
    switch (state.at) {
      case 'checklist':
        return { screen: 'checklist', business: this.#business, items: this.#items(), cards: this.#cardsToBring() };
      case 'scanPaper':
        return scanScreen(state);
      case 'confirmFields':
        return { screen: 'confirmFields', paper: state.paper, fields: state.fields, problem: state.problem, missingStamps: state.missingStamps };
      case 'insertCard':
        return { screen: 'insertCard', wanted: state.wanted, problem: state.problem, ...(state.wanted === 'enterpriseCards' && { cards: this.#cardsToBring() ?? { cards: [] } }) };
      case 'readingCard':
        return { screen: 'readingCard' };
      case 'cardShown':
        return { screen: 'cardShown', card: state.card };
      case 'checking':
        return { screen: 'working', task: 'checking', progress: null };
      case 'verdict':
        return { screen: 'verdict', business: this.#business, ...state.verdict, then: 'ticket' };
      case 'submitting':
        return { screen: 'working', task: 'submitting', progress: null };
      case 'done':
        return this.#receipt.screen({
          flow: 'intake',
          business: this.#business,
          ticket: state.ticket,
          missing: state.ticket === null ? state.verdict.missing : [],
          findings: state.verdict.findings,
        });
      case 'failed':
        // Submitting again sends the same package under the same key: one ticket.
        return { screen: 'failed', problem: state.problem, next: state.then.to === 'end' ? null : 'retry' };
    }
  }

  protected override actions(state: State): Actions {
    switch (state.at) {
      case 'checklist':
        return { next: () => this.#nextPaper() };
      case 'scanPaper':
        if (state.scanning) return {};
        return {
          scan: (_, signal) => this.#scan(state, signal),
          back: () => this.go({ at: 'checklist' }),
          // The agent does not have this paper.
          next: async () => {
            this.#skipped.add(itemKey(state.item));
            this.#hooks.journal('intake.paperSkipped', { kinds: state.item.kinds, form: state.item.form });
            await this.#nextPaper();
          },
        };
      case 'confirmFields':
        // Back from the fields is a rescan of that paper.
        return this.#paper.confirmActions(
          state,
          (asked) => this.go({ at: 'scanPaper', item: state.item, ...asked }),
          (values) => this.#confirm(state, values),
        );
      case 'insertCard':
        // No (more) cards: the check says what is missing.
        return { next: () => this.#check() };
      case 'cardShown':
        return {
          next: async () => {
            if (state.wanted === 'enterpriseCards') this.go({ at: 'insertCard', wanted: 'enterpriseCards', problem: null });
            else await this.#check();
          },
        };
      case 'verdict':
        return {
          next: () => (state.verdict.acceptable ? this.#submit(state.verdict) : this.#done(null, state.verdict)),
          // No ticket, no list: the agent leaves with what the screen said.
          finish: () => this.end('completed'),
          scanSkipped: ({ paper }) => this.#scanSkipped(paper),
        };
      case 'readingCard':
      case 'checking':
      case 'submitting':
        return {};
      case 'done':
        return this.#receipt.actions;
      case 'failed':
        return {
          next: async () => {
            if (state.then.to === 'end') this.end('failed');
            else await this.#submit(state.then.verdict);
          },
        };
    }
  }

  protected override inserted(state: State): void {
    switch (state.at) {
      case 'insertCard':
      case 'cardShown':
        void this.#read(state.wanted);
        return;
      case 'checklist':
        // A change brings every card: one read now names them all before the scanning.
        if (bringsEveryCard(this.#business)) void this.#readOnChecklist();
        return;
      case 'scanPaper':
      case 'confirmFields':
      case 'readingCard':
      case 'checking':
      case 'verdict':
      case 'submitting':
      case 'done':
      case 'failed':
        return;
    }
  }

  #cardsToBring(): CardsToBring | null {
    if (!bringsEveryCard(this.#business)) return null;
    const cards = this.#enterpriseCards ?? [];
    return { cards: cards.map((card) => ({ cardNo: card.cardNo, cardType: card.cardType, holderName: card.holderName, read: this.#parties.hasBrought(card.cardNo) })) };
  }

  /** A change: the card put in on the checklist is one of those brought, and names the others (registry). */
  async #readOnChecklist(): Promise<void> {
    const read = await readCardView(this.#deps.cards, { settled: true });
    if (!read.ok || this.state.at !== 'checklist') return;
    const card = read.value;
    // A technician's card, or one still on its initial PIN (refused with words when the card screen reads it).
    if (card.cardType === 'technician' || firstUseRefusal(card) !== null) return;
    if (!this.#parties.hasBrought(card.cardNo)) {
      this.#parties.bring({ type: card.cardType, cardNo: card.cardNo, holderName: card.holderName });
      this.#syncCards();
      this.#hooks.journal('intake.cardRead', { cardNo: card.cardNo, cardType: card.cardType });
    }
    const ticket = this.ticket();
    await this.#learnEnterpriseCards(card.cardNo);
    // Still on the checklist: show the cards named.
    if (!this.stale(ticket)) this.update(this.state);
  }

  async #learnEnterpriseCards(cardNo: string): Promise<void> {
    if (!bringsEveryCard(this.#business) || this.#enterpriseCards !== null) return;
    const found = await this.#deps.authority.lookupCard(cardNo);
    // Unreachable now: the list stays general; the check compares with the registry again.
    if (found.ok) this.#enterpriseCards = cardsAChangeBrings(found.value.enterprise);
  }

  #items(): { label: BilingualText; status: 'missing' | 'pendingConfirmation' | 'confirmed' }[] {
    const checklist = this.#deps.capture.checklist();
    return checklist.ok ? checklist.value.items.map((item) => ({ label: item.label, status: item.status })) : [];
  }

  /** The next paper the checklist asks for, or the parties once every paper is in. */
  async #nextPaper(): Promise<void> {
    const checklist = this.#deps.capture.checklist();
    if (!checklist.ok) {
      this.go({ at: 'failed', problem: captureProblem(checklist.error), then: { to: 'end' } });
      return;
    }
    const { items } = checklist.value;
    const next = items.find((item) => item.status === 'missing' && !this.#skipped.has(itemKey(item))) ?? null;
    if (next === null) {
      // Back from the verdict for a skipped paper: the cards are read already, check again.
      if (this.#verdictSeen) await this.#check();
      else await this.#afterPapers();
      return;
    }
    this.#ask(next, items);
  }

  /** The verdict's `paper`-th missing paper, skipped before: its scan screen again. */
  #scanSkipped(paper: number): void {
    const checklist = this.#deps.capture.checklist();
    if (!checklist.ok) return;
    const { items } = checklist.value;
    const item = items.filter((i) => i.status === 'missing')[paper];
    if (item === undefined) return;
    this.#skipped.delete(itemKey(item));
    this.#hooks.journal('intake.skippedPaperResumed', { kinds: item.kinds, form: item.form });
    this.#ask(item, items);
  }

  #ask(next: CaptureItem, items: readonly CaptureItem[]): void {
    const kind = next.kinds[0];
    if (kind === undefined) {
      this.go({ at: 'failed', problem: { kind: 'internal', detail: 'a checklist item without a kind' }, then: { to: 'end' } });
      return;
    }
    const captured = items.filter((item) => item.status !== 'missing').length;
    // The scan captures the paper as `wanted` says (the first kind, an any-form paper as an original).
    const wanted = { kind, form: next.form ?? 'original', role: next.roles?.[0] ?? null };
    this.go({ at: 'scanPaper', item: next, ...askFor({ label: next.label, position: { index: captured, of: items.length }, wanted }) });
  }

  /**
   * The agent from the chip of their ID card, for the agent's ID card copy and the letter: the one
   * read earlier in this session, or the ID card on the reader now (read when the agent's copy is
   * checked). An expired or unreadable ID card gives nothing: the fields stay as the paper said.
   */
  async #chipAgent(kind: DocumentKind, role: IdCardRole | undefined): Promise<{ chip: ChipAgent | null; problem: FlowProblem | null }> {
    const none = { chip: null, problem: null };
    const agentPaper = (kind === 'id_card' && role === 'agent') || kind === 'introduction_letter';
    if (!agentPaper) return none;
    const known = chipAgentOfSession(this.#deps);
    if (known !== null || kind !== 'id_card' || this.#deps.idCards.status().state !== 'cardPresent') return { chip: known, problem: null };
    const read = await readAgentIdCard(this.#deps);
    if (read.ok) {
      this.#hooks.journal('intake.idCardRead', {});
      return { chip: read.value, problem: null };
    }
    if (read.error.kind === 'noIdCard') return none;
    const { problem } = read.error;
    this.#hooks.journal('intake.idCardRefused', { problem: problem.kind });
    // An expired ID card is said on the copy's screen; one the reader cannot read is not the agent's fault.
    return { chip: null, problem: problem.kind === 'idCardExpired' ? problem : null };
  }

  async #scan(state: Extract<State, { at: 'scanPaper' }>, signal: AbortSignal): Promise<void> {
    const { kind, form } = state.paper.wanted;
    const role = state.paper.wanted.role ?? undefined;
    await this.#paper.scan(
      state,
      { kind, form: form ?? 'original', ...(role !== undefined && { role }) },
      signal,
      async (outcome) => {
        // Not the paper asked for: refused with what it looks like; its scan goes.
        const guess = wrongPaper(await this.#classifier.classify(outcome.pages.map((page) => page.report), outcome.reading), { kind, form: form ?? 'original' });
        if (guess !== null) {
          this.#deps.capture.remove(outcome.index);
          this.#hooks.journal('intake.wrongPaper', { asked: kind, looksLike: guess.kind, confidence: guess.confidence, evidence: guess.evidence });
          this.go({ ...state, scanning: false, problem: { kind: 'wrongPaper', looksLike: guess.form === undefined ? documentLabel[guess.kind] : paperLabel(guess.kind, guess.form) } });
          return;
        }
        const draft = this.#deps.capture.state();
        const known = this.#parties.known(outcome.document.kind, role, draft.ok ? (draft.value.draft.enterprise ?? {}) : {});
        const ticketOfScan = this.ticket();
        const { chip, problem: chipProblem } = await this.#chipAgent(outcome.document.kind, role);
        if (this.stale(ticketOfScan)) return;
        const read = intakeFields(outcome, known, this.#business);
        const fields = chip === null ? read : withChipAgent(read, outcome.document.kind, chip);
        const { document } = outcome;
        const missingStamps = stampsNeeded(this.#business, document.kind, document.form).filter((stamp) => !document.stamps.includes(stamp));
        if (missingStamps.length > 0) this.#hooks.journal('intake.stampsMissing', { kind: document.kind, stamps: missingStamps });
        this.go({ at: 'confirmFields', item: state.item, missingStamps: missingStamps.map((stamp) => stampLabel[stamp]), ...readPaper(state.paper, outcome.index, fields, chipProblem) });
      },
      (problem) => this.#hooks.journal('intake.scanRefused', { kind, problem: problem.kind }),
    );
  }

  /** `values`: the fields as confirmed, ID numbers in full; refused, they are shown again (masked) and kept. */
  async #confirm(state: Extract<State, { at: 'confirmFields' }>, values: Record<string, string>): Promise<void> {
    const fields = documentFields(values);
    if (!fields.ok) {
      this.go({ ...state, ...readAgain(state, values, { kind: 'fieldsInvalid', fields: fields.error }) });
      return;
    }
    const confirmed = this.#deps.capture.confirm(state.document, fields.value);
    if (!confirmed.ok) {
      this.go({ ...state, ...readAgain(state, values, captureProblem(confirmed.error)) });
      return;
    }
    if (this.#parties.learn(confirmed.value)) this.#syncCards();
    await this.#nextPaper();
  }

  /** The package's cards as far as known: the checklist asks for the holders' ID copies from them. */
  #syncCards(): void {
    this.#deps.capture.setCards(this.#parties.cards());
  }

  /** Every paper is in: the parties from the papers, then the cards the business brings. */
  async #afterPapers(): Promise<void> {
    const state = this.#deps.capture.state();
    if (state.ok) {
      const docs = state.value.draft.documents;
      const licence = docs.find((doc) => doc.kind === 'business_licence');
      if (licence !== undefined) this.#deps.capture.setEnterprise(enterpriseFrom(licence.fields));
      const agentId = docs.find((doc) => doc.kind === 'id_card' && (doc.role ?? doc.fields.role) === 'agent' && doc.form === 'original');
      if (agentId !== undefined) this.#deps.capture.setAgent(person(agentId.fields.name, agentId.fields.idNumber));
    }
    switch (this.#business) {
      case 'new_enrolment':
        await this.#check();
        return;
      case 'change':
      case 'change_renewal':
        await this.#awaitCard('enterpriseCards');
        return;
      case 'card_replacement':
      case 'add_operator':
        await this.#awaitCard('legalPersonCard');
        return;
    }
  }

  async #awaitCard(wanted: CardWantedHere): Promise<void> {
    // A card read on the checklist may still be in the reader: ask for the next one.
    const readBefore = wanted === 'enterpriseCards' && this.#parties.cards().length > 0;
    if (this.cardIn && !readBefore) await this.#read(wanted);
    else this.go({ at: 'insertCard', wanted, problem: null });
  }

  async #read(wanted: CardWantedHere): Promise<void> {
    const read = await this.#card.read({
      settled: true,
      reading: { at: 'readingCard', wanted },
      insertAgain: (problem) => ({ at: 'insertCard', wanted, problem }),
      refuse: (card) => this.#refusal(wanted, card),
    });
    if (read === null) return;
    const { card, ticket } = read;
    if (card.cardType === 'technician') return;
    this.#parties.bring({ type: card.cardType, cardNo: card.cardNo, holderName: card.holderName });
    this.#syncCards();
    this.#hooks.journal('intake.cardRead', { cardNo: card.cardNo, cardType: card.cardType });
    await this.#learnEnterpriseCards(card.cardNo);
    if (this.stale(ticket)) return;
    this.go({ at: 'cardShown', wanted, card });
  }

  #refusal(wanted: CardWantedHere, card: CardView): FlowProblem | null {
    if (card.cardType === 'technician') return { kind: 'wrongCardType', expected: wanted === 'legalPersonCard' ? ['legal_person'] : ['legal_person', 'operator', 'tax_clerk'], actual: card.cardType };
    if (wanted === 'legalPersonCard' && card.cardType !== 'legal_person') return { kind: 'wrongCardType', expected: ['legal_person'], actual: card.cardType };
    const state = this.#deps.capture.state();
    const uscc = state.ok ? state.value.draft.enterprise?.uscc : undefined;
    if (uscc !== undefined && uscc !== card.uscc) return { kind: 'otherEnterprise' };
    // The first-use gate (seed 003): a card still on its initial PIN is good for a PIN change only.
    if (firstUseRefusal(card) !== null) return { kind: 'pinMustChangeAfterCheck', cardNo: card.cardNo };
    if (this.#parties.hasBrought(card.cardNo)) return { kind: 'alreadyDone', cardNo: card.cardNo };
    return null;
  }

  async #check(): Promise<void> {
    const ticket = this.go({ at: 'checking' });
    const checked = await this.#deps.capture.check();
    if (this.stale(ticket)) return;
    if (!checked.ok) {
      this.go({ at: 'failed', problem: captureProblem(checked.error), then: { to: 'end' } });
      return;
    }
    const verdict = this.#verdictView(checked.value);
    this.#hooks.journal('intake.verdict', { acceptable: verdict.acceptable, errors: checked.value.summary.errors, rules: verdict.findings.map((f) => f.ruleId) });
    this.#verdictSeen = true;
    this.go({ at: 'verdict', verdict });
  }

  /** The papers still missing once (the capture checklist's, ID cards included) and the findings that say more. */
  #verdictView(verdict: Verdict): VerdictView {
    const checklist = this.#deps.capture.checklist();
    const { missing, findings } = missingPapers(checklist.ok ? checklist.value.items : [], verdict.findings);
    return { acceptable: verdict.acceptable, findings: findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })), missing };
  }

  async #submit(verdict: VerdictView): Promise<void> {
    const ticket = this.go({ at: 'submitting', verdict });
    const submitted = await this.#deps.capture.submit();
    if (this.stale(ticket)) return;
    if (submitted.ok) {
      this.#hooks.journal('intake.ticket', { ticket: submitted.value.ticket });
      await this.#done(submitted.value.ticket, verdict);
      return;
    }
    const error = submitted.error;
    switch (error.kind) {
      case 'authority':
        // Retried with the same idempotency key: a lost answer never makes a second ticket.
        this.go({ at: 'failed', problem: authorityProblem(error.error), then: { to: 'submit', verdict } });
        return;
      case 'notAcceptable':
        await this.#done(null, this.#verdictView(error.verdict));
        return;
      case 'noIntake':
      case 'scan':
      case 'unreadablePage':
      case 'rescan':
      case 'noSuchDocument':
      case 'invalidFields':
      case 'tooManyDocuments':
      case 'unconfirmed':
      case 'badDate':
        this.go({ at: 'failed', problem: captureProblem(error), then: { to: 'end' } });
        return;
    }
  }

  async #done(ticket: string | null, verdict: VerdictView): Promise<void> {
    const state = this.#deps.capture.state();
    const draft = state.ok ? state.value.draft : null;
    const enterprise = draft?.enterprise;
    const agent = draft?.agent;
    const result: IntakeResult = ticket !== null ? { acceptable: true, ticket, findings: verdict.findings } : { acceptable: false, missing: verdict.missing, findings: verdict.findings };
    const receipt = intakeReceipt({
      ...this.#receipt.stamp(),
      business: this.#business,
      enterprise: enterprise?.name !== undefined && enterprise.uscc !== undefined ? { name: enterprise.name, uscc: enterprise.uscc } : null,
      agent: agent?.name !== undefined && agent.idNumber !== undefined ? { name: agent.name, idNumber: agent.idNumber } : null,
      result,
    });
    this.go({ at: 'done', ticket, verdict });
    await this.#receipt.print(receipt);
  }
}

function itemKey(item: CaptureItem): string {
  return JSON.stringify([item.kinds, item.form, item.roles ?? null]);
}

