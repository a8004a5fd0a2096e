// The kiosk UI in a real Chromium against the real daemon (`kiosk run --sim`): the attract
// screen in both languages, the status strip against the daemon's status, touch-target and
// font sizes, reconnection after a daemon restart, and the technician page.
// The UI must be built first (`vite build --config kiosk-ui/vite.config.ts`; the test runner
// does it); when kiosk-ui/dist is missing this file builds it.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../contract/protocol/catalogue.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { requireSystemTool } from '../support/system-stack.ts';
import { connect } from '../support/ws-client.ts';
import { artifacts, badgeState, buttonSizes, ensureUiBuilt, htmlLang, launchChromium, panels, smallText, viewport, watchErrors } from './browser-kit.ts';
import { tapInView } from './on-screen-keys.ts';

const hasChromium = requireSystemTool('chromium', 'chromium');
const deviceKinds = ['cardReader', 'printer', 'scanner', 'gpio', 'idCardReader'] as const;

async function daemonStatus(daemon: RunningDaemon): Promise<KioskStatus> {
  const response = await fetch(new URL('/api/health', daemon.url));
  expect(response.status).toBe(200);
  return (await response.json()) as KioskStatus;
}

/** The state tag each status chip (or technician tile) shows, by device. */
async function shownStates(page: Page, testId: string): Promise<Record<string, string | null>> {
  const shown: Record<string, string | null> = {};
  for (const element of await page.getByTestId(testId).all()) {
    shown[(await element.getAttribute('data-device')) ?? '?'] = await element.getAttribute('data-state');
  }
  return shown;
}

const expectedStates = (status: KioskStatus): Record<string, string> =>
  Object.fromEntries(deviceKinds.map((kind) => [kind, status.devices[kind].state]));

