// Benchmark: the daemon's memory over many agent sessions (issue 14, item 6): flat, the end no
// more than 5 MB above the RSS after the warm-up. Each session is a card query driven over the
// WebSocket as the kiosk and the dev dock drive it: the kiosk page (role kiosk, which owns the flow
// and gets its pushes) starts the query; the dock (role dock) inserts a fixture card; the page sees
// the card's state and ends the flow; the dock takes the card out; the session ends. One page load
// and one dock for the whole run, as in the hall. `npm run bench:soak`; SOAK_SESSIONS (default
// 10,000) for a shorter check, SOAK_SAMPLES (default 20) stretches in the table. SOAK_PROBE=1
// preloads bench/daemon-probe.mjs and prints what the daemon's memory is made of after the warm-up
// and at the end (SOAK_PROBE=gc: after a full collection each time, which moves the RSS figures).
// SOAK_BEFORE=<another checkout> runs that checkout's daemon beside this one, a session on each in
// turn, so that before and after are measured in one run under the same load.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDaemon, type RunningDaemon } from '../tests/support/daemon-process.ts';
import { connect, type Received, type TestClient } from '../tests/support/ws-client.ts';
import { mib, rssMiB, settledRss } from './rss.ts';
import { printProbeDiff, printProbeSeries, probe, probeEnv, type ProbeReport } from './probe.ts';

const sessions = Number(process.env.SOAK_SESSIONS ?? 10_000);
const samples = Number(process.env.SOAK_SAMPLES ?? 20);
const warmUp = Math.max(50, Math.round(sessions / 10));
const budgetMiB = 5 / 1.048576; // 5 MB

let requestId = 0;

async function call(client: TestClient, name: string, payload: unknown = {}): Promise<Received> {
  for (;;) {
    const id = ++requestId;
    client.command(name, id, payload);
    const done = await client.completion(id, 30_000);
    // Each connection's budget is 100 messages a second; a faster run waits its turn.
    if (done.header.completionCode === 'tooManyRequests') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    if (done.header.completionCode !== 'success') throw new Error(`${name}: ${done.header.completionCode} ${done.header.errorDescription ?? ''}`);
    return done;
  }
}

type Screen = string | null;

/** Waits for the page's next push showing `screen` (null: the attract screen), and forgets what came before. */
async function pushed(page: TestClient, screen: Screen): Promise<void> {
  await page.waitFor((message) => {
    if (message.header.name !== 'Kiosk.FlowChanged') return false;
    const view = (message.payload as { view: { screen: { screen: string } } | null }).view;
    return screen === null ? view === null : view?.screen.screen === screen;
  }, 30_000);
  page.received.length = 0;
}

async function oneSession(page: TestClient, dock: TestClient): Promise<void> {
  await call(page, 'Kiosk.StartFlow', { flow: 'query' });
  await pushed(page, 'insertCard');
  await call(dock, 'Sim.InsertCard', { fixture: 'legal-person' });
  await pushed(page, 'cardStatus');
  await call(page, 'Kiosk.EndFlow', { reason: 'canceled' });
  await pushed(page, 'takeCard');
  await call(dock, 'Sim.RemoveCard');
  await pushed(page, null);
  // The dock's completions and status events are not waited for again: the bench keeps nothing per session.
  dock.received.length = 0;
}

const probing = process.env.SOAK_PROBE;
const before = process.env.SOAK_BEFORE;

interface Subject {
  label: string;
  daemon: RunningDaemon;
  pid: number;
  page: TestClient;
  dock: TestClient;
  start: number;
  probeFile: string;
  readings: { session: number; rss: number }[];
  sessionMs: number[];
  probes: { label: string; report: ProbeReport }[];
}

async function subject(label: string, root?: string): Promise<Subject> {
  const probeFile = join(mkdtempSync(join(tmpdir(), 'kiosk-probe-')), 'probe.json');
  // Another checkout runs as it was started then: with no flags of ours.
  const daemon = await startDaemon({ ...(root !== undefined && { root, nodeFlags: [] }), ...(probing !== undefined && { env: probeEnv(probeFile, { gc: probing === 'gc' }) }) });
  const pid = daemon.child.pid;
  if (pid === undefined) throw new Error('no daemon pid');
  try {
    const page = await connect(daemon.wsUrl, { page: 'kiosk' });
    const dock = await connect(daemon.wsUrl, { page: 'dock' });
    return { label, daemon, pid, page, dock, start: await settledRss(pid, 1500), probeFile, readings: [], sessionMs: [], probes: [] };
  } catch (e) {
    await daemon.stop();
    throw e;
  }
}

