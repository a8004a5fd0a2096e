// The unlock end to end in headless Chromium over the real stacks (pcscd + vpcd card, socat pty
// printer, scanimage + SANE pnm scanner): from the attract screen through consent, the locked
// card, the agent's ID copy and the introduction letter (scanned; the agent's name and ID number
// read off the copy by OCR, or, with OCR off, typed on the text keyboard and the keypad by taps),
// a new PIN refused by the policy and
// then a good one, the progress, the receipt and the take-card prompt. And the fault "a wrong PIN that locks the card, then an
// unlock": the renewal's PIN screen blocks the legal-person card after three wrong PINs, the
// screen says so with the unlock as the next step, and the unlock flow makes that card active
// again. Every screen is kept as a screenshot under test-artifacts/browser/flows/.
//
// Those typed runs are a kiosk without an ID-card reader (KIOSK_DEVICE_ID_CARD_READER=none): the
// agent's identity comes from the copy and the agent's typing. A kiosk with a reader asks for the
// agent's ID card itself (the original is in their hand: seed 000's 本人身份证及复印件) and offers
// the copy and typing only when the reader fails. The last test is that kiosk: the dock's hand
// places 许文彬's ID card on the simulated SAM module at the far end of the socat pty, the real
// SAM driver reads it, and the unlock completes with nothing typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowView } from '../../contract/flow-view.ts';
import { maskIdNumber } from '../../basics/redact.ts';
import { cardFixture, fixtureEnterprise } from '../../sim/registry/sim-registry.ts';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import { receiptTextsIn } from '../printer/receipt-check.ts';
import { openFlowRig, openFlowStack, requireFlowStack, settingName, settings, type FlowRig, type FlowStack, type Setting } from './flow-rig.ts';
import { typeByTaps } from './on-screen-keys.ts';

const locked = cardFixture('locked-operator')!;
const legalPerson = cardFixture('legal-person')!;
/** The agent on record for the enterprise: the unlock evidence names them. */
const agent = fixtureEnterprise.registeredAgents[0]!;
const refusedPin = '12345678';
/** What the screens say, in the language of the run (asserted as an agent reads it). */
const said = {
  zh: { sequence: '连续数字' },
  en: { sequence: 'run of digits' },
} as const;
const newPin = '60392817';
/** The typed runs: a kiosk with no ID-card reader fitted. */
const noIdCardReader = { KIOSK_DEVICE_ID_CARD_READER: 'none' };
/** Without OCR too: the agent types their name and ID number (the text keyboard's path). */
const noIdCardReaderNorOcr = { ...noIdCardReader, KIOSK_OCR: 'off' };


/** Focuses a keypad field and types `text` on the on-screen keypad (after clearing it). */
async function typeOnKeypad(rig: FlowRig, key: string, text: string): Promise<void> {
  await rig.tapOn(rig.page.locator(`[data-testid="field"][data-key="${key}"]`), `the ${key} field`);
  await rig.tapOn(rig.page.locator('[data-testid="keypad-key"][data-key="clear"]'), 'the keypad\'s clear');
  for (const character of text) await rig.tapOn(rig.page.locator(`[data-testid="keypad-key"][data-key="${character}"]`), `the keypad's ${character}`);
}

/**
 * From the scan screen to the fields of that paper: the feeder is loaded with the unlock set and
 * the agent presses scan. An ADF scan takes the whole feeder, so the set is loaded for each paper.
 */
async function scanPaper(rig: FlowRig, index: number): Promise<void> {
  await rig.expectScreen('scanPaper', { label: `paper-${index + 1}` });
  const request = rig.lastView()?.screen;
  expect(request).toMatchObject({ screen: 'scanPaper', paper: { position: { index, of: 2 } }, scanning: false });
  expect(await rig.sim('Sim.ScannerLoad', { business: 'unlock' }, 60_000)).toEqual({ pages: documentSpecs('unlock').length });
  await rig.tap('scan-button');
  await rig.expectScreen('confirmFields', { timeout: 90_000, label: `paper-${index + 1}` });
}

