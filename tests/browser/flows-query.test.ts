// The card query end to end in headless Chromium over the real stacks (pcscd + vpcd card, socat
// pty printer): from the attract screen to the card's state, the receipt and the take-card
// prompt; and the fault "paper out on the receipt": the done screen says so in plain words with
// the next step, the paper goes back in, the retry prints a marked reprint. The fault run is in
// English. Every screen is kept as a screenshot under test-artifacts/browser/flows/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowView } from '../../contract/flow-view.ts';
import { maskIdNumber } from '../../basics/redact.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { htmlLang } from './browser-kit.ts';
import { receiptTextsIn } from '../printer/receipt-check.ts';
import { openFlowRig, requireFlowStack, settingName, settings, type FlowRig } from './flow-rig.ts';

const expiring = cardFixture('expiring-operator')!;
const operator = cardFixture('operator')!;

/** What the screens say, in the language of the run (asserted as an agent reads it). */
const said = {
  zh: { expiry: /\d{4}年\d{1,2}月\d{1,2}日/, renew: '证书延期' },
  en: { expiry: /[A-Z][a-z]+ \d{1,2}, \d{4}/, renew: 'renew' },
} as const;

const haveStack = requireFlowStack();
let rig: FlowRig;

describe.skipIf(!haveStack)('the card query in Chromium over the system stacks', () => {
  // One stack for the file: pcscd is one per machine, and waiting for it belongs to the hook.
  beforeAll(async () => {
    rig = await openFlowRig('query');
  }, 240_000);

  afterAll(async () => {
    // Missing when beforeAll failed half-way (openFlowRig then stopped what it had started).
    await (rig as FlowRig | undefined)?.close();
  });

  it.each(settings)('shows the state of a card and prints its receipt, from the attract screen back to it ($panel, $language)', { timeout: 120_000 }, async (setting) => {
    const started = Date.now();
    const printedBefore = receiptTextsIn(rig.printerDir).length;
    await rig.begin(`query-${settingName(setting)}`, setting);
    const { page } = rig;
    await rig.expectScreen('attract');

    await rig.startFlow('query');
    await rig.expectScreen('insertCard');
    expect(await page.locator('[data-wanted]').getAttribute('data-wanted')).toBe('anyCard');

    await rig.sim('Sim.InsertCard', { fixture: expiring.name });
    await rig.expectScreen('cardStatus');
    const facts = page.getByTestId('card-facts');
    expect(await facts.locator('[data-fact="cardNo"] dd').textContent()).toBe(expiring.cardNo);
    expect(await facts.locator('[data-fact="idNumber"] dd').textContent()).toBe(maskIdNumber(expiring.holder.idNumber));
    expect(await facts.locator('[data-fact="expiry"] dd').textContent()).toMatch(said[setting.language].expiry);
    expect(await facts.locator('[data-fact="daysLeft"] dd').textContent()).toMatch(/\d+/);
    expect(await facts.locator('[data-fact="pinTries"] dd').textContent()).toMatch(/\d/);
    // The registry's status beside the card's own (the registry is the reference).
    expect(await page.getByTestId('registry-status').getAttribute('data-status')).toBe('active');
    expect(await page.getByTestId('registry-differs').count()).toBe(0);
    // Twenty days left: the kiosk urges a renewal, which it can do itself.
    expect(await page.getByTestId('card-advice').getAttribute('data-advice')).toBe('renewNow');
    expect((await page.getByTestId('card-advice').textContent())?.toLowerCase()).toContain(said[setting.language].renew.toLowerCase());

    await rig.tap('receipt-print');
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 20_000 });
    await rig.expectScreen('done', { label: 'printed' });
    const receipts = receiptTextsIn(rig.printerDir).slice(printedBefore);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toContain('IC卡查询回执');
    expect(receipts[0]).toContain(expiring.cardNo);
    expect(receipts[0]).not.toContain(expiring.holder.idNumber);
    expect(receipts[0]).not.toContain(expiring.pin);

    await rig.tap('flow-finish');
    await rig.expectScreen('takeCard');
    await rig.sim('Sim.RemoveCard');
    await rig.expectScreen('attract', { label: 'after' });
    // The session is over: the next agent is greeted in Chinese, whatever this one chose.
    expect(await htmlLang(page)).toBe('zh-CN');

    expect(rig.violations).toEqual([]);
    expect(rig.errors).toEqual([]);
    console.info(`flows-query (a, ${settingName(setting)}) wall time: ${Date.now() - started} ms`);
  });

  it('paper out on the receipt: says so, then prints a marked reprint once the paper is back (in English)', { timeout: 120_000 }, async () => {
    const started = Date.now();
    const printedBefore = receiptTextsIn(rig.printerDir).length;
    await rig.begin('query-paper-out', { panel: 'landscape', language: 'en' });
    const { page } = rig;
    await expect.poll(() => htmlLang(page)).toBe('en');
    await rig.expectScreen('attract', { label: 'en' });

    await rig.startFlow('query');
    await rig.expectScreen('insertCard', { label: 'en' });
    await rig.sim('Sim.InsertCard', { fixture: operator.name });
    await rig.expectScreen('cardStatus', { label: 'en' });
    expect(await page.getByTestId('card-advice').getAttribute('data-advice')).toBe('none');
    expect(await page.locator('#screen-title').first().textContent()).toBe('Card status');

    await rig.sim('Sim.PrinterPaper', { paper: 'out' });
    await rig.tap('receipt-print');
    await page.locator('[data-testid="receipt"][data-receipt="failed"]').waitFor({ timeout: 20_000 });
    await rig.expectScreen('done', { label: 'paper-out' });
    const problem = page.locator('[data-testid="receipt"] [data-testid="problem"]');
    expect(await problem.getAttribute('data-problem')).toBe('printerNoPaper');
    expect(await problem.locator('.problem-what').textContent()).toContain('out of paper');
    expect((await problem.locator('.problem-next').textContent())?.trim()).not.toBe('');
    // Print again, or finish without it: both offered, neither claims a receipt.
    expect(await page.getByTestId('receipt-retry').count()).toBe(1);
    expect(await page.getByTestId('flow-finish').count()).toBe(1);
    expect(await page.getByTestId('receipt').textContent()).toContain('not printed');
    expect(receiptTextsIn(rig.printerDir).slice(printedBefore).filter((text) => text.includes('完 END'))).toEqual([]);

    await rig.sim('Sim.PrinterPaper', { paper: 'full' });
    await rig.tap('receipt-retry');
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 20_000 });
    await rig.expectScreen('done', { label: 'reprinted', recheck: true });
    const view = rig.lastView() as FlowView;
    expect(view.screen).toMatchObject({ screen: 'done', receipt: { state: 'printed' } });
    const printed = receiptTextsIn(rig.printerDir).slice(printedBefore).at(-1) ?? '';
    expect(printed).toContain('REPRINT');
    expect(printed).toContain('完 END');
    expect(printed).toContain(operator.cardNo);
    expect(printed).not.toContain(operator.holder.idNumber);

    await rig.tap('flow-finish');
    await rig.expectScreen('takeCard', { label: 'en' });
    await rig.sim('Sim.RemoveCard');
    await rig.expectScreen('attract', { label: 'after' });

    expect(rig.violations).toEqual([]);
    expect(rig.errors).toEqual([]);
    console.info(`flows-query (b) wall time: ${Date.now() - started} ms`);
  });
});
