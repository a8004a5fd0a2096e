import { describe, expect, it } from 'vitest';
import { checkPinPolicy } from './pin-policy.ts';

const holder = '110101199003071232'; // born 1990-03-07

describe('PIN policy', () => {
  it.each([
    ['73918264', null],
    ['1234567', 'notEightDigits'],
    ['123456789', 'notEightDigits'],
    ['1234567a', 'notEightDigits'],
    ['１２３４５６７８', 'notEightDigits'],
    ['88888888', 'initialPin'],
    ['00000000', 'allSame'],
    ['12345678', 'sequence'],
    ['87654321', 'sequence'],
    ['78901234', 'sequence'],
    ['19900307', 'birthDate'],
    ['07031990', 'birthDate'],
    ['03071990', 'birthDate'],
    ['55900307', 'birthDate'],
    ['19900308', null],
  ] as const)('%s → %s', (pin, expected) => {
    expect(checkPinPolicy({ pin, holderIdNumber: holder })).toBe(expected);
  });

  it('refuses a confirmation that differs and an unchanged PIN', () => {
    expect(checkPinPolicy({ pin: '73918264', confirmation: '73918265' })).toBe('mismatch');
    expect(checkPinPolicy({ pin: '73918264', oldPin: '73918264' })).toBe('sameAsOld');
    expect(checkPinPolicy({ pin: '73918264', confirmation: '73918264', oldPin: '11223344' })).toBeNull();
  });

  describe('not a phone number the registry holds', () => {
    const phones = ['13906012345', '0592-5612345'];
    it.each([
      // A mobile number: any 8 digits in a row of it, the last 8 first of all.
      ['06012345', 'phoneNumber'],
      ['13906012', 'phoneNumber'],
      ['90601234', 'phoneNumber'],
      // A landline: area code and number run together, or the 7-digit local number inside the PIN.
      ['92561234', 'phoneNumber'],
      ['25612345', 'phoneNumber'],
      ['56123459', 'phoneNumber'],
      ['05612345', 'phoneNumber'],
      // Near misses are fine.
      ['06012346', null],
      ['56123460', null],
    ] as const)('%s → %s', (pin, expected) => {
      expect(checkPinPolicy({ pin, phoneNumbers: phones })).toBe(expected);
    });

    it('has nothing to compare without numbers on record', () => {
      expect(checkPinPolicy({ pin: '06012345' })).toBeNull();
      expect(checkPinPolicy({ pin: '06012345', phoneNumbers: [] })).toBeNull();
    });

    it('an 8-digit local number is refused as it is', () => {
      expect(checkPinPolicy({ pin: '56123456', phoneNumbers: ['021-56123456'] })).toBe('phoneNumber');
    });
  });
});
