// The certificate renewal end to end in headless Chromium over the real stacks (pcscd + vpcd card,
// socat pty printer, scanimage + SANE pnm scanner): from the attract screen through the
// legal-person card, the business licence against the registry, its own renewal left for later
// ("renew anyway?" with its days left: no) and, once the previous card is out, two operator cards,
// to the receipt and the take-card prompt. The legal-person card's own renewal per the seeds: its
// papers of seed 000 三 checked first, by taps (the licence scanned for the comparison confirmed,
// not scanned again), then its PIN asked again with the reason; an expired operator card refused
// on the spot and its papers checked for the counter, with a ticket. Faults: the card pulled
// while the progress bar shows a middle step (inserted again, the renewal is settled), and a
// licence that differs from the registry. Every screen is kept as a screenshot under
// test-artifacts/browser/flows/.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renewalSteps, type RenewalStep } from '../../daemon/cards/renewal.ts';
import type { FlowScreen, FlowView, RenewedCardView } from '../../contract/flow-view.ts';
import { chinaDate } from '../../daemon/printing/business-receipts.ts';
import { cardFixture, fixtureEnterprise, type CardFixture } from '../../sim/registry/sim-registry.ts';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import { VPCD_PORT } from '../support/pcscd.ts';
import type { Received } from '../support/ws-client.ts';
import { completeReceiptsOf } from '../printer/receipt-check.ts';
import { openFlowRig, openFlowStack, requireFlowStack, settingName, settings, type FlowRig, type FlowStack, type Setting } from './flow-rig.ts';
import { checkPapersByTaps } from './paper-taps.ts';

