// The renewal flow on the simulated devices: the legal-person card, the licence against the
// registry, the cards renewed one by one, the receipt; wrong PINs, a licence that differs from the
// registry, a card pulled mid-renewal, the printer out of paper.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { documentSpecs, type DocumentSetOptions } from '../../sim/scanner/document-set.ts';
import type { GeneratedPage } from '../../sim/scanner/documents.ts';
import { generatedPage } from '../../tests/support/generated-pages.ts';
import type { Flow } from './flow.ts';
import type { FlowScreen } from '../../contract/flow-view.ts';
import { act, openFlowKit, recordingHooks, screenOf, until, type FlowKit, type RecordedHooks } from '../../tests/support/flow-test-kit.ts';
import { createRenewalFlow } from './renewal-flow.ts';
import type { CaptureItem } from '../../contract/intake/capture.ts';
import { enterpriseExtras } from '../../sim/scanner/document-data.ts';

const fixture = (name: string) => {
  const found = cardFixture(name);
  if (found === undefined) throw new Error(name);
  return found;
};
const legalPerson = fixture('legal-person');
const operator = fixture('operator');
const expiredOperator = fixture('expired-operator');

let kit: FlowKit;
let hooks: RecordedHooks;
let flow: Flow;
let sessionId: string;
/** Every screen pushed, in order. */
let pushed: FlowScreen[];

async function licence(options: DocumentSetOptions = {}): Promise<GeneratedPage> {
  const spec = documentSpecs('renewal', { date: kit.date, ...options }).find((s) => s.kind === 'business_licence' && s.form === 'original');
  if (spec === undefined) throw new Error('no licence');
  return generatedPage(spec, { date: kit.date, dpi: kit.scanDpi });
}

beforeEach(async () => {
  kit = await openFlowKit();
  sessionId = kit.startSession('renewal');
  pushed = [];
  const recorded = recordingHooks();
  hooks = {
    ...recorded,
    changed: () => {
      recorded.changed();
      pushed.push(flow.screen());
    },
  };
  flow = createRenewalFlow(kit.deps, hooks);
  kit.attach(flow);
});

afterEach(async () => {
  await kit.close();
});

const variants: Record<string, string> = {
  import_export_qualification: 'import_export_qualification',
  consignor_consignee: 'consignor_consignee_registration',
  self_declaration: 'self_declaration_registration',
};

/** What the agent reads off the paper for a field the kiosk could not fill (no OCR). */
function printed(page: { spec: GeneratedPage['spec'] }, key: string): string {
  const f = page.spec.fields;
  if (key === 'variant') return page.spec.variant === undefined ? '' : (variants[page.spec.variant] ?? '');
  if (key === 'postcode') return enterpriseExtras.postcode;
  if (key === 'phone') return enterpriseExtras.phone;
  return f[key] ?? '';
}

/** The renewal's generated paper a checklist item asks for. */
function specFor(item: Pick<CaptureItem, 'kinds' | 'form' | 'roles'>): GeneratedPage['spec'] {
  const spec = documentSpecs('renewal', { date: kit.date }).find((s) => item.kinds.includes(s.kind) && (item.form === null || item.form === s.form) && (item.roles === undefined || item.roles.includes(s.role ?? 'agent')));
  if (spec === undefined) throw new Error(`no generated paper for ${JSON.stringify(item.kinds)}`);
  return spec;
}

/** Confirms the fields on screen, typing what is empty from the paper. */
async function confirmShown(screen: Extract<FlowScreen, { screen: 'confirmFields' }>, spec: GeneratedPage['spec']): Promise<FlowScreen> {
  for (const field of screen.fields) if (field.input === 'idNumber') expect(field.value).not.toMatch(/^\d{17}[\dX]$/);
  const fields = Object.fromEntries(screen.fields.map((field) => [field.key, field.value !== '' ? field.value : printed({ spec }, field.key)]));
  const after = await act(flow, { action: 'confirmFields', fields });
  if (after.screen === 'confirmFields') throw new Error(`${screen.paper.label.en}: ${JSON.stringify(after.problem)}`);
  return after;
}

/**
 * The papers of seed 000 三 from the checklist on: the licence scanned for the comparison is
 * confirmed (not scanned again), every other paper scanned and confirmed; `lacking`: skipped.
 * Returns the verdict.
 */
