// What a card's state means the agent should do next: the query's advice for the card in the
// reader, and the enterprise list's, where the registry's status is the reference and the
// legal-person card holder can act on frozen, lost and invalidated operator cards.
import type { CardLifecycle, CardType } from '../../contract/devices/card-reader.ts';
import { renewSoonDays, type CardAdvice, type CardView } from '../../contract/flow-view.ts';

/** Days before expiry from which the kiosk urges a renewal (it mentions one from renewSoonDays). */
const renewNowDays = 30;

/**
 * What the card's state means the agent should do next. A card still on its initial PIN must have
 * it changed before anything else (seed 003) — unless its PIN is blocked (the unlock sets a new
 * one) or the counter must see it anyway.
 */
export function cardAdvice(card: Pick<CardView, 'lifecycle' | 'daysLeft'> & { pinMustChange?: boolean }): CardAdvice {
  switch (card.lifecycle) {
    case 'locked':
      return 'unlock';
    case 'expired':
      return card.pinMustChange === true ? 'changePin' : 'expired';
    case 'frozen':
    case 'reportedLost':
    case 'invalidated':
      return 'counter';
    case 'active':
      if (card.pinMustChange === true) return 'changePin';
      if (card.daysLeft <= renewNowDays) return 'renewNow';
      if (card.daysLeft <= renewSoonDays) return 'renewSoon';
      return 'none';
  }
}

/** What to do next with a card of the enterprise's list, by its registry status. */
export function enterpriseCardAdvice(card: { cardType: CardType; status: CardLifecycle }, days: number): CardAdvice {
  const own = card.cardType === 'legal_person';
  switch (card.status) {
    case 'frozen':
      return own ? 'counterLegalPerson' : 'unfreezeHere';
    case 'reportedLost':
      return own ? 'counterLegalPerson' : 'undoLossHere';
    case 'invalidated':
      return own ? 'counterLegalPerson' : 'deregisterHere';
    case 'active':
    case 'expired':
    case 'locked':
      return cardAdvice({ lifecycle: card.status, daysLeft: days });
  }
}

/**
 * The query's advice: from the card, unless the registry holds it frozen, reported lost or
 * invalidated while the card itself does not know (then the registry's word counts).
 */
export function queryAdvice(card: Pick<CardView, 'cardType' | 'lifecycle' | 'daysLeft' | 'pinMustChange'>, registryStatus: CardLifecycle | null): CardAdvice {
  switch (registryStatus) {
    case 'frozen':
    case 'reportedLost':
    case 'invalidated':
      if (card.lifecycle !== registryStatus) return enterpriseCardAdvice({ cardType: card.cardType, status: registryStatus }, card.daysLeft);
      return cardAdvice(card);
    case null:
    case 'active':
    case 'expired':
    case 'locked':
      return cardAdvice(card);
  }
}
