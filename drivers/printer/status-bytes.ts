// What the printer says about itself: DLE EOT 1–4 answers (one byte each, 0xx1xx10) and
// Automatic Status Back (four bytes, the first 0xx1xx00), both as bits of the same sensors.
// The driver decodes them; the virtual printer encodes them, so both read one definition.

export interface PrinterSensors {
  offline: boolean;
  coverOpen: boolean;
  /** Roll paper end: printing stopped. */
  paperOut: boolean;
  /** Roll paper near-end sensor: a few metres left. */
  paperNearEnd: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  /** e.g. print head over temperature: clears by itself. */
  autoRecoverableError: boolean;
}

export const noFaults: PrinterSensors = {
  offline: false,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  cutterError: false,
  unrecoverableError: false,
  autoRecoverableError: false,
};

const bit = (on: boolean, position: number): number => (on ? 1 << position : 0);
const has = (value: number, position: number): boolean => (value & (1 << position)) !== 0;

export type RealtimeStatusKind = 1 | 2 | 3 | 4;

/** The answer byte to DLE EOT n. */
export function realtimeStatusByte(n: RealtimeStatusKind, s: PrinterSensors): number {
  const fixed = 0x12;
  switch (n) {
    case 1:
      return fixed | bit(s.offline, 3);
    case 2:
      return fixed | bit(s.coverOpen, 2) | bit(s.paperOut, 5) | bit(s.cutterError || s.unrecoverableError || s.autoRecoverableError, 6);
    case 3:
      return fixed | bit(s.cutterError, 3) | bit(s.unrecoverableError, 5) | bit(s.autoRecoverableError, 6);
    case 4:
      return fixed | (s.paperNearEnd ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
  }
}

/** Applies the answer to DLE EOT n to what was known. */
export function applyRealtimeStatus(n: RealtimeStatusKind, value: number, s: PrinterSensors): PrinterSensors {
  switch (n) {
    case 1:
      return { ...s, offline: has(value, 3) };
    case 2:
      return { ...s, coverOpen: has(value, 2), paperOut: has(value, 5) };
    case 3:
      return { ...s, cutterError: has(value, 3), unrecoverableError: has(value, 5), autoRecoverableError: has(value, 6) };
    case 4:
      return { ...s, paperNearEnd: (value & 0x0c) === 0x0c, paperOut: (value & 0x60) === 0x60 };
  }
}

export function asbBytes(s: PrinterSensors): [number, number, number, number] {
  return [
    0x10 | bit(s.offline, 3) | bit(s.coverOpen, 5),
    bit(s.cutterError, 3) | bit(s.unrecoverableError, 5) | bit(s.autoRecoverableError, 6),
    (s.paperNearEnd ? 0x03 : 0) | (s.paperOut ? 0x0c : 0),
    0,
  ];
}

export function sensorsFromAsb(b1: number, b2: number, b3: number): PrinterSensors {
  return {
    offline: has(b1, 3),
    coverOpen: has(b1, 5),
    cutterError: has(b2, 3),
    unrecoverableError: has(b2, 5),
    autoRecoverableError: has(b2, 6),
    paperNearEnd: (b3 & 0x03) === 0x03,
    paperOut: (b3 & 0x0c) === 0x0c,
  };
}

/** Everything the printer sends the host, told apart by its first byte. */
export type PrinterReply =
  | { kind: 'realtime'; value: number }
  | { kind: 'asb'; sensors: PrinterSensors }
  | { kind: 'processId'; id: string }
  | { kind: 'buffersCleared' }
  | { kind: 'unknown'; value: number };

export const processIdReply = (id: string): Uint8Array => Uint8Array.from([0x37, 0x22, ...Buffer.from(id, 'ascii'), 0]);
export const buffersClearedReply = (): Uint8Array => Uint8Array.from([0x37, 0x25, 0]);

/** Splits the printer's byte stream into replies; keeps a reply cut across reads for the next one. */
export class PrinterReplyReader {
  #pending: number[] = [];

  push(chunk: Uint8Array): PrinterReply[] {
    this.#pending.push(...chunk);
    const replies: PrinterReply[] = [];
    for (;;) {
      const first = this.#pending[0];
      if (first === undefined) return replies;
      if ((first & 0x93) === 0x12) {
        replies.push({ kind: 'realtime', value: first });
        this.#pending.shift();
      } else if ((first & 0x93) === 0x10) {
        if (this.#pending.length < 4) return replies;
        const [b1 = 0, b2 = 0, b3 = 0] = this.#pending.splice(0, 4);
        replies.push({ kind: 'asb', sensors: sensorsFromAsb(b1, b2, b3) });
      } else if (first === 0x37) {
        const second = this.#pending[1];
        if (second === undefined) return replies;
        const length = second === 0x22 ? 7 : second === 0x25 ? 3 : 1;
        if (this.#pending.length < length) return replies;
        const reply = this.#pending.splice(0, length);
        if (second === 0x22) replies.push({ kind: 'processId', id: String.fromCharCode(...reply.slice(2, 6)) });
        else if (second === 0x25) replies.push({ kind: 'buffersCleared' });
        else replies.push({ kind: 'unknown', value: first });
      } else {
        replies.push({ kind: 'unknown', value: first });
        this.#pending.shift();
      }
    }
  }
}
