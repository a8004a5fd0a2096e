import { describe, expect, it } from 'vitest';
import type { FlowScreen, FlowView } from '../../contract/flow-view.ts';
import { paperToFeed, wrongPaperFor } from './dock-feed.ts';

const agentIdCopy = { label: { zh: '经办人身份证复印件', en: "the agent's ID card (copy)" }, position: { index: 0, of: 2 }, wanted: { kind: 'id_card', form: 'copy', role: 'agent' } } as const;
const scanScreen: FlowScreen = { screen: 'scanPaper', paper: agentIdCopy, scanning: false, problem: null };

const view = (flow: FlowView['flow'], screen: FlowScreen, business: FlowView['business'] = null): FlowView => ({
  flowId: 'f1',
  flow,
  business,
  screen,
  canBack: true,
  canCancel: true,
  cancelIsAction: false,
  pushedAt: 0,
  revision: 1,
});

describe('paperToFeed', () => {
  it('feeds the asked-for paper from the set of the business the kiosk runs', () => {
    expect(paperToFeed(view('unlock', scanScreen))).toEqual({ business: 'unlock', paper: agentIdCopy, scanning: false });
    expect(paperToFeed(view('renewal', scanScreen))?.business).toBe('renewal');
    expect(paperToFeed(view('intake', { ...scanScreen, scanning: true }, 'add_operator'))).toMatchObject({ business: 'add_operator', scanning: true });
  });

  it('offers nothing on other screens, on the attract screen, or without a business', () => {
    expect(paperToFeed(null)).toBeNull();
    expect(paperToFeed(view('unlock', { screen: 'consent' }))).toBeNull();
    expect(paperToFeed(view('intake', scanScreen, null))).toBeNull();
  });
});

describe('wrongPaperFor', () => {
  it('feeds the introduction letter instead of any other paper, and the agent\'s ID copy instead of the letter', () => {
    expect(wrongPaperFor(agentIdCopy.wanted)).toEqual({ kind: 'introduction_letter', form: null, role: null });
    expect(wrongPaperFor({ kind: 'business_licence', form: 'copy', role: null })).toEqual({ kind: 'introduction_letter', form: null, role: null });
    expect(wrongPaperFor({ kind: 'introduction_letter', form: null, role: null })).toEqual({ kind: 'id_card', form: 'copy', role: 'agent' });
  });
});