/** The unlock from the consent screen to the done screen, for the card in `fixture`. */
async function unlockCard(rig: FlowRig, fixture: { name: string; cardNo: string }, options: { refuseFirst: boolean; language?: Setting['language']; ocr: boolean }): Promise<void> {
  const { page } = rig;
  await rig.expectScreen('consent');
  await rig.tap('flow-next');
  await rig.expectScreen('insertCard');
  expect(await page.locator('[data-wanted]').getAttribute('data-wanted')).toBe('lockedCard');

  await rig.sim('Sim.InsertCard', { fixture: fixture.name });
  await rig.expectScreen('cardShown');
  expect(await page.getByTestId('card-facts').locator('[data-fact="cardNo"] dd').textContent()).toBe(fixture.cardNo);
  expect(rig.lastView()?.screen).toMatchObject({ screen: 'cardShown', card: { cardNo: fixture.cardNo, lifecycle: 'locked', pinTriesLeft: 0 } });
  await rig.tap('flow-next');

  await scanPaper(rig, 0);
  const nameField = page.locator('[data-testid="field"][data-key="name"]');
  if (options.ocr) {
    // The kiosk read the agent's name and ID number off the copy (the number masked): nothing typed.
    expect(await nameField.inputValue()).toBe(agent.name);
    expect(await page.locator('[data-testid="field"][data-key="idNumber"]').inputValue()).toBe(maskIdNumber(agent.idNumber));
    expect(rig.lastView()?.screen).toMatchObject({ screen: 'confirmFields', fields: [{ key: 'name', source: 'ocr' }, { key: 'idNumber', source: 'ocr' }] });
    await rig.shot('read');
  } else {
    // No OCR: the name on the text keyboard (pinyin, then each character picked from the
    // candidates), the ID number on the keypad; every key tapped on screen.
    expect(await nameField.inputValue()).toBe('');
    await typeByTaps(page, nameField, agent.name, {
      reading: 'name',
      onCandidates: async (character) => {
        if (character === Array.from(agent.name)[0]) await rig.expectScreen('confirmFields', { label: 'text-keyboard', recheck: true });
      },
    });
    expect(await nameField.inputValue()).toBe(agent.name);
    await typeOnKeypad(rig, 'idNumber', agent.idNumber);
    expect(await page.locator('[data-testid="field"][data-key="idNumber"]').inputValue()).toBe(agent.idNumber);
    await rig.shot('typed');
  }
  await rig.tap('fields-confirm');

  // The letter: the agent's fields come over from the ID card, the ID number masked.
  await scanPaper(rig, 1);
  expect(await page.locator('[data-testid="field"][data-key="agentName"]').inputValue()).toBe(agent.name);
  expect(await page.locator('[data-testid="field"][data-key="agentIdNumber"]').inputValue()).toBe(maskIdNumber(agent.idNumber));
  expect(await page.locator('[data-testid="field"][data-key="uscc"]').inputValue()).toBe(fixtureEnterprise.uscc);
  // The masked number sent back unchanged stands for the full one the daemon keeps: the page must
  // not refuse it (paper-fields' light check), nor the daemon.
  await rig.tap('fields-confirm');
  // Authorising may be over before the page shows it; the new PIN comes next in any case.
  await rig.expectScreen('newPin', { timeout: 30_000 });
  expect(rig.tool.received.some((m) => m.header.name === 'Kiosk.FlowChanged' && (m.payload as { view: FlowView | null }).view?.screen.screen === 'working')).toBe(true);
  expect(await page.getByTestId('pin-policy').textContent()).toContain('12345678');

  if (options.refuseFirst) {
    // Refused on its first entry, before being asked to type it again.
    await rig.enterPin(refusedPin);
    await page.locator('[data-testid="problem"][data-problem="pinPolicy"]').waitFor({ timeout: 20_000 });
    await rig.expectScreen('newPin', { label: 'refused', recheck: true });
    expect(await page.getByTestId('problem').textContent()).toContain(said[options.language ?? 'zh'].sequence);
    expect(await page.getByTestId('pin-stage').getAttribute('data-stage')).toBe('first');
    // The next try starts: the refusal goes.
    await rig.tapOn(page.locator(`[data-testid="pin-key"][data-digit="${newPin.charAt(0)}"]`), 'the first digit of the next try');
    await page.getByTestId('problem').waitFor({ state: 'detached', timeout: 5_000 });
    await rig.tap('pin-clear');
  }

  await rig.enterPin(newPin);
  await page.locator('[data-testid="pin-stage"][data-stage="again"]').waitFor({ timeout: 20_000 });
  await rig.shot('again');
  await rig.enterPin(newPin);
  await rig.expectScreen('done', { timeout: 60_000 });
}

