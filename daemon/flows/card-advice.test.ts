import { describe, expect, it } from 'vitest';
import { enterpriseCardAdvice, queryAdvice } from './card-advice.ts';
import { operationsFor } from './enterprise-cards.ts';

const card = { cardType: 'operator', lifecycle: 'active', daysLeft: 400, pinMustChange: false } as const;

describe('what to do next with a card', () => {
  it("takes the registry's word when it holds the card frozen, lost or invalidated and the card does not know", () => {
    expect(queryAdvice(card, 'active')).toBe('none');
    expect(queryAdvice(card, null)).toBe('none');
    expect(queryAdvice(card, 'frozen')).toBe('unfreezeHere');
    expect(queryAdvice(card, 'reportedLost')).toBe('undoLossHere');
    expect(queryAdvice({ ...card, cardType: 'legal_person' }, 'reportedLost')).toBe('counterLegalPerson');
    expect(queryAdvice({ ...card, lifecycle: 'locked' }, 'active')).toBe('unlock');
  });

  it("offers the legal-person card holder what applies to a card's status, and nothing for the legal-person card", () => {
    expect(operationsFor({ cardType: 'operator', status: 'active' })).toEqual(['reportLoss', 'freeze']);
    expect(operationsFor({ cardType: 'tax_clerk', status: 'frozen' })).toEqual(['unfreeze', 'reportLoss']);
    expect(operationsFor({ cardType: 'operator', status: 'reportedLost' })).toEqual(['undoLoss']);
    expect(operationsFor({ cardType: 'operator', status: 'invalidated' })).toEqual(['deregister']);
    expect(operationsFor({ cardType: 'legal_person', status: 'active' })).toEqual([]);
    expect(enterpriseCardAdvice({ cardType: 'operator', status: 'invalidated' }, 100)).toBe('deregisterHere');
    expect(enterpriseCardAdvice({ cardType: 'operator', status: 'active' }, 20)).toBe('renewNow');
  });
});
