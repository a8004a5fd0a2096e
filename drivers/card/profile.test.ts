import { describe, expect, it } from 'vitest';
import { err, ok } from '../../basics/result.ts';
import { encodeCommand } from './apdu.ts';
import type { CardRecord } from './profile.ts';
import {
  cardErrorOf, command, decodeCardTime, ecPointToSpki, encodeCardRecord, encodePendingStatus, encodePublicKey, isValidPin,
  parseCardRecord, parsePendingStatus, parsePinStatus, parsePublicKey, spkiToEcPoint,
} from './profile.ts';
import { decodeTlvs, encodeTlv } from './tlv.ts';

const bytes = (c: ReturnType<(typeof command)[keyof typeof command]>): string => encodeCommand(c).toString('hex').toUpperCase();

describe('command bytes (docs/card-profile.md)', () => {
  it('matches the documented APDUs', () => {
    expect(bytes(command.select())).toBe('00A4040007F045504F52540100');
    expect(bytes(command.getData(0x0101))).toBe('00CA0101000000');
    expect(bytes(command.pinStatus())).toBe('00200081');
    expect(bytes(command.verifyPin('12345678'))).toBe('00200081083132333435363738');
    expect(bytes(command.changePin('12345678', '87654321'))).toBe('00240081103132333435363738' + '3837363534333231');
    expect(bytes(command.getChallenge())).toBe('0084000010');
    expect(bytes(command.externalAuthenticate(Buffer.alloc(16, 0xaa)))).toBe(`0082000110${'AA'.repeat(16)}`);
    expect(bytes(command.resetRetryCounter('24681357'))).toBe('002C0281083234363831333537');
    expect(bytes(command.generatePendingKeyPair())).toBe('0047800200');
    expect(bytes(command.readPublicKey('current'))).toBe('0047810100');
    expect(bytes(command.signWithPendingKey(Buffer.from([1, 2])))).toBe('002A9E9A02010200');
    expect(bytes(command.internalAuthenticate(Buffer.from([9])))).toBe('008800010109' + '00');
    expect(bytes(command.putPendingCertificate(Buffer.from([0x30, 0x00])))).toBe('00DA0112023000');
    expect(bytes(command.activatePending())).toBe('805A0000');
    expect(bytes(command.discardPending())).toBe('805A0100');
  });

  it('refuses to build a VERIFY with a malformed PIN (callers validate first)', () => {
    expect(isValidPin('1234567')).toBe(false);
    expect(isValidPin('1234567a')).toBe(false);
    expect(() => command.verifyPin('123')).toThrow(RangeError);
  });
});

describe('data objects', () => {
  const record: CardRecord = {
    cardNo: '8888000012345678', cardType: 'legal_person', holderName: '李四', holderIdNumber: '11010119900307123X',
    uscc: '91440300MA5DXXXX0X', enterpriseName: '示例公司'.repeat(30), certificateNotBefore: '2025-01-01T00:00:00Z',
    certificateNotAfter: '2027-01-01T12:34:56Z', status: 'reportedLost', pinTriesLeft: 2, pinMaxTries: 3, unblockTriesLeft: 10, pinMustChange: true,
  };

  it('round-trips the card record, long names included (two-byte BER lengths)', () => {
    const encoded = encodeCardRecord(record);
    expect(encoded.length).toBeGreaterThan(255);
    expect(encoded.subarray(0, 2).toString('hex')).toBe('e182');
    expect(parseCardRecord(encoded)).toEqual(ok(record));
  });

  it('rejects an incomplete or malformed record', () => {
    expect(parseCardRecord(encodeTlv(0xe1, encodeTlv(0x80, Buffer.from('1'))))).toEqual(err('card information incomplete or malformed'));
    expect(parseCardRecord(Buffer.from([0xe1, 0x05, 0x80]))).toEqual(err('tag e1 value truncated'));
    expect(decodeCardTime(Buffer.from('20271399000000Z'))).toBeUndefined();
  });

  it('round-trips pending status and public keys', () => {
    const status = { hasKey: true, hasCertificate: false, certificateMatchesKey: false };
    expect(parsePendingStatus(encodePendingStatus(status))).toEqual(ok(status));
    const point = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]);
    expect(encodePublicKey(point).subarray(0, 5).toString('hex')).toBe('7f49438641');
    expect(parsePublicKey(encodePublicKey(point))).toEqual(ok(point));
    expect(parsePublicKey(encodePublicKey(point.subarray(1))).ok).toBe(false);
    expect(spkiToEcPoint(ecPointToSpki(point))).toEqual(point);
  });

  it('decodes two-byte tags', () => {
    expect(decodeTlvs(Buffer.from('7f490186ff', 'hex'))).toEqual(err('truncated tag')); // FF opens a two-byte tag
    expect(decodeTlvs(Buffer.from('7f4902', 'hex'))).toEqual(err('tag 7f49 value truncated'));
    expect(decodeTlvs(Buffer.from('7f490100', 'hex'))).toEqual(ok([{ tag: 0x7f49, value: Buffer.from([0]) }]));
  });
});

describe('status words to values', () => {
  it('maps each profile status word', () => {
    expect(cardErrorOf(0x63c1)).toEqual({ kind: 'verificationFailed', triesLeft: 1 });
    expect(cardErrorOf(0x6983)).toEqual({ kind: 'blocked' });
    expect(cardErrorOf(0x6982)).toEqual({ kind: 'securityStatusNotSatisfied' });
    expect(cardErrorOf(0x6985)).toEqual({ kind: 'conditionsNotSatisfied' });
    expect(cardErrorOf(0x6984)).toEqual({ kind: 'referenceDataNotUsable' });
    expect(cardErrorOf(0x6a82)).toEqual({ kind: 'notFound' });
    expect(cardErrorOf(0x6d00)).toEqual({ kind: 'unexpectedStatus', sw: 0x6d00 });
    expect(parsePinStatus({ data: Buffer.alloc(0), sw: 0x63c3 })).toEqual(ok({ state: 'notVerified', triesLeft: 3 }));
    expect(parsePinStatus({ data: Buffer.alloc(0), sw: 0x6985 })).toEqual(err({ kind: 'conditionsNotSatisfied' }));
  });
});
