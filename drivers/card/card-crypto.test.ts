import { describe, expect, it } from 'vitest';
import { aesCmac, deriveUnblockKey, kdfCounterCmac, unblockCryptogram } from './card-crypto.ts';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// RFC 4493 section 4 test vectors.
const key = hex('2b7e1516 28aed2a6 abf71588 09cf4f3c');
const message = hex(`6bc1bee2 2e409f96 e93d7e11 7393172a ae2d8a57 1e03ac9c 9eb76fac 45af8e51
  30c81c46 a35ce411 e5fbc119 1a0a52ef f69f2445 df4f9b17 ad2b417b e66c3710`);

describe('AES-CMAC (RFC 4493 vectors)', () => {
  it.each([
    [0, 'bb1d6929 e9593728 7fa37d12 9b756746'],
    [16, '070a16b4 6b4d4144 f79bdd9d d04a287c'],
    [40, 'dfa66747 de9ae630 30ca3261 1497c827'],
    [64, '51f0bebf 7e3b9d92 fc497417 79363cfe'],
  ])('%d-byte message', (length, tag) => {
    expect(aesCmac(key, message.subarray(0, length)).toString('hex')).toBe(hex(tag).toString('hex'));
  });

  it('refuses a key of the wrong size', () => {
    expect(() => aesCmac(Buffer.alloc(15), Buffer.alloc(0))).toThrow(RangeError);
  });
});

describe('unblock key diversification', () => {
  it('derives different keys for different cards and is deterministic', () => {
    const master = hex('000102030405060708090a0b0c0d0e0f');
    const a = deriveUnblockKey(master, '8100000000000001');
    expect(a).toHaveLength(16);
    expect(deriveUnblockKey(master, '8100000000000001').equals(a)).toBe(true);
    expect(deriveUnblockKey(master, '8100000000000002').equals(a)).toBe(false);
  });

  it('produces multi-block output from the counter', () => {
    const out = kdfCounterCmac(Buffer.alloc(16, 1), 'L', Buffer.from('ctx'), 40);
    expect(out).toHaveLength(40);
    expect(out.subarray(0, 16).equals(out.subarray(16, 32))).toBe(false);
  });

  it('binds the cryptogram to the challenge and the card', () => {
    const k = deriveUnblockKey(Buffer.alloc(16, 7), 'C1');
    const challenge = Buffer.alloc(16, 9);
    const c = unblockCryptogram(k, challenge, 'C1');
    expect(unblockCryptogram(k, Buffer.alloc(16, 8), 'C1').equals(c)).toBe(false);
    expect(unblockCryptogram(k, challenge, 'C2').equals(c)).toBe(false);
  });
});
