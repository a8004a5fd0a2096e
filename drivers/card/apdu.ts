// ISO/IEC 7816-4 command and response APDUs: encoding (cases 1-4, short and extended length),
// decoding (the card side needs it too), and a transport-agnostic exchange that handles 61xx,
// 6Cxx and command chaining so callers see one logical command and one logical response.
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';

export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  /** Command data (Lc is its length); absent or empty for cases 1 and 2. */
  data?: Buffer;
  /** Expected response length Ne, 1..65536; absent for cases 1 and 3. 256 encodes as short Le 00. */
  le?: number;
}

export interface ResponseApdu {
  data: Buffer;
  /** SW1 << 8 | SW2 */
  sw: number;
}

/** Bit of CLA meaning "more parts of this command follow" (ISO 7816-4 §5.4.1). */
export const claChaining = 0x10;
export const maxShortData = 255;
export const maxShortLe = 256;
export const maxExtendedLength = 65536;

function byte(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`${name} must be a byte, got ${value}`);
  return value;
}

/** Needs extended length: data over 255 bytes or Ne over 256. */
export function needsExtendedLength(command: CommandApdu): boolean {
  return (command.data?.length ?? 0) > maxShortData || (command.le ?? 0) > maxShortLe;
}

/**
 * Encodes a command APDU. Short form unless `extended` is asked for or the lengths need it.
 * Invalid header bytes or lengths are programming errors and throw.
 */
export function encodeCommand(command: CommandApdu, options: { extended?: boolean } = {}): Buffer {
  const header = Buffer.from([byte('CLA', command.cla), byte('INS', command.ins), byte('P1', command.p1), byte('P2', command.p2)]);
  const data = command.data ?? Buffer.alloc(0);
  const le = command.le;
  if (data.length > maxExtendedLength - 1) throw new RangeError(`command data too long: ${data.length}`);
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > maxExtendedLength)) throw new RangeError(`Le out of range: ${le}`);
  const extended = options.extended === true || needsExtendedLength(command);
  const parts: Buffer[] = [header];
  if (!extended) {
    if (data.length > 0) parts.push(Buffer.from([data.length]), data);
    if (le !== undefined) parts.push(Buffer.from([le === maxShortLe ? 0 : le]));
    return Buffer.concat(parts);
  }
  const two = (n: number): Buffer => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
  if (data.length > 0) parts.push(Buffer.from([0]), two(data.length), data);
  if (le !== undefined) {
    const leBytes = two(le === maxExtendedLength ? 0 : le);
    // Case 2E carries its own 00 marker; case 4E's Le follows the data without one.
    parts.push(data.length > 0 ? leBytes : Buffer.concat([Buffer.from([0]), leBytes]));
  }
  return Buffer.concat(parts);
}

export interface DecodedCommand extends CommandApdu {
  data: Buffer;
  extended: boolean;
}

/** Decodes a command APDU as a card does; a length that fits no case is `wrongLength` (SW 6700). */
export function decodeCommand(apdu: Buffer): Result<DecodedCommand, 'wrongLength'> {
  if (apdu.length < 4) return err('wrongLength');
  const [cla, ins, p1, p2] = [apdu.readUInt8(0), apdu.readUInt8(1), apdu.readUInt8(2), apdu.readUInt8(3)];
  const base = { cla, ins, p1, p2 };
  const rest = apdu.length - 4;
  if (rest === 0) return ok({ ...base, data: Buffer.alloc(0), extended: false });
  const b4 = apdu.readUInt8(4);
  if (rest === 1) return ok({ ...base, data: Buffer.alloc(0), le: b4 === 0 ? maxShortLe : b4, extended: false });
  if (b4 !== 0) {
    const data = apdu.subarray(5, 5 + b4);
    if (rest === 1 + b4) return ok({ ...base, data, extended: false });
    if (rest === 2 + b4) {
      const le = apdu.readUInt8(5 + b4);
      return ok({ ...base, data, le: le === 0 ? maxShortLe : le, extended: false });
    }
    return err('wrongLength');
  }
  if (rest < 3) return err('wrongLength');
  const n = apdu.readUInt16BE(5);
  if (rest === 3) return ok({ ...base, data: Buffer.alloc(0), le: n === 0 ? maxExtendedLength : n, extended: true });
  if (n === 0) return err('wrongLength');
  const data = apdu.subarray(7, 7 + n);
  if (rest === 3 + n) return ok({ ...base, data, extended: true });
  if (rest === 5 + n) {
    const le = apdu.readUInt16BE(7 + n);
    return ok({ ...base, data, le: le === 0 ? maxExtendedLength : le, extended: true });
  }
  return err('wrongLength');
}

export function encodeResponse(response: ResponseApdu): Buffer {
  return Buffer.concat([response.data, Buffer.from([response.sw >> 8, response.sw & 0xff])]);
}

