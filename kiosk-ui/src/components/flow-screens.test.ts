import { describe, expect, it } from 'vitest';
import { idleWarningMs } from './flow-idle-warning.ts';
import { cancelNeedsConfirm } from './flow-nav.ts';
import { pinAfterKey } from './pin-pad.ts';

describe('idleWarningMs', () => {
  it('warns 15 s after the usual minute, a quarter of a short timeout, at least 1 s', () => {
    expect(idleWarningMs(60_000)).toBe(15_000);
    expect(idleWarningMs(600_000)).toBe(15_000);
    expect(idleWarningMs(8_000)).toBe(2_000);
    expect(idleWarningMs(1_000)).toBe(1_000);
  });
});

describe('cancelNeedsConfirm', () => {
  it('asks only where scans or entries would be lost', () => {
    expect(cancelNeedsConfirm('scanPaper')).toBe(true);
    expect(cancelNeedsConfirm('confirmFields')).toBe(true);
    expect(cancelNeedsConfirm('insertCard')).toBe(false);
    expect(cancelNeedsConfirm('failed')).toBe(false);
  });
});

describe('pinAfterKey', () => {
  it('takes digits only, up to the length', () => {
    expect(pinAfterKey('', '7', 8)).toBe('7');
    expect(pinAfterKey('12', 'a', 8)).toBe('12');
    expect(pinAfterKey('12', 'Enter', 8)).toBe('12');
    expect(pinAfterKey('12', '١', 8)).toBe('12');
    expect(pinAfterKey('12345678', '9', 8)).toBe('12345678');
    expect(pinAfterKey('1234567', '8', 8)).toBe('12345678');
  });
});
