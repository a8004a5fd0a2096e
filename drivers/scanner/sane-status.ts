// scanimage reports failures as `scanimage: sane_read: Document feeder jammed` on stderr and,
// for errors of sane_start/sane_read, exits with the SANE_Status code. We read the message first
// (it is the same on every backend: sane_strstatus) and fall back to the exit code.
import type { ScanError } from '../../contract/devices/scanner.ts';

/** SANE_Status values (sane.h), which scanimage uses as its exit code after a failed scan. */
export const saneStatus = {
  good: 0,
  unsupported: 1,
  cancelled: 2,
  deviceBusy: 3,
  inval: 4,
  eof: 5,
  jammed: 6,
  noDocs: 7,
  coverOpen: 8,
  ioError: 9,
  noMem: 10,
  accessDenied: 11,
} as const;

const byMessage: readonly [RegExp, ScanError['kind']][] = [
  [/document feeder jammed/i, 'jammed'],
  [/document feeder out of documents|no more documents/i, 'noPaper'],
  [/scanner cover is open/i, 'coverOpen'],
  [/device busy/i, 'busy'],
  [/operation was cancel+ed/i, 'canceled'],
  [/no scanners were identified|open of device .* failed: (invalid argument|no such device)/i, 'noDevice'],
  [/invalid argument|error during device i\/o|out of memory|access to resource has been denied|operation not supported/i, 'error'],
];

const byCode = new Map<number, ScanError['kind']>([
  [saneStatus.cancelled, 'canceled'],
  [saneStatus.deviceBusy, 'busy'],
  [saneStatus.jammed, 'jammed'],
  [saneStatus.noDocs, 'noPaper'],
  [saneStatus.coverOpen, 'coverOpen'],
]);

/** The `scanimage: …` lines that explain a failure, without progress chatter. */
export function saneMessage(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('scanimage:'));
  return lines.map((line) => line.replace(/^scanimage:\s*/, '')).join('; ');
}

/** Classifies a failed scanimage run; `message` is kept for the log and the technician. */
export function classifySaneFailure(stderr: string, exitCode: number | null): ScanError {
  const message = saneMessage(stderr) || stderr.trim().split('\n').at(-1) || `scanimage exited with ${exitCode ?? 'a signal'}`;
  for (const [pattern, kind] of byMessage) {
    if (pattern.test(message)) return { kind, message };
  }
  const kind = exitCode === null ? undefined : byCode.get(exitCode);
  return { kind: kind ?? 'error', message };
}
