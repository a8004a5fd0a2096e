// The technician page and the dev dock in a real Chromium against the real daemon
// (`kiosk run --sim`): the dock inserts the technician card, the technician logs in with its PIN
// (a wrong one first), tests the card reader and a light, watches the cabinet sensor change when
// the dock opens the cabinet, reads the audit log, takes the kiosk out of service and back, and
// logs out. Technician mode belongs to the connection that logged in: a second page sees only the
// login panel and its commands are refused.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../daemon/protocol/catalogue.ts';
import { cardFixture } from '../../sim/fixtures/eport-fixtures.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { requireSystemTool } from '../support/system-stack.ts';
import { connect } from '../support/ws-client.ts';
import { artifacts, badgeState, buttonSizes, domDump, ensureUiBuilt, launchChromium, smallText, viewport, watchErrors } from './browser-kit.ts';

const hasChromium = requireSystemTool('chromium', 'chromium');
const technicianCard = cardFixture('technician')!;

async function daemonStatus(daemon: RunningDaemon): Promise<KioskStatus> {
  const response = await fetch(new URL('/api/health', daemon.url));
  return (await response.json()) as KioskStatus;
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.locator(`[data-testid="pin-key"][data-key="${digit}"]`).click();
}

async function expectTouchFriendly(page: Page): Promise<void> {
  for (const size of await buttonSizes(page)) {
    expect(size.width, size.label).toBeGreaterThanOrEqual(48);
    expect(size.height, size.label).toBeGreaterThanOrEqual(48);
  }
  expect(await smallText(page, 20)).toEqual([]);
}

const attr = (page: Page, selector: string, name: string): Promise<string | null> => page.locator(selector).getAttribute(name);

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
    expect(await dock.getByTestId('dock-fixture').count()).toBe(10);
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
    await tech.getByTestId('pin-submit').click();
    await expect.poll(() => tech.getByTestId('login-refusal').getAttribute('data-kind'), { timeout: 15_000 }).toBe('wrongPin');
    expect(await tech.getByTestId('login-refusal').textContent()).toContain('PIN 码错误');
    expect(await tech.getByTestId('pin-dots').getAttribute('data-count')).toBe('0');
    await tech.screenshot({ path: join(artifacts, 'technician-refusal.png'), fullPage: true, animations: 'disabled' });

    // The right PIN: technician mode, actor and since in the header.
    await typePin(tech, technicianCard.pin);
    expect(await domDump(tech)).not.toContain(technicianCard.pin);
    await tech.getByTestId('pin-submit').click();
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

    // The audit log shows what happened, newest first.
    await tech.getByTestId('audit-reload').click();
    await expect
      .poll(async () => (await tech.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')))).slice(0, 5))
      .toEqual(['cabinetOpened', 'testLight', 'testCard', 'outOfService', 'technician.login']);
    await dock.screenshot({ path: join(artifacts, 'dev-dock-cabinet-open.png'), fullPage: true, animations: 'disabled' });

    // The daemon offers the printer's test page and scans: the page offers both and shows results.
    await tech.getByTestId('print-test-run').click();
    await expect.poll(() => tech.getByTestId('print-test-result').getAttribute('data-outcome'), { timeout: 60_000 }).toBe('printed');
    await tech.getByTestId('scan-test-run').click();
    await expect.poll(() => tech.getByTestId('scan-test-result').getAttribute('data-outcome'), { timeout: 60_000 }).not.toBeNull();
    await tech.getByTestId('audit-reload').click();
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
    await tech.getByTestId('pin-submit').click();
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
