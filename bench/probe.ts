// The bench's side of bench/daemon-probe.mjs: starts the daemon with the probe preloaded, asks it
// (SIGUSR2) what its memory is made of, and prints two reports side by side — which part grew.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ProbeReport {
  seq: number;
  memoryUsage: Record<string, number>;
  heap: Record<string, number>;
  spaces: Record<string, { size: number; used: number; available: number; physical: number }>;
  malloc: Record<string, number> | null;
  rollup: Record<string, number>;
  smaps: Record<string, { rss: number; anon: number; count: number }>;
  activeHandles: Record<string, number>;
  snapshot: string | null;
}

/** Environment that preloads the probe into the daemon (the parent's NODE_OPTIONS kept). */
export function probeEnv(file: string, options: { gc?: boolean; snapshotDir?: string } = {}): Record<string, string> {
  const probe = pathToFileURL(join(import.meta.dirname, 'daemon-probe.mjs')).href;
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${probe}`.trim(),
    KIOSK_PROBE_FILE: file,
    ...(options.gc === true && { KIOSK_PROBE_GC: '1' }),
    ...(options.snapshotDir !== undefined && { KIOSK_PROBE_SNAPSHOT_DIR: options.snapshotDir }),
  };
}

/** The last report read from each probe file. */
const lastSeq = new Map<string, number>();

/** Signals the daemon and waits for its next report. */
export async function probe(pid: number, file: string, timeoutMs = 60_000): Promise<ProbeReport> {
  process.kill(pid, 'SIGUSR2');
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8')) as ProbeReport;
    if (report.seq > (lastSeq.get(file) ?? 0)) {
      lastSeq.set(file, report.seq);
      return report;
    }
  }
  throw new Error('the daemon probe did not answer');
}

/** A markdown table: each figure at `a` and at `b` and the difference, in MiB. */
export function printProbeDiff(labelA: string, a: ProbeReport, labelB: string, b: ProbeReport): void {
  const rows: [string, number, number][] = [];
  const bytes = (label: string, x: number | undefined, y: number | undefined) => rows.push([label, (x ?? 0) / 1048576, (y ?? 0) / 1048576]);
  const kb = (label: string, x: number | undefined, y: number | undefined) => rows.push([label, (x ?? 0) / 1024, (y ?? 0) / 1024]);
  kb('RSS (smaps_rollup)', a.rollup.Rss, b.rollup.Rss);
  kb('  anonymous', a.rollup.Anonymous, b.rollup.Anonymous);
  kb('  file-backed', (a.rollup.Rss ?? 0) - (a.rollup.Anonymous ?? 0), (b.rollup.Rss ?? 0) - (b.rollup.Anonymous ?? 0));
  for (const key of ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers']) bytes(`memoryUsage.${key}`, a.memoryUsage[key], b.memoryUsage[key]);
  bytes('V8 total physical size', a.heap.total_physical_size, b.heap.total_physical_size);
  bytes('V8 malloced memory', a.heap.malloced_memory, b.heap.malloced_memory);
  for (const space of Object.keys(b.spaces)) {
    bytes(`  ${space}: size`, a.spaces[space]?.size, b.spaces[space]?.size);
    bytes(`  ${space}: used`, a.spaces[space]?.used, b.spaces[space]?.used);
  }
  if (a.malloc !== null && b.malloc !== null) {
    bytes('malloc arena (sbrk+arenas)', a.malloc.arena, b.malloc.arena);
    bytes('malloc mmapped (hblkhd)', a.malloc.hblkhd, b.malloc.hblkhd);
    bytes('malloc in use (uordblks)', a.malloc.uordblks, b.malloc.uordblks);
    bytes('malloc free (fordblks)', a.malloc.fordblks, b.malloc.fordblks);
  }
  const names = new Set([...Object.keys(a.smaps), ...Object.keys(b.smaps)]);
  const moved = [...names]
    .map((name) => ({ name, x: a.smaps[name]?.rss ?? 0, y: b.smaps[name]?.rss ?? 0 }))
    .filter(({ x, y }) => Math.abs(y - x) >= 256)
    .sort((p, q) => Math.abs(q.y - q.x) - Math.abs(p.y - p.x))
    .slice(0, 8);
  for (const { name, x, y } of moved) kb(`smaps ${name.slice(-40)} (×${a.smaps[name]?.count ?? 0}→${b.smaps[name]?.count ?? 0})`, x, y);
  console.log(`| daemon memory, MiB | ${labelA} | ${labelB} | change |`);
  console.log('|---|---|---|---|');
  for (const [label, x, y] of rows) console.log(`| ${label} | ${x.toFixed(1)} | ${y.toFixed(1)} | ${y - x >= 0 ? '+' : ''}${(y - x).toFixed(1)} |`);
  console.log(`active handles: ${JSON.stringify(a.activeHandles)} → ${JSON.stringify(b.activeHandles)}`);
}

/** A few figures at each probe, one row a probe: where a rise starts and whether it levels off. */
export function printProbeSeries(probes: { label: string; report: ProbeReport }[]): void {
  const columns: [string, (r: ProbeReport) => number][] = [
    ['RSS', (r) => (r.rollup.Rss ?? 0) * 1024],
    ['heapTotal', (r) => r.memoryUsage.heapTotal ?? 0],
    ['new space', (r) => r.spaces.new_space?.size ?? 0],
    ['old space size / used', (r) => r.spaces.old_space?.size ?? 0],
    ['', (r) => r.spaces.old_space?.used ?? 0],
    ['code + trusted used', (r) => (r.spaces.code_space?.used ?? 0) + (r.spaces.trusted_space?.used ?? 0)],
    ['external', (r) => r.memoryUsage.external ?? 0],
    ['malloc in use / free', (r) => r.malloc?.uordblks ?? 0],
    ['', (r) => r.malloc?.fordblks ?? 0],
  ];
  console.log(`| MiB | ${columns.map(([label]) => label).join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---|').join('')}`);
  for (const { label, report } of probes) console.log(`| ${label} | ${columns.map(([, value]) => (value(report) / 1048576).toFixed(1)).join(' | ')} |`);
}
