// A paper check inside a flow that is not the intake check itself: the renewal's papers of seed
// 000 三 (introduction letter, the agent's ID card and copy, the certificates' originals and sealed
// copies) before the legal-person card's own renewal (seed 003: 法人卡的延期功能沿用旧流程), and the
// same papers for the counter when a card is refused as expired, ending with a ticket. The guided
// capture, checklist and rules are the intake's (capture-session, capture-checklist, checkIntake
// with the registry), each paper goes through the paper step, and the screens are the intake's
// (checklist, scanPaper, confirmFields, verdict), so the agent meets one way of checking papers.
//
// To use in a flow: put `PaperCheckState` in the flow's State union, show it with `screen`, take
// `actions(state)` on it, and call `begin(then, cards, pending)`; the flow's `PaperCheckEnds`
// say where an acceptable, a not acceptable or an abandoned check leads.
import type { CaptureItem, CaptureOutcome } from '../../contract/intake/capture.ts';
import type { Verdict } from '../../contract/intake/verdict.ts';
import type { IntakeCard } from '../../contract/intake/package-schema.ts';
import type { RulebookBusiness } from '../../contract/businesses.ts';
import type { BilingualText } from '../../contract/bilingual-text.ts';
import type { FindingView, FlowProblem, FlowScreen } from '../../contract/flow-view.ts';
import { documentLabel, paperLabel, stampLabel } from '../../contract/intake/labels.ts';
import { enterpriseFrom } from '../intake/capture-session.ts';
import { missingPapers } from '../intake/missing-papers.ts';
import { stampsNeeded } from '../intake/materials.ts';
import { layoutClassifier, wrongPaper, type PaperClassifier } from '../intake/paper-classifier.ts';
import { intakeReceipt, type BusinessReceipt, type IntakeResult } from '../printing/business-receipts.ts';
import type { TransactionStamp } from '../printing/business-receipts.ts';
import type { FlowDeps, FlowHooks } from './flow.ts';
import type { Actions, FlowMachine } from './flow-machine.ts';
import { authorityProblem, captureProblem } from './flow-problem.ts';
import { askFor, PaperStep, readAgain, readPaper, scanScreen, type PaperAsked, type PaperRead } from './paper-step.ts';
import { documentFields, intakeFields } from './intake-fields.ts';
import { IntakeParties, person } from './intake-parties.ts';

/** Where acceptable papers lead: the card work here, or a ticket for the counter. */
export type PapersThen = 'renew' | 'ticket';

export interface VerdictView {
  acceptable: boolean;
  findings: FindingView[];
  missing: BilingualText[];
}

export type PaperCheckState =
  | { at: 'papersListed'; then: PapersThen }
  | ({ at: 'paperScan'; item: CaptureItem; then: PapersThen } & PaperAsked)
  | ({ at: 'paperFields'; item: CaptureItem; missingStamps: BilingualText[]; then: PapersThen } & PaperRead)
  | { at: 'papersChecking'; then: PapersThen }
  | { at: 'papersVerdict'; verdict: VerdictView; then: PapersThen }
  | { at: 'papersSubmitting'; verdict: VerdictView };

export interface PaperCheckEnds {
  /** Acceptable, and `then` was `renew`: the card work may start. */
  accepted(): unknown;
  /** The ticket for the counter, or null: not acceptable, with the verdict's list (to print). */
  done(ticket: string | null, verdict: VerdictView): unknown;
  /** The agent left the check (back on the checklist, finish on the verdict): nothing printed. */
  left(): unknown;
  /** Something failed; `retry`, when given, tries the same step again. */
  failed(problem: FlowProblem, retry: (() => unknown) | null): unknown;
}

type Host = Pick<FlowMachine<PaperCheckState>, 'go' | 'stale' | 'ticket'>;

export class PaperCheck {
  readonly #flow: Host;
  readonly #deps: FlowDeps;
  readonly #hooks: FlowHooks;
  readonly #business: RulebookBusiness;
  readonly #ends: PaperCheckEnds;
  readonly #classifier: PaperClassifier;
  readonly #paper: PaperStep<PaperCheckState>;
  readonly #parties: IntakeParties;
  readonly #skipped = new Set<string>();
  /** A paper the flow scanned already (the renewal's licence): confirmed first, not scanned again. */
  #pending: CaptureOutcome | null = null;

