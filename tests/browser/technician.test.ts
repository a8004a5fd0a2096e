// The technician page and the dev dock in a real Chromium against the real daemon
// (`kiosk run --sim`): the dock inserts the technician card, the technician logs in with its PIN
// (a wrong one first), tests the card reader and a light, watches the cabinet sensor change when
// the dock opens the cabinet, reads the audit log, the counters and the log tail, exports the
// bundle, prints the readiness report, loads and jams the dock's scanner (each where the daemon
// offers the command), takes the kiosk out of service and back, and logs out. Technician mode
// belongs to the connection that logged in: a second page sees only the login panel and its
// commands are refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterNames, type Capabilities, type KioskStatus } from '../../contract/protocol/catalogue.ts';
import { cardFixture, fixtureNames } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { requireSystemTool } from '../support/system-stack.ts';
import { connect } from '../support/ws-client.ts';
import { artifacts, badgeState, buttonSizes, domDump, ensureUiBuilt, htmlLang, launchChromium, panels, settingName, settings, smallText, viewport, watchErrors } from './browser-kit.ts';
import { axeViolations } from './axe-check.ts';
import { tapInView } from './on-screen-keys.ts';

const hasChromium = requireSystemTool('chromium', 'chromium');
const technicianCard = cardFixture('technician')!;
const newTechnicianCard = cardFixture('new-technician')!;

async function daemonStatus(daemon: RunningDaemon): Promise<KioskStatus> {
  const response = await fetch(new URL('/api/health', daemon.url));
  return (await response.json()) as KioskStatus;
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await tapInView(page, page.locator(`[data-testid="pin-key"][data-key="${digit}"]`), `the PIN key ${digit}`);
}

async function expectTouchFriendly(page: Page): Promise<void> {
  for (const size of await buttonSizes(page)) {
    expect(size.width, size.label).toBeGreaterThanOrEqual(48);
    expect(size.height, size.label).toBeGreaterThanOrEqual(48);
  }
  expect(await smallText(page, 20)).toEqual([]);
}

const attr = (page: Page, selector: string, name: string): Promise<string | null> => page.locator(selector).getAttribute(name);

/** Audit actions of the page reading the counters or the log tail, not of the technician's tests. */
const auditedReads: ReadonlySet<string> = new Set(['counters', 'logTail']);

/** The commands the running daemon offers (Common.Capabilities). */
async function daemonCommands(daemon: RunningDaemon): Promise<ReadonlySet<string>> {
  const client = await connect(daemon.wsUrl);
  client.command('Common.Capabilities', 1);
  const reply = await client.completion(1);
  client.close();
  return new Set((reply.payload as unknown as Capabilities).interfaces.flatMap((entry) => entry.commands));
}

/** A panel whose command the daemon does not offer yet says so, and offers no button. */
async function expectNotYet(page: Page, panel: string): Promise<void> {
  await expect.poll(() => page.getByTestId(panel).getByTestId('not-available').first().textContent()).toContain('暂未提供');
}

async function checkCounters(tech: Page, offered: boolean): Promise<void> {
  if (!offered) return expectNotYet(tech, 'counters-panel');
  await tech.getByTestId('counters-reload').click();
  await expect.poll(() => tech.getByTestId('counter').count()).toBe(counterNames.length);
  for (const counter of await tech.getByTestId('counter').all()) {
    expect(await counter.getAttribute('data-value')).toMatch(/^\d+(\.\d+)?$/);
    expect(await counter.locator('dd').textContent()).toMatch(/\d/);
  }
  expect(await tech.locator('[data-testid="counter"][data-counter="paperUsedMm"] dd').textContent()).toContain('米');
  expect(await tech.getByTestId('counters-since').textContent()).toContain('自');
}

async function checkLogTail(tech: Page, offered: boolean): Promise<void> {
  if (!offered) return expectNotYet(tech, 'log-tail');
  await tech.getByTestId('log-reload').click();
  await expect.poll(() => tech.getByTestId('log-line').count()).toBeGreaterThan(0);
  const last = tech.getByTestId('log-line').last();
  expect(await last.getAttribute('data-event')).toMatch(/^K\d{4}$/);
  await last.locator('summary').click();
  const raw = (await last.getByTestId('log-raw').textContent()) ?? '';
  expect(JSON.parse(raw)).toMatchObject({ event: await last.getAttribute('data-event') });
  expect(await domDump(tech)).not.toContain(technicianCard.pin);
}

