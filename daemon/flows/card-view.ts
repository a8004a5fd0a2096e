// The card in the reader as a flow screen shows it (the ID number already masked by the service).
import type { CardSummary } from '../../contract/protocol/catalogue.ts';
import type { CardView } from '../../contract/flow-view.ts';

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
  };
}
