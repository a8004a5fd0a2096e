// TCP_QUICKACK for a Node socket, through libc's setsockopt via koffi (Node has no option for it).
// vpcd writes a frame's 2-byte length and its payload in two send() calls; with Nagle on its side
// and delayed ACK on ours, the payload waits ~40 ms for our ACK. Quick ACK mode stops the delay,
// but the kernel leaves it again on its own, so it is re-armed after every read.
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { err, ok } from '../../basics/result.ts';
import type { Result } from '../../basics/result.ts';

const IPPROTO_TCP = 6;
const TCP_QUICKACK = 12;

type SetSockOpt = (fd: number, level: number, name: number, value: Buffer, length: number) => number;

interface Koffi {
  load(path: string): { func(definition: string): SetSockOpt };
  errno(): number;
}

let loaded: Result<{ setsockopt: SetSockOpt; errno: () => number }, string> | undefined;

function loadSetsockopt(): Result<{ setsockopt: SetSockOpt; errno: () => number }, string> {
  if (loaded !== undefined) return loaded;
  if (process.platform !== 'linux') {
    loaded = err(`TCP_QUICKACK is Linux-only (platform ${process.platform})`);
    return loaded;
  }
  try {
    const koffi = createRequire(import.meta.url)('koffi') as Koffi;
    const libc = koffi.load('libc.so.6');
    loaded = ok({ setsockopt: libc.func('int setsockopt(int, int, int, const void *, uint32_t)'), errno: () => koffi.errno() });
  } catch (error) {
    loaded = err(`koffi/libc unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
  return loaded;
}

const one = Buffer.from([1, 0, 0, 0]); // int 1, little-endian (Linux on x86-64 and arm64)

/** The socket's file descriptor, from Node's internal handle (no public API exposes it). */
function socketFd(socket: Socket): number | null {
  const handle = (socket as unknown as { _handle?: { fd?: unknown } | null })._handle;
  const fd = handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : null;
}

/** A function that arms quick ACK on this socket, or why it cannot. */
export function quickAckFor(socket: Socket): Result<() => Result<void, string>, string> {
  const lib = loadSetsockopt();
  if (!lib.ok) return lib;
  const { setsockopt, errno } = lib.value;
  return ok(() => {
    const fd = socketFd(socket);
    if (fd === null) return err('socket has no file descriptor');
    if (setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, one, 4) !== 0) return err(`setsockopt(TCP_QUICKACK) failed, errno ${errno()}`);
    return ok(undefined);
  });
}