async function feedPapers(lacking: (item: CaptureItem) => boolean = () => false): Promise<Extract<FlowScreen, { screen: 'verdict' }>> {
  expect(flow.screen()).toMatchObject({ screen: 'checklist', business: 'renewal' });
  let screen = await act(flow, { action: 'next' });
  const scanned: string[] = [];
  for (let guard = 0; guard < 20 && screen.screen !== 'verdict'; guard++) {
    const items = kit.deps.capture.checklist();
    if (!items.ok) throw new Error('no checklist');
    if (screen.screen === 'confirmFields') {
      const label = screen.paper.label.en;
      const item = items.value.items.find((i) => i.status === 'pendingConfirmation' && i.label.en === label);
      if (item === undefined) throw new Error(`confirm of ${label}`);
      screen = await confirmShown(screen, specFor(item));
      continue;
    }
    if (screen.screen === 'working') {
      screen = await screenOf(flow, 'verdict');
      continue;
    }
    if (screen.screen !== 'scanPaper') throw new Error(`unexpected ${screen.screen}`);
    const label = screen.paper.label.en;
    const item = items.value.items.find((i) => i.status === 'missing' && i.label.en === label);
    if (item === undefined) throw new Error(`scan of ${label}`);
    if (lacking(item)) {
      screen = await act(flow, { action: 'next' });
      continue;
    }
    scanned.push(item.label.en);
    kit.scanner.loadFeeder([await generatedPage(specFor(item), { date: kit.date, dpi: kit.scanDpi })]);
    screen = await act(flow, { action: 'scan' });
  }
  const verdict = screen.screen === 'verdict' ? screen : await screenOf(flow, 'verdict');
  // The licence original was scanned once, for the comparison.
  expect(scanned.filter((label) => label.includes('business licence') && label.includes('original'))).toEqual([]);
  return verdict;
}

/**
 * The legal-person card in, its PIN, the licence scanned and matching: on to its own renewal —
 * asked "renew anyway?" (530 days left), yes — its papers (seed 000 三) checked, then its PIN,
 * asked again with the reason.
 */
async function throughComparison(): Promise<void> {
  expect(flow.screen()).toEqual({ screen: 'insertCard', wanted: 'legalPersonCard', problem: null });
  await kit.insert('legal-person');
  expect(await screenOf(flow, 'enterPin')).toMatchObject({ purpose: 'verify' });
  expect(await act(flow, { action: 'pin', pin: legalPerson.pin })).toMatchObject({
    screen: 'scanPaper',
    paper: { wanted: { kind: 'business_licence', form: 'original', role: null } },
    scanning: false,
    problem: null,
  });
  kit.scanner.loadFeeder([await licence()]);
  await act(flow, { action: 'scan' });
  expect(pushed.map((s) => s.screen)).toContain('working');
  const early = await screenOf(flow, 'renewEarly');
  expect(early.card).toMatchObject({ cardNo: legalPerson.cardNo, daysLeft: expect.any(Number) });
  expect(early.card.daysLeft).toBeGreaterThan(90);
  await act(flow, { action: 'next' });
  const verdict = await feedPapers();
  expect(verdict).toMatchObject({ business: 'renewal', acceptable: true, missing: [], then: 'renew' });
  await act(flow, { action: 'next' });
  const pin = await screenOf(flow, 'enterPin');
  expect(pin.card.cardNo).toBe(legalPerson.cardNo);
  expect(pin.purpose).toBe('renew');
  expect(pin.verifiedBefore).toBe(true);
}

/** The legal-person card through the licence, renewed: on the list of renewed cards. */
async function legalPersonRenewed(): Promise<void> {
  await throughComparison();
  await act(flow, { action: 'pin', pin: legalPerson.pin });
  expect((await screenOf(flow, 'renewalNext')).renewed.map((c) => c.cardNo)).toEqual([legalPerson.cardNo]);
}

/** A renewal of `cardNo` this kiosk finished at `at` (another session). */
function renewedEarlier(cardNo: string, at: Date): void {
  kit.store.openCardOperation({ id: `op-${at.getTime()}`, sessionId: null, kind: 'renewal', cardNo, idempotencyKey: `key-${at.getTime()}`, step: 'confirmed' }, at);
  kit.store.finishCardOperation(`op-${at.getTime()}`, 'completed', undefined, at);
}

