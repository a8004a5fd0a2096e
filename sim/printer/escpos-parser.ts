// The virtual printer's ESC/POS parser: a byte stream in, commands out, as they arrive (a command
// cut across reads waits for the rest). Knowing every command's length is what lets it tell a
// real-time DLE EOT from the same two bytes inside a QR code or a raster image.
import type { Align, QrErrorCorrection } from '../../drivers/printer/escpos.ts';
import type { RealtimeStatusKind } from '../../drivers/printer/status-bytes.ts';

export type EscPosCommand =
  /** Printable bytes, GB18030 in Chinese mode (a multi-byte character is never split). */
  | { kind: 'text'; bytes: Uint8Array }
  | { kind: 'lineFeed' }
  | { kind: 'initialise' }
  | { kind: 'chineseMode'; on: boolean }
  | { kind: 'align'; align: Align }
  | { kind: 'bold'; on: boolean }
  | { kind: 'underline'; on: boolean }
  | { kind: 'reverse'; on: boolean }
  | { kind: 'size'; width: number; height: number }
  | { kind: 'lineSpacing'; dots: number | null }
  | { kind: 'feedLines'; lines: number }
  | { kind: 'feedDots'; dots: number }
  | { kind: 'qrModuleSize'; size: number }
  | { kind: 'qrErrorCorrection'; level: QrErrorCorrection }
  | { kind: 'qrStore'; data: Uint8Array }
  | { kind: 'qrPrint' }
  | { kind: 'raster'; width: number; height: number; data: Uint8Array }
  | { kind: 'cut'; feedDots: number; partial: boolean }
  | { kind: 'automaticStatusBack'; mask: number }
  | { kind: 'processId'; id: string }
  /** Real-time: answered on arrival, even offline. */
  | { kind: 'realtimeStatus'; n: RealtimeStatusKind }
  | { kind: 'clearBuffers' }
  /** Bytes the parser does not know, skipped (and counted). */
  | { kind: 'unknown'; bytes: Uint8Array };

export function isRealtime(command: EscPosCommand): boolean {
  return command.kind === 'realtimeStatus' || command.kind === 'clearBuffers';
}

const qrLevels: Record<number, QrErrorCorrection> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };
const aligns: Record<number, Align> = { 0: 'left', 1: 'centre', 2: 'right', 48: 'left', 49: 'centre', 50: 'right' };

type Parsed = { command: EscPosCommand; length: number } | 'incomplete';

export class EscPosParser {
  #buffer = Buffer.alloc(0);
  #chinese = true;

  /** Adds bytes and returns every command now complete. */
  push(chunk: Uint8Array): EscPosCommand[] {
    this.#buffer = this.#buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#buffer, chunk]);
    const commands: EscPosCommand[] = [];
    let offset = 0;
    while (offset < this.#buffer.length) {
      const parsed = this.#parse(this.#buffer, offset);
      if (parsed === 'incomplete') break;
      const { command } = parsed;
      if (command.kind === 'chineseMode') this.#chinese = command.on;
      if (command.kind === 'initialise') this.#chinese = true;
      commands.push(command);
      offset += parsed.length;
    }
    this.#buffer = this.#buffer.subarray(offset);
    return commands;
  }

