// Benchmark: time from spawning `kiosk run --sim` to a daemon that answers /api/health and
// serves the UI (the budget: 2 s), and the WebSocket round trip of Common.Status.
// A script, not a test: it prints figures; run it with `npm run bench:startup`.
import { performance } from 'node:perf_hooks';
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
