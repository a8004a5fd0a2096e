// The daemon's resident set size, read from /proc (Linux): what the kiosk box's memory actually
// holds, native libraries and libvips' buffers included, not only V8's heap.
import { readFileSync } from 'node:fs';

/** VmRSS of a process in MiB. */
export function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match === null) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Samples a process's RSS every `everyMs` until stopped; `peak` is the highest seen. */
export function sampleRss(pid: number, everyMs = 25): { stop(): { peak: number; samples: number[] } } {
  const samples: number[] = [rssMiB(pid)];
  const timer = setInterval(() => samples.push(rssMiB(pid)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(rssMiB(pid));
      return { peak: Math.max(...samples), samples };
    },
  };
}

/** RSS once it has settled: the lowest of a few samples over `ms` (the allocator returns memory lazily). */
export async function settledRss(pid: number, ms = 3000): Promise<number> {
  const samples: number[] = [];
  for (let waited = 0; waited < ms; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    samples.push(rssMiB(pid));
  }
  return Math.min(...samples.slice(-4));
}

export const mib = (value: number): string => `${value.toFixed(1)} MiB`;
