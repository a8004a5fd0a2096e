import { describe, expect, it } from 'vitest';
import { createLogger } from '../daemon/log/logger.ts';
import { maskIdNumber, redact } from './redact.ts';

describe('privacy redaction', () => {
  it('masks ID numbers to the first 6 and last 4', () => {
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
    expect(maskIdNumber('110101900307123')).toBe('110101*****7123');
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('masks an ID number glued to letters, and leaves longer digit runs (card numbers) alone', () => {
    expect(redact({ note: 'ID35020419800109011Xend' })).toEqual({ note: 'ID350204********011Xend' });
    expect(redact({ note: '8800000000421187' })).toEqual({ note: '8800000000421187' });
    expect(redact({ note: '1350204198001090117' })).toEqual({ note: '1350204198001090117' });
  });

  it('drops PINs under any casing, keeps retry counters, masks ID numbers in keys and in text', () => {
    expect(
      redact({
        pin: '12345678',
        newPIN: '87654321',
        nested: [{ oldPin: '1' }],
        pinTriesLeft: 2,
        holderIdNumber: '11010119900307123X',
        note: 'holder 11010119900307123X at the counter',
        uscc: '91350100M000100Y43',
      }),
    ).toEqual({
      pin: '[redacted]',
      newPIN: '[redacted]',
      nested: [{ oldPin: '[redacted]' }],
      pinTriesLeft: 2,
      holderIdNumber: '110101********123X',
      note: 'holder 110101********123X at the counter',
      // A USCC is an enterprise's public code, not personal data: left as it is.
      uscc: '91350100M000100Y43',
    });
  });

  it('the logger writes one JSON line with the event id and no PIN', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => lines.push(line) }).child({ connection: 3 });
    logger.event('ws.badMessage', { pin: '11111111', reason: 'bad' });
    logger.event('ws.command', { command: 'Common.Status' }); // debug: below the level
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'warn', event: 'K3004', name: 'ws.badMessage', connection: 3, pin: '[redacted]', reason: 'bad' });
    expect(lines[0]).not.toContain('11111111');
  });
});
