// Test support for the flows: FlowDeps over the simulated devices, all in-process — the virtual
// card reader, the embedded authority, the simulated scanner, a PrintService over the simulated
// printer, and a store in a temp dir — plus hooks that record what a flow pushed and journaled.
// Not a test itself; any flow's test (and the host's) may use it.
import type { OcrEngine } from '../../drivers/ocr/ocr-engine.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSimAuthority, type SimAuthority } from '../../sim/authority/sim-authority.ts';
import { AgentSessions } from '../../daemon/cards/agent-session.ts';
import type { StepHook } from '../../daemon/cards/card-operation.ts';
import { CardService } from '../../daemon/cards/card-service.ts';
import { ScannedPages } from '../../daemon/imaging/scanned-pages.ts';
import { chinaDay } from '../../daemon/intake/check.ts';
import { IntakeCapture, type IntakeCaptureDeps } from '../../daemon/intake/capture-session.ts';
import { silentLogger } from '../../daemon/log/logger.ts';
import { PrintService } from '../../daemon/printing/print-service.ts';
import type { FlowAction } from '../../contract/protocol/flow-messages.ts';
import { err } from '../../basics/result.ts';
import { openStore, type Store } from '../../daemon/store/store.ts';
import { openFixtureCard } from '../../sim/card/card-wallet.ts';
import { SimCardReader } from '../../sim/card/sim-card-reader.ts';
import { SimPrinter } from '../../sim/printer/sim-printer.ts';
import { SimScanner } from '../../sim/scanner/sim-scanner.ts';
import type { Business } from '../../contract/businesses.ts';
import type { Flow, FlowDeps, FlowHooks } from '../../daemon/flows/flow.ts';
import type { FlowScreen, ScreenName } from '../../contract/flow-view.ts';
import type { IdCardFixtureName } from '../../contract/sim-fixture-names.ts';
import type { IdCardReader } from '../../drivers/idcard/id-card-reader.ts';
import { NotFittedIdCardReader } from '../../drivers/idcard/not-fitted-id-card-reader.ts';
import { SamIdCardReader } from '../../drivers/idcard/sam-id-card-reader.ts';
import { inProcessLink } from '../../sim/idcard/in-process-link.ts';
import { VirtualSamModule } from '../../sim/idcard/virtual-sam-module.ts';

export interface FlowKit {
  deps: FlowDeps;
  dir: string;
  authority: SimAuthority;
  store: Store;
  reader: SimCardReader;
  scanner: SimScanner;
  printer: SimPrinter;
  pages: ScannedPages;
  /** The ID-card reader: the SAM driver on a virtual module with `idCardReader: true`, else none fitted. */
  idCards: IdCardReader;
  /** The package date the capture uses (China's today), for generating matching papers. */
  date: string;
  scanDpi: number;
  /** While true, the capture's authority cannot be reached to submit an intake package. */
  submitUnreachable: boolean;
  /** Called after each recorded step of an unlock or renewal (pull the card, …); reset per test. */
  onStep: StepHook;
  /** Starts the agent's session, as the host does before creating a flow. */
  startSession(business: Business): string;
  /** Puts the fixture's card in the reader and waits until the card service has read it. */
  insert(fixture: string): Promise<void>;
  remove(): void;
  /** Places the fixture's ID card on the simulated ID-card reader and waits until the driver saw it (read or failed). */
  placeIdCard(fixture: IdCardFixtureName): Promise<void>;
  /** Takes the ID card off and waits until the driver says so. */
  removeIdCard(): Promise<void>;
  /** Feeds the reader's status changes to the flow, as the host does. */
  attach(flow: Flow): void;
  close(): Promise<void>;
}

export interface FlowKitOptions {
  scanDpi?: number;
  /** A simulated ID-card reader (the SAM driver on an in-process module, no card on it); default: none fitted. */
  idCardReader?: boolean;
  /** Reads the papers (the kit does not close it: one engine serves a test file); default: none, the agent types. */
  ocr?: OcrEngine;
}

