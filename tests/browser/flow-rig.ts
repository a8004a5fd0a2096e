// The shared rig of the end-to-end flow tests: a real `kiosk run --sim --sim-stacks system`
// (pcscd + vpcd card, socat pty printer, scanimage + SANE pnm scanner) with the kiosk page in
// headless Chromium, and a tool connection (no Origin) for the dev dock's hands (Sim.*). Every
// screen reached gets a screenshot under test-artifacts/browser/flows/<testName>/; the first time
// a screen shows in a test it is also checked: axe-core (WCAG 2.1 AA), touch targets ≥ 48 px,
// text ≥ 20 px, no message key or {placeholder} shown as text. What fails those checks is
// collected in `violations`, for the test to assert empty.
// The stack is asked for with requireFlowStack(), for `describe.skipIf(!haveStack)`: like every
// stack test (tests/support/system-stack.ts), a missing tool skips the file's tests outside CI,
// counted loudly by scripts/test.ts, and fails them in CI (CI=true), where they must run for real.
// One rig may serve a whole test file (openFlowRig in beforeAll, begin(name) in each test): pcscd
// is one per machine, so the file holds it, and waiting for it is the hook's time, not a test's.
// Tests that each need a daemon of their own (a card renewed stays renewed in its state) share
// the rest instead: openFlowStack in beforeAll holds pcscd and Chromium for the file, and each
// openFlowRig({ stack }) starts only a daemon and a fresh browser context. Chromium's first page
// costs seconds (the renderer, its fonts); a page in a running Chromium, a fraction of that.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { FlowView, ScreenName } from '../../contract/flow-view.ts';
import { simPrinterDir } from '../../daemon/devices/printer-device.ts';
import { dictionaries } from '../../kiosk-ui/src/i18n.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { pcscStackTools, startPcscd, type Pcscd } from '../support/pcscd.ts';
import { hasSystemTool, requireSystemTools } from '../support/system-stack.ts';
import { connect, type Received, type TestClient } from '../support/ws-client.ts';
import { axeViolations } from './axe-check.ts';
import { artifacts, badgeState, buttonSizes, ensureUiBuilt, launchChromium, panels, smallText, watchErrors, type Panel } from './browser-kit.ts';
import { tapInView } from './on-screen-keys.ts';
import { groupOf } from '../../kiosk-ui/src/service-groups.ts';

export { panels, settingName, settings, type Panel, type Setting } from './browser-kit.ts';

/** A screen of a flow, or the attract screen (no flow showing). */
export type RigScreen = ScreenName | 'attract';

/** The system tools the flows need, by binary (or file, for vpcd) and Debian package. */
export const flowStackTools: readonly (readonly [string, string])[] = [
  ['chromium', 'chromium'],
  ...pcscStackTools,
  ['socat', 'socat'],
  ['scanimage', 'sane-utils'],
];

/**
 * True when every tool of the stack is here. Outside CI a missing one is logged for the skip
 * count and the answer is false (skip the tests); in CI it throws, failing the test file.
 */
export function requireFlowStack(): boolean {
  return requireSystemTools(flowStackTools);
}

export interface ExpectScreenOptions {
  /** How long to wait for the screen (default 20 s). */
  timeout?: number;
  /** Added to the screenshot's file name, e.g. 'pin-refused'. */
  label?: string;
  /** Run the checks again even when this screen was checked already (a new state of it). */
  recheck?: boolean;
}

export interface FlowRigOptions {
  /** Extra environment for the daemon (e.g. KIOSK_FAULT_INJECT). */
  env?: Record<string, string>;
  /** Extra `kiosk run` arguments after `--sim --sim-stacks system`. */
  args?: string[];
  /** The panel of the first test (default landscape); begin() may change it. */
  panel?: Panel;
  /** The language of the first test (default Chinese); begin() may change it. */
  language?: 'zh' | 'en';
  /** pcscd and Chromium held by the test file (openFlowStack): the rig then starts neither, nor stops them. */
  stack?: FlowStack;
}

