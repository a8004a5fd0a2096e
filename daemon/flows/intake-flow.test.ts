// The intake-check flow on the simulated devices: each paper the checklist asks for is fed,
// scanned and its fields confirmed as an agent would type them; then the cards, the check, and a
// ticket (or the list of what is wrong) on the receipt. Faults: a jam, the authority unreachable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enterpriseExtras } from '../../sim/scanner/document-data.ts';
import { documentSpecs, type DocumentSetOptions } from '../../sim/scanner/document-set.ts';
import type { GeneratedPage } from '../../sim/scanner/documents.ts';
import { generatedPage } from '../../tests/support/generated-pages.ts';
import type { CaptureItem } from '../../contract/intake/capture.ts';
import type { Flow } from './flow.ts';
import type { FlowScreen } from '../../contract/flow-view.ts';
import type { IntakeBusiness } from '../../contract/businesses.ts';
import { act, openFlowKit, recordingHooks, screenOf, until, type FlowKit, type RecordedHooks } from '../../tests/support/flow-test-kit.ts';
import { createIntakeFlow } from './intake-flow.ts';

let kit: FlowKit;
let hooks: RecordedHooks;
let sessionId: string;

beforeEach(async () => {
  kit = await openFlowKit();
  hooks = recordingHooks();
});

afterEach(async () => {
  await kit.close();
});

function start(business: IntakeBusiness): Flow {
  sessionId = kit.startSession(business);
  const flow = createIntakeFlow(kit.deps, hooks, business);
  kit.attach(flow);
  return flow;
}

const variants: Record<string, string> = {
  import_export_qualification: 'import_export_qualification',
  consignor_consignee: 'consignor_consignee_registration',
  self_declaration: 'self_declaration_registration',
};

/** What the agent reads off the paper for a field (no OCR): the printed value. */
function printed(page: GeneratedPage, key: string): string | undefined {
  const f = page.spec.fields;
  switch (key) {
    case 'variant':
      return page.spec.variant === undefined ? undefined : variants[page.spec.variant];
    case 'contactName':
      return f.contact;
    case 'postcode':
      return enterpriseExtras.postcode;
    case 'phone':
      return enterpriseExtras.phone;
    case 'consentToMail':
      return 'yes';
    case 'holderName':
      return f.operatorName;
    case 'holderIdNumber':
      return f.operatorIdNumber;
    default:
      return f[key];
  }
}

class Papers {
  readonly #specs: ReturnType<typeof documentSpecs>;
  readonly #options: DocumentSetOptions;
  constructor(business: IntakeBusiness, options: DocumentSetOptions) {
    this.#options = options;
    this.#specs = documentSpecs(business, { date: kit.date, ...options });
  }

