// Benchmark: the daemon's memory over one 15-page 200 dpi colour feeder batch (issue 14, item 6):
// the peak rises by at most 200 MB and RSS falls back to within 10 % of idle once the session's
// pages are dropped. The daemon runs in --sim; the dock loads the new-enrolment set (15 pages) into
// the simulated feeder, the kiosk's command scans it (every page checked and kept as a JPEG), and
// the pages are discarded as at a session's end. Idle is taken after a one-page warm-up scan, so
// that sharp, zxing-wasm and the generator are loaded (they stay, by design) before the batch.
// A script, not a test: it prints figures; run it with `npm run bench:scan-memory`. SCAN_PROBE=1
// preloads bench/daemon-probe.mjs and prints what the daemon's memory is made of at idle and after
// the last session (anonymous or file-backed, V8 or malloc).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDaemon } from '../tests/support/daemon-process.ts';
import { connect, type TestClient } from '../tests/support/ws-client.ts';
import { mib, sampleRss, settledRss } from './rss.ts';
import { printProbeDiff, probe, probeEnv, type ProbeReport } from './probe.ts';

const batches_ = Number(process.env.BENCH_BATCHES ?? 3);
const budget = { peakRiseMiB: 200 / 1.048576, returnRatio: 0.1 };
let requestId = 0;

async function call(client: TestClient, name: string, payload: unknown = {}, timeoutMs = 180_000): Promise<Record<string, unknown>> {
  const id = ++requestId;
  client.command(name, id, payload);
  const done = await client.completion(id, timeoutMs);
  if (done.header.completionCode !== 'success') throw new Error(`${name}: ${done.header.completionCode} ${done.header.errorDescription ?? ''}`);
  return done.payload;
}

const probing = process.env.SCAN_PROBE !== undefined;
const probeFile = join(mkdtempSync(join(tmpdir(), 'kiosk-probe-')), 'probe.json');
const daemon = await startDaemon(probing ? { env: probeEnv(probeFile) } : {});
const pid = daemon.child.pid;
if (pid === undefined) throw new Error('no daemon pid');
try {
  const client = await connect(daemon.wsUrl);
  const atStart = await settledRss(pid, 1500);

  // Warm-up: one page through the whole path, so the libraries it loads on first use are in.
  await call(client, 'Sim.ScannerLoad', { business: 'new_enrolment', paper: { kind: 'business_licence' } });
  await call(client, 'Scanner.Scan', { source: 'adf', resolutionDpi: 200, mode: 'color' });
  await call(client, 'Scanner.DiscardPages', {});
  const idle = await settledRss(pid);
  const idleProbe: ProbeReport | null = probing ? await probe(pid, probeFile) : null;

  // Three batches (BENCH_BATCHES), each its own session: the first shows what a batch costs from a
  // one-page warm start, the next ones that the daemon does not grow from one session to the next.
  const batches: { loaded: number; pages: { width: number; height: number }[]; scanMs: number; renderPeak: number; beforeScan: number; scanPeak: number; afterScan: number; afterSession: number }[] = [];
  for (let batch = 1; batch <= batches_; batch++) {
    // The dock renders the set and puts it in the feeder (the simulator's cost, not the pipeline's).
    const loading = sampleRss(pid);
    const loaded = await call(client, 'Sim.ScannerLoad', { business: 'new_enrolment' });
    const load = loading.stop();
    const beforeScan = await settledRss(pid, 1000);
    const scanning = sampleRss(pid);
    const started = performance.now();
    const scan = await call(client, 'Scanner.Scan', { source: 'adf', resolutionDpi: 200, mode: 'color' });
    const scanMs = performance.now() - started;
    const scanned = scanning.stop();
    const afterScan = await settledRss(pid, 1000);
    // The session's end drops its pages (sessions.onEnd → discardAllBut(null)); here, the same call.
    await call(client, 'Scanner.DiscardPages', {});
    const afterSession = await settledRss(pid, 5000);
    batches.push({ loaded: Number(loaded.pages), pages: scan.pages as { width: number; height: number }[], scanMs, renderPeak: load.peak, beforeScan, scanPeak: scanned.peak, afterScan, afterSession });
  }
  client.close();
  const endProbe: ProbeReport | null = probing ? await probe(pid, probeFile) : null;

  const first = batches[0]?.pages[0];
  console.log(`feeder batches of ${batches.map((b) => `${b.loaded} sheets → ${b.pages.length} pages`).join(', ')} at 200 dpi colour (${first === undefined ? '?' : `${first.width}×${first.height}`}, ${mib(((first?.width ?? 0) * (first?.height ?? 0) * 3) / 1048576)} raw each); scans ${batches.map((b) => `${(b.scanMs / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`daemon started (--sim): ${mib(atStart)}; idle after a one-page warm-up (sharp, zxing, the generator loaded): ${mib(idle)}`);
  console.log(`| RSS | ${batches.map((_, i) => `batch ${i + 1}`).join(' | ')} |`);
  console.log(`|---|${batches.map(() => '---|').join('')}`);
  const row = (label: string, value: (b: (typeof batches)[number]) => string) => console.log(`| ${label} | ${batches.map(value).join(' | ')} |`);
  row('the dock rendering the set (simulator), peak', (b) => mib(b.renderPeak));
  row('15 sheets in the simulated feeder', (b) => mib(b.beforeScan));
  row('**peak during the scan**', (b) => mib(b.scanPeak));
  row('peak rise over the scan (budget 200 MB)', (b) => `${mib(b.scanPeak - b.beforeScan)} (× ${((b.scanPeak - b.beforeScan) / budget.peakRiseMiB).toFixed(2)})`);
  row('peak rise over idle', (b) => mib(b.scanPeak - idle));
  row('after the scan, 15 pages kept (JPEG)', (b) => mib(b.afterScan));
  row('**after the session\'s pages are dropped**', (b) => mib(b.afterSession));
  row('vs idle (budget ≤ 10 %)', (b) => `${(((b.afterSession - idle) / idle) * 100).toFixed(1)} % (× ${(Math.max(0, (b.afterSession - idle) / idle) / budget.returnRatio).toFixed(2)})`);
  // From the second batch on, against the first one's end: does a session leave anything behind?
  const firstEnd = batches[0]?.afterSession ?? idle;
  row('vs the end of batch 1', (b) => (b === batches[0] ? '' : `${(((b.afterSession - firstEnd) / firstEnd) * 100).toFixed(1)} %`));
  if (idleProbe !== null && endProbe !== null) printProbeDiff('idle', idleProbe, `after batch ${batches.length}`, endProbe);
} finally {
  await daemon.stop();
}
