import { describe, expect, it } from 'vitest';
import type { CardView, FlowScreen } from '../../../contract/flow-view.ts';
import { translate } from '../i18n.ts';
import { idleBodyKey, idleWarningMs } from './flow-idle-warning.ts';
import { takeCardBodyKey } from './flow-take-card.ts';
import { cancelBodyKey, cancelChoice, cancelNeedsConfirm } from './flow-nav.ts';
import { changePinEntry, changePinStage, newPinEntry, newPinStage, pinProblemShown } from './flow-pin-screen.ts';
import { pinAfterKey } from './pin-pad.ts';

const card: CardView = {
  cardNo: '8135020000000011',
  cardType: 'operator',
  holderName: '王丽娜',
  holderIdNumberMasked: '350211********0041',
  enterpriseName: '厦门海韵进出口贸易有限公司',
  uscc: '91350200MA2XXXXXX1',
  lifecycle: 'locked',
  certificateNotAfter: '2028-05-18T00:00:00Z',
  daysLeft: 530,
  pinTriesLeft: 0,
  pinMustChange: false,
};
const refused = { kind: 'pinPolicy', refusal: 'birthDate' } as const;

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

describe('cancel on a flow screen', () => {
  const renewalNext: FlowScreen = { screen: 'renewalNext', renewed: [] };
  it("is the flow's own action where work done stands, else the dialog or the end as before", () => {
    expect(cancelChoice({ cancelIsAction: true, screen: renewalNext })).toBe('action');
    expect(cancelChoice({ cancelIsAction: true, screen: { screen: 'insertCard', wanted: 'cardToRenew', problem: null } })).toBe('action');
    expect(cancelChoice({ cancelIsAction: false, screen: renewalNext })).toBe('confirm');
    expect(cancelChoice({ cancelIsAction: false, screen: { screen: 'readingCard' } })).toBe('end');
  });

  it('does not tell a renewal agent that scanned papers will be wiped', () => {
    expect(cancelBodyKey('renewal')).toBe('flow.cancelBodyRenewal');
    expect(cancelBodyKey('intake')).toBe('flow.cancelBody');
    expect(cancelNeedsConfirm('renewEarly')).toBe(false);
    expect(cancelNeedsConfirm('removePreviousCard')).toBe(false);
    expect(cancelNeedsConfirm('renewalCanceled')).toBe(false);
  });
});

describe('the new-PIN entry', () => {
  const first: FlowScreen = { screen: 'newPin', card, problem: null, entry: 'first' };
  const again: FlowScreen = { screen: 'newPin', card, problem: null, entry: 'again' };

  it('sends the first entry alone to be checked against the policy, before asking for it again', () => {
    expect(newPinEntry('first', '', '73918264')).toEqual({ action: { action: 'checkNewPin', pin: '73918264' }, first: '73918264' });
    expect(newPinEntry('again', '73918264', '73918264')).toEqual({ action: { action: 'newPin', pin: '73918264', confirmation: '73918264' }, first: '' });
  });

  it('asks again only once the daemon passed the first entry, and while the screen still holds it', () => {
    expect(newPinStage(first, '73918264')).toBe('first');
    expect(newPinStage({ ...first, problem: refused }, '19920418')).toBe('first');
    expect(newPinStage(again, '73918264')).toBe('again');
    // A reload forgot the first entry: it is typed again.
    expect(newPinStage(again, '')).toBe('first');
  });

  it('drops a refusal once the agent types the next try; a wrong card PIN stays with its tries left', () => {
    expect(pinProblemShown({ ...first, problem: refused }, false)).toEqual(refused);
    expect(pinProblemShown({ ...first, problem: refused }, true)).toBeNull();
    const wrong = { kind: 'wrongPin', triesLeft: 2 } as const;
    expect(pinProblemShown({ screen: 'enterPin', purpose: 'verify', card, problem: wrong, verifiedBefore: false }, true)).toEqual(wrong);
  });
});

describe('the PIN change on one pad', () => {
  const at = (entry: 'current' | 'first' | 'again' | 'settle') => ({ screen: 'changePin', card, problem: null, entry, firstUse: true }) as const;
  const none = { current: '', first: '' };

  it('sends the current PIN alone, then the first new entry alone, then all three; holds nothing after', () => {
    const current = changePinEntry('current', none, '88888888');
    expect(current).toEqual({ action: { action: 'pin', pin: '88888888' }, held: { current: '88888888', first: '' } });
    const first = changePinEntry('first', current.held, '73918264');
    expect(first).toEqual({ action: { action: 'checkNewPin', pin: '73918264' }, held: { current: '88888888', first: '73918264' } });
    expect(changePinEntry('again', first.held, '73918264')).toEqual({
      action: { action: 'changePin', oldPin: '88888888', pin: '73918264', confirmation: '73918264' },
      held: none,
    });
  });

  it('follows the daemon, and starts from the current PIN when the page lost what it held (a reload)', () => {
    expect(changePinStage(at('current'), { current: '88888888', first: '' })).toBe('current');
    // Settling a change whose card was taken out: the new PIN goes alone, like the current one.
    expect(changePinStage(at('settle'), { current: '', first: '' })).toBe('current');
    expect(changePinEntry(changePinStage(at('settle'), { current: '', first: '' }), { current: '', first: '' }, '73918264').action).toEqual({ action: 'pin', pin: '73918264' });
    expect(changePinStage(at('first'), { current: '88888888', first: '' })).toBe('first');
    expect(changePinStage(at('again'), { current: '88888888', first: '73918264' })).toBe('again');
    expect(changePinStage(at('again'), { current: '88888888', first: '' })).toBe('first');
    expect(changePinStage(at('again'), none)).toBe('current');
    expect(changePinStage(at('first'), none)).toBe('current');
  });

  it('drops a refusal of the new PIN once the agent types again', () => {
    expect(pinProblemShown({ ...at('first'), problem: refused }, true)).toBeNull();
    expect(pinProblemShown({ ...at('first'), problem: refused }, false)).toEqual(refused);
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

describe('idleBodyKey', () => {
  it('says what ends with the session for the business running: a query has no papers to lose', () => {
    expect(translate('zh-CN', idleBodyKey('query'), { seconds: 15 })).not.toContain('材料');
    expect(translate('en', idleBodyKey('query'), { seconds: 15 })).not.toContain('papers');
    expect(translate('en', idleBodyKey('intake'), { seconds: 15 })).toContain('papers');
    expect(translate('en', idleBodyKey('renewal'), { seconds: 15 })).toContain('stay renewed');
  });
});

describe('takeCardBodyKey', () => {
  it('names a timeout on the take-card screen, and never calls it done', () => {
    expect(translate('zh-CN', takeCardBodyKey('timedOut'))).toContain('长时间没有操作');
    expect(translate('en', takeCardBodyKey('timedOut'))).toContain('ended by itself');
    expect(translate('en', takeCardBodyKey('timedOut'))).not.toContain('business is done');
    expect(translate('en', takeCardBodyKey('canceled'))).toContain('canceled');
  });
});
