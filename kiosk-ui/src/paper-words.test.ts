import { describe, expect, it } from 'vitest';
import type { FindingView } from '../../contract/flow-view.ts';
import { checklistButton } from './components/paper-checklist.ts';
import { orderFindings } from './components/intake-verdict.ts';
import { inLanguage, problemWords } from './paper-words.ts';
import { businessKey } from './words/domain.ts';
import { translate } from './i18n.ts';

describe('paper screen words', () => {
  it('picks the daemon text in the screen language', () => {
    expect(inLanguage('zh-CN', { zh: '营业执照', en: 'Business licence' })).toBe('营业执照');
    expect(inLanguage('en', { zh: '营业执照', en: 'Business licence' })).toBe('Business licence');
  });

  it('explains a jam with the way to clear it', () => {
    const words = problemWords({ kind: 'scannerJam' });
    expect(translate('en', words.next)).toContain('Open the scanner cover');
  });

  it('lists each failed check of a rescan', () => {
    expect(problemWords({ kind: 'rescan', checks: ['blank', 'heavySkew'] }).details).toEqual(['scanProblem.rescan.blank', 'scanProblem.rescan.heavySkew']);
  });

  it('still gives a way on for a problem the paper screens do not expect', () => {
    expect(problemWords({ kind: 'internal', detail: 'x' }).next).toBe('scanProblem.other.next');
  });

  it('names the business', () => {
    expect(translate('zh-CN', 'checklist.title', { business: translate('zh-CN', businessKey('card_replacement')) })).toBe('换卡需要的材料');
  });
});

describe('checklist button', () => {
  const label = { zh: '材料', en: 'Paper' };
  it('starts, continues, then checks', () => {
    expect(checklistButton([{ label, status: 'missing' }])).toBe('checklist.start');
    expect(checklistButton([{ label, status: 'confirmed' }, { label, status: 'missing' }])).toBe('checklist.continue');
    expect(checklistButton([{ label, status: 'confirmed' }])).toBe('checklist.check');
  });
});

describe('verdict findings', () => {
  it('puts errors before warnings and keeps the order within each', () => {
    const finding = (ruleId: string, severity: FindingView['severity']): FindingView => ({ ruleId, severity, message: { zh: ruleId, en: ruleId } });
    const { errors, warnings } = orderFindings([finding('w1', 'warning'), finding('e1', 'error'), finding('w2', 'warning'), finding('e2', 'error')]);
    expect(errors.map((f) => f.ruleId)).toEqual(['e1', 'e2']);
    expect(warnings.map((f) => f.ruleId)).toEqual(['w1', 'w2']);
  });
});
