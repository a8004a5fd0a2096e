// Operator-card management with the legal-person card end to end in headless Chromium over the
// real stacks (pcscd + vpcd card, socat pty printer), as an agent does it, by taps only: from the
// attract screen's "operator cards" group, the legal-person card and its PIN, the enterprise's
// cards from the registry with their registry status (a card in every status), then each
// operation — freeze and unfreeze, report loss and undo it, the legal-person card's own loss sent
// to the counter with its papers, "only once invalidated" on an active card, the deregistration of
// the invalidated card, the declaration of a new operator leading into the add-operator paper
// check — each confirmed with the PIN on the card and printed (zh and en). Portrait in Chinese,
// the wide landscape in English. Every screen is kept under test-artifacts/browser/flows/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryOperation } from '../../contract/authority/authority.ts';
import type { CardLifecycle } from '../../contract/devices/card-reader.ts';
import { maskIdNumber } from '../../basics/redact.ts';
import { cardFixture, cardFixtures, fixtureEnterprise, type FixtureName } from '../../sim/registry/sim-registry.ts';
import { receiptTextsIn } from '../printer/receipt-check.ts';
import { openFlowRig, requireFlowStack, settingName, type FlowRig } from './flow-rig.ts';

const legal = cardFixture('legal-person')!;
const enterpriseCards = cardFixtures.filter((f) => f.enterpriseUscc === fixtureEnterprise.uscc);
const no = (name: FixtureName): string => cardFixture(name)!.cardNo;

/** What the screens and receipts say, in the language of the run. */
const said = {
  zh: { title: '本企业的 IC 卡', frozen: '已冻结', counter: '单位介绍信', onlyInvalidated: '只有已作废的卡才能注销' },
  en: { title: "The enterprise's IC cards", frozen: 'Frozen', counter: 'introduction letter', onlyInvalidated: 'only an invalidated card can be deregistered' },
} as const;

const haveStack = requireFlowStack();
let rig: FlowRig;

function row(cardNo: string) {
  return rig.page.locator(`[data-testid="enterprise-card"][data-card="${cardNo}"]`);
}

/** The legal-person card in, its PIN, the list. */
async function openList(): Promise<void> {
  const { page } = rig;
  await rig.startFlow('cardManagement');
  await rig.expectScreen('insertCard');
  expect(await page.locator('[data-wanted]').getAttribute('data-wanted')).toBe('legalPersonCard');
  await rig.sim('Sim.InsertCard', { fixture: legal.name });
  await rig.expectScreen('enterPin');
  await rig.enterPin(legal.pin);
  await rig.expectScreen('enterpriseCards', { timeout: 30_000 });
}

/** One operation from the list: the card, the operation, the PIN, the receipt; back to the list. Returns the receipt. */
async function operate(target: FixtureName | null, operation: RegistryOperation, after: CardLifecycle | 'gone' | null): Promise<string> {
  const { page } = rig;
  const printedBefore = receiptTextsIn(rig.printerDir).length;
  if (target === null) {
    await rig.tap('management-declare');
  } else {
    await rig.tapOn(row(no(target)), `the card ${target}`);
    await rig.expectScreen('manageCard', { label: `${target}-${operation}`, recheck: true });
    await rig.tapOn(page.locator(`[data-testid="manage-operation"][data-operation="${operation}"]`), `the operation ${operation}`);
  }
  await page.locator(`[data-testid="pin-authorise"][data-operation="${operation}"]`).waitFor({ timeout: 20_000 });
  await rig.expectScreen('enterPin', { label: `authorise-${operation}`, recheck: true });
  await rig.enterPin(legal.pin);
  await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 30_000 });
  await rig.expectScreen('done', { label: operation, recheck: true });
  const change = page.getByTestId('registry-change');
  expect(await change.getAttribute('data-operation')).toBe(operation);
  const reference = (await change.getAttribute('data-reference')) ?? '';
  expect(reference).toMatch(/^R\d{6}$/);
  const receipts = receiptTextsIn(rig.printerDir).slice(printedBefore);
  expect(receipts).toHaveLength(1);
  const receipt = receipts[0] ?? '';
  expect(receipt).toContain(reference);
  expect(receipt).toContain(legal.cardNo);
  expect(receipt).not.toContain(legal.pin);
  if (target !== null) {
    const fixture = cardFixture(target)!;
    expect(receipt).toContain(fixture.cardNo);
    expect(receipt).toContain(maskIdNumber(fixture.holder.idNumber));
    expect(receipt).not.toContain(fixture.holder.idNumber);
  }
  if (after !== null) {
    await rig.tap('management-back-to-list');
    await rig.expectScreen('enterpriseCards', { label: `after-${operation}`, recheck: true, timeout: 30_000 });
    if (after === 'gone') expect(await row(no(target!)).count()).toBe(0);
    else if (target !== null) expect(await row(no(target)).getAttribute('data-status')).toBe(after);
  }
  return receipt;
}

