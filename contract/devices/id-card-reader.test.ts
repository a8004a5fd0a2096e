import { describe, expect, it } from 'vitest';
import { idCardExpired, idCardReaderServiceability, type IdCardReaderStatus } from './id-card-reader.ts';

describe('the ID-card reader in the contract', () => {
  it('serviceability: ready with or without a card, attention on error, unavailable without a device', () => {
    const holder = { name: '许文彬', idNumberMasked: '350204********011X', validity: { from: '2015-03-20', until: { kind: 'longTerm' as const } } };
    const cases: [IdCardReaderStatus, string][] = [
      [{ state: 'noCard', device: '/dev/eport-idcard' }, 'ready'],
      [{ state: 'cardPresent', device: '/dev/eport-idcard', holder }, 'ready'],
      [{ state: 'error', device: '/dev/eport-idcard', message: 'no answer' }, 'attention'],
      [{ state: 'noDevice', reason: 'unplugged' }, 'unavailable'],
      [{ state: 'notFitted' }, 'ready'],
    ];
    for (const [status, expected] of cases) expect(idCardReaderServiceability(status), status.state).toBe(expected);
  });

  it('expiry: the last valid day still counts, 长期 never ends', () => {
    const until = (date: string) => ({ from: '2014-07-15', until: { kind: 'date' as const, date } });
    expect(idCardExpired(until('2024-07-15'), '2024-07-15')).toBe(false);
    expect(idCardExpired(until('2024-07-15'), '2024-07-16')).toBe(true);
    expect(idCardExpired({ from: '2022-09-01', until: { kind: 'longTerm' } }, '2099-01-01')).toBe(false);
  });
});