const subjects: Subject[] = [];
try {
  if (before !== undefined) subjects.push(await subject('before', before));
  subjects.push(await subject(before === undefined ? 'daemon' : 'now'));
  // RSS every 10 sessions; the table shows each stretch's lowest and highest. V8 grows its heap and
  // collects in a sawtooth of tens of MB, so a single reading says little: a leak shows as a rising
  // floor. The verdict compares the floor of the last stretch with the floor of the first one after
  // the warm-up (the first 10 % of the sessions: code compiled, caches filled).
  const began = performance.now();
  for (let session = 1; session <= sessions; session++) {
    for (const s of subjects) {
      const t0 = performance.now();
      await oneSession(s.page, s.dock);
      s.sessionMs.push(performance.now() - t0);
      // The bench's own copy of the daemon's log lines is not what is measured.
      s.daemon.logs.length = 0;
      if (session > warmUp && session % 10 === 0) s.readings.push({ session, rss: rssMiB(s.pid) });
      if (probing !== undefined && (session === warmUp || session % Math.round(sessions / 5) === 0)) s.probes.push({ label: `session ${session}`, report: await probe(s.pid, s.probeFile) });
    }
  }
  const elapsedS = (performance.now() - began) / 1000;
  const ends = [];
  for (const s of subjects) {
    ends.push(await settledRss(s.pid, 3000));
    s.page.close();
    s.dock.close();
  }

  const floor = (stretch: { rss: number }[]) => Math.min(...stretch.map((r) => r.rss));
  const peak = (stretch: { rss: number }[]) => Math.max(...stretch.map((r) => r.rss));
  const stretchesOf = (readings: Subject['readings']) => {
    const per = Math.ceil(readings.length / samples);
    return Array.from({ length: Math.ceil(readings.length / per) }, (_, i) => readings.slice(i * per, (i + 1) * per));
  };
  const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * p)] ?? 0;
  console.log(`soak: ${sessions.toLocaleString('en')} card-query sessions (kiosk page + dock over the WebSocket)${subjects.length > 1 ? ' on each daemon, in turn' : ''} in ${elapsedS.toFixed(0)} s`);
  for (const s of subjects) console.log(`${s.label}: a session median ${percentile(s.sessionMs, 0.5).toFixed(1)} ms, p95 ${percentile(s.sessionMs, 0.95).toFixed(1)} ms; RSS at start (settled) ${mib(s.start)}`);
  console.log(`warm-up: the first ${warmUp.toLocaleString('en')} sessions`);
  const tables = subjects.map((s) => stretchesOf(s.readings));
  console.log(`| sessions | ${subjects.map((s) => `${s.label}: RSS low | high`).join(' | ')} |`);
  console.log(`|---|${subjects.map(() => '---|---|').join('')}`);
  for (const [i, stretch] of (tables[0] ?? []).entries()) {
    const first = stretch[0]?.session ?? 0;
    const last = stretch.at(-1)?.session ?? 0;
    console.log(`| ${(first - 9).toLocaleString('en')}–${last.toLocaleString('en')} | ${tables.map((t) => `${mib(floor(t[i] ?? []))} | ${mib(peak(t[i] ?? []))}`).join(' | ')} |`);
  }
  console.log(`| end, idle 3 s | ${ends.map((end) => `${mib(end)} | `).join(' | ')} |`);
  for (const [i, s] of subjects.entries()) {
    const table = tables[i] ?? [];
    const grew = floor(table.at(-1) ?? []) - floor(table[0] ?? []);
    console.log(`${s.label}: floor of the last stretch − floor after the warm-up: ${grew >= 0 ? '+' : ''}${grew.toFixed(1)} MiB (budget 5 MB = ${mib(budgetMiB)}; ratio ${(Math.max(0, grew) / budgetMiB).toFixed(2)})`);
  }
  for (const s of subjects) {
    const [after, atEnd] = [s.probes[0], s.probes.at(-1)];
    if (after === undefined || atEnd === undefined) continue;
    console.log(`\n${s.label}: what the daemon's memory is made of`);
    printProbeSeries(s.probes);
    printProbeDiff(after.label, after.report, atEnd.label, atEnd.report);
  }
} finally {
  for (const s of subjects) await s.daemon.stop();
}