async function checkExport(tech: Page, offered: boolean): Promise<void> {
  if (!offered) return expectNotYet(tech, 'export-action');
  const [download] = await Promise.all([tech.waitForEvent('download', { timeout: 60_000 }), tech.getByTestId('export-run').click()]);
  const fileName = download.suggestedFilename();
  expect(fileName).toMatch(/\.json$/);
  expect(await tech.getByTestId('export-result').textContent()).toContain(fileName);
  const saved = join(artifacts, fileName);
  await download.saveAs(saved);
  const bundle = JSON.parse(readFileSync(saved, 'utf8')) as Record<string, unknown>;
  expect(Object.keys(bundle).length).toBeGreaterThan(0);
  expect(JSON.stringify(bundle)).not.toContain(technicianCard.pin);
}

async function checkReadiness(tech: Page, offered: boolean): Promise<void> {
  if (!offered) return expectNotYet(tech, 'readiness-action');
  await tech.getByTestId('readiness-run').click();
  // Printed (a job id) or refused in plain words: either way the page says which.
  await expect.poll(() => tech.getByTestId('readiness-result').getAttribute('data-outcome'), { timeout: 60_000 }).toMatch(/^(printed|failed)$/);
  expect(((await tech.getByTestId('readiness-result').textContent()) ?? '').trim()).not.toBe('');
}

async function checkDockScanner(dock: Page, offered: ReadonlySet<string>): Promise<void> {
  const scanner = '[data-testid="dock-device"][data-device="scanner"]';
  if (offered.has('Sim.ScannerLoad')) {
    await dock.locator('[data-testid="dock-scanner-defect"][data-defect="none"]').click();
    await dock.locator('[data-testid="dock-scanner-load"][data-business="renewal"]').click();
    // The last-action line names the renewal set once the daemon answered.
    await expect.poll(() => dock.getByTestId('dock-result').textContent(), { timeout: 60_000 }).toContain('证书延期');
    expect(await dock.getByTestId('dock-result').getAttribute('data-ok'), (await dock.getByTestId('dock-result').textContent()) ?? '').toBe('true');
    expect(await dock.getByTestId('dock-result-note').textContent()).toMatch(/进纸器中有 \d+ 页/);
  } else {
    await expect.poll(() => dock.getByTestId('dock-scanner').getByTestId('not-available').first().textContent()).toContain('暂未提供');
  }
  if (offered.has('Sim.ScannerFault')) {
    await dock.locator('[data-testid="dock-scanner-fault"][data-fault="jam"]').click();
    await expect.poll(() => attr(dock, scanner, 'data-state')).toBe('jammed');
    await dock.locator('[data-testid="dock-scanner-fault"][data-fault="clear"]').click();
    await expect.poll(() => attr(dock, scanner, 'data-state')).not.toBe('jammed');
  } else {
    expect(await dock.getByTestId('dock-scanner-fault').count()).toBe(0);
  }
}

/** A screenshot of the page from the top of one panel to the bottom of another. */
async function screenshotBetween(page: Page, first: string, last: string, file: string): Promise<void> {
  const top = await page.getByTestId(first).boundingBox();
  const bottom = await page.getByTestId(last).boundingBox();
  if (top === null || bottom === null) throw new Error(`${first} or ${last} is not on screen`);
  const scroll = await page.evaluate(() => window.scrollY);
  const y = top.y + scroll;
  await page.screenshot({ path: join(artifacts, file), fullPage: true, animations: 'disabled', clip: { x: 0, y, width: viewport.width, height: bottom.y + scroll + bottom.height - y } });
}