  constructor(flow: Host, deps: FlowDeps, hooks: FlowHooks, business: RulebookBusiness, ends: PaperCheckEnds, classifier: PaperClassifier = layoutClassifier) {
    this.#flow = flow;
    this.#deps = deps;
    this.#hooks = hooks;
    this.#business = business;
    this.#ends = ends;
    this.#classifier = classifier;
    this.#paper = new PaperStep<PaperCheckState>(flow, deps.capture);
    this.#parties = new IntakeParties(business);
  }

  /**
   * The checklist of the business, for the `cards` brought (read in the reader). Papers confirmed
   * earlier in the session count (a second check in the session asks only for what is missing).
   */
  begin(then: PapersThen, cards: readonly IntakeCard[], pending: CaptureOutcome | null = null): void {
    const { capture } = this.#deps;
    const draft = capture.state();
    if (!draft.ok || draft.value.draft.business !== this.#business) capture.start(this.#business);
    for (const card of cards) if (card.cardNo !== undefined && !this.#parties.hasBrought(card.cardNo)) this.#parties.bring(card);
    capture.setCards(cards.map((card) => ({ ...card })));
    this.#pending = pending;
    this.#skipped.clear();
    this.#hooks.journal('papers.started', { business: this.#business, then, cards: cards.length });
    this.#flow.go({ at: 'papersListed', then });
  }

  screen(state: PaperCheckState): FlowScreen {
    switch (state.at) {
      case 'papersListed':
        return { screen: 'checklist', business: this.#business, items: this.#items(), cards: null };
      case 'paperScan':
        return scanScreen(state);
      case 'paperFields':
        return { screen: 'confirmFields', paper: state.paper, fields: state.fields, problem: state.problem, missingStamps: state.missingStamps };
      case 'papersChecking':
        return { screen: 'working', task: 'checking', progress: null };
      case 'papersVerdict':
        return { screen: 'verdict', business: this.#business, ...state.verdict, then: state.then };
      case 'papersSubmitting':
        return { screen: 'working', task: 'submitting', progress: null };
    }
  }

  actions(state: PaperCheckState): Actions {
    switch (state.at) {
      case 'papersListed':
        return { next: () => this.#nextPaper(state.then), back: () => this.#ends.left() };
      case 'paperScan':
        if (state.scanning) return {};
        return {
          scan: (_, signal) => this.#scan(state, signal),
          back: () => this.#flow.go({ at: 'papersListed', then: state.then }),
          // The agent does not have this paper: the verdict lists it.
          next: async () => {
            this.#skipped.add(itemKey(state.item));
            this.#hooks.journal('papers.skipped', { kinds: state.item.kinds, form: state.item.form });
            await this.#nextPaper(state.then);
          },
        };
      case 'paperFields':
        return this.#paper.confirmActions(
          state,
          (asked) => this.#flow.go({ at: 'paperScan', item: state.item, then: state.then, ...asked }),
          (values) => this.#confirm(state, values),
        );
      case 'papersVerdict':
        return {
          next: () => {
            if (!state.verdict.acceptable) return this.#ends.done(null, state.verdict);
            return state.then === 'renew' ? this.#ends.accepted() : this.submit(state.verdict);
          },
          finish: () => this.#ends.left(),
          scanSkipped: ({ paper }) => this.#scanSkipped(paper, state.then),
        };
      case 'papersChecking':
      case 'papersSubmitting':
        return {};
    }
  }

  /** The receipt of a check that ended with a ticket, or with the list of what is missing. */
  receipt(stamp: TransactionStamp, ticket: string | null, verdict: VerdictView): BusinessReceipt {
    const state = this.#deps.capture.state();
    const draft = state.ok ? state.value.draft : null;
    const enterprise = draft?.enterprise;
    const agent = draft?.agent;
    const result: IntakeResult = ticket !== null ? { acceptable: true, ticket, findings: verdict.findings } : { acceptable: false, missing: verdict.missing, findings: verdict.findings };
    return intakeReceipt({
      ...stamp,
      business: this.#business,
      enterprise: enterprise?.name !== undefined && enterprise.uscc !== undefined ? { name: enterprise.name, uscc: enterprise.uscc } : null,
      agent: agent?.name !== undefined && agent.idNumber !== undefined ? { name: agent.name, idNumber: agent.idNumber } : null,
      result,
    });
  }

  #items(): { label: BilingualText; status: 'missing' | 'pendingConfirmation' | 'confirmed' }[] {
    const checklist = this.#deps.capture.checklist();
    return checklist.ok ? checklist.value.items.map((item) => ({ label: item.label, status: item.status })) : [];
  }

  async #nextPaper(then: PapersThen): Promise<void> {
    const checklist = this.#deps.capture.checklist();
    if (!checklist.ok) {
      this.#ends.failed(captureProblem(checklist.error), null);
      return;
    }
    const { items } = checklist.value;
    const pending = this.#pending;
    if (pending !== null) {
      this.#pending = null;
      const item = items.find((i) => i.status === 'pendingConfirmation' && i.kinds.includes(pending.document.kind) && (i.form === null || i.form === pending.document.form));
      if (item !== undefined) {
        this.#read(item, items, then, pending);
        return;
      }
    }
    const next = items.find((item) => item.status === 'missing' && !this.#skipped.has(itemKey(item))) ?? null;
    if (next === null) {
      await this.#check(then);
      return;
    }
    this.#ask(next, items, then);
  }

  #scanSkipped(paper: number, then: PapersThen): void {
    const checklist = this.#deps.capture.checklist();
    if (!checklist.ok) return;
    const { items } = checklist.value;
    const item = items.filter((i) => i.status === 'missing')[paper];
    if (item === undefined) return;
    this.#skipped.delete(itemKey(item));
    this.#ask(item, items, then);
  }

  #position(items: readonly CaptureItem[]): { index: number; of: number } {
    return { index: items.filter((item) => item.status !== 'missing').length, of: items.length };
  }

  #ask(next: CaptureItem, items: readonly CaptureItem[], then: PapersThen): void {
    const kind = next.kinds[0];
    if (kind === undefined) {
      this.#ends.failed({ kind: 'internal', detail: 'a checklist item without a kind' }, null);
      return;
    }
    const wanted = { kind, form: next.form ?? 'original', role: next.roles?.[0] ?? null };
    this.#flow.go({ at: 'paperScan', item: next, then, ...askFor({ label: next.label, position: this.#position(items), wanted }) });
  }