export async function openFlowKit(options: FlowKitOptions = {}): Promise<FlowKit> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-flow-'));
  const authority = await openSimAuthority({ stateDir: dir });
  const store = openStore(join(dir, 'kiosk.sqlite'));
  const sessions = new AgentSessions(store);
  const reader = new SimCardReader();
  await reader.start();
  let progress: ((operation: 'unlock' | 'renewal', step: string) => void) | null = null;
  const kit = { onStep: (async () => undefined) as StepHook, submitUnreachable: false };
  const cards = new CardService({
    reader,
    authority,
    store,
    logger: silentLogger,
    sessions,
    kioskId: 'TEST-FLOW',
    onStep: async (operation, step) => {
      progress?.(operation, step);
      await kit.onStep(operation, step);
    },
  });
  cards.start();
  const scanner = new SimScanner({ pageDelayMs: 1 });
  const pages = new ScannedPages();
  const scanDpi = options.scanDpi ?? 150;
  const date = chinaDay(new Date());
  // A fixed hour of that day, so the package date cannot roll over mid-test.
  const captureAuthority: IntakeCaptureDeps['authority'] = {
    lookupCard: (cardNo) => authority.lookupCard(cardNo),
    submitIntake: async (request) => (kit.submitUnreachable ? err({ kind: 'unreachable', detail: 'the test cut the line' }) : authority.submitIntake(request)),
  };
  const capture = new IntakeCapture({ sessions, scanner, pages, authority: captureAuthority, kioskId: 'TEST-FLOW', scan: { resolutionDpi: scanDpi, mode: 'color' }, now: () => new Date(`${date}T04:00:00Z`), ...(options.ocr !== undefined && { ocr: options.ocr }) });
  // Fast paper so the suite stays quick.
  const printer = new SimPrinter({ outDir: join(dir, 'receipts'), baud: 921_600, feedMmPerSecond: 2000, pollIntervalMs: 50 });
  await printer.start();
  await until(() => printer.status().state === 'online', 'the printer');
  const printService = new PrintService({ printer, jobs: store.printJobs, logger: silentLogger, kioskId: 'TEST-FLOW' });
  const detach: (() => void)[] = [];
  const samModule = options.idCardReader === true ? new VirtualSamModule({ fixture: 'agent', cardPlaced: false, baud: 921_600 }) : null;
  const idCards: IdCardReader =
    samModule === null ? new NotFittedIdCardReader() : new SamIdCardReader({ source: 'sim', device: 'simulated SAM module', baud: 921_600, open: inProcessLink(samModule), pollIntervalMs: 50 });
  await idCards.start();
  if (samModule !== null) await until(() => idCards.status().state === 'noCard', 'the ID-card reader');
  const deps: FlowDeps = {
    cards,
    reader,
    idCards,
    capture,
    authority,
    printer: printService,
    sessions,
    logger: silentLogger,
    kioskId: 'TEST-FLOW',
    now: () => new Date(),
    progress: { listen: (listener) => (progress = listener) },
  };
  return {
    deps,
    dir,
    authority,
    store,
    reader,
    scanner,
    printer,
    pages,
    idCards,
    date,
    scanDpi,
    get onStep() {
      return kit.onStep;
    },
    set onStep(hook: StepHook) {
      kit.onStep = hook;
    },
    get submitUnreachable() {
      return kit.submitUnreachable;
    },
    set submitUnreachable(value: boolean) {
      kit.submitUnreachable = value;
    },
    startSession: (business) => sessions.start(business).id,
    async insert(fixture) {
      const card = await openFixtureCard({ stateDir: dir, authority, fixture });
      if (!card.ok) throw new Error(card.error);
      reader.insert(card.value);
      await until(() => {
        const status = reader.status();
        return status.state === 'present' && status.card !== null;
      }, `card ${fixture} to be read`);
      await cards.settled();
    },
    remove: () => reader.remove(),
    async placeIdCard(fixture) {
      if (samModule === null) throw new Error('the kit has no ID-card reader (idCardReader: true)');
      samModule.place(fixture);
      await until(() => idCards.status().state === 'cardPresent' || idCards.status().state === 'error', `ID card ${fixture} to be read`);
    },
    async removeIdCard() {
      samModule?.remove();
      await until(() => idCards.status().state === 'noCard', 'the ID card to be taken off');
    },
    attach: (flow) => {
      detach.push(reader.onStatusChange((status) => flow.onCardReader(status)));
      detach.push(idCards.onStatusChange((status) => flow.onIdCardReader?.(status)));
    },
    async close() {
      for (const off of detach) off();
      await idCards.stop();
      cards.stop();
      await reader.stop();
      await printer.stop();
      store.close();
      authority.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RecordedHooks extends FlowHooks {
  journaled: { step: string; data: Record<string, unknown> }[];
  changes: () => number;
}

/** Hooks that remember every journal entry and count the pushes. */
export function recordingHooks(): RecordedHooks {
  const journaled: RecordedHooks['journaled'] = [];
  let changes = 0;
  return {
    journaled,
    changes: () => changes,
    changed: () => {
      changes++;
    },
    journal: (step, data = {}) => {
      journaled.push({ step, data });
    },
  };
}

export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits until the flow shows `name` (reader events make flows move on their own). */
export async function screenOf<N extends ScreenName>(flow: Flow, name: N, timeoutMs = 10_000): Promise<Extract<FlowScreen, { screen: N }>> {
  await until(() => flow.screen().screen === name, `screen ${name} (showing ${JSON.stringify(flow.screen())})`, timeoutMs);
  const screen = flow.screen();
  if (screen.screen !== name) throw new Error(`expected ${name}`);
  return screen as Extract<FlowScreen, { screen: N }>;
}

/** One action that must be accepted on the screen showing. */
export async function act(flow: Flow, action: FlowAction): Promise<FlowScreen> {
  const result = await flow.handle(action, new AbortController().signal);
  if (!result.ok) throw new Error(`${action.action} refused on ${result.error.screen}`);
  return flow.screen();
}