  async for(item: CaptureItem): Promise<GeneratedPage> {
    const spec = this.#specs.find((s) => item.kinds.includes(s.kind) && (item.form === null || item.form === s.form) && (item.roles === undefined || item.roles.includes(s.role ?? 'agent')));
    if (spec === undefined) throw new Error(`no generated page for ${item.label.en}`);
    const defects = Object.assign({}, ...(this.#options.defects ?? []).filter((d) => d.kind === spec.kind && (d.form === undefined || d.form === spec.form)).map((d) => d.defects));
    return generatedPage(spec, { date: kit.date, dpi: kit.scanDpi, defects });
  }
}

function nextItem(): CaptureItem {
  const checklist = kit.deps.capture.checklist();
  if (!checklist.ok || checklist.value.next === null) throw new Error('nothing asked');
  return checklist.value.next;
}

/**
 * Feeds and confirms every paper asked for. `jamAt`: the scanner jams on that kind of paper once;
 * `lacking`: the agent has no such paper and skips it.
 */
async function feedAll(flow: Flow, papers: Papers, faults: { jamAt?: string; lacking?: string | ((item: CaptureItem) => boolean) } = {}): Promise<FlowScreen> {
  const lacking = faults.lacking;
  const lacks = (item: CaptureItem): boolean => (typeof lacking === 'function' ? lacking(item) : item.kinds[0] === lacking);
  const skipped = new Set<string>();
  for (let guard = 0; guard < 30; guard++) {
    const screen = flow.screen();
    if (screen.screen !== 'scanPaper') return screen;
    const checklist = kit.deps.capture.checklist();
    const item = checklist.ok ? checklist.value.items.find((i) => i.status === 'missing' && !skipped.has(i.label.en)) : undefined;
    if (item === undefined) throw new Error('nothing asked');
    expect(screen.paper.label).toEqual(item.label);
    if (lacks(item)) {
      skipped.add(item.label.en);
      await act(flow, { action: 'next' });
      continue;
    }
    const jamAt = faults.jamAt;
    const page = await papers.for(item);
    kit.scanner.loadFeeder([page]);
    if (item.kinds[0] === jamAt) {
      kit.scanner.jam();
      expect(await act(flow, { action: 'scan' })).toMatchObject({ screen: 'scanPaper', scanning: false, problem: { kind: 'scannerJam' } });
      kit.scanner.clearJam();
    }
    const confirm = await act(flow, { action: 'scan' });
    if (confirm.screen !== 'confirmFields') throw new Error(`${item.label.en}: ${JSON.stringify(confirm)}`);
    // The agent types what is empty and checks what was filled in (an ID number shows masked).
    const fields = Object.fromEntries(confirm.fields.map((field) => [field.key, field.value !== '' ? field.value : (printed(page, field.key) ?? '')]));
    for (const field of confirm.fields) if (field.input === 'idNumber') expect(field.value).not.toMatch(/^\d{17}[\dX]$/);
    const after = await act(flow, { action: 'confirmFields', fields });
    if (after.screen === 'confirmFields') throw new Error(`${item.label.en}: ${JSON.stringify(after.problem)}`);
  }
  throw new Error('the checklist never ends');
}

function journalText(): string {
  return JSON.stringify(hooks.journaled) + JSON.stringify(kit.store.journalOf(sessionId));
}

describe('intake flow', () => {
  it('new enrolment: every paper, the holders from their ID copies, a ticket on the receipt', async () => {
    const flow = start('new_enrolment');
    const checklist = flow.screen();
    expect(checklist).toMatchObject({ screen: 'checklist', business: 'new_enrolment' });
    if (checklist.screen !== 'checklist') return;
    // The three cards applied for: their holders' ID copies are on the list from the start.
    expect(checklist.items.map((i) => i.label.en)).toEqual(expect.arrayContaining(['ID card of the legal-person card holder (copy)', 'ID card of the tax-clerk card holder (copy)']));
    const first = await act(flow, { action: 'next' });
    expect(first).toMatchObject({ screen: 'scanPaper', scanning: false, problem: null, paper: { position: { index: 0 }, wanted: { kind: 'business_licence', form: 'copy', role: null } } });

    const papers = new Papers('new_enrolment', {});
    const verdict = await feedAll(flow, papers);
    expect(verdict).toMatchObject({ screen: 'verdict', business: 'new_enrolment' });
    if (verdict.screen !== 'verdict') return;
    expect(verdict.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(verdict).toMatchObject({ acceptable: true, missing: [] });
    const draft = kit.deps.capture.state();
    expect(draft.ok && draft.value.draft.cards.map((c) => [c.type, c.holderName])).toEqual([
      ['legal_person', '陈海峰'],
      ['operator', '林晓燕'],
      ['tax_clerk', '黄志明'],
    ]);
    expect(draft.ok && draft.value.draft.agent).toEqual({ name: '许文彬', idNumber: '35020419800109011X' });

    const done = await act(flow, { action: 'next' });
    expect(done).toMatchObject({ screen: 'done', outcome: { flow: 'intake', business: 'new_enrolment', ticket: expect.stringMatching(/^A\d{4}$/) }, receipt: { state: 'printed' } });
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'completed' });
    expect(journalText()).not.toContain('35020419800109011X');
  }, 60_000);

  it('card replacement: the papers, the legal-person card read in the reader, a ticket; a jam is fed again', async () => {
    const flow = start('card_replacement');
    await act(flow, { action: 'next' });
    const papers = new Papers('card_replacement', {});
    const cards = await feedAll(flow, papers, { jamAt: 'trade_qualification' });
    expect(hooks.journaled).toContainEqual({ step: 'intake.scanRefused', data: { kind: 'trade_qualification', problem: 'scannerJam' } });
    expect(cards).toEqual({ screen: 'insertCard', wanted: 'legalPersonCard', problem: null });
    await kit.insert('operator');
    await until(() => JSON.stringify(flow.screen()).includes('wrongCardType'), 'the refusal');
    expect(flow.screen()).toEqual({ screen: 'insertCard', wanted: 'legalPersonCard', problem: { kind: 'wrongCardType', expected: ['legal_person'], actual: 'operator' } });
    kit.remove();
    await kit.insert('legal-person');
    const shown = await screenOf(flow, 'cardShown');
    expect(shown.card).toMatchObject({ cardNo: '8135020000000017', holderIdNumberMasked: '350203********4517' });
    const verdict = await act(flow, { action: 'next' });
    expect(verdict).toMatchObject({ screen: 'verdict', acceptable: true, missing: [] });

    // The authority is down: the failed screen retries with the same package (one ticket).
    kit.submitUnreachable = true;
    expect(await act(flow, { action: 'next' })).toEqual({ screen: 'failed', problem: { kind: 'authorityUnreachable' }, next: 'retry' });
    kit.submitUnreachable = false;
    expect(await act(flow, { action: 'next' })).toMatchObject({ screen: 'done', outcome: { ticket: expect.stringMatching(/^A\d{4}$/) } });
  }, 60_000);

  it('lists what is wrong when a copy lacks the company seal and a paper is missing: no ticket', async () => {
    const flow = start('card_replacement');
    await act(flow, { action: 'next' });
    const papers = new Papers('card_replacement', { defects: [{ kind: 'business_licence', form: 'copy', defects: { noSeal: true } }] });
    // The agent has no introduction letter: `next` on its scan screen skips it.
    expect(await feedAll(flow, papers, { lacking: 'introduction_letter' })).toMatchObject({ screen: 'insertCard' });
    await kit.insert('legal-person');
    await screenOf(flow, 'cardShown');
    const verdict = await act(flow, { action: 'next' });
    if (verdict.screen !== 'verdict') throw new Error(JSON.stringify(verdict));
    expect(verdict.acceptable).toBe(false);
    expect(verdict.findings.map((f) => f.ruleId)).toContain('R-STAMP-COMPANY-SEAL');
    expect(verdict.missing).toEqual([expect.objectContaining({ en: 'company introduction letter' })]);
    const done = await act(flow, { action: 'next' });
    expect(done).toMatchObject({ screen: 'done', outcome: { flow: 'intake', business: 'card_replacement', ticket: null }, receipt: { state: 'printed' } });
    if (done.screen !== 'done' || done.receipt.state !== 'printed') return;
    const job = kit.store.printJobs.get(done.receipt.jobId);
    const text = JSON.stringify(job?.receipt);
    expect(text).toContain('不可受理');
    expect(text).toContain(verdict.findings.find((f) => f.ruleId === 'R-STAMP-COMPANY-SEAL')?.message.en);
  }, 60_000);

  it('add operator: the new holder from form 2, their ID copy asked for and pre-filled, a ticket', async () => {
    const flow = start('add_operator');
    await act(flow, { action: 'next' });
    expect(await feedAll(flow, new Papers('add_operator', {}))).toEqual({ screen: 'insertCard', wanted: 'legalPersonCard', problem: null });
    const draft = kit.deps.capture.state();
    expect(draft.ok && draft.value.draft.cards).toEqual([{ type: 'operator', holderName: '周明辉', holderIdNumber: '350206199505160107' }]);
    expect(draft.ok && draft.value.draft.documents.find((d) => d.role === 'new_holder')?.fields).toMatchObject({ name: '周明辉', idNumber: '350206199505160107' });
    await kit.insert('legal-person');
    await screenOf(flow, 'cardShown');
    const verdict = await act(flow, { action: 'next' });
    if (verdict.screen !== 'verdict') throw new Error(JSON.stringify(verdict));
    expect(verdict.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(await act(flow, { action: 'next' })).toMatchObject({ screen: 'done', outcome: { ticket: expect.stringMatching(/^A\d{4}$/) } });
  }, 60_000);

  it('rescans a paper on request and refuses an unknown variant', async () => {
    const flow = start('card_replacement');
    await act(flow, { action: 'next' });
    const papers = new Papers('card_replacement', {});
    kit.scanner.loadFeeder([await papers.for(nextItem())]);
    const licence = await act(flow, { action: 'scan' });
    expect(licence).toMatchObject({ screen: 'confirmFields' });
    if (licence.screen !== 'confirmFields') return;
    expect(licence.fields.find((f) => f.key === 'uscc')).toMatchObject({ value: '91350200MA2Y7K3Q6F', source: 'qr', input: 'code' });
    expect(flow.canBack()).toBe(true);
    expect(await act(flow, { action: 'rescan' })).toMatchObject({ screen: 'scanPaper', problem: null });
    expect(kit.pages.list()).toEqual([]);
    kit.scanner.loadFeeder([await papers.for(nextItem())]);
    await act(flow, { action: 'scan' });
    const values = Object.fromEntries(licence.fields.map((f) => [f.key, f.value]));
    await act(flow, { action: 'confirmFields', fields: { ...values, validUntil: '2046-03-24', annualInspection: kit.date } });
    // Next: the licence copy, then the trade qualification whose variant must be one we know.
    for (;;) {
      const item = nextItem();
      kit.scanner.loadFeeder([await papers.for(item)]);
      const screen = await act(flow, { action: 'scan' });
      if (screen.screen !== 'confirmFields') throw new Error(JSON.stringify(screen));
      if (item.kinds[0] === 'trade_qualification') {
        expect(await act(flow, { action: 'confirmFields', fields: { variant: 'a licence to print money' } })).toMatchObject({ screen: 'confirmFields', problem: { kind: 'fieldsInvalid', fields: ['variant'] } });
        return;
      }
      await act(flow, { action: 'confirmFields', fields: {} });
    }
  });

  it('one paper skipped is missing once: on the verdict and on the receipt, not again as a finding', async () => {
    const flow = start('card_replacement');
    await act(flow, { action: 'next' });
    const agentCopy = (item: CaptureItem): boolean => item.kinds[0] === 'id_card' && item.form === 'copy';
    expect(await feedAll(flow, new Papers('card_replacement', {}), { lacking: agentCopy })).toMatchObject({ screen: 'insertCard' });
    await kit.insert('legal-person');
    await screenOf(flow, 'cardShown');
    const verdict = await act(flow, { action: 'next' });
    if (verdict.screen !== 'verdict') throw new Error(JSON.stringify(verdict));
    expect(verdict.acceptable).toBe(false);
    expect(verdict.missing).toEqual([{ zh: '经办人身份证复印件', en: 'ID card of the agent (copy)' }]);
    expect(verdict.findings.map((f) => f.ruleId)).not.toContain('R-AGENT-ID-CARD');
    const done = await act(flow, { action: 'next' });
    if (done.screen !== 'done' || done.receipt.state !== 'printed') throw new Error(JSON.stringify(done));
    const text = JSON.stringify(kit.store.printJobs.get(done.receipt.jobId)?.receipt);
    expect(text).toContain('缺少的材料（1）');
    expect(text).toContain('1.经办人身份证复印件');
    expect(text.split('身份证复印件').length - 1).toBe(1);
  }, 60_000);

  it('every paper skipped: each is missing once, none again under the findings', async () => {
    const flow = start('new_enrolment');
    await act(flow, { action: 'next' });
    const verdict = await feedAll(flow, new Papers('new_enrolment', {}), { lacking: () => true });
    if (verdict.screen !== 'verdict') throw new Error(JSON.stringify(verdict));
    const checklist = kit.deps.capture.checklist();
    const items = checklist.ok ? checklist.value.items : [];
    expect(items.length).toBeGreaterThan(10);
    expect(verdict.missing).toEqual(items.map((item) => item.label));
    const rules = verdict.findings.map((f) => f.ruleId);
    for (const said of ['R-DOC-MISSING', 'R-DOC-COPY-MISSING', 'R-AGENT-ID-CARD', 'R-HOLDER-ID-COPY', 'R-ENTERPRISE-MISSING', 'R-AGENT-MISSING']) expect(rules).not.toContain(said);
    const done = await act(flow, { action: 'next' });
    if (done.screen !== 'done' || done.receipt.state !== 'printed') throw new Error(JSON.stringify(done));
    const text = JSON.stringify(kit.store.printJobs.get(done.receipt.jobId)?.receipt);
    expect(text).toContain(`Missing papers (${String(items.length)})`);
    expect(text).toContain(`Findings (${String(verdict.findings.length)})`);
  }, 60_000);

  it('a retyped ID number refused for another field is the one kept, not the number shown before', async () => {
    const flow = start('card_replacement');
    await act(flow, { action: 'next' });
    const papers = new Papers('card_replacement', {});
    // Skip to the agent's own ID card (original).
    const asked = (): string => {
      const screen = flow.screen();
      return screen.screen === 'scanPaper' ? `${screen.paper.wanted.kind} ${String(screen.paper.wanted.form)}` : screen.screen;
    };
    for (let guard = 0; guard < 20 && asked() !== 'id_card original'; guard++) await act(flow, { action: 'next' });
    const idCard = kit.deps.capture.checklist();
    const item = idCard.ok ? idCard.value.items.find((i) => i.kinds[0] === 'id_card' && i.form === 'original') : undefined;
    if (item === undefined) throw new Error('no ID card asked');
    kit.scanner.loadFeeder([await papers.for(item)]);
    const shown = await act(flow, { action: 'scan' });
    if (shown.screen !== 'confirmFields') throw new Error(JSON.stringify(shown));
    const typed = '35020419800109011X';
    const refused = await act(flow, { action: 'confirmFields', fields: { name: '许'.repeat(500), idNumber: typed } });
    if (refused.screen !== 'confirmFields') throw new Error(JSON.stringify(refused));
    expect(refused.problem).toMatchObject({ kind: 'fieldsInvalid' });
    const masked = refused.fields.find((f) => f.key === 'idNumber')?.value;
    expect(masked).toBe('350204********011X');
    // The agent fixes the name and leaves the number as shown (masked).
    await act(flow, { action: 'confirmFields', fields: { name: '许文彬', idNumber: masked ?? '' } });
    const draft = kit.deps.capture.state();
    expect(draft.ok && draft.value.draft.documents.find((d) => d.kind === 'id_card')?.fields).toMatchObject({ name: '许文彬', idNumber: typed });
  }, 60_000);

  it('the verdict scans a skipped paper after all, and checks again without asking for the card again', async () => {
    const flow = start('card_replacement');
    await act(flow, { action: 'next' });
    const papers = new Papers('card_replacement', {});
    expect(await feedAll(flow, papers, { lacking: 'introduction_letter' })).toMatchObject({ screen: 'insertCard' });
    await kit.insert('legal-person');
    await screenOf(flow, 'cardShown');
    const verdict = await act(flow, { action: 'next' });
    if (verdict.screen !== 'verdict') throw new Error(JSON.stringify(verdict));
    expect(verdict.missing.map((m) => m.en)).toEqual(['company introduction letter']);
    const scan = await act(flow, { action: 'scanSkipped', paper: 0 });
    expect(scan).toMatchObject({ screen: 'scanPaper', paper: { wanted: { kind: 'introduction_letter' } } });
    const item = kit.deps.capture.checklist();
    const letter = item.ok ? item.value.items.find((i) => i.kinds[0] === 'introduction_letter') : undefined;
    if (letter === undefined) throw new Error('no letter on the checklist');
    const page = await papers.for(letter);
    kit.scanner.loadFeeder([page]);
    const confirm = await act(flow, { action: 'scan' });
    if (confirm.screen !== 'confirmFields') throw new Error(JSON.stringify(confirm));
    const again = await act(flow, { action: 'confirmFields', fields: Object.fromEntries(confirm.fields.map((f) => [f.key, f.value !== '' ? f.value : (printed(page, f.key) ?? '')])) });
    expect(again).toMatchObject({ screen: 'verdict', acceptable: true, missing: [] });
  }, 60_000);

  it('the verdict has a plain finish: the flow ends, nothing printed', async () => {
    const flow = start('new_enrolment');
    await act(flow, { action: 'next' });
    expect(await feedAll(flow, new Papers('new_enrolment', {}), { lacking: () => true })).toMatchObject({ screen: 'verdict', acceptable: false });
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'completed' });
    expect(kit.printer.virtual.stats().pagesCut).toBe(0);
  }, 60_000);

  it('paper out at the end: the done screen keeps what is missing and wrong, and offers print again and finish', async () => {
    const flow = start('card_replacement');
    await act(flow, { action: 'next' });
    expect(await feedAll(flow, new Papers('card_replacement', {}), { lacking: 'introduction_letter' })).toMatchObject({ screen: 'insertCard' });
    await kit.insert('legal-person');
    await screenOf(flow, 'cardShown');
    const verdict = await act(flow, { action: 'next' });
    if (verdict.screen !== 'verdict') throw new Error(JSON.stringify(verdict));
    kit.printer.virtual.setPaperLeft(0);
    const done = await act(flow, { action: 'next' });
    expect(done).toMatchObject({
      screen: 'done',
      outcome: { flow: 'intake', ticket: null, missing: verdict.missing, findings: verdict.findings },
      receipt: { state: 'failed' },
    });
    // Going on without the receipt keeps the list on screen.
    const skipped = await act(flow, { action: 'skipReceipt' });
    expect(skipped).toMatchObject({ screen: 'done', outcome: { missing: verdict.missing }, receipt: { state: 'skipped' } });
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'completed' });
  }, 60_000);

  it('change: the checklist asks for every card and names them once one is read; the card screen uses the intake words; a missing seal is said at the scan', async () => {
    const flow = start('change');
    const before = flow.screen();
    expect(before).toMatchObject({ screen: 'checklist', business: 'change', cards: { cards: [] } });
    await kit.insert('legal-person');
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'checklist' && (screen.cards?.cards.length ?? 0) > 0;
    }, 'the cards named');
    const named = flow.screen();
    if (named.screen !== 'checklist' || named.cards === null) throw new Error(JSON.stringify(named));
    expect(named.cards.cards.length).toBeGreaterThan(1);
    expect(named.cards.cards).toContainEqual(expect.objectContaining({ cardNo: '8135020000000017', cardType: 'legal_person', read: true }));
    expect(named.cards.cards.filter((c) => !c.read).length).toBe(named.cards.cards.length - 1);
    kit.remove();
    // The business licence copy without its company seal: said on its confirm screen.
    await act(flow, { action: 'next' });
    const papers = new Papers('change', { defects: [{ kind: 'business_licence', form: 'copy', defects: { noSeal: true } }] });
    kit.scanner.loadFeeder([await papers.for(nextItem())]);
    const licence = await act(flow, { action: 'scan' });
    if (licence.screen !== 'confirmFields') throw new Error(JSON.stringify(licence));
    expect(licence.missingStamps).toContainEqual({ zh: '企业公章', en: 'company seal' });
    expect(hooks.journaled).toContainEqual({ step: 'intake.stampsMissing', data: expect.objectContaining({ kind: 'business_licence' }) });
    // The rest skipped: the cards are asked for in the intake's words, the read one is not asked again.
    await act(flow, { action: 'rescan' });
    const cards = await feedAll(flow, papers, { lacking: () => true });
    expect(cards).toMatchObject({ screen: 'insertCard', wanted: 'enterpriseCards', problem: null, cards: { cards: named.cards.cards } });
  }, 60_000);

  it('a card still on its initial PIN is not taken into the check: said with the PIN change to do after it, the papers kept', async () => {
    const flow = start('change');
    // Put in on the checklist: not counted as brought.
    await kit.insert('new-operator');
    await act(flow, { action: 'next' });
    kit.remove();
    const cards = await feedAll(flow, new Papers('change', {}), { lacking: () => true });
    expect(cards).toMatchObject({ screen: 'insertCard', wanted: 'enterpriseCards', problem: null });
    await kit.insert('new-operator');
    await until(() => JSON.stringify(flow.screen()).includes('pinMustChangeAfterCheck'), 'the refusal');
    expect(flow.screen()).toMatchObject({ screen: 'insertCard', wanted: 'enterpriseCards', problem: { kind: 'pinMustChangeAfterCheck', cardNo: '8135020000000108' } });
    expect(hooks.journaled.filter((entry) => entry.step === 'intake.cardRead')).toEqual([]);
    kit.remove();
    // No more cards: the check goes on with what was brought, the new card not among them.
    const verdict = await act(flow, { action: 'next' });
    expect(verdict).toMatchObject({ screen: 'verdict' });
    expect(JSON.stringify(verdict)).not.toContain('"read":true');
  }, 60_000);

  it('a change with the renewal is offered as a paper check: every card asked for and named, both sets of papers on the checklist', async () => {
    const flow = start('change_renewal');
    const before = flow.screen();
    if (before.screen !== 'checklist') throw new Error(JSON.stringify(before));
    expect(before.business).toBe('change_renewal');
    const change = start('change').screen();
    if (change.screen !== 'checklist') throw new Error(JSON.stringify(change));
    // The change's papers and more (the renewal's).
    const labels = (items: { label: { zh: string } }[]): string[] => items.map((item) => item.label.zh);
    expect(labels(before.items)).toEqual(expect.arrayContaining(labels(change.items)));
    const combined = start('change_renewal');
    await kit.insert('legal-person');
    await until(() => {
      const screen = combined.screen();
      return screen.screen === 'checklist' && (screen.cards?.cards.length ?? 0) > 1;
    }, 'the cards named');
  }, 60_000);

  it('a copy with its seals says nothing about stamps', async () => {
    const flow = start('card_replacement');
    await act(flow, { action: 'next' });
    kit.scanner.loadFeeder([await new Papers('card_replacement', {}).for(nextItem())]);
    const licence = await act(flow, { action: 'scan' });
    expect(licence).toMatchObject({ screen: 'confirmFields', missingStamps: [] });
  }, 60_000);

  it('a page that is not the paper asked for is refused with what it looks like, and its scan goes', async () => {
    const flow = start('card_replacement');
    await act(flow, { action: 'next' });
    const specs = documentSpecs('card_replacement', { date: kit.date });
    const page = async (kind: string, form: string): Promise<GeneratedPage> => {
      const spec = specs.find((s) => s.kind === kind && s.form === form && (s.role ?? 'agent') === 'agent');
      if (spec === undefined) throw new Error(`no ${kind} ${form}`);
      return generatedPage(spec, { date: kit.date, dpi: kit.scanDpi });
    };
    // The agent's ID card where the business licence is asked for.
    kit.scanner.loadFeeder([await page('id_card', 'original')]);
    expect(await act(flow, { action: 'scan' })).toMatchObject({
      screen: 'scanPaper',
      paper: { wanted: { kind: 'business_licence' } },
      problem: { kind: 'wrongPaper', looksLike: { zh: '身份证原件' } },
    });
    expect(kit.pages.list()).toEqual([]);
    // Skip on to the agent's ID copy and feed the business licence there.
    for (let guard = 0; guard < 20; guard++) {
      const screen = flow.screen();
      if (screen.screen === 'scanPaper' && screen.paper.wanted.kind === 'id_card' && screen.paper.wanted.form === 'copy') break;
      await act(flow, { action: 'next' });
    }
    kit.scanner.loadFeeder([await page('business_licence', 'copy')]);
    const refused = await act(flow, { action: 'scan' });
    expect(refused).toMatchObject({ screen: 'scanPaper', paper: { wanted: { kind: 'id_card', form: 'copy' } }, problem: { kind: 'wrongPaper', looksLike: { zh: '《营业执照（副本）》' } } });
    expect(hooks.journaled).toContainEqual({ step: 'intake.wrongPaper', data: expect.objectContaining({ asked: 'id_card', looksLike: 'business_licence', evidence: 'licenceQr' }) });
    const draft = kit.deps.capture.state();
    expect(draft.ok && draft.value.draft.documents).toEqual([]);
    // The right paper goes on to its confirm screen.
    kit.scanner.loadFeeder([await page('id_card', 'copy')]);
    expect(await act(flow, { action: 'scan' })).toMatchObject({ screen: 'confirmFields', problem: null });
  }, 60_000);
});