export function parseResponse(apdu: Buffer): Result<ResponseApdu, 'tooShort'> {
  if (apdu.length < 2) return err('tooShort');
  return ok({ data: Buffer.from(apdu.subarray(0, apdu.length - 2)), sw: apdu.readUInt16BE(apdu.length - 2) });
}

export function formatSw(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

/** Why a transport could not carry an APDU: expected failures, not bugs. */
export type TransportError = 'noCard' | 'noReader' | 'transportFailed';

/** One raw APDU exchange over some reader (PC/SC, in-process). */
export type SendApdu = (apdu: Buffer) => Promise<Result<Buffer, TransportError>>;

export type ApduError =
  | { kind: 'transport'; error: TransportError }
  /** The card's answer is not a response APDU, or it never stops asking for more exchanges. */
  | { kind: 'badResponse'; detail: string };

export interface TransmitOptions {
  /** The card takes extended-length APDUs; otherwise long data is chained and long Ne uses 61xx. */
  extendedLength: boolean;
}

// A 64 KiB response in 256-byte GET RESPONSE rounds, plus slack; more means a confused card.
const maxRounds = 300;

async function exchange(send: SendApdu, apdu: Buffer): Promise<Result<ResponseApdu, ApduError>> {
  let raw: Result<Buffer, TransportError>;
  try {
    raw = await send(apdu);
  } catch {
    // A transport that rejects instead of answering a value still lost the card, not the program.
    return err({ kind: 'transport', error: 'transportFailed' });
  }
  if (!raw.ok) return err({ kind: 'transport', error: raw.error });
  const parsed = parseResponse(raw.value);
  if (!parsed.ok) return err({ kind: 'badResponse', detail: `response of ${raw.value.length} byte(s)` });
  return ok(parsed.value);
}

/** Splits a command whose data exceeds one short APDU into chained parts (CLA bit 0x10 on all but the last). */
export function chainCommand(command: CommandApdu): CommandApdu[] {
  const data = command.data ?? Buffer.alloc(0);
  if (data.length <= maxShortData) return [command];
  const parts: CommandApdu[] = [];
  for (let offset = 0; offset < data.length; offset += maxShortData) {
    const chunk = data.subarray(offset, offset + maxShortData);
    const last = offset + maxShortData >= data.length;
    parts.push({
      cla: last ? command.cla : command.cla | claChaining,
      ins: command.ins,
      p1: command.p1,
      p2: command.p2,
      data: chunk,
      ...(last && command.le !== undefined ? { le: command.le } : {}),
    });
  }
  return parts;
}

/**
 * Sends one logical command and returns its whole response: chains long data when the card
 * lacks extended length, resends with the right Le on 6Cxx, collects 61xx with GET RESPONSE.
 * Any status word comes back as a value; only a lost transport or a nonsensical answer is an error.
 */
export async function transmit(send: SendApdu, command: CommandApdu, options: TransmitOptions): Promise<Result<ResponseApdu, ApduError>> {
  const shortOnly = !options.extendedLength;
  const parts = shortOnly ? chainCommand(command) : [command];
  for (const part of parts.slice(0, -1)) {
    const response = await exchange(send, encodeCommand(part));
    if (!response.ok) return response;
    if (response.value.sw !== 0x9000) return response; // e.g. 6884: the card refuses chaining
  }
  const lastPart = parts.at(-1);
  if (lastPart === undefined) throw new Error('chainCommand returned no part');
  let current = lastPart;
  // Without extended length, ask for at most 256 and let 61xx carry the rest.
  if (shortOnly && current.le !== undefined && current.le > maxShortLe) current = { ...current, le: maxShortLe };
  const collected: Buffer[] = [];
  let wrongLeRetries = 0;
  for (let round = 0; round < maxRounds; round++) {
    const response = await exchange(send, encodeCommand(current));
    if (!response.ok) return response;
    const { data, sw } = response.value;
    const sw1 = sw >> 8;
    const sw2 = sw & 0xff;
    if (sw1 === 0x6c) {
      if (++wrongLeRetries > 2) return err({ kind: 'badResponse', detail: 'card keeps answering 6Cxx' });
      current = { ...current, le: sw2 === 0 ? maxShortLe : sw2 };
      continue;
    }
    collected.push(data);
    if (sw1 === 0x61) {
      // GET RESPONSE on the same logical channel (CLA's low two bits).
      current = { cla: current.cla & 0x03, ins: 0xc0, p1: 0, p2: 0, le: sw2 === 0 ? maxShortLe : sw2 };
      wrongLeRetries = 0;
      continue;
    }
    return ok({ data: Buffer.concat(collected), sw });
  }
  return err({ kind: 'badResponse', detail: 'too many GET RESPONSE rounds' });
}
