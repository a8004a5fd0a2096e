import { describe, expect, it } from 'vitest';
import { renewalSteps } from '../../daemon/cards/renewal.ts';
import { unlockSteps } from '../../daemon/cards/unlock.ts';
import { refusalReasons } from '../../contract/authority/http-wire.ts';
import type { FlowProblem } from '../../contract/flow-view.ts';
import { flowProblemWords, intakeNotAcceptableKey, progressShown, progressText, say, sendFailureWords } from './flow-words.ts';
import { languages, translate } from './i18n.ts';

const problems: FlowProblem[] = [
  { kind: 'noCard' },
  { kind: 'cardRemoved' },
  { kind: 'readerUnavailable' },
  { kind: 'unreadableCard' },
  { kind: 'wrongCardState', lifecycle: 'frozen' },
  { kind: 'wrongCardType', expected: ['operator', 'tax_clerk'], actual: 'legal_person' },
  { kind: 'otherEnterprise' },
  { kind: 'legalPersonFirst' },
  { kind: 'alreadyDone', cardNo: '8135020000000001' },
  { kind: 'renewedToday', cardNo: '8135020000000001', notAfter: '2028-12-05T00:00:00Z' },
  { kind: 'wrongPin', triesLeft: 2 },
  { kind: 'wrongPin', triesLeft: 1 },
  { kind: 'wrongPin', triesLeft: 0 },
  { kind: 'pinBlocked' },
  { kind: 'pinPolicy', refusal: 'sequence' },
  { kind: 'authorityUnreachable' },
  { kind: 'authorityRefused', reason: 'unknownCard' },
  { kind: 'scannerJam' },
  { kind: 'scannerCoverOpen' },
  { kind: 'scannerNoPaper' },
  { kind: 'scannerUnavailable' },
  { kind: 'rescan', checks: ['blank', 'heavySkew'] },
  { kind: 'fieldsInvalid', fields: ['uscc'] },
  { kind: 'wrongPaper', looksLike: { zh: '《营业执照（副本）》', en: 'business licence (duplicate)' } },
  { kind: 'printerNoPaper' },
  { kind: 'printerCoverOpen' },
  { kind: 'printerUnavailable' },
  { kind: 'outOfService' },
  { kind: 'internal', detail: 'boom' },
];

describe('flowProblemWords', () => {
  it('says what happened and what to do next for every problem, in both languages', () => {
    for (const language of languages) {
      for (const problem of problems) {
        const words = flowProblemWords(problem, language);
        const what = say(language, words.what);
        const next = say(language, words.next);
        expect(what, `${language} ${problem.kind}`).not.toMatch(/\{\w+\}/);
        expect(next.length, `${language} ${problem.kind}`).toBeGreaterThan(3);
        expect(what).not.toContain('boom');
      }
    }
  });

  it('says each refusal of the authority in words, never its code', () => {
    for (const language of languages) {
      const said = new Set<string>();
      for (const reason of [...refusalReasons, 'unknownCard' as const]) {
        const what = say(language, flowProblemWords({ kind: 'authorityRefused', reason }, language).what);
        expect(what, `${language} ${reason}`).not.toContain(reason);
        expect(what, `${language} ${reason}`).not.toMatch(/\(\w+\)|authorityRefusal\./);
        said.add(what);
      }
      // One sentence per reason: none falls back on another's words.
      expect(said.size).toBe(refusalReasons.length + 1);
    }
    expect(say('en', flowProblemWords({ kind: 'authorityRefused', reason: 'cardNotInvalidated' }, 'en').what)).toBe(
      'China E-Port refused this request: only an invalidated card can be deregistered, and this card is not invalidated.',
    );
    expect(say('zh-CN', flowProblemWords({ kind: 'authorityRefused', reason: 'cardNotInvalidated' }, 'zh-CN').what)).toBe('中国电子口岸未同意本次办理：只有已作废的卡才能注销，这张卡尚未作废。');
  });

  it('fills in the details', () => {
    expect(say('en', flowProblemWords({ kind: 'wrongPin', triesLeft: 2 }, 'en').what)).toBe('Wrong PIN. 2 tries left.');
    expect(say('zh-CN', flowProblemWords({ kind: 'wrongCardState', lifecycle: 'frozen' }, 'zh-CN').what)).toContain('已冻结');
    const renewed = { kind: 'renewedToday', cardNo: '8135020000000001', notAfter: '2028-12-05T00:00:00Z' } as const;
    expect(say('en', flowProblemWords(renewed, 'en').what)).toBe(
      'Card 8135020000000001 was already renewed at this kiosk today; its certificate is valid until December 5, 2028. It does not need renewing again.',
    );
    expect(say('zh-CN', flowProblemWords(renewed, 'zh-CN').what)).toContain('2028年12月5日');
    expect(say('en', flowProblemWords(renewed, 'en').next)).toContain('another card');
    expect(say('en', flowProblemWords({ kind: 'pinPolicy', refusal: 'mismatch' }, 'en').what)).toBe('The two entries do not match.');
    // "Wrong PIN" always with the tries left: never "1 tries", never "0 tries left, enter it again".
    expect(say('en', flowProblemWords({ kind: 'wrongPin', triesLeft: 1 }, 'en').what)).toBe('Wrong PIN. 1 try left.');
    expect(say('zh-CN', flowProblemWords({ kind: 'wrongPin', triesLeft: 1 }, 'zh-CN').what)).toContain('最后 1 次');
    const none = flowProblemWords({ kind: 'wrongPin', triesLeft: 0 }, 'en');
    expect(say('en', none.what)).toBe('Wrong PIN. No tries left: the PIN of this card is now locked.');
    expect(none.next.key).toBe('fpNext.unlock');
    expect(say('zh-CN', flowProblemWords({ kind: 'rescan', checks: ['blank', 'heavySkew'] }, 'zh-CN').what)).toContain('空白页、放得太歪');
  });
});

