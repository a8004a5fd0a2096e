// Benchmark: time from spawning `kiosk run --sim` to a daemon that answers /api/health and
// serves the UI (the budget: 2 s), the WebSocket round trip of Common.Status, and the
// daemon's idle resident size in hardware mode (issue 14: ≤ 120 MB) with Node's compile cache
// cold, warm and off.
// A script, not a test: it prints figures; run it with `npm run bench:startup`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mib, settledRss } from './rss.ts';
import { startDaemon } from '../tests/support/daemon-process.ts';
import { connect } from '../tests/support/ws-client.ts';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const budgetMs = 2000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const toReady: number[] = [];
const selfReported: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const daemon = await startDaemon();
  // Ready means both answer: the health endpoint and the UI.
  const [health, ui] = await Promise.all([fetch(new URL('/api/health', daemon.url)), fetch(daemon.url)]);
  if (!health.ok || !ui.ok) throw new Error(`not ready: health ${health.status}, ui ${ui.status}`);
  toReady.push(performance.now() - start);
  selfReported.push(Number(daemon.logs.find((line) => line.name === 'daemon.ready')?.startupMs));
  await daemon.stop();
}

const daemon = await startDaemon();
const client = await connect(daemon.wsUrl);
const roundTrips: number[] = [];
for (let i = 1; i <= 2000; i++) {
  const start = performance.now();
  client.command('Common.Status', i);
  await client.completion(i);
  if (i > 200) roundTrips.push(performance.now() - start); // after warm-up
  client.received.length = 0;
}
client.close();
await daemon.stop();

const sortedReady = [...toReady].sort((a, b) => a - b);
const sortedSelf = [...selfReported].sort((a, b) => a - b);
const sortedRtt = [...roundTrips].sort((a, b) => a - b);
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
console.log(`startup, ${runs} runs (spawn → /api/health and / both answer):`);
console.log(`  median ${fmt(percentile(sortedReady, 50))}, p95 ${fmt(percentile(sortedReady, 95))}, max ${fmt(sortedReady.at(-1) ?? NaN)}`);
console.log(`  daemon's own startupMs (process start → listening): median ${fmt(percentile(sortedSelf, 50))}`);
console.log(`  p95 / budget (${budgetMs} ms): ${(percentile(sortedReady, 95) / budgetMs).toFixed(2)}`);
console.log(`Common.Status WebSocket round trip, ${sortedRtt.length} sequential requests:`);
console.log(`  median ${fmt(percentile(sortedRtt, 50))}, p95 ${fmt(percentile(sortedRtt, 95))}`);

// Idle in hardware mode: real drivers, no devices on this machine (noDevice), the back office's
// HTTP authority (not asked at start). A private compile cache: the first start fills it (cold),
// the next ones find it (warm, as every start after the first on a kiosk).
const cache = mkdtempSync(join(tmpdir(), 'kiosk-compile-cache-'));
const hardwareEnv = { KIOSK_AUTHORITY_URL: 'http://127.0.0.1:9/authority', KIOSK_ID_CARD_READER_PATH: '/nonexistent/eport-idcard', KIOSK_PRINTER_PATH: '/nonexistent/eport-printer' };
async function idleHardware(env: Record<string, string>): Promise<{ rss: number; state: unknown }> {
  const hardware = await startDaemon({ sim: false, env: { ...hardwareEnv, ...env } });
  const pid = hardware.child.pid ?? 0;
  const rss = await settledRss(pid, 3000);
  const state = hardware.logs.find((line) => line.name === 'daemon.ready')?.state;
  await hardware.stop();
  return { rss, state };
}
const idle = {
  off: await idleHardware({ NODE_DISABLE_COMPILE_CACHE: '1' }),
  cold: await idleHardware({ NODE_COMPILE_CACHE: cache }),
  warm: [await idleHardware({ NODE_COMPILE_CACHE: cache }), await idleHardware({ NODE_COMPILE_CACHE: cache })],
};
rmSync(cache, { recursive: true, force: true });
const warmRss = Math.max(...idle.warm.map((run) => run.rss));
console.log(`idle resident size in hardware mode (no devices present; daemon state ${String(idle.cold.state)}), settled 3 s after ready:`);
console.log(`  compile cache off ${mib(idle.off.rss)}, cold (first start) ${mib(idle.cold.rss)}, warm ${idle.warm.map((run) => mib(run.rss)).join(' / ')}`);
console.log(`  warm / budget (120 MB = ${mib(120 / 1.048576)}): ${(warmRss / (120 / 1.048576)).toFixed(2)}`);