describe.skipIf(!hasChromium)('technician page and dev dock in Chromium', () => {
  let browser: Browser;
  let daemon: RunningDaemon;

  beforeAll(async () => {
    await ensureUiBuilt();
    [browser, daemon] = await Promise.all([launchChromium(), startDaemon()]);
  });

  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (daemon as RunningDaemon | undefined)?.stop();
  });

  it('lets a technician log in with the card, diagnose the kiosk and log out', { timeout: 120_000 }, async () => {
    const dock = await browser.newPage({ viewport });
    const tech = await browser.newPage({ viewport });
    const dockErrors = watchErrors(dock);
    const techErrors = watchErrors(tech);

    await dock.goto(new URL('/dev-dock/', daemon.url).href);
    await expect.poll(() => badgeState(dock)).toBe('open');
    await dock.getByTestId('dev-dock').waitFor();
    // One button per card fixture of the simulator's registry.
    expect(await dock.getByTestId('dock-fixture').count()).toBe(fixtureNames.length);
    await expectTouchFriendly(dock);

    await tech.goto(new URL('/technician/', daemon.url).href);
    await expect.poll(() => badgeState(tech)).toBe('open');
    await tech.getByTestId('login-panel').waitFor();
    expect(await attr(tech, '[data-testid="login-method"][data-method="card"]', 'aria-pressed')).toBe('true');
    expect(await tech.getByTestId('pin-submit').isDisabled()).toBe(true);

    // The dock inserts the technician card; the login panel sees it through the status feed.
    await dock.locator('[data-testid="dock-fixture"][data-fixture="technician"]').click();
    await expect.poll(() => attr(dock, '[data-testid="dock-device"][data-device="cardReader"]', 'data-state')).toBe('present');
    await expect.poll(() => dock.getByTestId('dock-result').getAttribute('data-ok')).toBe('true');
    await dock.screenshot({ path: join(artifacts, 'dev-dock.png'), fullPage: true, animations: 'disabled' });
    await expect.poll(() => tech.getByTestId('login-check').getAttribute('data-ok')).toBe('true');
    await expectTouchFriendly(tech);
    await tech.screenshot({ path: join(artifacts, 'technician-login.png'), fullPage: true, animations: 'disabled' });

    // A wrong PIN: refused in plain words; only dots on screen, cleared after the attempt.
    const wrongPin = technicianCard.pin === '13572468' ? '24681357' : '13572468';
    await typePin(tech, wrongPin);
    expect(await tech.getByTestId('pin-dots').getAttribute('data-count')).toBe(String(wrongPin.length));
    expect(await domDump(tech)).not.toContain(wrongPin);
    await tapInView(tech, tech.getByTestId('pin-submit'), 'the PIN submit key');
    await expect.poll(() => tech.getByTestId('login-refusal').getAttribute('data-kind'), { timeout: 15_000 }).toBe('wrongPin');
    expect(await tech.getByTestId('login-refusal').textContent()).toContain('PIN 码错误');
    expect(await tech.getByTestId('pin-dots').getAttribute('data-count')).toBe('0');
    await tech.screenshot({ path: join(artifacts, 'technician-refusal.png'), fullPage: true, animations: 'disabled' });

    // The right PIN: technician mode, actor and since in the header.
    await typePin(tech, technicianCard.pin);
    expect(await domDump(tech)).not.toContain(technicianCard.pin);
    await tapInView(tech, tech.getByTestId('pin-submit'), 'the PIN submit key');
    await tech.getByTestId('technician-console').waitFor({ timeout: 15_000 });
    expect(await tech.getByTestId('technician-actor').textContent()).toContain(`technician:${technicianCard.cardNo}`);
    expect(await tech.getByTestId('login-panel').count()).toBe(0);

    // Card reader test: ATR, SELECT answered, the holder masked.
    await tech.getByTestId('card-test-run').click();
    await expect.poll(() => tech.getByTestId('card-test-result').getAttribute('data-outcome'), { timeout: 20_000 }).toBe('passed');
    expect(await tech.getByTestId('card-test-result').getAttribute('data-select')).toBe('9000');
    expect(await tech.getByTestId('card-test-atr').textContent()).toMatch(/^[0-9A-F]{2}( [0-9A-F]{2})+$/);
    expect(await tech.getByTestId('card-test-type').textContent()).toContain('技术员卡');
    const holder = (await tech.getByTestId('card-test-holder').textContent()) ?? '';
    expect(holder).not.toContain(technicianCard.holder.name);
    expect(holder).toContain(`${technicianCard.holder.name[0]!}**`);
    expect(holder).not.toContain(technicianCard.holder.idNumber);

    // ID-card reader test: the dock places 许文彬's ID card; the SAM id and the holder masked.
    await dock.locator('[data-testid="dock-idcard-place"][data-fixture="agent"]').click();
    await expect.poll(() => attr(dock, '[data-testid="dock-device"][data-device="idCardReader"]', 'data-state')).toBe('cardPresent');
    await expect.poll(() => attr(tech, '[data-testid="device-tile"][data-device="idCardReader"]', 'data-state')).toBe('cardPresent');
    await tech.getByTestId('idcard-test-run').click();
    await expect.poll(() => tech.getByTestId('idcard-test-result').getAttribute('data-outcome'), { timeout: 20_000 }).toBe('passed');
    expect(await tech.getByTestId('idcard-test-sam').textContent()).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    const idHolder = (await tech.getByTestId('idcard-test-holder').textContent()) ?? '';
    expect(idHolder).toContain('许**');
    expect(idHolder).toContain('350204********011X');
    expect(await domDump(tech)).not.toContain('35020419800109011X');
    await dock.getByTestId('dock-idcard-remove').click();
    await expect.poll(() => attr(dock, '[data-testid="dock-device"][data-device="idCardReader"]', 'data-state')).toBe('noCard');

    // Light test: the card slot light flashes slowly, as the daemon's status confirms.
    await tech.locator('[data-testid="light-button"][data-light="cardSlot"][data-pattern="slow"]').click();
    await expect.poll(() => attr(tech, '[data-testid="light-row"][data-light="cardSlot"]', 'data-pattern')).toBe('slow');
    await expect.poll(() => attr(dock, '[data-testid="dock-light"][data-light="cardSlot"]', 'data-pattern')).toBe('slow');

    // The dock opens the cabinet: the readout follows live; with a technician it is only audited.
    expect(await attr(tech, '[data-testid="sensor"][data-input="tamper"]', 'data-active')).toBe('false');
    await dock.locator('[data-testid="dock-input"][data-input="tamper"][data-active="true"]').click();
    await expect.poll(() => attr(tech, '[data-testid="sensor"][data-input="tamper"]', 'data-active')).toBe('true');
    expect(await tech.locator('[data-testid="sensor"][data-input="tamper"]').textContent()).toContain('已打开');
    expect((await daemonStatus(daemon)).service).toMatchObject({ state: 'outOfService', reasons: ['maintenance'] });
    expect(await attr(tech, '[data-testid="service-state"]', 'data-reasons')).toBe('maintenance');

    // The audit log shows what happened, newest first (the panels' own reads of the counters and
    // the log tail are audited too, between the actions: left out here).
    await tech.getByTestId('audit-reload').click();
    await expect
      .poll(async () =>
        (await tech.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action'))))
          .filter((action) => !auditedReads.has(action ?? ''))
          .slice(0, 6),
      )
      .toEqual(['cabinetOpened', 'testLight', 'testIdCardReader', 'testCard', 'outOfService', 'technician.login']);
    await dock.screenshot({ path: join(artifacts, 'dev-dock-cabinet-open.png'), fullPage: true, animations: 'disabled' });

    // The daemon offers the printer's test page and scans: the page offers both and shows results.
    await tech.getByTestId('print-test-run').click();
    await expect.poll(() => tech.getByTestId('print-test-result').getAttribute('data-outcome'), { timeout: 60_000 }).toBe('printed');
    await tech.getByTestId('scan-test-run').click();
    await expect.poll(() => tech.getByTestId('scan-test-result').getAttribute('data-outcome'), { timeout: 60_000 }).not.toBeNull();
    await tech.getByTestId('audit-reload').click();

    // Counters, log tail, export bundle, readiness report and the dock's scanner controls: checked
    // for each command the daemon lists in Common.Capabilities; until it does, its panel must say
    // "not available yet" (the daemon handlers land separately from this UI).
    const offered = await daemonCommands(daemon);
    await checkCounters(tech, offered.has('Technician.Counters'));
    await checkLogTail(tech, offered.has('Technician.LogTail'));
    await checkExport(tech, offered.has('Technician.ExportBundle'));
    await checkReadiness(tech, offered.has('Technician.PrintReadiness'));
    await screenshotBetween(tech, 'counters-panel', 'log-tail', 'technician-counters.png');
    await checkDockScanner(dock, offered);
    await expectTouchFriendly(dock);
    await dock.getByTestId('dock-scanner').screenshot({ path: join(artifacts, 'dev-dock-scanner.png'), animations: 'disabled' });

    await expectTouchFriendly(tech);
    await tech.screenshot({ path: join(artifacts, 'technician-mode.png'), fullPage: true, animations: 'disabled' });
    await dock.locator('[data-testid="dock-input"][data-input="tamper"][data-active="false"]').click();
    await expect.poll(() => attr(tech, '[data-testid="sensor"][data-input="tamper"]', 'data-active')).toBe('false');

    // Out of service and back.
    await tech.getByTestId('out-of-service-toggle').click();
    await expect.poll(() => attr(tech, '[data-testid="service-state"]', 'data-reasons')).toBe('maintenance technician');
    expect(await tech.getByTestId('out-of-service-toggle').getAttribute('data-out-of-service')).toBe('true');
    await tech.getByTestId('service-panel').screenshot({ path: join(artifacts, 'technician-out-of-service.png'), animations: 'disabled' });
    await tech.getByTestId('out-of-service-toggle').click();
    await expect.poll(() => attr(tech, '[data-testid="service-state"]', 'data-reasons')).toBe('maintenance');

    // Another connection is not in technician mode: another page shows the login panel (and who
    // is logged in), and the daemon refuses the technician's commands there.
    const other = await browser.newPage({ viewport });
    const otherErrors = watchErrors(other);
    await other.goto(new URL('/technician/', daemon.url).href);
    await other.getByTestId('login-panel').waitFor();
    await expect.poll(() => other.getByTestId('login-elsewhere').textContent()).toContain(technicianCard.cardNo);
    expect(await other.getByTestId('technician-console').count()).toBe(0);
    const agent = await connect(daemon.wsUrl);
    agent.command('Technician.Audit', 1, { limit: 5 });
    agent.command('Technician.SetOutOfService', 2, { outOfService: false });
    expect((await agent.completion(1)).header.completionCode).toBe('authorisationRequired');
    expect((await agent.completion(2)).header.completionCode).toBe('authorisationRequired');
    agent.close();
    await other.screenshot({ path: join(artifacts, 'technician-other-connection.png'), fullPage: true, animations: 'disabled' });
    await other.close();

    // Logout: the login panel again, and the kiosk back in service.
    await tech.getByTestId('logout').click();
    await tech.getByTestId('login-panel').waitFor();
    expect(await tech.getByTestId('technician-console').count()).toBe(0);
    await expect.poll(() => dock.getByTestId('dock-service').getAttribute('data-state')).toBe('inService');
    expect((await daemonStatus(daemon)).technician).toEqual({ active: false });

    await dock.getByTestId('dock-remove-card').click();
    await expect.poll(() => attr(dock, '[data-testid="dock-device"][data-device="cardReader"]', 'data-state')).toBe('noCard');
    expect([...dockErrors, ...techErrors, ...otherErrors]).toEqual([]);
    await dock.close();
    await tech.close();
  });

  // The login as a technician does it at the kiosk's own screen: the card inserted (by the
  // dock's hand), the PIN on the on-screen pad, every tap on what is wholly in view. A card still
  // on its factory PIN is refused first, with the words that send the technician to the PIN change.
  it.each(settings)('a technician logs in with the card and the PIN pad, by taps alone, and logs out ($panel, $language)', { timeout: 60_000 }, async (setting) => {
    const tech = await browser.newPage({ viewport: panels[setting.panel] });
    const errors = watchErrors(tech);
    const hand = await connect(daemon.wsUrl);
    try {
      await tech.goto(new URL('/technician/', daemon.url).href);
      await expect.poll(() => badgeState(tech)).toBe('open');
      await tech.getByTestId('login-panel').waitFor();
      if (setting.language === 'en') {
        await tapInView(tech, tech.getByTestId('language-toggle'), 'the language toggle');
        await expect.poll(() => htmlLang(tech)).toBe('en');
      }
      // A technician card still on its factory PIN: refused before the card is asked, with the way on.
      hand.command('Sim.InsertCard', 10, { fixture: newTechnicianCard.name });
      expect((await hand.completion(10)).header.completionCode).toBe('success');
      await expect.poll(() => tech.getByTestId('login-check').getAttribute('data-ok')).toBe('true');
      for (const digit of newTechnicianCard.pin) await tapInView(tech, tech.locator(`[data-testid="pin-key"][data-key="${digit}"]`), `the PIN key ${digit}`);
      await tapInView(tech, tech.getByTestId('pin-submit'), 'the PIN pad\'s OK');
      await expect.poll(() => tech.getByTestId('login-refusal').getAttribute('data-kind'), { timeout: 15_000 }).toBe('pinMustChange');
      expect(await tech.getByTestId('login-refusal').textContent()).toContain(setting.language === 'en' ? 'PIN change' : '修改密码');
      await tech.screenshot({ path: join(artifacts, `technician-refusal-pin-must-change-${settingName(setting)}.png`), animations: 'disabled' });
      expect(await axeViolations(tech)).toEqual([]);
      hand.command('Sim.RemoveCard', 11, {});
      expect((await hand.completion(11)).header.completionCode).toBe('success');
      await expect.poll(() => tech.getByTestId('login-check').getAttribute('data-ok')).toBe('false');

      hand.command('Sim.InsertCard', 1, { fixture: technicianCard.name });
      expect((await hand.completion(1)).header.completionCode).toBe('success');
      await expect.poll(() => tech.getByTestId('login-check').getAttribute('data-ok')).toBe('true');
      for (const digit of technicianCard.pin) await tapInView(tech, tech.locator(`[data-testid="pin-key"][data-key="${digit}"]`), `the PIN key ${digit}`);
      await tech.screenshot({ path: join(artifacts, `technician-login-${settingName(setting)}.png`), animations: 'disabled' });
      await tapInView(tech, tech.getByTestId('pin-submit'), 'the PIN pad\'s OK');
      await tech.getByTestId('technician-console').waitFor({ timeout: 15_000 });
      await tech.screenshot({ path: join(artifacts, `technician-console-${settingName(setting)}.png`), animations: 'disabled' });
      await tapInView(tech, tech.getByTestId('logout'), 'log out');
      await tech.getByTestId('login-panel').waitFor({ timeout: 15_000 });
      hand.command('Sim.RemoveCard', 2, {});
      expect((await hand.completion(2)).header.completionCode).toBe('success');
      expect(errors).toEqual([]);
    } finally {
      hand.close();
      await tech.close();
    }
  });

  it('switches to the service switch when it is turned, and refuses without a technician PIN', { timeout: 60_000 }, async () => {
    const dock = await browser.newPage({ viewport });
    const tech = await browser.newPage({ viewport });
    const dockErrors = watchErrors(dock);
    const techErrors = watchErrors(tech);
    await tech.goto(new URL('/technician/', daemon.url).href);
    await expect.poll(() => badgeState(tech)).toBe('open');
    await dock.goto(new URL('/dev-dock/', daemon.url).href);
    await dock.getByTestId('dev-dock').waitFor();

    // Kiosk.TechnicianRequested: the login panel changes method by itself.
    await dock.locator('[data-testid="dock-input"][data-input="serviceSwitch"][data-active="true"]').click();
    await expect.poll(() => tech.getByTestId('login-panel').getAttribute('data-method')).toBe('serviceSwitch');
    await expect.poll(() => tech.getByTestId('login-check').getAttribute('data-ok')).toBe('true');
    // The simulator has no technician PIN configured: the card is the only way in.
    await typePin(tech, '123456');
    await tapInView(tech, tech.getByTestId('pin-submit'), 'the PIN submit key');
    await expect.poll(() => tech.getByTestId('login-refusal').getAttribute('data-kind')).toBe('noTechnicianPinConfigured');
    await tech.getByTestId('language-toggle').click();
    expect(await tech.getByTestId('login-refusal').textContent()).toContain('technician card');
    await tech.screenshot({ path: join(artifacts, 'technician-switch-en.png'), fullPage: true, animations: 'disabled' });

    await dock.locator('[data-testid="dock-input"][data-input="serviceSwitch"][data-active="false"]').click();
    await expect.poll(() => attr(dock, '[data-testid="dock-input-state"][data-input="serviceSwitch"]', 'data-active')).toBe('false');
    expect([...dockErrors, ...techErrors]).toEqual([]);
    await dock.close();
    await tech.close();
  });
});
