// The card in the reader as a flow screen shows it (the ID number already masked by the service),
// and reading it for a screen: the card, or the problem in the agent's terms.
import type { CardSummary } from '../../contract/protocol/catalogue.ts';
import type { CardService } from '../cards/card-service.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import { cardProblem } from './flow-problem.ts';
import type { CardView, FlowProblem } from '../../contract/flow-view.ts';

export function cardViewOf(summary: CardSummary): CardView {
  const { info } = summary;
  return {
    cardNo: info.cardNo,
    cardType: info.cardType,
    holderName: info.holderName,
    holderIdNumberMasked: info.holderIdNumberMasked,
    enterpriseName: info.enterpriseName,
    uscc: info.uscc,
    lifecycle: info.lifecycle,
    certificateNotAfter: info.certificateNotAfter,
    daysLeft: summary.certificateDaysLeft,
    pinTriesLeft: summary.pin.state === 'notVerified' ? summary.pin.triesLeft : summary.pin.state === 'blocked' ? 0 : info.pinTriesLeft,
    pinMustChange: summary.pinMustChange,
  };
}

/**
 * Reads the card in the reader. `settled`: first let the card service read a card just inserted
 * and settle what a cut left open (a renewal or an intake goes on from what the card says now).
 */
export async function readCardView(cards: Pick<CardService, 'readCard' | 'settled'>, options: { settled: boolean }): Promise<Result<CardView, FlowProblem>> {
  if (options.settled) {
    await Promise.resolve();
    await cards.settled();
  }
  const read = await cards.readCard();
  return read.ok ? ok(cardViewOf(read.value)) : err(cardProblem(read.error));
}