/** pcscd and Chromium, held by a test file for its rigs, each rig with a daemon of its own. */
export interface FlowStack {
  pcscd: Pcscd;
  browser: Browser;
  /** Stops Chromium and pcscd (releasing pcscd's machine-wide lock). */
  close(): Promise<void>;
}

export interface BeginOptions {
  /** The panel for this test (default: the rig's). */
  panel?: Panel;
  /** English is chosen by tapping the language toggle on the attract screen (default Chinese). */
  language?: 'zh' | 'en';
}

export interface FlowRig {
  /** The running daemon (url, stateDir, logs, waitForLog). */
  daemon: RunningDaemon;
  /** The kiosk page in Chromium, connected to the daemon. */
  page: Page;
  /** The tool connection (no Origin): sees every Kiosk.FlowChanged push too. */
  tool: TestClient;
  /** Where the virtual printer writes receipts (receipt-NNNN.txt / .png). */
  printerDir: string;
  /** Accessibility and size findings so far, one line each, prefixed by the screen. */
  violations: string[];
  /** Page errors and console errors/warnings so far (watchErrors). */
  errors: string[];
  /** Sends a command over the tool connection and returns its completion, whatever the code. */
  call(name: string, payload?: Record<string, unknown>, timeoutMs?: number): Promise<Received>;
  /** Sends a command (Sim.* typically) and returns its payload; throws unless it succeeded. */
  sim(name: string, payload?: Record<string, unknown>, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Screenshot of the page now, as NN-<screen>-<label>.png. */
  shot(label?: string): Promise<string>;
  /** Waits for the screen, screenshots it, checks it the first time it shows (axe, ≥ 48 px, ≥ 20 px). */
  expectScreen(screen: RigScreen, options?: ExpectScreenOptions): Promise<void>;
  /** The screen the page shows now ('attract' when no flow is showing). */
  currentScreen(): Promise<RigScreen>;
  /** The last view the daemon pushed (Kiosk.FlowChanged), null on the attract screen. */
  lastView(): FlowView | null;
  /** Taps the digits on the on-screen PIN pad, then OK. */
  enterPin(digits: string): Promise<void>;
  /** Taps the (first visible) element with this data-testid, through shadow roots: it must be wholly on screen and not covered. */
  tap(testId: string): Promise<void>;
  /** Taps this element as a finger would (tapInView): wholly on screen and not covered. */
  tapOn(target: Locator, what: string): Promise<void>;
  /** Taps the attract screen's tiles to this flow: its group, then (card services) its tile. */
  startFlow(flow: FlowView['flow']): Promise<void>;
  /**
   * Starts the next test on the same stack (one rig per file, opened in beforeAll): a fresh page
   * on the attract screen in Chinese, its own screenshot folder, no violations or errors yet.
   */
  begin(testName: string, options?: BeginOptions): Promise<void>;
  /** Stops the browser context (and Chromium), the tool connection, the daemon and pcscd: whatever the rig started, not the stack's. */
  close(): Promise<void>;
}

const flowScreen = '[data-testid="flow-screen"]';

/** Files of one test: test-artifacts/browser/flows/<testName>/, emptied first. */
function shotDir(testName: string): string {
  const dir = join(artifacts, 'flows', testName);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every message key of the UI: one shown as text means a missing translation. */
const messageKeys: readonly string[] = Object.keys(dictionaries['zh-CN']);

/** The text of every rendered text node, through every shadow root. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (element.getClientRects().length === 0) continue;
        for (const node of element.childNodes) {
          const text = node.nodeType === Node.TEXT_NODE ? (node.textContent?.trim() ?? '') : '';
          if (text !== '') texts.push(text);
        }
      }
    };
    visit(document);
    return texts;
  });
}

/**
 * Chinese text whose last line holds one lone character ("…有限公" over "司"): leaf elements only,
 * their lines grouped by top; a last line narrower than 1.5 em is one character.
 */
function loneCharacterLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        const text = element.textContent.trim();
        if (element.children.length > 0 || text.length < 3 || !/[\u4e00-\u9fff]/u.test(text)) continue;
        const range = document.createRange();
        range.selectNodeContents(element);
        const lines = new Map<number, number>();
        for (const rect of range.getClientRects()) {
          if (rect.width === 0) continue;
          const top = [...lines.keys()].find((line) => Math.abs(line - rect.top) < 4) ?? rect.top;
          lines.set(top, (lines.get(top) ?? 0) + rect.width);
        }
        if (lines.size < 2) continue;
        const lastTop = Math.max(...lines.keys());
        const fontSize = Number.parseFloat(getComputedStyle(element).fontSize);
        if ((lines.get(lastTop) ?? 0) < 1.5 * fontSize) found.push(text);
      }
    };
    visit(document);
    return found;
  });
}