describe.skipIf(!hasChromium)('kiosk UI in Chromium', () => {
  let browser: Browser;
  let daemon: RunningDaemon;

  beforeAll(async () => {
    await ensureUiBuilt();
    [browser, daemon] = await Promise.all([launchChromium(), startDaemon()]);
  });

  afterAll(async () => {
    // Either may be missing when beforeAll failed half-way.
    await (browser as Browser | undefined)?.close();
    await (daemon as RunningDaemon | undefined)?.stop();
  });

  it('shows the attract screen in Chinese, the daemon device states, and switches to English', async () => {
    const page = await browser.newPage({ viewport });
    const errors = watchErrors(page);
    await page.goto(daemon.url);

    await expect.poll(() => badgeState(page)).toBe('open');
    expect(await htmlLang(page)).toBe('zh-CN');
    await expect.poll(() => page.title()).toBe('中国电子口岸 IC 卡自助服务');
    expect(await page.getByTestId('welcome').textContent()).toContain('中国电子口岸 IC 卡自助服务');
    // Three groups, each saying what to bring; the card services are the second level.
    expect(await page.getByTestId('service-group').allTextContents()).toEqual([
      expect.stringContaining('IC 卡业务'),
      expect.stringContaining('操作员卡管理'),
      expect.stringContaining('材料预审'),
    ]);
    expect(await page.getByTestId('tile-bring').allTextContents()).toEqual([
      expect.stringContaining('携带'),
      expect.stringContaining('法人卡及密码'),
      expect.stringContaining('携带'),
    ]);
    await tapInView(page, page.locator('[data-group="cards"]'), 'the card services group');
    expect(await page.getByTestId('service-tile').allTextContents()).toEqual([
      expect.stringContaining('解锁'),
      expect.stringContaining('证书延期'),
      expect.stringContaining('卡片查询'),
      expect.stringContaining('修改密码'),
    ]);
    expect(await page.getByTestId('tile-bring').count()).toBe(4);
    await page.screenshot({ path: join(artifacts, 'attract-card-services-zh.png'), animations: 'disabled' });
    await tapInView(page, page.getByTestId('attract-back'), 'attract-back');
    await page.getByTestId('service-tile').first().waitFor({ state: 'detached' });

    // The strip shows what the daemon reports, device by device, in words.
    await expect.poll(async () => (await shownStates(page, 'device-chip')).cardReader, { timeout: 10_000 }).not.toBe('unknown');
    await expect.poll(async () => [await shownStates(page, 'device-chip'), expectedStates(await daemonStatus(daemon))]).toSatisfy(
      ([shown, expected]) => JSON.stringify(shown) === JSON.stringify(expected),
    );
    const chipsZh = await page.getByTestId('device-chip').allTextContents();
    expect(chipsZh.map((text) => text.replace(/\s+/g, ''))).toEqual([
      expect.stringMatching(/^读卡器/),
      expect.stringMatching(/^打印机/),
      expect.stringMatching(/^扫描仪/),
      expect.stringMatching(/^指示灯/),
      expect.stringMatching(/^身份证阅读器/),
    ]);

    for (const size of await buttonSizes(page)) {
      expect(size.width, size.label).toBeGreaterThanOrEqual(48);
      expect(size.height, size.label).toBeGreaterThanOrEqual(48);
    }
    expect(await smallText(page, 20)).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'attract-zh.png'), animations: 'disabled' });

    await tapInView(page, page.getByTestId('language-toggle'), 'language-toggle');
    await expect.poll(() => htmlLang(page)).toBe('en');
    expect(await page.getByTestId('welcome').textContent()).toContain('China E-Port IC Card Self-Service');
    expect(await page.title()).toBe('China E-Port IC Card Self-Service');
    expect(await page.getByTestId('language-toggle').textContent()).toContain('中文');
    const chipsEn = await page.getByTestId('device-chip').allTextContents();
    expect(chipsEn[0]).toContain('Card reader');
    expect(chipsEn).not.toEqual(chipsZh);
    expect(await smallText(page, 20)).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'attract-en.png'), animations: 'disabled' });

    // The intake tile asks which business first; back returns to the tiles.
    await tapInView(page, page.locator('[data-group="papers"]'), 'the paper checks group');
    expect(await page.getByTestId('intake-business').count()).toBe(5);
    for (const size of await buttonSizes(page)) {
      expect(size.height, size.label).toBeGreaterThanOrEqual(48);
      expect(size.width, size.label).toBeGreaterThanOrEqual(48);
    }
    await page.screenshot({ path: join(artifacts, 'attract-intake-choice-en.png'), animations: 'disabled' });
    await tapInView(page, page.getByTestId('intake-choice-back'), 'intake-choice-back');
    await page.getByTestId('intake-business').first().waitFor({ state: 'detached' });

    await tapInView(page, page.getByTestId('language-toggle'), 'language-toggle');
    await expect.poll(() => htmlLang(page)).toBe('zh-CN');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('warns, then ends an abandoned flow and returns to Chinese after the inactivity timeout', async () => {
    const page = await browser.newPage({ viewport });
    await page.goto(new URL('/?idle=1', daemon.url).href);
    await expect.poll(() => badgeState(page)).toBe('open');
    await tapInView(page, page.getByTestId('language-toggle'), 'language-toggle');
    // A flow started and left alone: the warning counts down, then the kiosk starts over.
    await tapInView(page, page.locator('[data-group="cards"]'), 'the card services group');
    await tapInView(page, page.locator('[data-service="query"]'), 'the query tile');
    await page.locator('[data-testid="flow-screen"][data-screen="insertCard"]').waitFor();
    expect(await htmlLang(page)).toBe('en');
    await page.getByTestId('idle-warning').waitFor({ timeout: 5_000 });
    await expect.poll(() => htmlLang(page), { timeout: 8_000 }).toBe('zh-CN');
    expect(await page.getByTestId('flow-screen').count()).toBe(0);
    expect(await page.getByTestId('welcome').count()).toBe(1);
    await page.close();
  });

  it('shows the disconnected overlay when the daemon stops and reconnects by itself', { timeout: 90_000 }, async () => {
    let first: RunningDaemon | null = await startDaemon();
    let second: RunningDaemon | null = null;
    const page = await browser.newPage({ viewport });
    try {
      await page.goto(first.url);
      await expect.poll(() => badgeState(page)).toBe('open');
      expect(await page.getByTestId('disconnected-overlay').count()).toBe(0);

      const port = first.port;
      await first.stop('SIGTERM');
      first = null;
      await page.getByTestId('disconnected-overlay').waitFor({ timeout: 10_000 });
      expect(['reconnecting', 'connecting']).toContain(await badgeState(page));
      expect(await page.getByTestId('disconnected-overlay').textContent()).toContain('暂停服务');
      // Until the daemon answers again the devices are unknown, not their last state.
      expect(Object.values(await shownStates(page, 'device-chip'))).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
      await expect.poll(() => page.getByTestId('disconnected-overlay').getByTestId('connection-badge').textContent()).toMatch(/\d+ 秒后重新连接|正在连接/);
      await page.screenshot({ path: join(artifacts, 'disconnected-zh.png'), animations: 'disabled' });

      second = await startDaemon({ port });
      await expect.poll(() => badgeState(page), { timeout: 30_000 }).toBe('open');
      await page.getByTestId('disconnected-overlay').waitFor({ state: 'detached' });
      // Common.Status was fetched again on the new connection.
      const daemonNow = second;
      await expect.poll(async () => [await shownStates(page, 'device-chip'), expectedStates(await daemonStatus(daemonNow))]).toSatisfy(
        ([shown, expected]) => JSON.stringify(shown) === JSON.stringify(expected),
      );
    } finally {
      await page.close();
      await first?.stop();
      await second?.stop();
    }
  });

  it('keeps the header on one line while reconnecting in English on a portrait panel, the countdown moving', { timeout: 90_000 }, async () => {
    const own = await startDaemon();
    let stopped = false;
    const page = await browser.newPage({ viewport: panels.portrait });
    try {
      await page.goto(own.url);
      await expect.poll(() => badgeState(page)).toBe('open');
      await tapInView(page, page.getByTestId('language-toggle'), 'language-toggle');
      await expect.poll(() => htmlLang(page)).toBe('en');
      const headerHeight = async (): Promise<number> => (await page.locator('kiosk-app header').boundingBox())?.height ?? 0;
      const before = await headerHeight();

      await own.stop('SIGTERM');
      stopped = true;
      await expect.poll(() => page.getByTestId('header-connection').getByTestId('connection-badge').textContent(), { timeout: 20_000 }).toMatch(/Reconnecting in \d+ s/);
      expect(await headerHeight()).toBe(before);
      // The countdown moves: over a few seconds the badge shows more than one number.
      const seen = new Set<string>();
      for (const deadline = Date.now() + 6_000; Date.now() < deadline; ) {
        const text = (await page.getByTestId('header-connection').getByTestId('connection-badge').textContent()) ?? '';
        const seconds = /(\d+) s/.exec(text)?.[1];
        if (seconds !== undefined) seen.add(seconds);
        await page.waitForTimeout(200);
      }
      expect(seen.size, `numbers seen: ${[...seen].join(', ')}`).toBeGreaterThan(1);
      await page.screenshot({ path: join(artifacts, 'reconnecting-portrait-en.png'), animations: 'disabled' });
    } finally {
      await page.close();
      if (!stopped) await own.stop();
    }
  });

  it('serves the technician page read-only until a technician logs in', async () => {
    const page = await browser.newPage({ viewport });
    const errors = watchErrors(page);
    await page.goto(new URL('/technician/', daemon.url).href);
    await expect.poll(() => badgeState(page)).toBe('open');
    expect(await htmlLang(page)).toBe('zh-CN');
    expect(await page.getByTestId('technician-banner').textContent()).toContain('只显示设备状态');
    await expect.poll(async () => [await shownStates(page, 'device-tile'), expectedStates(await daemonStatus(daemon))]).toSatisfy(
      ([shown, expected]) => JSON.stringify(shown) === JSON.stringify(expected),
    );
    expect(await page.getByTestId('kiosk-summary').textContent()).toContain((await daemonStatus(daemon)).kioskId);
    // Read-only: the login panel and no technician console; without a card the PIN pad is off.
    await page.getByTestId('login-panel').waitFor();
    expect(await page.getByTestId('technician-console').count()).toBe(0);
    expect(await page.getByTestId('pin-key').first().isDisabled()).toBe(true);
    for (const size of await buttonSizes(page)) {
      expect(size.width, size.label).toBeGreaterThanOrEqual(48);
      expect(size.height, size.label).toBeGreaterThanOrEqual(48);
    }
    expect(await smallText(page, 20)).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'technician-zh.png'), fullPage: true, animations: 'disabled' });

    await tapInView(page, page.getByTestId('language-toggle'), 'language-toggle');
    await expect.poll(() => htmlLang(page)).toBe('en');
    expect(await page.getByTestId('technician-banner').textContent()).toContain('technician mode');
    await page.screenshot({ path: join(artifacts, 'technician-en.png'), fullPage: true, animations: 'disabled' });
    expect(errors).toEqual([]);
    await page.close();
  });

  // Last: the cabinet opened keeps the kiosk out of service for the rest of this daemon's life.
  it('says out of service in the strip and instead of the prompt, and that receipts cannot print while the printer is out of paper', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport });
    const errors = watchErrors(page);
    const hand = await connect(daemon.wsUrl);
    let requestId = 0;
    const sim = async (name: string, payload: Record<string, unknown>): Promise<void> => {
      requestId += 1;
      hand.command(name, requestId, payload);
      expect((await hand.completion(requestId)).header.completionCode).toBe('success');
    };
    try {
      await page.goto(daemon.url);
      await expect.poll(() => badgeState(page)).toBe('open');
      expect(await page.getByTestId('service-chip').count()).toBe(0);
      expect(await page.getByTestId('attract-prompt').textContent()).toContain('请选择要办理的业务');

      // No paper: the services stay, the receipts cannot print, and the screen says so first.
      await sim('Sim.PrinterPaper', { paper: 'out' });
      await page.getByTestId('receipts-unavailable').waitFor();
      expect(await page.getByTestId('receipts-unavailable').textContent()).toContain('凭条');
      expect(await page.getByTestId('service-group').first().isDisabled()).toBe(false);
      await page.screenshot({ path: join(artifacts, 'attract-no-paper.png'), animations: 'disabled' });
      await sim('Sim.PrinterPaper', { paper: 'full' });
      await page.getByTestId('receipts-unavailable').waitFor({ state: 'detached' });
      // The cabinet opened: out of service, said where the agent looks first.
      await sim('Sim.SetInput', { input: 'tamper', active: true });
      await page.getByTestId('service-chip').waitFor();
      expect(await page.getByTestId('service-chip').textContent()).toContain('暂停服务');
      expect(await page.getByTestId('attract-prompt').textContent()).not.toContain('请选择');
      expect(await page.getByTestId('attract-prompt').textContent()).toContain('暂停服务');
      expect(await page.getByTestId('service-group').first().isDisabled()).toBe(true);
      await page.screenshot({ path: join(artifacts, 'attract-out-of-service.png'), animations: 'disabled' });
      // A tamper stays until a technician clears it: this test runs last in the file.

      expect(errors).toEqual([]);
    } finally {
      hand.close();
      await page.close();
    }
  });
});
