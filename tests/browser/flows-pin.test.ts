// The PIN change end to end in headless Chromium over the real stacks (pcscd + vpcd card, socat
// pty printer), as an agent does it, by taps only: a newly issued card still on its initial PIN is
// refused by the renewal (first use), which leads into the PIN change with the card left in; the
// current PIN 88888888, a new PIN the policy refuses as the holder's phone number on record, the
// new PIN twice, the receipt, the card taken. Then the same card's PIN is changed again from the
// Change PIN tile, as any card's is. Every screen is kept as a screenshot under
// test-artifacts/browser/flows/.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../basics/redact.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { htmlLang } from './browser-kit.ts';
import { receiptTextsIn } from '../printer/receipt-check.ts';
import { openFlowRig, requireFlowStack, settingName, type FlowRig, type Setting } from './flow-rig.ts';

const fresh = cardFixture('new-operator')!;
const firstPin = '73918264';
const secondPin = '46027391';
/** The last 8 digits of the holder's mobile number, as the registry holds it. */
const phonePin = fresh.holderPhone!.slice(-8);

/** What the screens say, in the language of the run (asserted as an agent reads it). */
const said = {
  zh: { firstUse: '初始密码', phone: '电话号码', done: '已修改' },
  en: { firstUse: 'initial PIN', phone: 'phone number', done: 'is changed' },
} as const;

/** Portrait in Chinese, the wide landscape in English, and the 1280×1024 panel (five tiles on two columns). */
const pinSettings: readonly Setting[] = [
  { panel: 'portrait', language: 'zh' },
  { panel: 'landscape', language: 'en' },
  { panel: 'square', language: 'en' },
];

const haveStack = requireFlowStack();
let rig: FlowRig;

/** The three entries of a PIN change on the pad: each stage waits for the daemon's answer. */
async function changePin(current: string, next: string): Promise<void> {
  const { page } = rig;
  const stage = (name: string) => page.locator(`[data-testid="pin-stage"][data-stage="${name}"]`).waitFor({ timeout: 20_000 });
  await stage('current');
  await rig.enterPin(current);
  await stage('first');
  await rig.enterPin(next);
  await stage('again');
  await rig.shot('again');
  await rig.enterPin(next);
  await rig.expectScreen('done', { timeout: 60_000 });
  await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 20_000 });
}

