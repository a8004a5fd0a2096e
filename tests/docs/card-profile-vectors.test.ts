// The known-answer vector of docs/card-profile.md ("Unblock key derivation") against the code: a
// third party implementing the KDF from the page alone gets the same bytes, and a change of the
// code that the page does not follow fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aesCmac, deriveUnblockKey, unblockCryptogram } from '../../drivers/card/card-crypto.ts';

const page = readFileSync(new URL('../../docs/card-profile.md', import.meta.url), 'utf8');

/** The value after `name` in the page's vector block (one `name  value` line each). */
function vector(name: string): string {
  const line = page.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (line === undefined) throw new Error(`docs/card-profile.md has no "${name}" line in its vector`);
  return line.slice(name.length).trim();
}

const hex = (name: string): Buffer => Buffer.from(vector(name), 'hex');

describe('the unblock key derivation as docs/card-profile.md writes it', () => {
  it('builds the KDF input byte by byte as the table says', () => {
    const cardNo = vector('card number');
    const input = Buffer.concat([Buffer.from([0x01]), Buffer.from('EPORT-UNBLOCK', 'ascii'), Buffer.from([0x00]), Buffer.from(cardNo, 'ascii'), Buffer.from([0x00, 0x80])]);
    expect(input.toString('hex')).toBe(vector('KDF input'));
    // One PRF block over that input is the key.
    expect(aesCmac(hex('master key'), input).toString('hex')).toBe(vector('unblock key'));
  });

  it('gives the documented unblock key and cryptogram', () => {
    const cardNo = vector('card number');
    const key = deriveUnblockKey(hex('master key'), cardNo);
    expect(key.toString('hex')).toBe(vector('unblock key'));
    expect(unblockCryptogram(key, hex('challenge'), cardNo).toString('hex')).toBe(vector('cryptogram'));
  });
});