/** The progress the daemon pushed while unlocking, step by step. */
function unlockSteps(rig: FlowRig): string[] {
  return rig.tool.received.flatMap((m) => {
    if (m.header.name !== 'Kiosk.FlowChanged') return [];
    const screen = (m.payload as { view: FlowView | null }).view?.screen;
    return screen?.screen === 'working' && screen.task === 'unlocking' && screen.progress !== null ? [screen.progress.step] : [];
  });
}

/** The card in the reader, read from the tool connection: active, all tries left, opened by `pin`. */
async function expectActiveWithPin(rig: FlowRig, cardNo: string, pin: string): Promise<void> {
  expect(await rig.sim('CardReader.ReadCard')).toMatchObject({ info: { cardNo, lifecycle: 'active' }, pin: { state: 'notVerified', triesLeft: 3 } });
  expect(await rig.sim('CardReader.VerifyPin', { pin })).toEqual({ cardNo, verified: true });
}

const haveStack = requireFlowStack();

describe.skipIf(!haveStack)('the unlock in Chromium over the system stacks', () => {
  // pcscd and Chromium for the file; each describe its own daemon.
  let stack: FlowStack | undefined;
  // As long as the other rig hooks: another run on the machine may hold pcscd for minutes.
  beforeAll(async () => {
    stack = await openFlowStack();
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('the unlock set holds the letter, the agent ID original and the copy, in that order', () => {
    // What Sim.ScannerLoad {business: 'unlock'} feeds; the flow asks for the copy first.
    expect(documentSpecs('unlock').map((spec) => `${spec.kind}:${spec.form}`)).toEqual(['introduction_letter:original', 'id_card:original', 'id_card:copy']);
  });

  // Each panel and language on its own daemon: the card unlocked stays unlocked in the state directory.
  describe.each(settings)('on the $panel panel in $language', (setting) => {
    let own: FlowRig | undefined;
    beforeAll(async () => {
      own = await openFlowRig(`unlock-${settingName(setting)}`, { ...setting, stack, env: { ...noIdCardReader, KIOSK_OCR: 'on' } });
    }, 240_000);
    afterAll(async () => {
      await own?.close();
    });

  it('unlocks the locked card from the attract screen to the receipt and back, by taps alone', { timeout: 240_000 }, async () => {
    const started = Date.now();
    const rig = own!;
    const printedBefore = receiptTextsIn(rig.printerDir).length;
    const { page } = rig;
    await rig.expectScreen('attract');
    await rig.startFlow('unlock');
    await unlockCard(rig, locked, { refuseFirst: true, language: setting.language, ocr: true });

    expect(unlockSteps(rig)).toContain('pinReset');
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 20_000 });
    await rig.expectScreen('done', { label: 'printed', recheck: true });
    const done = rig.lastView()?.screen;
    expect(done).toMatchObject({ screen: 'done', outcome: { flow: 'unlock', card: { cardNo: locked.cardNo, lifecycle: 'active' } } });
    const receipts = receiptTextsIn(rig.printerDir).slice(printedBefore);
    expect(receipts).toHaveLength(1);
    const receipt = receipts[0] ?? '';
    expect(receipt).toContain(locked.cardNo);
    expect(receipt).toContain(maskIdNumber(agent.idNumber));
    expect(receipt).not.toContain(agent.idNumber);
    expect(receipt).not.toContain(newPin);
    expect(receipt).not.toContain(refusedPin);

    await rig.tap('flow-finish');
    await rig.expectScreen('takeCard');
    await expectActiveWithPin(rig, locked.cardNo, newPin);
    await rig.sim('Sim.RemoveCard');
    await rig.expectScreen('attract', { label: 'after' });

    expect(JSON.stringify(rig.daemon.logs)).not.toContain(newPin);
    expect(rig.violations).toEqual([]);
    expect(rig.errors).toEqual([]);
    console.info(`flows-unlock (a, ${settingName(setting)}) wall time: ${Date.now() - started} ms`);
  });
  });

  describe('a fault', () => {
    let own: FlowRig | undefined;
    // One daemon per describe, on the file's pcscd and Chromium.
    beforeAll(async () => {
      own = await openFlowRig('unlock-after-wrong-pin', { stack, env: noIdCardReaderNorOcr });
    }, 240_000);
    afterAll(async () => {
      // Missing when beforeAll failed half-way (openFlowRig then stopped what it had started).
      await own?.close();
    });

  it('a wrong PIN that locks the card, then an unlock of that card', { timeout: 240_000 }, async () => {
    const started = Date.now();
    const rig = own!;
    const { page } = rig;
    await rig.expectScreen('attract');

    // The renewal asks for the legal-person card's PIN first: three wrong ones block it.
    await rig.startFlow('renewal');
    await rig.expectScreen('insertCard');
    await rig.sim('Sim.InsertCard', { fixture: legalPerson.name });
    await rig.expectScreen('enterPin');
    const wrongPin = '11223344';
    expect(wrongPin).not.toBe(legalPerson.pin);
    for (const triesLeft of [2, 1]) {
      await rig.enterPin(wrongPin);
      await page.locator(`[data-testid="problem"][data-problem="wrongPin"]`).waitFor({ timeout: 20_000 });
      // The tries left, the last one said as such.
      await expect.poll(() => page.getByTestId('problem').textContent()).toContain(triesLeft === 1 ? '只剩最后 1 次' : `还可尝试 ${triesLeft} 次`);
      await rig.expectScreen('enterPin', { label: `wrong-${triesLeft}-left`, recheck: triesLeft === 2 });
    }
    await rig.enterPin(wrongPin);
    await rig.expectScreen('failed', { timeout: 20_000, label: 'pin-blocked' });
    const blocked = page.getByTestId('problem');
    expect(await blocked.getAttribute('data-problem')).toBe('pinBlocked');
    expect(await blocked.locator('.problem-what').textContent()).toContain('密码已锁定');
    expect(await blocked.locator('.problem-next').textContent()).toContain('解锁');

    // Back to the start: the card is still in, so the kiosk asks for it first.
    await rig.tap('flow-home');
    await rig.expectScreen('takeCard');
    await rig.sim('Sim.RemoveCard');
    await rig.expectScreen('attract', { label: 'after-block' });

    // The unlock of that same card.
    await rig.startFlow('unlock');
    await unlockCard(rig, legalPerson, { refuseFirst: false, ocr: false });
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 20_000 });
    await rig.expectScreen('done', { label: 'printed', recheck: true });

    await rig.tap('flow-finish');
    await rig.expectScreen('takeCard');
    // The card is active again, its PIN tries back: the new PIN is the one that opens it.
    await expectActiveWithPin(rig, legalPerson.cardNo, newPin);
    await rig.sim('Sim.RemoveCard');
    await rig.expectScreen('attract', { label: 'after' });

    expect(rig.violations).toEqual([]);
    expect(rig.errors).toEqual([]);
    console.info(`flows-unlock (b) wall time: ${Date.now() - started} ms`);
  });
  });

  describe('the agent\'s ID card on the reader', () => {
    let own: FlowRig | undefined;
    const setting: Setting = { panel: 'portrait', language: 'zh' };
    beforeAll(async () => {
      own = await openFlowRig(`unlock-id-card-${settingName(setting)}`, { ...setting, stack });
    }, 240_000);
    afterAll(async () => {
      await own?.close();
    });

  it('takes the agent from the ID card placed on the reader over the pty: the unlock with nothing typed', { timeout: 240_000 }, async () => {
    const started = Date.now();
    const rig = own!;
    const { page } = rig;
    // The rig's daemon reads the ID card with the SAM driver on its socat pty (system stacks).
    const status = (await rig.sim('Common.Status')) as { devices: { idCardReader: { state: string; device?: string } }; sources: { idCardReader: string } };
    expect(status.sources.idCardReader).toBe('hardware');
    expect(status.devices.idCardReader).toMatchObject({ state: 'noCard' });
    expect(status.devices.idCardReader.device).toMatch(/sim-pty\/idcard-host$/);

    await rig.expectScreen('attract');
    await rig.startFlow('unlock');
    await rig.expectScreen('consent');
    await rig.tap('flow-next');
    await rig.expectScreen('insertCard');
    await rig.sim('Sim.InsertCard', { fixture: locked.name });
    await rig.expectScreen('cardShown');
    await rig.tap('flow-next');

    // The kiosk asks for the ID card itself; the copy instead is not offered while the reader works.
    await rig.expectScreen('placeIdCard');
    await page.getByTestId('id-card-picture').waitFor();
    expect(await page.getByTestId('id-card-use-copy').count()).toBe(0);
    expect(rig.lastView()?.screen).toEqual({ screen: 'placeIdCard', problem: null, reading: false, canSkip: false });
    expect(await rig.sim('Sim.IdCardPlace', { fixture: 'agent' })).toMatchObject({ fixture: 'agent' });

    // The copy is still scanned; its fields come from the chip, the number masked.
    await scanPaper(rig, 0);
    const nameField = page.locator('[data-testid="field"][data-key="name"]');
    expect(await nameField.inputValue()).toBe(agent.name);
    expect(await page.locator('[data-testid="field"][data-key="idNumber"]').inputValue()).toBe(maskIdNumber(agent.idNumber));
    expect(rig.lastView()?.screen).toMatchObject({ screen: 'confirmFields', fields: [{ key: 'name', source: 'idCard' }, { key: 'idNumber', source: 'idCard' }] });
    await rig.shot('from-chip');
    await rig.tap('fields-confirm');

    await scanPaper(rig, 1);
    expect(await page.locator('[data-testid="field"][data-key="agentName"]').inputValue()).toBe(agent.name);
    expect(await page.locator('[data-testid="field"][data-key="agentIdNumber"]').inputValue()).toBe(maskIdNumber(agent.idNumber));
    await rig.tap('fields-confirm');

    await rig.expectScreen('newPin', { timeout: 30_000 });
    await rig.enterPin(newPin);
    await page.locator('[data-testid="pin-stage"][data-stage="again"]').waitFor({ timeout: 20_000 });
    await rig.enterPin(newPin);
    await rig.expectScreen('done', { timeout: 60_000 });
    await page.locator('[data-testid="receipt"][data-receipt="printed"]').waitFor({ timeout: 20_000 });
    expect(rig.lastView()?.screen).toMatchObject({ screen: 'done', outcome: { flow: 'unlock', card: { cardNo: locked.cardNo, lifecycle: 'active' } } });

    await rig.tap('flow-finish');
    await rig.expectScreen('takeCard');
    await expectActiveWithPin(rig, locked.cardNo, newPin);
    await rig.sim('Sim.RemoveCard');
    await rig.sim('Sim.IdCardRemove');
    await rig.expectScreen('attract', { label: 'after' });

    // Nothing was typed above (no keyboard, no keypad); no view pushed carried the full number.
    const views = rig.tool.received.filter((m) => m.header.name === 'Kiosk.FlowChanged');
    expect(JSON.stringify(views)).not.toContain(agent.idNumber);
    expect(rig.violations).toEqual([]);
    expect(rig.errors).toEqual([]);
    console.info(`flows-unlock (c, ID card) wall time: ${Date.now() - started} ms`);
  });
  });
});