/** What the page fails of the kiosk's rules: axe-core, targets ≥ 48 px, text ≥ 20 px, words not keys, no lone character. */
async function screenFindings(page: Page): Promise<string[]> {
  const findings = await axeViolations(page);
  for (const size of await buttonSizes(page)) {
    if (size.width < 48 || size.height < 48) findings.push(`target < 48 px: "${size.label}" ${Math.round(size.width)}×${Math.round(size.height)}`);
  }
  for (const text of await smallText(page, 20)) findings.push(`text < 20 px: ${text}`);
  for (const text of await loneCharacterLines(page)) findings.push(`a lone character on the last line of: ${text}`);
  for (const text of await visibleTexts(page)) {
    if (messageKeys.includes(text)) findings.push(`untranslated message key shown: ${text}`);
    if (/\{[A-Za-z]+\}/.test(text)) findings.push(`unfilled placeholder shown: ${text}`);
  }
  return findings;
}

function assertFlowStack(what: string): void {
  const missing = flowStackTools.filter(([binary]) => !hasSystemTool(binary)).map(([binary]) => binary);
  if (missing.length > 0) throw new Error(`${what} without the flow stack (${missing.join(', ')}): guard the tests with describe.skipIf(!requireFlowStack())`);
}

/** Starts pcscd (holding the machine-wide lock until close) and Chromium, for a test file's rigs. */
export async function openFlowStack(): Promise<FlowStack> {
  assertFlowStack('openFlowStack');
  await ensureUiBuilt();
  const pcscd = await startPcscd();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await pcscd.stop();
    throw error;
  }
  return {
    pcscd,
    browser,
    close: async () => {
      await browser.close().catch((error: unknown) => console.warn('flow stack cleanup:', error));
      await pcscd.stop();
    },
  };
}

/**
 * Starts pcscd (holding the machine-wide lock until close), the daemon over the system stacks,
 * Chromium on the kiosk page and the tool connection; with `options.stack`, only the daemon, a
 * browser context on the stack's Chromium and the tool connection. On a failure half-way it stops
 * what it started and rethrows.
 */
