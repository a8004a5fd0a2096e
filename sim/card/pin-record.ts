// How the virtual card keeps its PIN: a salted scrypt hash and the retry counter, never the PIN.
import { randomBytes, scryptSync } from 'node:crypto';
import { constantTimeEqual } from '../../drivers/card/card-crypto.ts';

export interface PinRecord {
  salt: string;
  hash: string;
  triesLeft: number;
  maxTries: number;
  /** Still the issuer's initial PIN: the kiosk asks for a change before use. */
  mustChange: boolean;
}

function hashPin(pin: string, salt: Buffer): Buffer {
  // Small scrypt cost: this is a simulator's EEPROM, not a password database.
  return scryptSync(pin, salt, 32, { N: 1024 });
}

export function newPinRecord(pin: string, maxTries: number, triesLeft: number, mustChange: boolean): PinRecord {
  const salt = randomBytes(16);
  return { salt: salt.toString('hex'), hash: hashPin(pin, salt).toString('hex'), triesLeft, maxTries, mustChange };
}

export function pinMatches(pin: string, record: PinRecord): boolean {
  return constantTimeEqual(hashPin(pin, Buffer.from(record.salt, 'hex')), Buffer.from(record.hash, 'hex'));
}