describe('progressShown', () => {
  it('names every unlock and renewal step', () => {
    for (const step of [...unlockSteps, ...renewalSteps]) {
      const shown = progressShown({ step, index: 0, of: 7 });
      expect(shown.words.key, step).toBe('working.stepNamed');
      expect(progressText('en', shown)).not.toMatch(/step\./);
    }
  });

  it('counts from the step reached and falls back to "step i of n"', () => {
    const shown = progressShown({ step: 'pinReset', index: 4, of: 7 });
    expect(shown).toMatchObject({ number: 5, of: 7 });
    expect(progressText('en', shown)).toBe('Step 5 of 7: Writing the new PIN');
    const unknown = progressShown({ step: 'somethingNew', index: 9, of: 3 });
    expect(unknown).toMatchObject({ number: 3, fraction: 1 });
    expect(progressText('zh-CN', unknown)).toBe('第 3 步，共 3 步');
  });
});

describe('sendFailureWords', () => {
  it('speaks of the connection, a changed screen, or a plain retry', () => {
    expect(sendFailureWords({ kind: 'failed', reason: 'connectionLost' }).key).toBe('flow.send.connection');
    expect(sendFailureWords({ kind: 'error', completionCode: 'sequenceError', errorDescription: undefined, payload: null }).key).toBe('flow.send.stale');
    expect(sendFailureWords({ kind: 'error', completionCode: 'internalError', errorDescription: 'x', payload: null }).key).toBe('flow.send.other');
  });
});

describe('intakeNotAcceptableKey', () => {
  it('says the receipt lists what is missing only when it printed', () => {
    expect(intakeNotAcceptableKey({ state: 'printed', jobId: 'j1' })).toBe('done.intakeNotAcceptable.printed');
    for (const receipt of [{ state: 'failed', problem: { kind: 'printerNoPaper' } }, { state: 'skipped' }, { state: 'printing' }] as const) {
      expect(intakeNotAcceptableKey(receipt)).toBe('done.intakeNotAcceptable.onScreen');
      expect(say('zh-CN', { key: intakeNotAcceptableKey(receipt), params: { business: '换卡' } })).not.toContain('凭条');
    }
  });
});

describe('the licence-mismatch screen', () => {
  it('calls the intake tile by its attract-screen name', () => {
    for (const language of languages) {
      const tile = translate(language, 'service.intake.title');
      expect(translate(language, 'registry.next1', { tile })).toContain(`${language === 'en' ? '"' : '“'}${tile}${language === 'en' ? '"' : '”'}`);
    }
  });
});
