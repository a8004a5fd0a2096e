// What libvips frees goes back to glibc's malloc, which keeps it: each libuv worker that ran a
// sharp pipeline gets its own arena (up to 8 per core), and freed pages inside an arena are not
// returned on their own. A 15-page batch then left the daemon ~500 MB larger for good (issue 14).
// And a freed page buffer (~10 MB) raises malloc's dynamic mmap threshold, so the next ones come
// from the arenas too. glibc calls through koffi fix that: before image work starts,
// mallopt(M_ARENA_MAX, 2) and a fixed M_MMAP_THRESHOLD of 1 MiB (a big buffer is mapped alone and
// unmapped when freed), and malloc_trim(0) when a session's pages go. Elsewhere than glibc on Linux this
// does nothing (musl and others return freed memory differently).
import type { LibraryHandle } from 'koffi';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const M_ARENA_MAX = -8;
const M_MMAP_THRESHOLD = -3;
const arenas = 2;
const mmapThresholdBytes = 1024 * 1024;

interface Libc {
  trim: ReturnType<LibraryHandle['func']>;
}

/** glibc names its version in the process report; musl does not. */
function isGlibc(): boolean {
  const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
  return report.header?.glibcVersionRuntime !== undefined;
}

let libc: Promise<Libc | null> | null = null;

/** libc's malloc controls, loaded with the first image work; null where they are not glibc's. */
function load(): Promise<Libc | null> {
  libc ??= (async () => {
    if (process.platform !== 'linux' || !isGlibc()) return null;
    try {
      const koffi = (await import('koffi')).default;
      const lib = koffi.load('libc.so.6');
      const mallopt = lib.func('int mallopt(int, int)');
      mallopt(M_ARENA_MAX, arenas);
      mallopt(M_MMAP_THRESHOLD, mmapThresholdBytes);
      return { trim: lib.func('int malloc_trim(size_t)') };
    } catch {
      return null;
    }
  })();
  return libc;
}

/** Caps malloc's arenas before sharp's first pipeline (idempotent). */
export async function limitNativeArenas(): Promise<void> {
  await load();
}

let collect: (() => void) | null = null;

/**
 * A full garbage collection: sharp's output buffers are external memory that V8 frees only when it
 * collects, and a daemon waiting for the next agent allocates too little to make it (a batch's
 * ~200 MB stayed until then). V8's gc, exposed by its flag for this one function.
 */
function collectGarbage(): void {
  if (collect === null) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * After a session's pages went: collects the garbage that held them, then hands the pages malloc
 * holds free back to the system on a worker thread (malloc_trim takes ~50–150 ms).
 */
export async function trimNativeHeap(): Promise<void> {
  collectGarbage();
  const lib = await load();
  if (lib === null) return;
  await new Promise<void>((resolve) => {
    lib.trim.async(0, () => resolve());
  });
}