function journalText(): string {
  return JSON.stringify(hooks.journaled) + JSON.stringify(kit.store.journalOf(sessionId));
}

describe('renewal flow', () => {
  it('renews the legal-person card and an operator card, then prints the receipt', async () => {
    await throughComparison();
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    const progress = pushed.flatMap((s) => (s.screen === 'working' && s.task === 'renewing' && s.progress !== null ? [s.progress] : []));
    expect(progress.at(-1)).toEqual({ step: 'confirmed', index: 7, of: 8 });
    const first = await screenOf(flow, 'renewalNext');
    expect(first.renewed).toEqual([expect.objectContaining({ cardNo: legalPerson.cardNo, cardType: 'legal_person' })]);

    // The renewed card again is refused; the operator card is renewed.
    await act(flow, { action: 'anotherCard' });
    expect(flow.screen()).toEqual({ screen: 'removePreviousCard' });
    kit.remove();
    expect(await screenOf(flow, 'insertCard')).toEqual({ screen: 'insertCard', wanted: 'cardToRenew', problem: null });
    await kit.insert('legal-person');
    expect(await screenOf(flow, 'insertCard')).toMatchObject({ problem: { kind: 'alreadyDone', cardNo: legalPerson.cardNo } });
    await until(() => flow.screen().screen === 'insertCard' && (flow.screen() as { problem: unknown }).problem !== null, 'the refusal');
    kit.remove();
    await kit.insert('operator');
    await screenOf(flow, 'renewEarly');
    await act(flow, { action: 'next' });
    // A card whose PIN was not verified yet: no "asked again".
    expect(await screenOf(flow, 'enterPin')).toMatchObject({ purpose: 'renew', verifiedBefore: false });
    await act(flow, { action: 'pin', pin: operator.pin });
    const second = await screenOf(flow, 'renewalNext');
    expect(second.renewed.map((c) => c.cardNo)).toEqual([legalPerson.cardNo, operator.cardNo]);
    // Two years from now.
    const years = (Date.parse(second.renewed[1]?.notAfter ?? '') - Date.now()) / (365.25 * 86_400_000);
    expect(years).toBeCloseTo(2, 1);

    await act(flow, { action: 'finish' });
    const done = flow.screen();
    expect(done).toMatchObject({ screen: 'done', outcome: { flow: 'renewal', enterpriseName: '厦门海韵进出口贸易有限公司', cards: [{}, {}] }, receipt: { state: 'printed' } });
    expect(flow.ended()).toBeNull();
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'completed' });

    const text = journalText();
    for (const pin of [legalPerson.pin, operator.pin]) expect(text).not.toContain(pin);
    expect(text).not.toContain(operator.holder.idNumber);
    expect(hooks.journaled.map((e) => e.step)).toEqual(expect.arrayContaining(['renewal.legalPersonVerified', 'renewal.compared', 'renewal.renewed']));
  });

  it('asks "renew anyway?" when more than 90 days are left; no leaves the card as it is', async () => {
    await kit.insert('legal-person');
    await screenOf(flow, 'enterPin');
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    kit.scanner.loadFeeder([await licence()]);
    await act(flow, { action: 'scan' });
    const early = await screenOf(flow, 'renewEarly');
    expect(early.card.daysLeft).toBeGreaterThan(500);
    expect(await act(flow, { action: 'skipCard' })).toEqual({ screen: 'renewalNext', renewed: [] });
    expect(hooks.journaled).toContainEqual({ step: 'renewal.skipped', data: { cardNo: legalPerson.cardNo, daysLeft: early.card.daysLeft } });
  });

  it('goes straight to the PIN for a card with 90 days or fewer left', async () => {
    await legalPersonRenewed();
    await act(flow, { action: 'anotherCard' });
    kit.remove();
    await kit.insert('expiring-operator');
    expect(await screenOf(flow, 'enterPin')).toMatchObject({ purpose: 'renew', card: { cardNo: fixture('expiring-operator').cardNo }, verifiedBefore: false });
  });

  it('refuses a card this kiosk renewed earlier today, not one renewed yesterday', async () => {
    const now = kit.deps.now();
    renewedEarlier(legalPerson.cardNo, new Date(now.getTime() - 60_000));
    renewedEarlier(operator.cardNo, new Date(now.getTime() - 86_400_000 - 60_000));
    await kit.insert('legal-person');
    await screenOf(flow, 'enterPin');
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    kit.scanner.loadFeeder([await licence()]);
    await act(flow, { action: 'scan' });
    await until(() => flow.screen().screen === 'insertCard', 'the refusal');
    expect(flow.screen()).toEqual({
      screen: 'insertCard',
      wanted: 'cardToRenew',
      problem: { kind: 'renewedToday', cardNo: legalPerson.cardNo, notAfter: expect.any(String) },
    });
    kit.remove();
    await kit.insert('operator');
    expect(await screenOf(flow, 'renewEarly')).toMatchObject({ card: { cardNo: operator.cardNo } });
  });

  it("refuses to start the legal-person card's renewal without its papers (seed 003: the counter's process)", async () => {
    await kit.insert('legal-person');
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    kit.scanner.loadFeeder([await licence()]);
    await act(flow, { action: 'scan' });
    await screenOf(flow, 'renewEarly');
    await act(flow, { action: 'next' });
    // The checklist names the papers of seed 000 三: letter, the agent's ID card and copy, originals and copies.
    const checklist = flow.screen();
    if (checklist.screen !== 'checklist') throw new Error(`expected the checklist, got ${checklist.screen}`);
    const labels = checklist.items.map((item) => item.label.en);
    for (const paper of ['company introduction letter', 'ID card of the agent (original)', 'ID card of the agent (copy)']) expect(labels).toContain(paper);
    expect(labels.filter((label) => label.endsWith('(original)')).length).toBeGreaterThanOrEqual(4);
    expect(labels.filter((label) => label.endsWith('(copy)')).length).toBeGreaterThanOrEqual(4);
    // The agent has no introduction letter.
    const verdict = await feedPapers((item) => item.kinds.includes('introduction_letter'));
    expect(verdict).toMatchObject({ business: 'renewal', acceptable: false, then: 'renew' });
    expect(verdict.missing.map((paper) => paper.en)).toEqual(['company introduction letter']);
    // No way to the card work from here: no PIN is taken, `next` prints the list.
    await expect(act(flow, { action: 'pin', pin: legalPerson.pin })).rejects.toThrow(/refused/);
    const done = await act(flow, { action: 'next' });
    expect(done).toMatchObject({ screen: 'done', outcome: { flow: 'intake', business: 'renewal', ticket: null, missing: [{ en: 'company introduction letter' }] }, receipt: { state: 'printed' } });
    // Back to the list: the legal-person card was not renewed (other cards may still be).
    expect(await act(flow, { action: 'finish' })).toEqual({ screen: 'renewalNext', renewed: [] });
    expect(hooks.journaled.map((e) => e.step)).not.toContain('renewal.renewed');
    expect(pushed.some((screen) => screen.screen === 'enterPin' && screen.purpose === 'renew')).toBe(false);
  });

  it('refuses an expired card on the spot and checks its papers for the counter, with a ticket', async () => {
    await kit.insert('legal-person');
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    kit.scanner.loadFeeder([await licence()]);
    await act(flow, { action: 'scan' });
    await screenOf(flow, 'renewEarly');
    await act(flow, { action: 'skipCard' });
    await act(flow, { action: 'anotherCard' });
    kit.remove();
    await screenOf(flow, 'insertCard');
    await kit.insert('expired-operator');
    await until(() => flow.screen().screen === 'insertCard' && (flow.screen() as { problem: unknown }).problem !== null, 'the refusal');
    expect(flow.screen()).toEqual({ screen: 'insertCard', wanted: 'cardToRenew', problem: { kind: 'cardExpired', cardNo: expiredOperator.cardNo } });
    // Not renewed here, whatever is tried.
    await expect(act(flow, { action: 'pin', pin: expiredOperator.pin })).rejects.toThrow(/refused/);
    expect(await act(flow, { action: 'checkPapers' })).toMatchObject({ screen: 'checklist', business: 'renewal' });
    const verdict = await feedPapers();
    expect(verdict).toMatchObject({ acceptable: true, missing: [], then: 'ticket' });
    // The registry lists the card as expired: the counter decides (a warning, not a stop).
    expect(verdict.findings.map((f) => f.ruleId)).toContain('R-REG-CARD-STATUS');
    const draft = kit.deps.capture.state();
    expect(draft.ok && draft.value.draft.cards.map((card) => card.cardNo)).toEqual([legalPerson.cardNo, expiredOperator.cardNo]);
    await act(flow, { action: 'next' });
    const done = await screenOf(flow, 'done');
    expect(done).toMatchObject({ outcome: { flow: 'intake', business: 'renewal', ticket: expect.stringMatching(/^A\d{4}$/) }, receipt: { state: 'printed' } });
    expect(hooks.journaled.map((e) => e.step)).toEqual(expect.arrayContaining(['renewal.expiredRefused', 'renewal.counterPapers', 'papers.ticket']));
    expect(hooks.journaled.map((e) => e.step)).not.toContain('renewal.renewed');
    expect(await act(flow, { action: 'finish' })).toEqual({ screen: 'renewalNext', renewed: [] });
    expect(journalText()).not.toContain(expiredOperator.holder.idNumber);
  });

  it('after a cancel, the renewals done stand and their receipt is still offered', async () => {
    await kit.insert('legal-person');
    await screenOf(flow, 'enterPin');
    // Nothing renewed yet: cancel ends the session as it always did.
    expect(flow.takesCancel()).toBe(false);
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    kit.scanner.loadFeeder([await licence()]);
    await act(flow, { action: 'scan' });
    await screenOf(flow, 'renewEarly');
    await act(flow, { action: 'next' });
    await feedPapers();
    await act(flow, { action: 'next' });
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    await screenOf(flow, 'renewalNext');
    expect(flow.takesCancel()).toBe(true);
    const canceled = await act(flow, { action: 'cancel' });
    expect(canceled).toEqual({ screen: 'renewalCanceled', renewed: [expect.objectContaining({ cardNo: legalPerson.cardNo })] });
    expect(flow.takesCancel()).toBe(false);
    // Go on after all, then cancel again and take the receipt.
    expect(await act(flow, { action: 'back' })).toMatchObject({ screen: 'renewalNext' });
    await act(flow, { action: 'cancel' });
    expect(await act(flow, { action: 'printReceipt' })).toMatchObject({ screen: 'done', outcome: { flow: 'renewal', cards: [{ cardNo: legalPerson.cardNo }] }, receipt: { state: 'printed' } });
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'completed' });
  });

  it('after a cancel, finishing without the receipt ends the session as canceled', async () => {
    await legalPersonRenewed();
    await act(flow, { action: 'anotherCard' });
    expect(await act(flow, { action: 'cancel' })).toMatchObject({ screen: 'renewalCanceled' });
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'canceled' });
    expect(hooks.journaled.map((e) => e.step)).toContain('renewal.canceled');
  });

  it('asks to take the previous card out before the next one; back returns to the list', async () => {
    await legalPersonRenewed();
    expect(await act(flow, { action: 'anotherCard' })).toEqual({ screen: 'removePreviousCard' });
    expect(await act(flow, { action: 'back' })).toMatchObject({ screen: 'renewalNext' });
    await act(flow, { action: 'anotherCard' });
    kit.remove();
    expect(await screenOf(flow, 'insertCard')).toEqual({ screen: 'insertCard', wanted: 'cardToRenew', problem: null });
  });

  it('forgets that the PIN was verified once the card leaves the reader', async () => {
    await throughComparison();
    kit.remove();
    await screenOf(flow, 'insertCard');
    await kit.insert('legal-person');
    await screenOf(flow, 'renewEarly');
    await act(flow, { action: 'next' });
    expect(await screenOf(flow, 'enterPin')).toMatchObject({ purpose: 'renew', verifiedBefore: false });
  });

  it('asks for the PIN again after a wrong one, with the tries left', async () => {
    await kit.insert('legal-person');
    await screenOf(flow, 'enterPin');
    expect(await act(flow, { action: 'pin', pin: '00000001' })).toMatchObject({ screen: 'enterPin', problem: { kind: 'wrongPin', triesLeft: 2 } });
    expect(flow.canBack()).toBe(true);
    expect(await act(flow, { action: 'pin', pin: legalPerson.pin })).toMatchObject({ screen: 'scanPaper', problem: null });
  });

  it('ends as failed when the PIN gets blocked (the unlock business is next)', async () => {
    await kit.insert('legal-person');
    await screenOf(flow, 'enterPin');
    await act(flow, { action: 'pin', pin: '00000001' });
    await act(flow, { action: 'pin', pin: '00000002' });
    expect(await act(flow, { action: 'pin', pin: '00000003' })).toEqual({ screen: 'failed', problem: { kind: 'pinBlocked' }, next: null });
    await act(flow, { action: 'next' });
    expect(flow.ended()).toEqual({ outcome: 'failed' });
  });

  it('refuses an operator card where the legal-person card is wanted', async () => {
    await kit.insert('operator');
    await until(() => (flow.screen() as { problem?: unknown }).problem != null, 'the refusal');
    expect(flow.screen()).toEqual({ screen: 'insertCard', wanted: 'legalPersonCard', problem: { kind: 'wrongCardType', expected: ['legal_person'], actual: 'operator' } });
  });

  it('stops at a licence that differs from the registry: a change comes first', async () => {
    await kit.insert('legal-person');
    await screenOf(flow, 'enterPin');
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    kit.scanner.loadFeeder([await licence({ defects: [{ kind: 'business_licence', defects: { differentName: '厦门海韵国际贸易有限公司' } }] })]);
    await act(flow, { action: 'scan' });
    expect(flow.screen()).toEqual({
      screen: 'registryMismatch',
      differences: [{ field: 'name', onPaper: '厦门海韵国际贸易有限公司', inRegistry: '厦门海韵进出口贸易有限公司' }],
    });
    await act(flow, { action: 'next' });
    expect(flow.ended()).toEqual({ outcome: 'failed' });
    expect(kit.pages.list()).toEqual([]);
  });

  it('asks for the licence again after a jam', async () => {
    await kit.insert('legal-person');
    await screenOf(flow, 'enterPin');
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    kit.scanner.loadFeeder([await licence()]);
    kit.scanner.jam();
    expect(await act(flow, { action: 'scan' })).toMatchObject({ screen: 'scanPaper', scanning: false, problem: { kind: 'scannerJam' } });
    kit.scanner.clearJam();
    await act(flow, { action: 'scan' });
    await screenOf(flow, 'renewEarly');
  });

  it.each([
    ['keyProofSigned', false],
    ['activated', true],
  ] as const)('a card pulled after %s: inserted again, the renewal is settled or done again', async (cut, renewedAfterAll) => {
    await throughComparison();
    kit.onStep = async (_operation, step) => {
      if (step === cut) kit.remove();
    };
    expect(await act(flow, { action: 'pin', pin: legalPerson.pin })).toEqual({ screen: 'failed', problem: { kind: 'cardRemoved' }, next: 'goOn' });
    kit.onStep = async () => undefined;
    await kit.insert('legal-person');
    if (renewedAfterAll) {
      const next = await screenOf(flow, 'renewalNext');
      expect(next.renewed.map((c) => c.cardNo)).toEqual([legalPerson.cardNo]);
      expect(hooks.journaled.map((e) => e.step)).toContain('renewal.settledOnReinsert');
    } else {
      await screenOf(flow, 'renewEarly');
      await act(flow, { action: 'next' });
      await screenOf(flow, 'enterPin');
      await act(flow, { action: 'pin', pin: legalPerson.pin });
      expect((await screenOf(flow, 'renewalNext')).renewed).toHaveLength(1);
    }
    expect(kit.store.openCardOperations()).toEqual([]);
  });

  it('lets the legal-person card go without renewal (next), and ends without a receipt when nothing was renewed', async () => {
    await throughComparison();
    expect(await act(flow, { action: 'next' })).toEqual({ screen: 'renewalNext', renewed: [] });
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'completed' });
  });

  it('shows the printer out of paper on the done screen, then prints on retry', async () => {
    await throughComparison();
    await act(flow, { action: 'pin', pin: legalPerson.pin });
    await screenOf(flow, 'renewalNext');
    kit.printer.virtual.setPaperLeft(40);
    expect(await act(flow, { action: 'finish' })).toMatchObject({ screen: 'done', receipt: { state: 'failed', problem: { kind: 'printerNoPaper' } } });
    kit.printer.virtual.loadPaper();
    await until(() => kit.printer.status().state === 'online', 'the printer');
    expect(await act(flow, { action: 'printReceipt' })).toMatchObject({ screen: 'done', receipt: { state: 'printed' } });
    expect(await flow.handle({ action: 'scan' }, new AbortController().signal)).toEqual({ ok: false, error: { kind: 'notOnThisScreen', screen: 'done', action: 'scan' } });
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'completed' });
  });
});
