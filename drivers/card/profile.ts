// The E-Port card profile (docs/card-profile.md): the application identifier, every command's
// APDU, the card-information data objects, and the mapping of status words to expected failures.
// Shared by the kiosk side (builders + parsers) and the virtual card (constants + encoders).
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';
import type { ApduError, CommandApdu, ResponseApdu } from './apdu.ts';
import { maxExtendedLength } from './apdu.ts';
import type { CardType } from '../../contract/devices/card-reader.ts';
import { sw, triesLeftOf } from './status-words.ts';
import type { Tlv } from './tlv.ts';
import { decodeTlvs, encodeTlv, encodeTlvs, findTlv } from './tlv.ts';

/** Proprietary AID: RID-style category F (unregistered) + "EPORT" + version 01. */
export const eportAid = Buffer.from('F045504F525401', 'hex');

export const cla = { interindustry: 0x00, proprietary: 0x80 } as const;

export const ins = {
  select: 0xa4,
  verify: 0x20,
  changeReferenceData: 0x24,
  resetRetryCounter: 0x2c,
  performSecurityOperation: 0x2a,
  generateAsymmetricKeyPair: 0x47,
  externalAuthenticate: 0x82,
  getChallenge: 0x84,
  internalAuthenticate: 0x88,
  getResponse: 0xc0,
  getData: 0xca,
  putData: 0xda,
  /** Proprietary (CLA 80): ACTIVATE (P1 00) or DISCARD (P1 01) the pending slot. */
  pendingSlot: 0x5a,
} as const;

/** GET DATA / PUT DATA object identifiers (P1-P2). */
export const dataObject = {
  cardInfo: 0x0101,
  pendingStatus: 0x0102,
  currentCertificate: 0x0111,
  pendingCertificate: 0x0112,
} as const;

export const pinReference = 0x81;
export const unblockKeyReference = 0x01;
export const keySlot = { current: 0x01, pending: 0x02 } as const;
export type KeySlot = keyof typeof keySlot;

export const pinLength = 8;
export const pinMaxTries = 3;
/** The issuer's PIN on a new card (seed 002: eight 8s); the holder must change it on first use. */
export const initialPin = '88888888';
export const unblockKeyMaxTries = 10;
export const challengeLength = 16;
export const cryptogramLength = 16;
export const maxCertificateLength = 4096;
export const maxSignDataLength = 4096;

/** Administrative status the issuer personalises on the card (byte in tag 88). */
export type CardAdminStatus = 'active' | 'frozen' | 'reportedLost' | 'invalidated';

const cardTypeCodes: Readonly<Record<CardType, number>> = { legal_person: 1, operator: 2, tax_clerk: 3, technician: 4 };
const adminStatusCodes: Readonly<Record<CardAdminStatus, number>> = { active: 1, frozen: 2, reportedLost: 3, invalidated: 4 };

function decodeCode<T extends string>(codes: Readonly<Record<T, number>>, code: number): T | undefined {
  return (Object.keys(codes) as T[]).find((key) => codes[key] === code);
}

/** Everything the card tells about itself (GET DATA 0101). The ID number is unmasked: mask it before it leaves the card service. */
export interface CardRecord {
  cardNo: string;
  cardType: CardType;
  holderName: string;
  holderIdNumber: string;
  uscc: string;
  enterpriseName: string;
  /** ISO 8601, UTC, whole seconds. */
  certificateNotBefore: string;
  certificateNotAfter: string;
  status: CardAdminStatus;
  pinTriesLeft: number;
  pinMaxTries: number;
  unblockTriesLeft: number;
  /** The PIN is still the issuer's initial one and must be changed before use. */
  pinMustChange: boolean;
}

/** Card-information tags inside template E1. */
export const infoTag = {
  template: 0xe1,
  cardNo: 0x80,
  cardType: 0x81,
  holderName: 0x82,
  holderIdNumber: 0x83,
  uscc: 0x84,
  enterpriseName: 0x85,
  notBefore: 0x86,
  notAfter: 0x87,
  status: 0x88,
  pinTriesLeft: 0x89,
  pinMaxTries: 0x8a,
  unblockTriesLeft: 0x8b,
  pinMustChange: 0x8c,
} as const;

/** ISO 8601 → GeneralizedTime-style "YYYYMMDDHHMMSSZ" (15 ASCII bytes). */
export function encodeCardTime(iso: string): Buffer {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  return Buffer.from(`${date.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`, 'ascii');
}

export function decodeCardTime(bytes: Buffer): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(bytes.toString('ascii'));
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace('.000Z', 'Z');
}