describe.skipIf(!haveStack)('the PIN change in Chromium over the system stacks', () => {
  beforeAll(async () => {
    rig = await openFlowRig('pin');
  }, 240_000);

  afterAll(async () => {
    await (rig as FlowRig | undefined)?.close();
  });

  it.each(pinSettings)('forces the first-use change of a new card from the renewal, then changes its PIN again from the tile ($panel, $language)', { timeout: 180_000 }, async (setting) => {
    const started = Date.now();
    // A newly issued card: the simulator issues it again (on its initial PIN) when next inserted.
    rmSync(join(rig.daemon.stateDir, 'sim', 'cards', `${fresh.cardNo}.json`), { force: true });
    const printedBefore = receiptTextsIn(rig.printerDir).length;
    await rig.begin(`pin-${settingName(setting)}`, setting);
    const { page } = rig;
    const words = said[setting.language];
    await rig.expectScreen('attract');
    expect(await page.locator('[data-testid="service-group"]').count()).toBe(3);

    // First use: the renewal refuses the card and offers the PIN change on the spot.
    await rig.startFlow('renewal');
    await rig.expectScreen('insertCard');
    await rig.sim('Sim.InsertCard', { fixture: fresh.name });
    await page.locator('[data-testid="problem"][data-problem="pinMustChange"]').waitFor({ timeout: 20_000 });
    await rig.expectScreen('insertCard', { label: 'first-use', recheck: true });
    expect(await page.getByTestId('problem').textContent()).toContain(words.firstUse);
    await rig.tap('start-pin-change');
    await rig.expectScreen('changePin');
    expect(rig.lastView()).toMatchObject({ flow: 'pinChange', screen: { screen: 'changePin', entry: 'current', firstUse: true, card: { cardNo: fresh.cardNo } } });
    expect(await page.getByTestId('pin-first-use').textContent()).toContain('88888888');

    // The current PIN, then a new PIN the registry's phone number rules out, refused at once.
    await rig.enterPin('88888888');
    await page.locator('[data-testid="pin-stage"][data-stage="first"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('pin-policy').textContent()).toContain(words.phone);
    await rig.enterPin(phonePin);
    await page.locator('[data-testid="problem"][data-problem="pinPolicy"]').waitFor({ timeout: 20_000 });
    await rig.expectScreen('changePin', { label: 'phone-refused', recheck: true });
    expect(await page.getByTestId('problem').textContent()).toContain(words.phone);
    expect(await page.getByTestId('pin-stage').getAttribute('data-stage')).toBe('first');
    await rig.enterPin(firstPin);
    await page.locator('[data-testid="pin-stage"][data-stage="again"]').waitFor({ timeout: 20_000 });
    await rig.enterPin(firstPin);
    await rig.expectScreen('done', { timeout: 60_000 });
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid="flow-screen"] .lead').first().textContent()).toContain(words.done);

    let receipts = receiptTextsIn(rig.printerDir).slice(printedBefore);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toContain('IC卡修改密码回执');
    expect(receipts[0]).toContain(fresh.cardNo);
    expect(receipts[0]).toContain(maskIdNumber(fresh.holder.idNumber));
    for (const secret of [fresh.holder.idNumber, '88888888', firstPin, phonePin, fresh.holderPhone!]) expect(receipts[0]).not.toContain(secret);

    await rig.tap('flow-finish');
    await rig.expectScreen('takeCard');
    // The card no longer asks for a change, and opens with the new PIN.
    expect(await rig.sim('CardReader.ReadCard')).toMatchObject({ info: { cardNo: fresh.cardNo }, pinMustChange: false });
    await rig.sim('Sim.RemoveCard');
    await rig.expectScreen('attract', { label: 'after-first-use' });

    // Any card's PIN, from the Change PIN tile: no first-use notice now.
    await rig.startFlow('pinChange');
    await rig.expectScreen('insertCard', { label: 'pin-change' });
    expect(await page.locator('[data-wanted]').getAttribute('data-wanted')).toBe('cardForPinChange');
    await rig.sim('Sim.InsertCard', { fixture: fresh.name });
    await rig.expectScreen('changePin', { label: 'again', recheck: true });
    expect(await page.getByTestId('pin-first-use').count()).toBe(0);
    await changePin(firstPin, secondPin);
    receipts = receiptTextsIn(rig.printerDir).slice(printedBefore);
    expect(receipts).toHaveLength(2);
    for (const secret of [firstPin, secondPin]) expect(receipts[1]).not.toContain(secret);
    await rig.tap('flow-finish');
    await rig.expectScreen('takeCard', { label: 'second' });
    expect(await rig.sim('CardReader.VerifyPin', { pin: secondPin })).toEqual({ cardNo: fresh.cardNo, verified: true });
    await rig.sim('Sim.RemoveCard');
    await rig.expectScreen('attract', { label: 'after' });
    expect(await htmlLang(page)).toBe('zh-CN');

    // No PIN in what the daemon pushed to the tool connection.
    const pushed = JSON.stringify(rig.tool.received.filter((m) => m.header.name === 'Kiosk.FlowChanged'));
    for (const secret of ['88888888', firstPin, secondPin, phonePin]) expect(pushed).not.toContain(secret);

    expect(rig.violations).toEqual([]);
    expect(rig.errors).toEqual([]);
    console.info(`flows-pin (${settingName(setting)}) wall time: ${Date.now() - started} ms`);
  });
});