function fixture(name: string): CardFixture {
  const found = cardFixture(name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found;
}

const legalPerson = fixture('legal-person');
/** The enterprise's operator card whose certificate runs out in 20 days: what renewal is for. */
const operator = fixture('expiring-operator');
/** An operator card with years left: renewed only when the agent says "renew anyway". */
const longOperator = fixture('operator');
/** An operator card whose certificate expired 30 days ago: the counter's. */
const expiredOperator = fixture('expired-operator');
/** A licence generated with the dock's "different name" knob (sim-commands.ts). */
const nameOnPaper = '上海某某贸易有限公司';
/**
 * The dock's set the licence is fed from. The feeder scans every sheet of a set as the one paper
 * asked for, and the kiosk page sends Kiosk.FlowAction with the 5 s default command timeout
 * (flow-link.ts), after which the daemon aborts a scan still running: the renewal set's thirteen
 * sheets come close to that on a busy machine. The nine sheets of a change of information hold
 * the same licence (a copy, with the same QR code), which is all the renewal reads.
 */
const licenceSet = 'change';

/**
 * Where the card is pulled: a middle step (4 of 8), the certificate issued but not yet on the card.
 * The daemon pulls it itself (KIOSK_FAULT_INJECT), `pullAfterMs` after the step is recorded: the
 * bar shows the step meanwhile, for its screenshot (the whole renewal takes well under a second).
 */
const pullStep: RenewalStep = 'certificateIssued';
const pullAfterMs = 4000;

/** What the screens say, in the language of the run (asserted as an agent reads it). */
const said = {
  zh: { licence: '营业执照', notKept: '不保存', days: (days: number) => `${days} 天`, expired: '已过期', renewHere: '继续延期', ticketReceipt: '受理预检回执' },
  en: { licence: 'business licence', notKept: 'never keeps a PIN', days: (days: number) => `${days} days`, expired: 'has expired', renewHere: 'Go on with the renewal', ticketReceipt: 'Intake check' },
} as const;

const haveStack = requireFlowStack();
let rig: FlowRig | null = null;

afterEach(async () => {
  await rig?.close();
  rig = null;
});

/**
 * Starts `work` now and returns a function that waits for it: a failure surfaces there, never as
 * an unhandled rejection while the test does other things meanwhile.
 */
function inBackground<T>(work: Promise<T>): () => Promise<T> {
  const settled = work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return async () => {
    const outcome = await settled;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
}

function viewOf(message: Received): FlowView | null | undefined {
  return message.header.name === 'Kiosk.FlowChanged' ? (message.payload as { view: FlowView | null }).view : undefined;
}

/** The screens the daemon pushed since message `from` of the tool connection. */
function pushedSince(current: FlowRig, from: number): FlowScreen[] {
  return current.tool.received.slice(from).flatMap((message) => {
    const view = viewOf(message);
    return view === undefined || view === null ? [] : [view.screen];
  });
}

/** The steps of the renewal progress pushed since message `from`, in order. */
function progressSince(current: FlowRig, from: number): string[] {
  return pushedSince(current, from).flatMap((screen) => (screen.screen === 'working' && screen.task === 'renewing' && screen.progress !== null ? [screen.progress.step] : []));
}

function screenNow(current: FlowRig): FlowScreen | null {
  return current.lastView()?.screen ?? null;
}

function renewedNow(current: FlowRig): RenewedCardView[] {
  const screen = screenNow(current);
  if (screen?.screen !== 'renewalNext') throw new Error(`expected the list of renewed cards, the daemon shows ${screen?.screen ?? 'the attract screen'}`);
  return screen.renewed;
}

/** Years from now to an ISO date. */
const yearsFromNow = (iso: string): number => (Date.parse(iso) - Date.now()) / (365.25 * 86_400_000);

/**
 * From the attract screen to the licence scanned and matching, and on to the legal-person card's
 * own renewal: "renew anyway?" (530 days left), on screen.
 */
async function throughComparison(current: FlowRig, loaded: () => Promise<unknown>, language: Setting['language'] = 'zh'): Promise<void> {
  const { page } = current;
  await current.expectScreen('attract');
  await current.startFlow('renewal');
  await current.expectScreen('insertCard');
  expect(await page.locator('[data-wanted]').getAttribute('data-wanted')).toBe('legalPersonCard');

  await current.sim('Sim.InsertCard', { fixture: legalPerson.name });
  await current.expectScreen('enterPin');
  expect(await page.getByTestId('card-facts').textContent()).toContain(legalPerson.cardNo);
  await current.enterPin(legalPerson.pin);

  await current.expectScreen('scanPaper');
  expect(await page.locator('paper-scan h1').textContent()).toContain(said[language].licence);
  // The licence is one sheet of the batch; the flow reads its QR code (no other sheet has one).
  const pages = (await loaded()) as { pages: number };
  const specs = documentSpecs(licenceSet);
  expect(pages.pages).toBe(specs.length);
  expect(specs.filter((spec) => spec.kind === 'business_licence')).toHaveLength(1);
  const beforeScan = current.tool.received.length;
  await current.tap('scan-button');
  await page.getByTestId('scan-busy').waitFor();
  await current.shot('scanning');

  // Compared with the registry, then on to the card in the reader: its own renewal, which it
  // does not need yet — the agent is asked, with the days left.
  await current.expectScreen('renewEarly', { timeout: 90_000 });
  expect(pushedSince(current, beforeScan)).toContainEqual({ screen: 'working', task: 'comparing', progress: null });
  expect(screenNow(current)).toMatchObject({ screen: 'renewEarly', card: { cardNo: legalPerson.cardNo } });
}

/** The legal-person card left as it is ("renew anyway?": no), then the next card in place of it. */
async function skipOwnRenewalFor(current: FlowRig, next: CardFixture): Promise<void> {
  await current.tap('renew-early-skip');
  await current.expectScreen('renewalNext', { label: 'none-yet' });
  expect(renewedNow(current)).toEqual([]);
  await current.tap('flow-another-card');
  await current.expectScreen('removePreviousCard');
  await current.sim('Sim.RemoveCard');
  await current.expectScreen('insertCard', { label: 'card-to-renew' });
  expect(await current.page.locator('[data-wanted]').getAttribute('data-wanted')).toBe('cardToRenew');
  await current.sim('Sim.InsertCard', { fixture: next.name });
}

/** "Renew anyway?" says the days left. */
async function renewEarlySaid(current: FlowRig, language: Setting['language']): Promise<void> {
  const screen = screenNow(current);
  if (screen?.screen !== 'renewEarly') throw new Error(`expected "renew anyway?", the daemon shows ${screen?.screen ?? 'the attract screen'}`);
  expect(screen.card.daysLeft).toBeGreaterThan(90);
  expect(await current.page.getByTestId('renew-early').textContent()).toContain(said[language].days(screen.card.daysLeft));
}

/** On "renew anyway?": the days left said, then yes. */
async function renewAnyway(current: FlowRig, language: Setting['language']): Promise<void> {
  const screen = screenNow(current);
  if (screen?.screen !== 'renewEarly') throw new Error(`expected "renew anyway?", the daemon shows ${screen?.screen ?? 'the attract screen'}`);
  expect(screen.card.daysLeft).toBeGreaterThan(90);
  expect(await current.page.getByTestId('renew-early').textContent()).toContain(said[language].days(screen.card.daysLeft));
  await current.tap('renew-early-renew');
}

/** What the tool connection sees of the vpcd connection: open while the card is in. */
function vpcdConnectionOpen(): boolean {
  const port = `:${VPCD_PORT.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    // The daemon's end of the connection to vpcd: remote port VPCD_PORT, ESTABLISHED (01).
    if (text.split('\n').some((line) => line.trim().split(/\s+/)[2]?.endsWith(port) === true && line.trim().split(/\s+/)[3] === '01')) return true;
  }
  return false;
}

describe.skipIf(!haveStack)('the certificate renewal in Chromium over the system stacks', () => {
  // pcscd and Chromium for the file; each test its own daemon (a card renewed today is refused a second renewal).
  let stack: FlowStack | undefined;
  // As long as the other rig hooks: another run on the machine may hold pcscd for minutes.
  beforeAll(async () => {
    stack = await openFlowStack();
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  // Each panel and language on its own daemon: a card renewed today is refused a second renewal.
  it.each(settings)('renews two operator cards under the legal-person card, from the attract screen to the receipt ($panel, $language)', { timeout: 150_000 }, async (setting) => {
    const started = Date.now();
    rig = await openFlowRig(`renewal-${settingName(setting)}`, { ...setting, stack });
    const opened = Date.now();
    const current = rig;
    const { page } = current;
    // Rendering the papers takes seconds: it runs while the agent inserts the card and types the PIN.
    const loaded = inBackground(current.sim('Sim.ScannerLoad', { business: licenceSet }, 90_000));
    await throughComparison(current, loaded, setting.language);
    await renewEarlySaid(current, setting.language);

    // The legal-person card stays as it is (its own renewal needs the counter's papers, another
    // test); it comes out, the operator card goes in (20 days left: no "renew anyway?").
    await skipOwnRenewalFor(current, operator);
    await current.expectScreen('enterPin', { label: 'operator' });
    expect(screenNow(current)).toMatchObject({ screen: 'enterPin', verifiedBefore: false });
    expect(await page.getByTestId('card-facts').textContent()).toContain(operator.cardNo);
    const beforeRenewal = current.tool.received.length;
    await current.enterPin(operator.pin);
    await current.expectScreen('renewalNext');
    // The progress bar went through every step of the renewal, in order.
    expect(progressSince(current, beforeRenewal)).toEqual([...renewalSteps]);
    expect(renewedNow(current).map((card) => card.cardNo)).toEqual([operator.cardNo]);
    expect(await page.getByTestId('renewed-cards').textContent()).toContain(operator.cardNo);

    // Another operator card, with years left: "renew anyway?" first.
    await current.tap('flow-another-card');
    await current.expectScreen('removePreviousCard');
    await current.sim('Sim.RemoveCard');
    await current.expectScreen('insertCard', { label: 'card-to-renew' });
    await current.sim('Sim.InsertCard', { fixture: longOperator.name });
    await current.expectScreen('renewEarly', { label: 'operator' });
    await renewAnyway(current, setting.language);
    await current.expectScreen('enterPin', { label: 'second-operator' });
    const beforeSecond = current.tool.received.length;
    await current.enterPin(longOperator.pin);
    await current.expectScreen('renewalNext', { label: 'two-cards' });
    expect(progressSince(current, beforeSecond)).toEqual([...renewalSteps]);
    const renewed = renewedNow(current);
    expect(renewed.map((card) => [card.cardNo, card.cardType])).toEqual([
      [operator.cardNo, 'operator'],
      [longOperator.cardNo, 'operator'],
    ]);
    for (const card of renewed) expect(yearsFromNow(card.notAfter)).toBeCloseTo(2, 1);
    // The list's columns line up: every card number starts at the same x, whatever the name's length.
    const numberColumns = await page.locator('[data-testid="renewed-cards"] .renewed-no').evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().x)));
    expect(numberColumns).toHaveLength(2);
    expect(new Set(numberColumns).size).toBe(1);
    // No row wraps: a longer holder name or card type does not make its row taller than the other.
    const rowHeights = await page.locator('[data-testid="renewed-cards"] > li').evaluateAll((rows) => rows.map((row) => Math.round(row.getBoundingClientRect().height)));
    expect(rowHeights).toHaveLength(2);
    expect(new Set(rowHeights).size).toBe(1);

    await current.tap('flow-finish');
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 30_000 });
    await current.expectScreen('done');
    const done = screenNow(current);
    if (done?.screen !== 'done' || done.receipt.state !== 'printed') throw new Error(`expected a printed receipt: ${JSON.stringify(done)}`);
    expect(done.outcome).toMatchObject({ flow: 'renewal', enterpriseName: fixtureEnterprise.name, cards: renewed });
    const { jobId } = done.receipt;
    await expect.poll(() => completeReceiptsOf(current.printerDir, jobId).length, { timeout: 10_000 }).toBe(1);
    const receipt = completeReceiptsOf(current.printerDir, jobId)[0]?.text ?? '';
    expect(receipt).toContain('IC卡证书延期回执');
    expect(receipt).toContain(fixtureEnterprise.name);
    // One section per card: its number and its new expiry.
    const sections = receipt.split(/卡片 \d+\/\d+/).slice(1);
    expect(sections).toHaveLength(renewed.length);
    renewed.forEach((card, index) => {
      expect(sections[index]).toContain(card.cardNo);
      expect(sections[index]).toMatch(new RegExp(`新有效期至 New expiry +${chinaDate(card.notAfter)}`));
    });
    for (const secret of [legalPerson.pin, operator.pin, longOperator.pin, legalPerson.holder.idNumber, operator.holder.idNumber]) expect(receipt).not.toContain(secret);

    await current.tap('flow-finish');
    await current.expectScreen('takeCard');
    await current.sim('Sim.RemoveCard');
    await current.expectScreen('attract', { label: 'after' });

    expect(current.violations).toEqual([]);
    expect(current.errors).toEqual([]);
    console.info(`flows-renewal (a, ${settingName(setting)}) wall time: ${Date.now() - started} ms, rig open ${opened - started} ms`);
  });

  it('the card pulled mid-renewal: said in plain words, inserted again, the renewal is settled', { timeout: 150_000 }, async () => {
    const started = Date.now();
    // Over the system stacks the pull takes the card out of vpcd; the step's next APDU finds it gone.
    rig = await openFlowRig('renewal-card-pulled', { stack, env: { KIOSK_FAULT_INJECT: `renewal:${pullStep}:pull:${String(pullAfterMs)}` } });
    const opened = Date.now();
    const current = rig;
    const { page } = current;
    const loaded = inBackground(current.sim('Sim.ScannerLoad', { business: licenceSet }, 90_000));
    await throughComparison(current, loaded);
    await skipOwnRenewalFor(current, operator);
    await current.expectScreen('enterPin', { label: 'operator' });

    const beforeRenewal = current.tool.received.length;
    await current.enterPin(operator.pin);
    // The bar on the step recorded last before the pull, while the card is still in.
    const step = pullStep;
    const bar = page.getByTestId('progress-bar');
    await expect.poll(() => bar.getAttribute('data-step'), { timeout: 10_000 }).toBe(step);
    const position = renewalSteps.indexOf(step) + 1;
    // The bar says "step n of 8" for the n-th step (soft: the rest of the fault still runs).
    expect.soft(await bar.getAttribute('aria-valuenow'), `the bar's number for ${step}`).toBe(String(position));
    expect.soft(await bar.getAttribute('aria-valuemax')).toBe(String(renewalSteps.length));
    expect(vpcdConnectionOpen()).toBe(true);
    await current.expectScreen('working', { label: `held-at-${step}` });
    // A middle step: neither the first nor the last.
    expect(position).toBeGreaterThan(1);
    expect(position).toBeLessThan(renewalSteps.length);

    await current.expectScreen('failed', { timeout: 30_000, label: 'card-removed' });
    // Pulled at that step: the bar got no further, the card is out of vpcd and of the reader.
    expect(progressSince(current, beforeRenewal)).toEqual(renewalSteps.slice(0, position));
    expect(vpcdConnectionOpen()).toBe(false);
    expect(await current.sim('Sim.RemoveCard')).toEqual({ removed: false });
    const problem = page.getByTestId('problem');
    expect(await problem.getAttribute('data-problem')).toBe('cardRemoved');
    expect(await problem.locator('.problem-what').textContent()).toContain('拔出');
    expect((await problem.locator('.problem-next').textContent())?.trim()).toMatch(/插/);

    // Inserted again: the reconciliation settles the interrupted renewal before the flow reads it.
    await current.sim('Sim.InsertCard', { fixture: operator.name });
    await expect.poll(() => screenNow(current)?.screen, { timeout: 30_000 }).toMatch(/^(renewalNext|enterPin)$/);
    const settled = screenNow(current)?.screen === 'enterPin' ? 'PIN again' : 'renewed after all';
    if (settled === 'PIN again') {
      // Cut before the new certificate was active: nothing changed on the card, renew it again.
      await current.expectScreen('enterPin', { label: 'again' });
      await current.enterPin(operator.pin);
    }
    await current.expectScreen('renewalNext', { timeout: 30_000 });
    const renewed = renewedNow(current);
    expect(renewed.map((card) => card.cardNo)).toEqual([operator.cardNo]);
    const notAfter = renewed[0]?.notAfter ?? '';
    expect(yearsFromNow(notAfter)).toBeCloseTo(2, 1);

    await current.tap('flow-finish');
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 30_000 });
    await current.expectScreen('done');
    await current.tap('flow-finish');
    await current.expectScreen('takeCard');
    await current.sim('Sim.RemoveCard');
    await current.expectScreen('attract', { label: 'after' });

    // The card is valid: active, with the renewed certificate.
    await current.sim('Sim.InsertCard', { fixture: operator.name });
    const read = await current.sim('CardReader.ReadCard');
    expect(read).toMatchObject({ info: { cardNo: operator.cardNo, lifecycle: 'active' } });
    const info = (read as { info: { certificateNotAfter: string } }).info;
    expect(Date.parse(info.certificateNotAfter)).toBe(Date.parse(notAfter));
    await current.sim('Sim.RemoveCard');

    expect(current.violations).toEqual([]);
    expect(current.errors).toEqual([]);
    console.info(`flows-renewal (b) wall time: ${Date.now() - started} ms, rig open ${opened - started} ms (held at ${step}, settled: ${settled})`);
  });

  // The seeds' renewal: the legal-person card's own renewal after its papers, an expired card to the counter.
  const seedSettings: readonly Setting[] = [
    { panel: 'portrait', language: 'zh' },
    { panel: 'landscape', language: 'en' },
  ];
  it.each(seedSettings)("the legal-person card renewed after its papers (seed 000 三); an expired card refused and its papers checked for the counter, with a ticket ($panel, $language)", { timeout: 300_000 }, async (setting) => {
    const started = Date.now();
    rig = await openFlowRig(`renewal-seeds-${settingName(setting)}`, { ...setting, stack });
    const opened = Date.now();
    const current = rig;
    const { page } = current;
    const words = said[setting.language];
    const loaded = inBackground(current.sim('Sim.ScannerLoad', { business: licenceSet }, 90_000));
    await throughComparison(current, loaded, setting.language);
    const beforePapers = current.tool.received.length;
    await renewAnyway(current, setting.language);

    // Its papers first, on the intake's checklist: letter, the agent's ID card and copy, originals and sealed copies.
    const own = await checkPapersByTaps(current, 'renewal', 'own');
    expect(own.verdict).toMatchObject({ business: 'renewal', acceptable: true, missing: [], then: 'renew' });
    expect(own.verdict.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The licence scanned for the comparison is confirmed, not scanned again; the other papers are scanned.
    expect(own.confirmedOnly).toHaveLength(1);
    expect(own.confirmedOnly[0]).toContain('business licence');
    expect(own.scanned.some((label) => label.includes('business licence') && label.includes('(original)'))).toBe(false);
    for (const paper of ['company introduction letter', 'ID card of the agent (original)', 'ID card of the agent (copy)']) expect(own.scanned).toContain(paper);
    expect(own.scanned.filter((label) => label.endsWith('(original)')).length).toBeGreaterThanOrEqual(3);
    // No card work before the verdict: no PIN screen for the renewal was shown.
    expect(pushedSince(current, beforePapers).some((screen) => screen.screen === 'enterPin')).toBe(false);
    expect(await page.getByTestId('verdict').getAttribute('data-acceptable')).toBe('true');
    expect(await page.getByTestId('flow-next').textContent()).toContain(words.renewHere);

    await current.tap('flow-next');
    await current.expectScreen('enterPin', { label: 'renew' });
    expect(screenNow(current)).toMatchObject({ screen: 'enterPin', purpose: 'renew', card: { cardNo: legalPerson.cardNo }, verifiedBefore: true });
    expect(await page.getByTestId('pin-asked-again').textContent()).toContain(words.notKept);
    const beforeRenewal = current.tool.received.length;
    await current.enterPin(legalPerson.pin);
    await current.expectScreen('renewalNext');
    expect(progressSince(current, beforeRenewal)).toEqual([...renewalSteps]);
    expect(renewedNow(current).map((card) => card.cardNo)).toEqual([legalPerson.cardNo]);

    // An expired operator card: refused on the spot, the counter's papers offered.
    await current.tap('flow-another-card');
    await current.expectScreen('removePreviousCard');
    await current.sim('Sim.RemoveCard');
    await current.expectScreen('insertCard', { label: 'card-to-renew' });
    await current.sim('Sim.InsertCard', { fixture: expiredOperator.name });
    await page.getByTestId('check-papers').waitFor({ timeout: 20_000 });
    await current.expectScreen('insertCard', { label: 'expired', recheck: true });
    expect(screenNow(current)).toMatchObject({ screen: 'insertCard', problem: { kind: 'cardExpired', cardNo: expiredOperator.cardNo } });
    const problem = page.getByTestId('problem');
    expect(await problem.getAttribute('data-problem')).toBe('cardExpired');
    expect(await problem.textContent()).toContain(words.expired);
    await current.tap('check-papers');
    // The papers were checked for the legal-person card in this session: nothing to scan again.
    const counter = await checkPapersByTaps(current, 'renewal', 'counter');
    expect(counter.scanned).toEqual([]);
    expect(counter.verdict).toMatchObject({ business: 'renewal', acceptable: true, then: 'ticket' });
    // The registry lists the card as expired: the counter decides (a note, not a stop).
    expect(counter.verdict.findings.map((f) => f.ruleId)).toContain('R-REG-CARD-STATUS');
    expect(await page.getByTestId('flow-next').textContent()).not.toContain(words.renewHere);

    await current.tap('flow-next');
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 30_000 });
    await current.expectScreen('done', { label: 'ticket' });
    const ticketDone = screenNow(current);
    if (ticketDone?.screen !== 'done' || ticketDone.outcome.flow !== 'intake' || ticketDone.receipt.state !== 'printed') throw new Error(`expected the ticket: ${JSON.stringify(ticketDone)}`);
    const ticket = ticketDone.outcome.ticket ?? '';
    expect(ticket).toMatch(/^A\d{4}$/);
    expect(await page.getByTestId('ticket').textContent()).toContain(ticket);
    const ticketJob = ticketDone.receipt.jobId;
    await expect.poll(() => completeReceiptsOf(current.printerDir, ticketJob).length, { timeout: 10_000 }).toBe(1);
    const ticketReceipt = completeReceiptsOf(current.printerDir, ticketJob)[0]?.text ?? '';
    // Both languages on the receipt: the title, the business, the ticket; the agent's ID number masked.
    for (const words of ['受理预检回执', 'Intake check receipt', 'IC卡证书延期', 'certificate renewal', ticket]) expect(ticketReceipt).toContain(words);
    expect(ticketReceipt).not.toContain('35020419800109011X');

    // Back to the cards: the legal-person card's renewal stands; its receipt.
    await current.tap('flow-finish');
    await current.expectScreen('renewalNext', { label: 'after-ticket' });
    expect(renewedNow(current).map((card) => card.cardNo)).toEqual([legalPerson.cardNo]);
    await current.tap('flow-finish');
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 30_000 });
    await current.expectScreen('done', { label: 'renewal' });
    const done = screenNow(current);
    if (done?.screen !== 'done' || done.receipt.state !== 'printed') throw new Error(`expected a printed receipt: ${JSON.stringify(done)}`);
    const renewalJob = done.receipt.jobId;
    await expect.poll(() => completeReceiptsOf(current.printerDir, renewalJob).length, { timeout: 10_000 }).toBe(1);
    const receipt = completeReceiptsOf(current.printerDir, renewalJob)[0]?.text ?? '';
    expect(receipt).toContain('IC卡证书延期回执');
    expect(receipt).toContain(legalPerson.cardNo);
    expect(receipt).not.toContain(expiredOperator.cardNo);

    await current.tap('flow-finish');
    await current.expectScreen('takeCard');
    await current.sim('Sim.RemoveCard');
    await current.expectScreen('attract', { label: 'after' });
    expect(current.violations).toEqual([]);
    expect(current.errors).toEqual([]);
    console.info(`flows-renewal (d, ${settingName(setting)}) wall time: ${Date.now() - started} ms, rig open ${opened - started} ms (${own.scanned.length} papers scanned)`);
  });

  it('a licence that differs from the registry: a change of information comes first', { timeout: 120_000 }, async () => {
    const started = Date.now();
    rig = await openFlowRig('renewal-registry-mismatch', { stack });
    const opened = Date.now();
    const current = rig;
    const { page } = current;
    const loaded = inBackground(current.sim('Sim.ScannerLoad', { business: licenceSet, defect: 'differentName' }, 90_000));
    await current.expectScreen('attract');
    await current.startFlow('renewal');
    await current.sim('Sim.InsertCard', { fixture: legalPerson.name });
    await current.expectScreen('enterPin');
    await current.enterPin(legalPerson.pin);
    await current.expectScreen('scanPaper');
    await loaded();
    await current.tap('scan-button');

    await current.expectScreen('registryMismatch', { timeout: 90_000 });
    expect(screenNow(current)).toEqual({ screen: 'registryMismatch', differences: [{ field: 'name', onPaper: nameOnPaper, inRegistry: fixtureEnterprise.name }] });
    const difference = page.getByTestId('registry-difference');
    expect(await difference.count()).toBe(1);
    expect(await difference.getAttribute('data-field')).toBe('name');
    expect(await difference.textContent()).toContain(nameOnPaper);
    expect(await difference.textContent()).toContain(fixtureEnterprise.name);

    // Understood: nothing is renewed today; the card is still in, so the kiosk asks for it back.
    await current.tap('flow-next');
    await current.expectScreen('takeCard');
    await current.sim('Sim.RemoveCard');
    await current.expectScreen('attract', { label: 'after' });

    expect(current.violations).toEqual([]);
    expect(current.errors).toEqual([]);
    console.info(`flows-renewal (c) wall time: ${Date.now() - started} ms, rig open ${opened - started} ms`);
  });
});
