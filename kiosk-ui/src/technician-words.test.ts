import { describe, expect, it } from 'vitest';
import { cardProblemWords, deviceProblemWords, errorValue, formatDetail, maskName, problemWords, refusalWords } from './technician-words.ts';

describe('technician words', () => {
  it('say a login refusal in plain words, the lockout with its seconds', () => {
    expect(refusalWords({ kind: 'lockedOut', retryInSeconds: 30 })).toEqual({ key: 'login.refusal.lockedOut', params: { seconds: 30 } });
    expect(refusalWords({ kind: 'wrongPin' }).key).toBe('login.refusal.wrongPin');
    expect(refusalWords({ kind: 'pinMustChange' }).key).toBe('login.refusal.pinMustChange');
    expect(refusalWords({ kind: 'card', error: { kind: 'noCard' } }).key).toBe('cardError.noCard');
  });

  it('read the error value of a refused command, and fall back to the completion code', () => {
    expect(errorValue({ error: { kind: 'wrongPin' } })).toEqual({ kind: 'wrongPin' });
    expect(errorValue({ error: 'wrongPin' })).toBeNull();
    const refused = { kind: 'error', completionCode: 'userError', errorDescription: 'wrong PIN', payload: { error: { kind: 'wrongPin', triesLeft: 2 } } } as const;
    expect(cardProblemWords(refused)).toEqual({ key: 'cardError.wrongPin', params: { tries: 2 } });
    expect(cardProblemWords({ ...refused, completionCode: 'hardwareError', payload: {} }).key).toBe('problem.hardware');
    expect(problemWords({ kind: 'failed', reason: 'connectionLost' }).key).toBe('problem.connection');
    const noPaper = { kind: 'error', completionCode: 'deviceNotReady', errorDescription: 'nothing on the glass', payload: { error: { kind: 'noPaper', message: 'x' } } } as const;
    expect(deviceProblemWords(noPaper, 'scanner').key).toBe('scanError.noPaper');
  });

  it('mask a holder name and flatten an audit detail', () => {
    expect(maskName('李志强')).toBe('李**');
    expect(maskName('王')).toBe('王*');
    expect(formatDetail({ light: 'cardSlot', refusal: { kind: 'wrongPin' } })).toBe('light: cardSlot, refusal: {"kind":"wrongPin"}');
  });
});
