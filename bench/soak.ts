// Benchmark: the daemon's memory over many agent sessions (issue 14, item 6): flat, the end no
// more than 5 MB above the RSS after the warm-up. Each session is a card query driven over the
// WebSocket as the kiosk and the dev dock drive it: the kiosk page (role kiosk, which owns the flow
// and gets its pushes) starts the query; the dock (role dock) inserts a fixture card; the page sees
// the card's state and ends the flow; the dock takes the card out; the session ends. One page load
// and one dock for the whole run, as in the hall. `npm run bench:soak`; SOAK_SESSIONS (default
// 10,000) for a shorter check, SOAK_SAMPLES (default 20) stretches in the table.
import { startDaemon } from '../tests/support/daemon-process.ts';
import { connect, type Received, type TestClient } from '../tests/support/ws-client.ts';
import { mib, rssMiB, settledRss } from './rss.ts';

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

const daemon = await startDaemon();
const pid = daemon.child.pid;
if (pid === undefined) throw new Error('no daemon pid');
try {
  const page = await connect(daemon.wsUrl, { page: 'kiosk' });
  const dock = await connect(daemon.wsUrl, { page: 'dock' });
  const start = await settledRss(pid, 1500);
  // RSS every 10 sessions; the table shows each stretch's lowest and highest. V8 grows its heap and
  // collects in a sawtooth of tens of MB, so a single reading says little: a leak shows as a rising
  // floor. The verdict compares the floor of the last stretch with the floor of the first one after
  // the warm-up (the first 10 % of the sessions: code compiled, caches filled).
  const readings: { session: number; rss: number }[] = [];
  const sessionMs: number[] = [];
  const began = performance.now();
  for (let session = 1; session <= sessions; session++) {
    const t0 = performance.now();
    await oneSession(page, dock);
    sessionMs.push(performance.now() - t0);
    // The bench's own copy of the daemon's log lines is not what is measured.
    daemon.logs.length = 0;
    if (session > warmUp && session % 10 === 0) readings.push({ session, rss: rssMiB(pid) });
  }
  const elapsedS = (performance.now() - began) / 1000;
  const end = await settledRss(pid, 3000);
  page.close();
  dock.close();

  const per = Math.ceil(readings.length / samples);
  const stretches = Array.from({ length: Math.ceil(readings.length / per) }, (_, i) => readings.slice(i * per, (i + 1) * per));
  const floor = (stretch: { rss: number }[]) => Math.min(...stretch.map((r) => r.rss));
  const peak = (stretch: { rss: number }[]) => Math.max(...stretch.map((r) => r.rss));
  const sorted = [...sessionMs].sort((a, b) => a - b);
  console.log(`soak: ${sessions.toLocaleString('en')} card-query sessions (kiosk page + dock over the WebSocket) in ${elapsedS.toFixed(0)} s; a session median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms, p95 ${(sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(1)} ms`);
  console.log(`RSS at start (settled): ${mib(start)}; warm-up: the first ${warmUp.toLocaleString('en')} sessions`);
  console.log('| sessions | RSS low | RSS high |');
  console.log('|---|---|---|');
  for (const stretch of stretches) {
    const first = stretch[0]?.session ?? 0;
    const last = stretch.at(-1)?.session ?? 0;
    console.log(`| ${(first - 9).toLocaleString('en')}–${last.toLocaleString('en')} | ${mib(floor(stretch))} | ${mib(peak(stretch))} |`);
  }
  console.log(`| end, idle 3 s | ${mib(end)} | |`);
  const warm = floor(stretches[0] ?? []);
  const last = floor(stretches.at(-1) ?? []);
  const grew = last - warm;
  console.log(`floor of the last stretch − floor after the warm-up: ${grew >= 0 ? '+' : ''}${grew.toFixed(1)} MiB (budget 5 MB = ${mib(budgetMiB)}; ratio ${(Math.max(0, grew) / budgetMiB).toFixed(2)})`);
} finally {
  await daemon.stop();
}