  #parse(b: Buffer, at: number): Parsed {
    const first = b[at] ?? 0;
    const need = (n: number): boolean => b.length - at >= n;
    const arg = (i: number): number => b[at + i] ?? 0;
    const done = (command: EscPosCommand, length: number): Parsed => ({ command, length });
    const unknown = (length: number): Parsed => done({ kind: 'unknown', bytes: b.subarray(at, at + length) }, length);
    switch (first) {
      case 0x0a:
        return done({ kind: 'lineFeed' }, 1);
      case 0x0d:
        return unknown(1);
      case 0x10: {
        if (!need(2)) return 'incomplete';
        if (arg(1) === 0x04) {
          if (!need(3)) return 'incomplete';
          const n = arg(2);
          return n >= 1 && n <= 4 ? done({ kind: 'realtimeStatus', n: n as RealtimeStatusKind }, 3) : unknown(3);
        }
        if (arg(1) === 0x14) {
          if (!need(3)) return 'incomplete';
          if (arg(2) !== 8) return unknown(3);
          if (!need(10)) return 'incomplete';
          return done({ kind: 'clearBuffers' }, 10);
        }
        return unknown(2);
      }
      case 0x1b: {
        if (!need(2)) return 'incomplete';
        const op = arg(1);
        if (op === 0x40) return done({ kind: 'initialise' }, 2);
        if (op === 0x32) return done({ kind: 'lineSpacing', dots: null }, 2);
        if (!need(3)) return 'incomplete';
        const n = arg(2);
        switch (op) {
          case 0x61:
            return done({ kind: 'align', align: aligns[n] ?? 'left' }, 3);
          case 0x45:
            return done({ kind: 'bold', on: (n & 1) === 1 }, 3);
          case 0x2d:
            return done({ kind: 'underline', on: (n & 3) !== 0 && n !== 48 }, 3);
          case 0x33:
            return done({ kind: 'lineSpacing', dots: n }, 3);
          case 0x64:
            return done({ kind: 'feedLines', lines: n }, 3);
          case 0x4a:
            return done({ kind: 'feedDots', dots: n }, 3);
          default:
            return unknown(2);
        }
      }
      case 0x1c: {
        if (!need(2)) return 'incomplete';
        if (arg(1) === 0x26) return done({ kind: 'chineseMode', on: true }, 2);
        if (arg(1) === 0x2e) return done({ kind: 'chineseMode', on: false }, 2);
        return unknown(2);
      }
      case 0x1d:
        return this.#parseGs(b, at);
      default:
        if (first < 0x20 || first === 0x7f) return unknown(1);
        return this.#parseText(b, at);
    }
  }

  #parseGs(b: Buffer, at: number): Parsed {
    const need = (n: number): boolean => b.length - at >= n;
    const arg = (i: number): number => b[at + i] ?? 0;
    const done = (command: EscPosCommand, length: number): Parsed => ({ command, length });
    const unknown = (length: number): Parsed => done({ kind: 'unknown', bytes: b.subarray(at, at + length) }, length);
    if (!need(3)) return 'incomplete';
    const op = arg(1);
    const n = arg(2);
    switch (op) {
      case 0x21:
        return done({ kind: 'size', width: ((n >> 4) & 7) + 1, height: (n & 7) + 1 }, 3);
      case 0x42:
        return done({ kind: 'reverse', on: (n & 1) === 1 }, 3);
      case 0x61:
        return done({ kind: 'automaticStatusBack', mask: n }, 3);
      case 0x56: {
        // m = 0/48, 1/49: cut now; 65/66: feed to the cutter + n dots, then cut.
        if (n === 65 || n === 66) {
          if (!need(4)) return 'incomplete';
          return done({ kind: 'cut', feedDots: arg(3), partial: n === 66 }, 4);
        }
        return done({ kind: 'cut', feedDots: 0, partial: n === 1 || n === 49 }, 3);
      }
      case 0x76: {
        if (n !== 0x30) return unknown(3);
        if (!need(8)) return 'incomplete';
        const rowBytes = arg(4) | (arg(5) << 8);
        const height = arg(6) | (arg(7) << 8);
        const length = 8 + rowBytes * height;
        if (!need(length)) return 'incomplete';
        return done({ kind: 'raster', width: rowBytes * 8, height, data: Uint8Array.from(b.subarray(at + 8, at + length)) }, length);
      }
      case 0x28: {
        // GS ( fn pL pH …: the length says where the command ends, whatever its function.
        if (!need(5)) return 'incomplete';
        const length = 5 + (arg(3) | (arg(4) << 8));
        if (!need(length)) return 'incomplete';
        const body = b.subarray(at + 5, at + length);
        if (n === 0x6b && body[0] === 49) return done(this.#qr(body), length);
        if (n === 0x48 && body[0] === 48 && body.length === 6) return done({ kind: 'processId', id: body.subarray(2, 6).toString('ascii') }, length);
        return unknown(length);
      }
      default:
        return unknown(3);
    }
  }

  #qr(body: Buffer): EscPosCommand {
    const fn = body[1] ?? 0;
    const value = body[2] ?? 0;
    switch (fn) {
      case 67:
        return { kind: 'qrModuleSize', size: value };
      case 69:
        return { kind: 'qrErrorCorrection', level: qrLevels[value] ?? 'M' };
      case 80:
        return { kind: 'qrStore', data: Uint8Array.from(body.subarray(3)) };
      case 81:
        return { kind: 'qrPrint' };
      default:
        return { kind: 'unknown', bytes: Uint8Array.from(body) }; // model select and the like: model 2 is all we do
    }
  }

  #parseText(b: Buffer, at: number): Parsed {
    let end = at;
    while (end < b.length) {
      const byte = b[end] ?? 0;
      if (byte < 0x20 || byte === 0x7f) break;
      if (byte < 0x80 || !this.#chinese) {
        end++;
        continue;
      }
      // GB18030: lead 81–FE, then 40–FE (two bytes) or 30–39 81–FE 30–39 (four).
      const second = b[end + 1];
      if (second === undefined) break;
      const width = second >= 0x30 && second <= 0x39 ? 4 : 2;
      if (end + width > b.length) break;
      end += width;
    }
    if (end === at) return 'incomplete';
    return { command: { kind: 'text', bytes: Uint8Array.from(b.subarray(at, end)) }, length: end - at };
  }
}