  async #scan(state: Extract<PaperCheckState, { at: 'paperScan' }>, signal: AbortSignal): Promise<void> {
    const { kind, form } = state.paper.wanted;
    const role = state.paper.wanted.role ?? undefined;
    await this.#paper.scan(
      state,
      { kind, form: form ?? 'original', ...(role !== undefined && { role }) },
      signal,
      async (outcome) => {
        // Not the paper asked for: refused with what it looks like; its scan goes.
        const guess = wrongPaper(await this.#classifier.classify(outcome.pages.map((page) => page.report)), { kind, form: form ?? 'original' });
        if (guess !== null) {
          this.#deps.capture.remove(outcome.index);
          this.#hooks.journal('papers.wrongPaper', { asked: kind, looksLike: guess.kind });
          this.#flow.go({ ...state, scanning: false, problem: { kind: 'wrongPaper', looksLike: guess.form === undefined ? documentLabel[guess.kind] : paperLabel(guess.kind, guess.form) } });
          return;
        }
        const checklist = this.#deps.capture.checklist();
        this.#read(state.item, checklist.ok ? checklist.value.items : [], state.then, outcome);
      },
      (problem) => this.#hooks.journal('papers.scanRefused', { kind, problem: problem.kind }),
    );
  }

  /** The fields of a paper scanned, pre-filled from its QR and earlier papers, to confirm. */
  #read(item: CaptureItem, items: readonly CaptureItem[], then: PapersThen, outcome: CaptureOutcome): void {
    const { document } = outcome;
    const draft = this.#deps.capture.state();
    const known = this.#parties.known(document.kind, document.role, draft.ok ? (draft.value.draft.enterprise ?? {}) : {});
    const fields = intakeFields(outcome, known, this.#business);
    const missingStamps = stampsNeeded(this.#business, document.kind, document.form).filter((stamp) => !document.stamps.includes(stamp));
    const paper = { label: item.label, position: this.#position(items), wanted: { kind: document.kind, form: document.form ?? 'original', role: document.role ?? null } };
    this.#flow.go({ at: 'paperFields', item, then, missingStamps: missingStamps.map((stamp) => stampLabel[stamp]), ...readPaper(paper, outcome.index, fields) });
  }

  async #confirm(state: Extract<PaperCheckState, { at: 'paperFields' }>, values: Record<string, string>): Promise<void> {
    const fields = documentFields(values);
    if (!fields.ok) {
      this.#flow.go({ ...state, ...readAgain(state, values, { kind: 'fieldsInvalid', fields: fields.error }) });
      return;
    }
    const confirmed = this.#deps.capture.confirm(state.document, fields.value);
    if (!confirmed.ok) {
      this.#flow.go({ ...state, ...readAgain(state, values, captureProblem(confirmed.error)) });
      return;
    }
    this.#parties.learn(confirmed.value);
    await this.#nextPaper(state.then);
  }

  async #check(then: PapersThen): Promise<void> {
    const { capture } = this.#deps;
    const draft = capture.state();
    if (draft.ok) {
      // The enterprise from the licence, the agent from their ID card (as the intake check does).
      const docs = draft.value.draft.documents;
      const licence = docs.find((doc) => doc.kind === 'business_licence');
      if (licence !== undefined) capture.setEnterprise(enterpriseFrom(licence.fields));
      const agentId = docs.find((doc) => doc.kind === 'id_card' && (doc.role ?? doc.fields.role) === 'agent' && doc.form === 'original');
      if (agentId !== undefined) capture.setAgent(person(agentId.fields.name, agentId.fields.idNumber));
    }
    const ticket = this.#flow.go({ at: 'papersChecking', then });
    const checked = await capture.check();
    if (this.#flow.stale(ticket)) return;
    if (!checked.ok) {
      this.#ends.failed(captureProblem(checked.error), null);
      return;
    }
    const verdict = this.#verdictView(checked.value);
    this.#hooks.journal('papers.verdict', { acceptable: verdict.acceptable, rules: verdict.findings.map((f) => f.ruleId) });
    this.#flow.go({ at: 'papersVerdict', verdict, then });
  }

  #verdictView(verdict: Verdict): VerdictView {
    const checklist = this.#deps.capture.checklist();
    const { missing, findings } = missingPapers(checklist.ok ? checklist.value.items : [], verdict.findings);
    return { acceptable: verdict.acceptable, findings: findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })), missing };
  }

  /** The papers to the authority: a ticket (the same one on a retry, one idempotency key per draft revision). */
  async submit(verdict: VerdictView): Promise<void> {
    const ticket = this.#flow.go({ at: 'papersSubmitting', verdict });
    const submitted = await this.#deps.capture.submit();
    if (this.#flow.stale(ticket)) return;
    if (submitted.ok) {
      this.#hooks.journal('papers.ticket', { ticket: submitted.value.ticket });
      await this.#ends.done(submitted.value.ticket, verdict);
      return;
    }
    const error = submitted.error;
    switch (error.kind) {
      case 'authority':
        this.#ends.failed(authorityProblem(error.error), () => this.submit(verdict));
        return;
      case 'notAcceptable':
        await this.#ends.done(null, this.#verdictView(error.verdict));
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
        this.#ends.failed(captureProblem(error), null);
        return;
    }
  }
}

function itemKey(item: CaptureItem): string {
  return JSON.stringify([item.kinds, item.form, item.roles ?? null]);
}
