// sharp (libvips) loads on first use, not at start: its native library, thread pool and operation
// cache cost ~20 MB resident that an idle kiosk never needs (issue 14: idle ≤ 120 MB). Types stay
// static; the module is imported once and shared. libvips' operation cache is off and one thread
// does the work: the daemon handles one page at a time, and cached intermediates of a 200 dpi colour
// page are ~20 MB each that would otherwise stay resident after the session (bench:scan-memory).
import type Sharp from 'sharp';
import { limitNativeArenas } from './native-heap.ts';

let loading: Promise<typeof Sharp> | null = null;

export function loadSharp(): Promise<typeof Sharp> {
  loading ??= limitNativeArenas().then(async () => {
    const { default: sharp } = await import('sharp');
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return loading;
}