describe.skipIf(!haveStack)('operator-card management with the legal-person card in Chromium over the system stacks', () => {
  beforeAll(async () => {
    rig = await openFlowRig('management', { panel: 'portrait' });
  }, 240_000);

  afterAll(async () => {
    await (rig as FlowRig | undefined)?.close();
  });

  it('lists every card of the enterprise with its registry status; freezes, unfreezes, reports loss and undoes it; the legal-person card goes to the counter (portrait, zh)', { timeout: 240_000 }, async () => {
    const setting = { panel: 'portrait', language: 'zh' } as const;
    const started = Date.now();
    await rig.begin(`management-${settingName(setting)}`, setting);
    const { page } = rig;
    await rig.expectScreen('attract');
    expect(await page.locator('[data-group="management"] [data-testid="tile-bring"]').textContent()).toContain('法人卡');
    await openList();
    expect(await page.locator('#screen-title').first().textContent()).toBe(said.zh.title);

    // Every card of the enterprise, in every status the registry knows, each with what to do next.
    expect(await page.getByTestId('enterprise-card').count()).toBe(enterpriseCards.length);
    const statuses = await page.getByTestId('enterprise-card').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['active', 'locked', 'expired', 'frozen', 'reportedLost', 'invalidated']));
    for (const fixture of enterpriseCards) {
      const shown = row(fixture.cardNo);
      expect(await shown.locator('[data-field="idNumber"]').textContent()).toBe(maskIdNumber(fixture.holder.idNumber));
      expect((await shown.locator('[data-field="advice"]').textContent())?.trim()).not.toBe('');
    }
    expect(await row(no('frozen-operator')).locator('[data-field="advice"]').getAttribute('data-advice')).toBe('unfreezeHere');
    expect(await row(no('lost-operator')).locator('[data-field="advice"]').getAttribute('data-advice')).toBe('undoLossHere');
    expect(await row(no('invalidated-operator')).locator('[data-field="advice"]').getAttribute('data-advice')).toBe('deregisterHere');
    expect(await row(no('frozen-operator')).locator('[data-field="status"]').textContent()).toContain(said.zh.frozen);
    const text = await page.locator('body').innerText();
    for (const fixture of enterpriseCards) expect(text).not.toContain(fixture.holder.idNumber);

    // The legal-person card itself: nothing here, the counter with its papers.
    await rig.tapOn(row(legal.cardNo), 'the legal-person card');
    await rig.expectScreen('manageCard', { label: 'legal-person' });
    expect(await page.getByTestId('manage-operation').count()).toBe(0);
    expect(await page.getByTestId('counter-papers').textContent()).toContain(said.zh.counter);
    await rig.tap('flow-back');
    await rig.expectScreen('enterpriseCards', { label: 'back', recheck: true });

    const frozen = await operate('tax-clerk', 'freeze', 'frozen');
    expect(frozen).toContain('IC卡冻结回执');
    await operate('tax-clerk', 'unfreeze', 'active');
    const lost = await operate('operator', 'reportLoss', 'reportedLost');
    expect(lost).toContain('挂失');
    await operate('operator', 'undoLoss', 'active');

    // The list's own receipt: every card with its registry status.
    const printedBefore = receiptTextsIn(rig.printerDir).length;
    await rig.tap('receipt-print');
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 30_000 });
    await rig.expectScreen('done', { label: 'list', recheck: true });
    const listed = receiptTextsIn(rig.printerDir).slice(printedBefore);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('企业IC卡综合查询回执');
    for (const fixture of enterpriseCards) {
      expect(listed[0]).toContain(fixture.cardNo);
      expect(listed[0]).not.toContain(fixture.holder.idNumber);
    }
    expect(listed[0]).toContain('已作废');

    await rig.tap('flow-finish');
    await rig.expectScreen('takeCard');
    await rig.sim('Sim.RemoveCard');
    await rig.expectScreen('attract', { label: 'after' });
    expect(rig.violations).toEqual([]);
    expect(rig.errors).toEqual([]);
    console.info(`flows-management (a) wall time: ${Date.now() - started} ms`);
  });

  it('deregisters only an invalidated card, and declares a new operator into the add-operator paper check (landscape, en)', { timeout: 240_000 }, async () => {
    const setting = { panel: 'landscape', language: 'en' } as const;
    const started = Date.now();
    await rig.begin(`management-${settingName(setting)}`, setting);
    const { page } = rig;
    await rig.expectScreen('attract', { label: 'en' });
    await openList();
    expect(await page.locator('#screen-title').first().textContent()).toBe(said.en.title);

    // An active card: no deregistration, and the screen says why.
    await rig.tapOn(row(no('operator')), 'the operator card');
    await rig.expectScreen('manageCard', { label: 'active' });
    expect(await page.locator('[data-testid="manage-operation"][data-operation="deregister"]').count()).toBe(0);
    expect(await page.getByTestId('deregister-only-invalidated').textContent()).toContain(said.en.onlyInvalidated);
    await rig.tap('flow-back');
    await rig.expectScreen('enterpriseCards', { label: 'back', recheck: true });

    await operate('frozen-operator', 'unfreeze', 'active');
    await operate('frozen-operator', 'freeze', 'frozen');
    const deregistered = await operate('invalidated-operator', 'deregister', 'gone');
    expect(deregistered).toContain('deregister');
    expect(await page.getByTestId('enterprise-card').count()).toBe(enterpriseCards.length - 1);

    const declared = await operate(null, 'declareOperator', null);
    expect(declared).toContain('add-operator');
    // The operation's name inside the sentence, as a sentence writes it (no capital mid-sentence).
    expect(await page.getByTestId('registry-change').textContent()).toMatch(/^\s*Done: declare a new operator\. Registry reference R\d{6}\.\s*$/);
    await rig.tap('management-to-add-operator');
    await rig.expectScreen('checklist', { label: 'add-operator' });
    expect(rig.lastView()?.business).toBe('add_operator');

    await rig.tap('flow-cancel');
    const confirm = page.getByTestId('cancel-confirm-yes');
    if ((await confirm.count()) > 0) await rig.tap('cancel-confirm-yes');
    await rig.expectScreen('takeCard', { label: 'en' });
    await rig.sim('Sim.RemoveCard');
    await rig.expectScreen('attract', { label: 'after' });
    expect(rig.violations).toEqual([]);
    expect(rig.errors).toEqual([]);
    console.info(`flows-management (b) wall time: ${Date.now() - started} ms`);
  });
});