export function encodeCardRecord(record: CardRecord): Buffer {
  const items: Tlv[] = [
    { tag: infoTag.cardNo, value: Buffer.from(record.cardNo, 'ascii') },
    { tag: infoTag.cardType, value: Buffer.from([cardTypeCodes[record.cardType]]) },
    { tag: infoTag.holderName, value: Buffer.from(record.holderName, 'utf8') },
    { tag: infoTag.holderIdNumber, value: Buffer.from(record.holderIdNumber, 'ascii') },
    { tag: infoTag.uscc, value: Buffer.from(record.uscc, 'ascii') },
    { tag: infoTag.enterpriseName, value: Buffer.from(record.enterpriseName, 'utf8') },
    { tag: infoTag.notBefore, value: encodeCardTime(record.certificateNotBefore) },
    { tag: infoTag.notAfter, value: encodeCardTime(record.certificateNotAfter) },
    { tag: infoTag.status, value: Buffer.from([adminStatusCodes[record.status]]) },
    { tag: infoTag.pinTriesLeft, value: Buffer.from([record.pinTriesLeft]) },
    { tag: infoTag.pinMaxTries, value: Buffer.from([record.pinMaxTries]) },
    { tag: infoTag.unblockTriesLeft, value: Buffer.from([record.unblockTriesLeft]) },
    { tag: infoTag.pinMustChange, value: Buffer.from([record.pinMustChange ? 1 : 0]) },
  ];
  return encodeTlv(infoTag.template, encodeTlvs(items));
}

export function parseCardRecord(data: Buffer): Result<CardRecord, string> {
  const outer = decodeTlvs(data);
  if (!outer.ok) return outer;
  const template = findTlv(outer.value, infoTag.template);
  if (template === undefined) return err('no card-information template E1');
  const inner = decodeTlvs(template);
  if (!inner.ok) return inner;
  const items = inner.value;
  const need = (tag: number): Buffer | undefined => findTlv(items, tag);
  const text = (tag: number, encoding: 'ascii' | 'utf8'): string | undefined => need(tag)?.toString(encoding);
  const singleByte = (tag: number): number | undefined => {
    const value = need(tag);
    return value?.length === 1 ? value[0] : undefined;
  };
  const cardNo = text(infoTag.cardNo, 'ascii');
  const typeCode = singleByte(infoTag.cardType);
  const cardType = typeCode === undefined ? undefined : decodeCode(cardTypeCodes, typeCode);
  const holderName = text(infoTag.holderName, 'utf8');
  const holderIdNumber = text(infoTag.holderIdNumber, 'ascii');
  const uscc = text(infoTag.uscc, 'ascii');
  const enterpriseName = text(infoTag.enterpriseName, 'utf8');
  const notBeforeBytes = need(infoTag.notBefore);
  const notAfterBytes = need(infoTag.notAfter);
  const certificateNotBefore = notBeforeBytes === undefined ? undefined : decodeCardTime(notBeforeBytes);
  const certificateNotAfter = notAfterBytes === undefined ? undefined : decodeCardTime(notAfterBytes);
  const statusCode = singleByte(infoTag.status);
  const status = statusCode === undefined ? undefined : decodeCode(adminStatusCodes, statusCode);
  const pinTriesLeft = singleByte(infoTag.pinTriesLeft);
  const pinMaxTriesValue = singleByte(infoTag.pinMaxTries);
  const unblockTriesLeft = singleByte(infoTag.unblockTriesLeft);
  const mustChange = singleByte(infoTag.pinMustChange);
  if (
    cardNo === undefined || cardType === undefined || holderName === undefined || holderIdNumber === undefined ||
    uscc === undefined || enterpriseName === undefined || certificateNotBefore === undefined ||
    certificateNotAfter === undefined || status === undefined || pinTriesLeft === undefined ||
    pinMaxTriesValue === undefined || unblockTriesLeft === undefined || mustChange === undefined
  ) {
    return err('card information incomplete or malformed');
  }
  return ok({
    cardNo, cardType, holderName, holderIdNumber, uscc, enterpriseName, certificateNotBefore, certificateNotAfter,
    status, pinTriesLeft, pinMaxTries: pinMaxTriesValue, unblockTriesLeft, pinMustChange: mustChange === 1,
  });
}

/** Pending-slot status (GET DATA 0102): template E2 with C1 = flags. */
export interface PendingStatus {
  hasKey: boolean;
  hasCertificate: boolean;
  /** The pending certificate certifies the pending key: ACTIVATE would succeed. */
  certificateMatchesKey: boolean;
}

