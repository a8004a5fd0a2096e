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
});
