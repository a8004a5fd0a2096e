// Benchmark of the agent's flows (issue 6): (1) a daemon push to the rendered screen in headless
// Chromium, p95 against 50 ms, with the WebSocket round trip of Common.Status as the baseline;
// (2) the kiosk page's bundle gzipped against 150 KB; (3) an unlock and a renewal end to end over
// the WebSocket with scripted input, in --sim mode. Prints figures; not a test.
// `npm run bench:flows` (env: BENCH_CYCLES, default 40 query cycles ≈ 160 pushes; BENCH_RUNS, default 3).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { FlowScreen, FlowView } from '../contract/flow-view.ts';
import { cardFixture } from '../sim/registry/sim-registry.ts';
import { badgeState, ensureUiBuilt, launchChromium, viewport } from '../tests/browser/browser-kit.ts';
import { repoRoot, startDaemon } from '../tests/support/daemon-process.ts';
import { connect, type TestClient } from '../tests/support/ws-client.ts';

const cycles = Number(process.env.BENCH_CYCLES ?? 40);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const renderBudgetMs = 50;
const bundleBudgetKb = 150;
const dist = join(repoRoot, 'kiosk-ui', 'dist');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
function percentile(values: number[], p: number): number {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
const median = (values: number[]): number => percentile(values, 50);
const fmt = (ms: number): string => (Number.isNaN(ms) ? '—' : `${ms.toFixed(ms < 10 ? 2 : ms < 1000 ? 1 : 0)} ms`);
const stats = (values: number[]): string => `n ${values.length}, median ${fmt(median(values))}, p95 ${fmt(percentile(values, 95))}, max ${fmt(sorted(values).at(-1) ?? NaN)}`;

/** A tool connection that stamps every message as it arrives (wall clock and monotonic). */
interface Tool {
  client: TestClient;
  /** arrivals[i] belongs to client.received[i]. */
  arrivals: { epoch: number; mono: number }[];
  call: (name: string, payload?: Record<string, unknown>, timeoutMs?: number) => Promise<{ code: string | undefined; payload: Record<string, unknown> }>;
}

async function openTool(wsUrl: string): Promise<Tool> {
  const client = await connect(wsUrl);
  const arrivals: Tool['arrivals'] = [];
  // Registered after ws-client's own listener, so indexes line up with client.received.
  client.ws.on('message', () => arrivals.push({ epoch: Date.now(), mono: performance.now() }));
  let nextId = 1;
  const call: Tool['call'] = async (name, payload = {}, timeoutMs = 60_000) => {
    const requestId = nextId++;
    client.command(name, requestId, payload, timeoutMs);
    const completion = await client.completion(requestId, timeoutMs + 5_000);
    return { code: completion.header.completionCode, payload: completion.payload };
  };
  return { client, arrivals, call };
}

async function must(tool: Tool, name: string, payload: Record<string, unknown> = {}, timeoutMs?: number): Promise<Record<string, unknown>> {
  const answer = await tool.call(name, payload, timeoutMs);
  if (answer.code !== 'success') throw new Error(`${name}: ${answer.code ?? '?'} ${JSON.stringify(answer.payload)}`);
  return answer.payload;
}

interface Push {
  view: FlowView | null;
  epoch: number;
  mono: number;
}

/** Every Kiosk.FlowChanged the tool has received from index `from` on. */
function pushesOf(tool: Tool, from = 0): Push[] {
  const pushes: Push[] = [];
  for (let i = from; i < tool.client.received.length; i++) {
    const message = tool.client.received[i];
    const arrival = tool.arrivals[i];
    if (message?.header.name !== 'Kiosk.FlowChanged' || arrival === undefined) continue;
    pushes.push({ view: (message.payload as { view: FlowView | null }).view, ...arrival });
  }
  return pushes;
}

/** Waits for a push after index `from` that matches. */
async function pushed(tool: Tool, from: number, match: (view: FlowView | null) => boolean, timeoutMs = 60_000): Promise<Push> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = pushesOf(tool, from).find((p) => match(p.view));
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no matching push within ${timeoutMs} ms; last: ${JSON.stringify(pushesOf(tool, from).at(-1)?.view?.screen)}`);
    await sleep(2);
  }
}

const onScreen = (screen: FlowScreen['screen']) => (view: FlowView | null) => view?.screen.screen === screen;

// ---------------------------------------------------------------------------------------------
// 1. Push to render.

interface PushToRender {
  latencies: number[];
  byScreen: Map<string, number[]>;
  pushes: number;
  missing: number;
  deliveries: number[];
  roundTrips: number[];
  clockOffsetMs: number;
  loadedAssets: string[];
}

async function pushToRender(): Promise<PushToRender> {
  await ensureUiBuilt();
  const daemon = await startDaemon();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(daemon.url);
    const connectBy = Date.now() + 15_000;
    while ((await badgeState(page)) !== 'open') {
      if (Date.now() > connectBy) throw new Error('the kiosk page did not connect');
      await sleep(20);
    }
    const tool = await openTool(daemon.wsUrl);

    // Warm-up cycle (first render of each screen loads fonts and styles), then the measured ones.
    const start = tool.client.received.length;
    let measuredFrom = start;
    for (let cycle = 0; cycle <= cycles; cycle++) {
      if (cycle === 1) measuredFrom = tool.client.received.length;
      let mark = tool.client.received.length;
      // Started from the page, as an agent does: the flow and its pushes are the page's (issue 13).
      await page.locator('[data-testid="service-group"][data-group="cards"]').click();
      await page.locator('[data-testid="service-tile"][data-service="query"]').click();
      await pushed(tool, mark, onScreen('insertCard'));
      await sleep(30);
      mark = tool.client.received.length;
      await must(tool, 'Sim.InsertCard', { fixture: 'legal-person' });
      await pushed(tool, mark, onScreen('cardStatus'));
      await sleep(30);
      mark = tool.client.received.length;
      await must(tool, 'Kiosk.EndFlow', { reason: 'canceled' });
      await pushed(tool, mark, onScreen('takeCard'));
      await sleep(30);
      mark = tool.client.received.length;
      await must(tool, 'Sim.RemoveCard');
      await pushed(tool, mark, (view) => view === null);
      await sleep(30);
    }
    await sleep(200); // the last marks are taken at the next frame

    const views = pushesOf(tool, measuredFrom).flatMap((p) => (p.view === null ? [] : [{ view: p.view, epoch: p.epoch }]));
    const page_ = await page.evaluate(() => ({
      marks: performance.getEntriesByName('flow-rendered').map((entry) => ({ startTime: entry.startTime, detail: (entry as PerformanceMark).detail as unknown })),
      timeOrigin: performance.timeOrigin,
      // timeOrigin + now() runs on the monotonic clock; Date.now() is the wall clock the daemon uses.
      clockOffset: Date.now() - (performance.timeOrigin + performance.now()),
      assets: performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/assets/')),
    }));
    const rendered = new Map<string, number>();
    for (const mark of page_.marks) {
      const detail = mark.detail as { flowId: string; revision: number } | null;
      if (detail !== null) rendered.set(`${detail.flowId}#${detail.revision}`, page_.timeOrigin + mark.startTime + page_.clockOffset);
    }
    const latencies: number[] = [];
    const byScreen = new Map<string, number[]>();
    const deliveries: number[] = [];
    let missing = 0;
    for (const { view, epoch } of views) {
      deliveries.push(epoch - view.pushedAt);
      const at = rendered.get(`${view.flowId}#${view.revision}`);
      if (at === undefined) missing++;
      else {
        latencies.push(at - view.pushedAt);
        byScreen.set(view.screen.screen, [...(byScreen.get(view.screen.screen) ?? []), at - view.pushedAt]);
      }
    }

    // Baseline in the same run: sequential Common.Status round trips on a fresh connection,
    // within its burst budget (200 at once, 100 per second).
    tool.client.close();
    const baseline = await openTool(daemon.wsUrl);
    const roundTrips: number[] = [];
    for (let i = 0; i < 180; i++) {
      const t0 = performance.now();
      await must(baseline, 'Common.Status');
      if (i >= 30) roundTrips.push(performance.now() - t0);
    }
    baseline.client.close();
    return { latencies, byScreen, pushes: views.length, missing, deliveries, roundTrips, clockOffsetMs: page_.clockOffset, loadedAssets: [...new Set(page_.assets)] };
  } finally {
    await browser.close();
    await daemon.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The bundle.

interface Bundle {
  page: string;
  files: { path: string; raw: number; gzipped: number }[];
}

function bundleOf(page: string, htmlPath: string, extra: string[] = []): Bundle {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const referenced = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+)"/g)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));
  const paths = [...new Set([...referenced, ...extra])];
  return {
    page,
    files: paths.map((path) => {
      const bytes = readFileSync(join(dist, path));
      return { path, raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
    }),
  };
}

const kb = (bytes: number): number => bytes / 1024;
const total = (bundle: Bundle, key: 'raw' | 'gzipped'): number => bundle.files.reduce((sum, f) => sum + f[key], 0);

// ---------------------------------------------------------------------------------------------
// 3. Unlock and renewal end to end.

type Business = 'unlock' | 'renewal';

interface EndToEnd {
  /** StartFlow → the done screen with the receipt printed. */
  toPrinted: number;
  /** StartFlow → the take-card prompt. */
  toTakeCard: number;
  /** Time spent inside the simulator's own commands (the agent's hands: generating papers). */
  simHands: number;
  /** Pages each Sim.ScannerLoad put in the feeder (the paper the kiosk asked for). */
  pagesLoaded: number[];
  phases: Map<string, number>;
}

const agent = { name: '许文彬', idNumber: '35020419800109011X' };
const benchPin = '60392817';

function fixturePin(name: string): string {
  const found = cardFixture(name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found.pin;
}

/** What a push's time until the next push counts as. */
function phaseOf(view: FlowView | null): string {
  const screen = view?.screen;
  if (screen === undefined) return 'other';
  switch (screen.screen) {
    case 'readingCard':
      return 'card read';
    case 'working':
      switch (screen.task) {
        case 'unlocking':
        case 'renewing':
        case 'changingPin':
          return 'card operation';
        case 'authorising':
        case 'comparing':
        case 'checking':
        case 'submitting':
        case 'listing':
          return 'authority';
      }
      return 'other';
    case 'scanPaper':
      return screen.scanning ? 'scanning' : 'agent/sim';
    case 'done':
      return screen.receipt.state === 'printing' ? 'printing' : 'agent/sim';
    case 'consent':
    case 'insertCard':
    case 'cardShown':
    case 'enterPin':
    case 'newPin':
    case 'changePin':
    case 'checklist':
    case 'confirmFields':
    case 'registryMismatch':
    case 'renewEarly':
    case 'renewalNext':
    case 'removePreviousCard':
    case 'renewalCanceled':
    case 'verdict':
    case 'cardStatus':
    case 'enterpriseCards':
    case 'manageCard':
    case 'takeCard':
    case 'failed':
      return 'agent/sim';
    case 'placeIdCard':
      return screen.reading ? 'card read' : 'agent/sim';
  }
}

/** Waits until the flow shows a screen the agent acts on (not a step that runs by itself). */
function actionable(view: FlowView | null): boolean {
  const screen = view?.screen;
  if (screen === undefined) return true;
  switch (screen.screen) {
    case 'readingCard':
    case 'working':
      return false;
    case 'scanPaper':
      return !screen.scanning;
    case 'done':
      return screen.receipt.state !== 'printing';
    case 'consent':
    case 'insertCard':
    case 'cardShown':
    case 'enterPin':
    case 'newPin':
    case 'changePin':
    case 'checklist':
    case 'confirmFields':
    case 'registryMismatch':
    case 'renewEarly':
    case 'renewalNext':
    case 'removePreviousCard':
    case 'renewalCanceled':
    case 'verdict':
    case 'cardStatus':
    case 'enterpriseCards':
    case 'manageCard':
    case 'takeCard':
    case 'failed':
      return true;
    case 'placeIdCard':
      return !screen.reading;
  }
}

async function endToEnd(business: Business): Promise<EndToEnd> {
  const daemon = await startDaemon(); // a fresh state dir: the fixture cards as new
  const tool = await openTool(daemon.wsUrl);
  try {
    let simHands = 0;
    const pagesLoaded: number[] = [];
    const sim = async (name: string, payload: Record<string, unknown> = {}): Promise<void> => {
      const t0 = performance.now();
      const answer = await must(tool, name, payload, 120_000);
      simHands += performance.now() - t0;
      if (typeof answer.pages === 'number') pagesLoaded.push(answer.pages);
    };
    const from = tool.client.received.length;
    const t0 = performance.now();
    const started = (await must(tool, 'Kiosk.StartFlow', { flow: business })) as unknown as FlowView;
    const flowId = started.flowId;
    const act = (action: Record<string, unknown>) => must(tool, 'Kiosk.FlowAction', { flowId, action }, 120_000);
    let toPrinted = NaN;
    let toTakeCard = NaN;
    let lastRevision = -1;
    let lastFlowId = flowId;
    let cardIn = false;
    let idCardPlaced = false;
    for (let steps = 0; steps < 40; steps++) {
      // The newest push, once the flow rests on a screen the agent acts on.
      const latest = await (async () => {
        const deadline = Date.now() + 120_000;
        while (Date.now() < deadline) {
          const last = pushesOf(tool, from).at(-1);
          if (last !== undefined && actionable(last.view) && (last.view === null || last.view.flowId !== lastFlowId || last.view.revision > lastRevision)) return last;
          await sleep(2);
        }
        throw new Error(`${business}: stuck after revision ${lastRevision}`);
      })();
      const view = latest.view;
      if (view === null) break;
      lastRevision = view.revision;
      lastFlowId = view.flowId;
      const screen = view.screen;
      switch (screen.screen) {
        case 'consent':
        case 'cardShown':
          await act({ action: 'next' });
          break;
        case 'insertCard':
          if (screen.problem !== null) throw new Error(`${business}: card refused: ${JSON.stringify(screen.problem)}`);
          // The card already in is read next (the renewal asks for the card to renew after the licence).
          if (cardIn) break;
          cardIn = true;
          await sim('Sim.InsertCard', { fixture: business === 'unlock' ? 'locked-operator' : 'legal-person' });
          break;
        case 'placeIdCard':
          // The unlock on a kiosk with an ID-card reader: the dock's hand places the agent's ID card once.
          if (screen.problem !== null) throw new Error(`${business}: ID card refused: ${screen.problem.kind}`);
          if (screen.reading || idCardPlaced) break;
          idCardPlaced = true;
          await sim('Sim.IdCardPlace', { fixture: 'agent' });
          break;
        case 'enterPin':
          if (screen.problem !== null) throw new Error(`${business}: PIN refused: ${screen.problem.kind}`);
          await act({ action: 'pin', pin: fixturePin('legal-person') });
          break;
        case 'newPin':
          if (screen.problem !== null) throw new Error(`${business}: new PIN refused: ${screen.problem.kind}`);
          await act({ action: 'newPin', pin: benchPin, confirmation: benchPin });
          break;
        case 'changePin':
          // The bench runs no PIN change.
          throw new Error(`${business}: unexpected PIN change screen`);
        case 'scanPaper':
          if (screen.problem !== null) throw new Error(`${business}: scan problem: ${screen.problem.kind}`);
          // The paper the kiosk asks for, and only it, as an agent feeds it.
          await sim('Sim.ScannerLoad', { business, paper: screen.paper.wanted });
          await act({ action: 'scan' });
          break;
        case 'confirmFields': {
          const fields = screen.paper.position.index === 0 && business === 'unlock' ? agent : Object.fromEntries(screen.fields.map((f) => [f.key, f.value]));
          await act({ action: 'confirmFields', fields });
          break;
        }
        case 'renewEarly':
          // The fixture's card has well over 90 days left: renew anyway, as the bench always did.
          await act({ action: 'next' });
          break;
        case 'renewalNext':
          await act({ action: 'finish' });
          break;
        case 'done':
          if (screen.receipt.state !== 'printed') throw new Error(`${business}: receipt ${JSON.stringify(screen.receipt)}`);
          toPrinted = latest.mono - t0;
          await act({ action: 'finish' });
          break;
        case 'takeCard':
          toTakeCard = latest.mono - t0;
          cardIn = false;
          await sim('Sim.RemoveCard');
          break;
        case 'readingCard':
        case 'working':
        case 'checklist':
        case 'registryMismatch':
        case 'removePreviousCard':
        case 'renewalCanceled':
        case 'verdict':
        case 'cardStatus':
        case 'enterpriseCards':
        case 'manageCard':
        case 'failed':
          throw new Error(`${business}: unexpected screen ${JSON.stringify(screen)}`);
      }
    }
    // Each push's time until the next push (up to the take-card prompt) counts for its phase.
    const phases = new Map<string, number>();
    const pushes = pushesOf(tool, from).filter((p) => p.mono - t0 <= toTakeCard);
    let previous = { phase: 'agent/sim', mono: t0 };
    for (const push of pushes) {
      phases.set(previous.phase, (phases.get(previous.phase) ?? 0) + push.mono - previous.mono);
      previous = { phase: phaseOf(push.view), mono: push.mono };
    }
    return { toPrinted, toTakeCard, simHands, pagesLoaded, phases };
  } finally {
    tool.client.close();
    await daemon.stop();
  }
}

// ---------------------------------------------------------------------------------------------

console.log(`flows benchmark (issue 6): ${cycles} query cycles for push-to-render, ${runs} runs per business end to end\n`);

const render = await pushToRender();
const renderP95 = percentile(render.latencies, 95);
const rttP95 = percentile(render.roundTrips, 95);
const renderPass = renderP95 <= renderBudgetMs && render.latencies.length > 0;
console.log('1. push → rendered screen (Kiosk.FlowChanged pushedAt, daemon Date.now() → the page\'s flow-rendered mark at the next frame)');
console.log(`   both clocks are this machine's wall clock (page mark → epoch via timeOrigin + startTime, corrected by the page's Date.now() offset ${render.clockOffsetMs.toFixed(2)} ms)`);
console.log(`   pushes ${render.pushes}, rendered marks joined ${render.latencies.length}, not rendered (superseded before a frame) ${render.missing}`);
console.log(`   push → rendered:           ${stats(render.latencies)}  → ${renderPass ? 'PASS' : 'FAIL'} (p95 ≤ ${renderBudgetMs} ms)`);
for (const [screen, values] of render.byScreen) console.log(`     ${screen.padEnd(24)} ${stats(values)}`);
console.log(`   push → tool socket:        ${stats(render.deliveries)}`);
console.log(`   baseline Common.Status RTT: ${stats(render.roundTrips)}`);
console.log(`   p95 push→rendered / p95 RTT: ×${(renderP95 / rttP95).toFixed(1)};  p95 / budget: ${(renderP95 / renderBudgetMs).toFixed(2)}\n`);

const kiosk = bundleOf('kiosk (/)', 'index.html', render.loadedAssets);
const bundles = [kiosk, bundleOf('technician', 'technician/index.html'), bundleOf('dev dock', 'dev-dock/index.html')];
const bundlePass = kb(total(kiosk, 'gzipped')) <= bundleBudgetKb;
console.log('2. UI bundle (kiosk-ui/dist; index.html\'s script/modulepreload/stylesheet assets, plus any the kiosk page loaded in step 1; gzip -9)');
for (const bundle of bundles) {
  console.log(`   ${bundle.page.padEnd(11)} ${kb(total(bundle, 'raw')).toFixed(1).padStart(6)} KB raw, ${kb(total(bundle, 'gzipped')).toFixed(1).padStart(5)} KB gzipped`);
  for (const file of bundle.files) console.log(`     ${file.path.padEnd(34)} ${kb(file.raw).toFixed(1).padStart(6)} KB  ${kb(file.gzipped).toFixed(1).padStart(5)} KB gz`);
}
console.log(`   kiosk page ${kb(total(kiosk, 'gzipped')).toFixed(1)} KB / ${bundleBudgetKb} KB = ${(kb(total(kiosk, 'gzipped')) / bundleBudgetKb).toFixed(2)} → ${bundlePass ? 'PASS' : 'FAIL'}\n`);

console.log('3. end to end over the WebSocket, scripted input, --sim, a fresh daemon state per run');
const results = new Map<Business, EndToEnd[]>();
for (const business of ['unlock', 'renewal'] as const) {
  const list: EndToEnd[] = [];
  for (let i = 0; i < runs; i++) list.push(await endToEnd(business));
  results.set(business, list);
}
const phaseNames = ['card read', 'card operation', 'authority', 'scanning', 'printing', 'agent/sim'];
for (const [business, list] of results) {
  const range = (values: number[]) => `median ${fmt(median(values))} (min ${fmt(sorted(values)[0] ?? NaN)}, max ${fmt(sorted(values).at(-1) ?? NaN)})`;
  console.log(`   ${business}: StartFlow → done, receipt printed: ${range(list.map((r) => r.toPrinted))}`);
  console.log(`   ${' '.repeat(business.length)}  StartFlow → take-card prompt:      ${range(list.map((r) => r.toTakeCard))}`);
  console.log(`   ${' '.repeat(business.length)}  of which the simulator's hands (Sim.* commands, papers generated): ${range(list.map((r) => r.simHands))}`);
  console.log(`   ${' '.repeat(business.length)}  pages per Sim.ScannerLoad (the paper asked for): ${list[0]?.pagesLoaded.join(' + ') ?? '—'}`);
  const shares = phaseNames.map((name) => {
    const ms = median(list.map((r) => r.phases.get(name) ?? 0));
    return `${name} ${fmt(ms)} (${((ms / median(list.map((r) => r.toTakeCard))) * 100).toFixed(0)}%)`;
  });
  console.log(`   ${' '.repeat(business.length)}  by progress pushes (median): ${shares.join(', ')}`);
}

const row = (what: string, figure: string, budget: string, verdict: string) => console.log(`${what.padEnd(34)} ${figure.padStart(22)}  ${budget.padEnd(12)} ${verdict}`);
console.log('\nsummary');
row('push → rendered p95', fmt(renderP95), '≤ 50 ms', renderPass ? 'PASS' : 'FAIL');
row('Common.Status RTT p95 (baseline)', fmt(rttP95), '', `push→rendered ×${(renderP95 / rttP95).toFixed(1)}`);
row('kiosk page bundle, gzipped', `${kb(total(kiosk, 'gzipped')).toFixed(1)} KB`, '≤ 150 KB', bundlePass ? 'PASS' : 'FAIL');
for (const [business, list] of results) {
  row(`${business}: start → receipt printed`, fmt(median(list.map((r) => r.toPrinted))), '', `${list.length} runs, all completed`);
  row(`${business}: start → take-card`, fmt(median(list.map((r) => r.toTakeCard))), '', '');
}