export const pendingFlag = { key: 0x01, certificate: 0x02, matches: 0x04 } as const;

export function encodePendingStatus(status: PendingStatus): Buffer {
  const flags = (status.hasKey ? pendingFlag.key : 0) | (status.hasCertificate ? pendingFlag.certificate : 0) | (status.certificateMatchesKey ? pendingFlag.matches : 0);
  return encodeTlv(0xe2, encodeTlv(0xc1, Buffer.from([flags])));
}

export function parsePendingStatus(data: Buffer): Result<PendingStatus, string> {
  const outer = decodeTlvs(data);
  if (!outer.ok) return outer;
  const template = findTlv(outer.value, 0xe2);
  if (template === undefined) return err('no pending-status template E2');
  const inner = decodeTlvs(template);
  if (!inner.ok) return inner;
  const flags = findTlv(inner.value, 0xc1);
  if (flags?.length !== 1) return err('pending flags missing');
  const f = flags.readUInt8(0);
  return ok({ hasKey: (f & pendingFlag.key) !== 0, hasCertificate: (f & pendingFlag.certificate) !== 0, certificateMatchesKey: (f & pendingFlag.matches) !== 0 });
}

/** An uncompressed P-256 point 04||X||Y. */
export const ecPointLength = 65;

/** Public key data object: 7F49 { 86 <04||X||Y> }. */
export function encodePublicKey(point: Buffer): Buffer {
  return encodeTlv(0x7f49, encodeTlv(0x86, point));
}

export function parsePublicKey(data: Buffer): Result<Buffer, string> {
  const outer = decodeTlvs(data);
  if (!outer.ok) return outer;
  const template = findTlv(outer.value, 0x7f49);
  if (template === undefined) return err('no public key template 7F49');
  const inner = decodeTlvs(template);
  if (!inner.ok) return inner;
  const point = findTlv(inner.value, 0x86);
  if (point?.length !== ecPointLength || point[0] !== 0x04) return err('public key is not an uncompressed P-256 point');
  return ok(point);
}

// DER SubjectPublicKeyInfo prefix for id-ecPublicKey + prime256v1, followed by the 65-byte point.
const p256SpkiPrefix = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');

export function ecPointToSpki(point: Buffer): Buffer {
  return Buffer.concat([p256SpkiPrefix, point]);
}

export function spkiToEcPoint(spki: Buffer): Buffer | undefined {
  if (spki.length !== p256SpkiPrefix.length + ecPointLength) return undefined;
  if (!spki.subarray(0, p256SpkiPrefix.length).equals(p256SpkiPrefix)) return undefined;
  return Buffer.from(spki.subarray(p256SpkiPrefix.length));
}

export function isValidPin(pin: string): boolean {
  return new RegExp(`^[0-9]{${pinLength}}$`).test(pin);
}

function pinBytes(pin: string): Buffer {
  if (!isValidPin(pin)) throw new RangeError('a PIN is exactly 8 ASCII digits'); // callers validate first
  return Buffer.from(pin, 'ascii');
}

// ---- Command builders (the kiosk side) ----

