// The frames of the SAM serial protocol (GA 467), in both directions (docs/idcard-reader.md):
//
//   AA AA AA 96 69 | LEN_HI LEN_LO | BODY … | CHK
//
// LEN counts what follows it: the body and the checksum. CHK is the XOR of the two length bytes
// and the body. A command's body is CMD PARA DATA…; a response's is SW1 SW2 SW3 DATA….
// Pure: no I/O, no timers. The streaming reader resynchronises on the preamble after garbage and
// reports what it threw away as values, never as exceptions.
import { err, ok, type Result } from '../../basics/result.ts';

export const preamble: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
/** Preamble and the two length bytes. */
export const headerLength = preamble.length + 2;
/**
 * The longest LEN accepted. The longest answer of the common modules is the fingerprint read
 * (30 10): SW 3 + lengths 6 + text 256 + photo 1024 + fingerprints 1024 + CHK 1 = 2314.
 */
export const maxFrameLength = 2400;

export function xorChecksum(bytes: Uint8Array): number {
  let sum = 0;
  for (const byte of bytes) sum ^= byte;
  return sum;
}

/** A whole frame around `body`. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  if (length > maxFrameLength) throw new Error(`frame body of ${body.length} bytes is over the protocol's ${maxFrameLength}`);
  const frame = new Uint8Array(headerLength + length);
  frame.set(preamble, 0);
  frame[5] = length >> 8;
  frame[6] = length & 0xff;
  frame.set(body, headerLength);
  frame[frame.length - 1] = xorChecksum(frame.subarray(5, frame.length - 1));
  return frame;
}

export interface SamCommand {
  command: number;
  parameter: number;
  data: Uint8Array;
}

export interface SamResponse {
  /** SW1 SW2 SW3; SW3 carries the meaning in every module we read about (sam-status.ts). */
  sw: readonly [number, number, number];
  data: Uint8Array;
}

export function encodeCommand(command: number, parameter: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  return encodeFrame(Uint8Array.from([command, parameter, ...data]));
}

export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0x00, sw2 = 0x00): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body.set([sw1, sw2, sw3], 0);
  body.set(data, 3);
  return encodeFrame(body);
}

export function commandOfBody(body: Uint8Array): Result<SamCommand, string> {
  if (body.length < 2) return err(`a command body of ${body.length} bytes (at least CMD and PARA expected)`);
  return ok({ command: body[0] ?? 0, parameter: body[1] ?? 0, data: body.slice(2) });
}

export function responseOfBody(body: Uint8Array): Result<SamResponse, string> {
  if (body.length < 3) return err(`a response body of ${body.length} bytes (at least SW1 SW2 SW3 expected)`);
  return ok({ sw: [body[0] ?? 0, body[1] ?? 0, body[2] ?? 0], data: body.slice(3) });
}

/** What the reader found in the stream, in order. */
export type FrameEvent =
  | { kind: 'frame'; body: Uint8Array }
  /** Bytes before a preamble (or instead of one) that belong to no frame. */
  | { kind: 'garbage'; bytes: number }
  /** A header whose LEN is impossible: 0 (no checksum) or over maxFrameLength. Skipped. */
  | { kind: 'badLength'; length: number }
  /** A complete frame whose checksum does not match. Skipped. */
  | { kind: 'badChecksum'; expected: number; actual: number };

export type DecodeOutcome =
  | { kind: 'event'; event: FrameEvent; consumed: number }
  /** The bytes so far are the start of a frame (or of a preamble): wait for more. */
  | { kind: 'incomplete'; needed: number };

function preambleAt(bytes: Uint8Array, at: number): 'yes' | 'partial' | 'no' {
  for (let i = 0; i < preamble.length; i++) {
    if (at + i >= bytes.length) return 'partial';
    if (bytes[at + i] !== preamble[i]) return 'no';
  }
  return 'yes';
}

/** The first thing at the start of `bytes`: a frame, garbage up to the next preamble, a bad frame, or "wait". */
export function decodeNext(bytes: Uint8Array): DecodeOutcome {
  let start = 0;
  while (start < bytes.length && preambleAt(bytes, start) === 'no') start++;
  if (start > 0) return { kind: 'event', event: { kind: 'garbage', bytes: start }, consumed: start };
  if (bytes.length < headerLength) return { kind: 'incomplete', needed: headerLength - bytes.length };
  const length = ((bytes[5] ?? 0) << 8) | (bytes[6] ?? 0);
  // A bad length skips only the first preamble byte, so a real frame right behind it is still found.
  if (length === 0 || length > maxFrameLength) return { kind: 'event', event: { kind: 'badLength', length }, consumed: 1 };
  const total = headerLength + length;
  if (bytes.length < total) return { kind: 'incomplete', needed: total - bytes.length };
  const expected = xorChecksum(bytes.subarray(5, total - 1));
  const actual = bytes[total - 1] ?? 0;
  if (expected !== actual) return { kind: 'event', event: { kind: 'badChecksum', expected, actual }, consumed: 1 };
  return { kind: 'event', event: { kind: 'frame', body: bytes.slice(headerLength, total - 1) }, consumed: total };
}

/** A stream of bytes in, frames and the reasons bytes were thrown away out. */
export class FrameReader {
  #buffer: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): FrameEvent[] {
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer, 0);
    joined.set(chunk, this.#buffer.length);
    let rest = joined;
    const events: FrameEvent[] = [];
    for (;;) {
      const outcome = decodeNext(rest);
      if (outcome.kind === 'incomplete') break;
      events.push(outcome.event);
      rest = rest.subarray(outcome.consumed);
    }
    this.#buffer = rest.slice();
    return events;
  }

  /** Bytes held for a frame not yet complete (a truncated frame, once the wait is over). */
  pending(): number {
    return this.#buffer.length;
  }

  clear(): void {
    this.#buffer = new Uint8Array(0);
  }
}
