// A bench-only probe loaded into the daemon with NODE_OPTIONS=--import (never by the product):
// on SIGUSR2 it writes what the daemon's memory is made of to $KIOSK_PROBE_FILE — V8's heap per
// space, process.memoryUsage, glibc's malloc (mallinfo2), and /proc/self/smaps summed by mapping —
// so a bench can tell which part grows. Only the daemon's own user can signal it; nothing is
// reachable over the WebSocket. KIOSK_PROBE_GC=1 runs a full collection first (the live heap);
// KIOSK_PROBE_TRIM=1 then malloc_trim(0) (what malloc still holds that it could give back).
import { renameSync, readFileSync, writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRequire } from 'node:module';

const file = process.env.KIOSK_PROBE_FILE;
let seq = 0;
let gc = null;
let mallinfo2 = null;
let trim = null;

function loadMallinfo() {
  try {
    const koffi = createRequire(import.meta.url)('koffi');
    const lib = koffi.load('libc.so.6');
    koffi.struct('probe_mallinfo2', {
      arena: 'size_t', ordblks: 'size_t', smblks: 'size_t', hblks: 'size_t', hblkhd: 'size_t',
      usmblks: 'size_t', fsmblks: 'size_t', uordblks: 'size_t', fordblks: 'size_t', keepcost: 'size_t',
    });
    trim = lib.func('int malloc_trim(size_t)');
    return lib.func('probe_mallinfo2 mallinfo2()');
  } catch {
    return null;
  }
}

/** /proc/self/smaps summed by what is mapped: anonymous, [heap], each file. */
function smapsByMapping() {
  const text = readFileSync('/proc/self/smaps', 'utf8');
  const groups = new Map();
  let current = null;
  for (const line of text.split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1] === '' ? '[anon]' : header[1];
      current = groups.get(name) ?? { rss: 0, anon: 0, count: 0 };
      current.count++;
      groups.set(name, current);
      continue;
    }
    const field = /^(Rss|Anonymous):\s+(\d+) kB$/.exec(line);
    if (field && current) current[field[1] === 'Rss' ? 'rss' : 'anon'] += Number(field[2]);
  }
  return Object.fromEntries([...groups].sort((a, b) => b[1].rss - a[1].rss));
}

function rollup() {
  const out = {};
  for (const line of readFileSync('/proc/self/smaps_rollup', 'utf8').split('\n')) {
    const m = /^(\w+):\s+(\d+) kB$/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

process.on('SIGUSR2', () => {
  if (process.env.KIOSK_PROBE_GC === '1') {
    if (gc === null) {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc');
    }
    gc();
  }
  mallinfo2 ??= loadMallinfo();
  if (process.env.KIOSK_PROBE_TRIM === '1') trim?.(0);
  seq++;
  const report = {
    seq,
    memoryUsage: process.memoryUsage(),
    heap: getHeapStatistics(),
    spaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size, available: s.space_available_size, physical: s.physical_space_size }])),
    malloc: mallinfo2?.() ?? null,
    rollup: rollup(),
    smaps: smapsByMapping(),
    activeHandles: process.getActiveResourcesInfo().reduce((acc, r) => ((acc[r] = (acc[r] ?? 0) + 1), acc), {}),
    snapshot: process.env.KIOSK_PROBE_SNAPSHOT_DIR ? writeHeapSnapshot(`${process.env.KIOSK_PROBE_SNAPSHOT_DIR}/daemon-${seq}.heapsnapshot`) : null,
  };
  writeFileSync(`${file}.tmp`, JSON.stringify(report, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
  renameSync(`${file}.tmp`, file);
});