export async function openFlowRig(testName: string, options: FlowRigOptions = {}): Promise<FlowRig> {
  assertFlowStack('openFlowRig');
  const dir = shotDir(testName);
  const { stack } = options;
  let pcscd: Pcscd | null = null;
  let daemon: RunningDaemon | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  let tool: TestClient | null = null;

  const stopAll = async (): Promise<void> => {
    // Each step on its own: one failing must not leave the others running.
    const steps: (() => Promise<unknown>)[] = [
      async () => context?.close(),
      async () => browser?.close(),
      async () => tool?.close(),
      async () => daemon?.stop(),
      async () => pcscd?.stop(),
    ];
    for (const step of steps) await step().catch((error: unknown) => console.warn('flow rig cleanup:', error));
    context = null;
    browser = null;
    tool = null;
    daemon = null;
    pcscd = null;
  };

  try {
    await ensureUiBuilt();
    if (stack === undefined) pcscd = await startPcscd();
    const startDaemonHere = startDaemon({ args: ['--sim-stacks', 'system', ...(options.args ?? [])], ...(options.env && { env: options.env }) });
    const started = await Promise.all([startDaemonHere, stack === undefined ? launchChromium() : null]);
    daemon = started[0];
    browser = started[1];
    tool = await connect(daemon.wsUrl);
    context = await (stack?.browser ?? (browser as Browser)).newContext({ viewport: panels[options.panel ?? 'landscape'] });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await loadKiosk(page, daemon, options.language ?? 'zh');
    return makeRig({ daemon, page, tool, dir, errors, stopAll });
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Loads the kiosk page and waits until it is connected and shows the service tiles; English is
 * chosen as an agent would, by tapping the language toggle.
 */
async function loadKiosk(page: Page, daemon: RunningDaemon, language: 'zh' | 'en'): Promise<void> {
  // A long inactivity timeout: a slow scan on a 2-core CI machine must not end the flow.
  await page.goto(new URL('/?idle=600', daemon.url).href);
  const waitOpen = Date.now() + 15_000;
  while ((await badgeState(page)) !== 'open') {
    if (Date.now() > waitOpen) throw new Error('the kiosk page did not connect to the daemon');
    await page.waitForTimeout(50);
  }
  await page.getByTestId('service-group').first().waitFor();
  if (language === 'en') {
    await tapInView(page, page.getByTestId('language-toggle'), 'the language toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
}

interface RigParts {
  daemon: RunningDaemon;
  page: Page;
  tool: TestClient;
  dir: string;
  errors: string[];
  stopAll: () => Promise<void>;
}

function makeRig({ daemon, page, tool, dir: firstDir, errors, stopAll }: RigParts): FlowRig {
  const violations: string[] = [];
  const checked = new Set<RigScreen>();
  let dir = firstDir;
  let shots = 0;
  let nextId = 1;

  const call = async (name: string, payload: Record<string, unknown> = {}, timeoutMs = 20_000): Promise<Received> => {
    const requestId = nextId++;
    tool.command(name, requestId, payload, timeoutMs);
    return tool.completion(requestId, timeoutMs + 5_000);
  };

  const currentScreen = async (): Promise<RigScreen> => {
    const screen = page.locator(flowScreen);
    if ((await screen.count()) === 0) return 'attract';
    return ((await screen.first().getAttribute('data-screen')) ?? 'attract') as RigScreen;
  };

  let opened = Date.now();
  const shot = async (label = ''): Promise<string> => {
    shots += 1;
    const name = `${String(shots).padStart(2, '0')}-${await currentScreen()}${label === '' ? '' : `-${label}`}.png`;
    // KIOSK_RIG_TRACE=1: when each screen showed, to see where a slow test spends its time.
    if (process.env.KIOSK_RIG_TRACE === '1') console.info(`[rig ${Date.now() - opened} ms] ${name}`);
    const path = join(dir, name);
    await page.screenshot({ path, animations: 'disabled' });
    return path;
  };

  const waitForScreen = async (screen: RigScreen, timeout: number): Promise<void> => {
    if (screen === 'attract') {
      await page.locator(flowScreen).first().waitFor({ state: 'detached', timeout });
      await page.getByTestId('welcome').waitFor({ timeout });
      return;
    }
    // The failed screen only leads home: waiting on for another screen would only wait out the timeout.
    const wanted = page.locator(`${flowScreen}[data-screen="${screen}"]`);
    const failed = page.locator(`${flowScreen}[data-screen="failed"]`);
    await (screen === 'failed' ? wanted : wanted.or(failed)).first().waitFor({ timeout });
    if (screen !== 'failed' && (await wanted.count()) === 0) throw new Error('the flow failed');
  };

  const lastView = (): FlowView | null => {
    for (let index = tool.received.length - 1; index >= 0; index--) {
      const message = tool.received[index];
      if (message?.header.name === 'Kiosk.FlowChanged') return (message.payload as { view: FlowView | null }).view;
    }
    return null;
  };

  /**
   * Waits until the page shows the last view the daemon pushed (the tool connection may hear of
   * it first): a tap aimed at the screen that was, landing on the screen that comes, would press
   * whatever button the new screen has in that place.
   */
  const settled = async (): Promise<void> => {
    const view = lastView();
    if (view === null) return;
    const shown = page.locator(flowScreen).first();
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const revision = Number(await shown.getAttribute('data-revision', { timeout: 1_000 }).catch(() => Number.NaN));
      if (revision >= view.revision) return;
      await page.waitForTimeout(25);
    }
  };

  return {
    daemon,
    page,
    tool,
    printerDir: simPrinterDir(daemon.stateDir),
    violations,
    errors,
    call,
    sim: async (name, payload = {}, timeoutMs) => {
      const completion = await call(name, payload, timeoutMs);
      if (completion.header.completionCode !== 'success') {
        throw new Error(`${name} ${JSON.stringify(payload)}: ${completion.header.completionCode ?? '?'} ${completion.header.errorDescription ?? ''} ${JSON.stringify(completion.payload)}`);
      }
      return completion.payload;
    },
    shot,
    expectScreen: async (screen, { timeout = 20_000, label, recheck = false } = {}) => {
      try {
        await waitForScreen(screen, timeout);
      } catch (error) {
        // What the page showed instead, as a picture and in the message.
        const showing = await currentScreen().catch(() => 'unknown');
        await shot(`instead-of-${screen}`).catch(() => undefined);
        throw new Error(`expected the ${screen} screen within ${timeout} ms; the page shows ${showing}; last view pushed: ${JSON.stringify(lastView()?.screen ?? null)}`, { cause: error });
      }
      // Let Lit finish the inner elements and the fonts settle before the picture and the checks.
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(resolve))));
      await shot(label);
      if (checked.has(screen) && !recheck) return;
      checked.add(screen);
      for (const finding of await screenFindings(page)) violations.push(`${screen}${label === undefined ? '' : ` (${label})`}: ${finding}`);
    },
    currentScreen,
    lastView,
    enterPin: async (digits) => {
      await settled();
      for (const digit of digits) await tapInView(page, page.locator(`[data-testid="pin-key"][data-digit="${digit}"]`), `the PIN key ${digit}`);
      await tapInView(page, page.getByTestId('pin-ok'), 'the PIN pad\'s OK');
    },
    tap: async (testId) => {
      await settled();
      await tapInView(page, page.getByTestId(testId).filter({ visible: true }).first(), testId);
    },
    tapOn: async (target, what) => {
      await settled();
      await tapInView(page, target, what);
    },
    startFlow: async (flow) => {
      // The first level is the groups; the card services are a second level, the paper checks a
      // choice (the test taps its business), operator-card management starts at once.
      const group = groupOf(flow);
      await tapInView(page, page.locator(`[data-testid="service-group"][data-group="${group}"]`), `the ${group} group`);
      if (group === 'cards') await tapInView(page, page.locator(`[data-testid="service-tile"][data-service="${flow}"]`), `the ${flow} tile`);
    },
    begin: async (testName, options = {}) => {
      dir = shotDir(testName);
      shots = 0;
      opened = Date.now();
      checked.clear();
      // Emptied in place: a test may hold on to the arrays.
      violations.length = 0;
      // Whatever a failed test left behind: a flow running, a card in, no paper, a jam.
      for (const [name, payload] of [
        ['Kiosk.EndFlow', { reason: 'canceled' }],
        ['Sim.RemoveCard', {}],
        ['Sim.PrinterPaper', { paper: 'full' }],
        ['Sim.ScannerFault', { fault: 'clear' }],
      ] as const) {
        await call(name, payload).catch(() => undefined);
      }
      if (options.panel !== undefined) await page.setViewportSize(panels[options.panel]);
      await loadKiosk(page, daemon, options.language ?? 'zh');
      errors.length = 0;
    },
    close: stopAll,
  };
}