export const command = {
  select: (): CommandApdu => ({ cla: cla.interindustry, ins: ins.select, p1: 0x04, p2: 0x00, data: eportAid, le: 256 }),
  getData: (object: number): CommandApdu => ({ cla: cla.interindustry, ins: ins.getData, p1: object >> 8, p2: object & 0xff, le: maxExtendedLength }),
  verifyPin: (pin: string): CommandApdu => ({ cla: cla.interindustry, ins: ins.verify, p1: 0x00, p2: pinReference, data: pinBytes(pin) }),
  /** VERIFY without data: the PIN's status, no try spent. */
  pinStatus: (): CommandApdu => ({ cla: cla.interindustry, ins: ins.verify, p1: 0x00, p2: pinReference }),
  changePin: (oldPin: string, newPin: string): CommandApdu => ({
    cla: cla.interindustry, ins: ins.changeReferenceData, p1: 0x00, p2: pinReference, data: Buffer.concat([pinBytes(oldPin), pinBytes(newPin)]),
  }),
  getChallenge: (): CommandApdu => ({ cla: cla.interindustry, ins: ins.getChallenge, p1: 0x00, p2: 0x00, le: challengeLength }),
  externalAuthenticate: (cryptogram: Buffer): CommandApdu => ({ cla: cla.interindustry, ins: ins.externalAuthenticate, p1: 0x00, p2: unblockKeyReference, data: cryptogram }),
  /** P1 02: reset the counter and set new reference data (ISO 7816-4 §11.5.10). */
  resetRetryCounter: (newPin: string): CommandApdu => ({ cla: cla.interindustry, ins: ins.resetRetryCounter, p1: 0x02, p2: pinReference, data: pinBytes(newPin) }),
  generatePendingKeyPair: (): CommandApdu => ({ cla: cla.interindustry, ins: ins.generateAsymmetricKeyPair, p1: 0x80, p2: keySlot.pending, le: 256 }),
  readPublicKey: (slot: KeySlot): CommandApdu => ({ cla: cla.interindustry, ins: ins.generateAsymmetricKeyPair, p1: 0x81, p2: keySlot[slot], le: 256 }),
  /** PSO: COMPUTE DIGITAL SIGNATURE with the pending key; the card hashes `data` with SHA-256. */
  signWithPendingKey: (data: Buffer): CommandApdu => ({ cla: cla.interindustry, ins: ins.performSecurityOperation, p1: 0x9e, p2: 0x9a, data, le: 256 }),
  /** INTERNAL AUTHENTICATE with the current key: proof that the card holds the certified key. */
  internalAuthenticate: (challenge: Buffer): CommandApdu => ({ cla: cla.interindustry, ins: ins.internalAuthenticate, p1: 0x00, p2: keySlot.current, data: challenge, le: 256 }),
  putPendingCertificate: (der: Buffer): CommandApdu => ({
    cla: cla.interindustry, ins: ins.putData, p1: dataObject.pendingCertificate >> 8, p2: dataObject.pendingCertificate & 0xff, data: der,
  }),
  activatePending: (): CommandApdu => ({ cla: cla.proprietary, ins: ins.pendingSlot, p1: 0x00, p2: 0x00 }),
  discardPending: (): CommandApdu => ({ cla: cla.proprietary, ins: ins.pendingSlot, p1: 0x01, p2: 0x00 }),
} as const;

// ---- Response interpretation ----

export type CardError =
  /** 63Cx: wrong PIN or wrong cryptogram, x tries left. */
  | { kind: 'verificationFailed'; triesLeft: number }
  /** 6983: the PIN (or the unblock key) is blocked. */
  | { kind: 'blocked' }
  /** 6982: needs PIN verified, or EXTERNAL AUTHENTICATE first. */
  | { kind: 'securityStatusNotSatisfied' }
  /** 6985: the card's status or a missing prerequisite (no challenge, no pending key) forbids it. */
  | { kind: 'conditionsNotSatisfied' }
  /** 6984: the pending certificate does not certify the pending key. */
  | { kind: 'referenceDataNotUsable' }
  /** 6A82: the application or the data object is not there. */
  | { kind: 'notFound' }
  | { kind: 'unexpectedStatus'; sw: number }
  | { kind: 'malformedResponse'; detail: string }
  | { kind: 'transport'; error: ApduError };

export function cardErrorOf(word: number): CardError {
  const tries = triesLeftOf(word);
  if (tries !== null) return { kind: 'verificationFailed', triesLeft: tries };
  switch (word) {
    case sw.authenticationMethodBlocked:
      return { kind: 'blocked' };
    case sw.securityStatusNotSatisfied:
      return { kind: 'securityStatusNotSatisfied' };
    case sw.conditionsOfUseNotSatisfied:
      return { kind: 'conditionsNotSatisfied' };
    case sw.referenceDataNotUsable:
      return { kind: 'referenceDataNotUsable' };
    case sw.fileNotFound:
      return { kind: 'notFound' };
    default:
      return { kind: 'unexpectedStatus', sw: word };
  }
}

/** 9000 → the data; any other SW → the matching CardError. */
export function expectSuccess(response: ResponseApdu): Result<Buffer, CardError> {
  return response.sw === sw.ok ? ok(response.data) : err(cardErrorOf(response.sw));
}

/** What VERIFY without data says about the PIN. */
export type PinStatus = { state: 'verified' } | { state: 'notVerified'; triesLeft: number } | { state: 'blocked' };

export function parsePinStatus(response: ResponseApdu): Result<PinStatus, CardError> {
  if (response.sw === sw.ok) return ok({ state: 'verified' });
  if (response.sw === sw.authenticationMethodBlocked) return ok({ state: 'blocked' });
  const tries = triesLeftOf(response.sw);
  if (tries !== null) return ok({ state: 'notVerified', triesLeft: tries });
  return err(cardErrorOf(response.sw));
}
