// What the card says about itself, as the rest of the kiosk may see it: the ID number masked,
// the lifecycle derived (a card knows its admin status and PIN counter; it has no clock).
import type { CardInfo, CardLifecycle } from '../../contract/devices/card-reader.ts';
import type { CardRecord } from '../../drivers/card/profile.ts';
import { maskIdNumber } from '../../basics/redact.ts';

export function lifecycleOf(record: CardRecord, now: Date): CardLifecycle {
  switch (record.status) {
    case 'frozen':
      return 'frozen';
    case 'reportedLost':
      return 'reportedLost';
    case 'invalidated':
      return 'invalidated';
    case 'active':
      if (record.pinTriesLeft === 0) return 'locked';
      return Date.parse(record.certificateNotAfter) <= now.getTime() ? 'expired' : 'active';
  }
}

export function cardInfoOf(record: CardRecord, now: Date): CardInfo {
  return {
    cardNo: record.cardNo,
    cardType: record.cardType,
    holderName: record.holderName,
    holderIdNumberMasked: maskIdNumber(record.holderIdNumber),
    enterpriseName: record.enterpriseName,
    uscc: record.uscc,
    certificateNotAfter: record.certificateNotAfter,
    lifecycle: lifecycleOf(record, now),
    pinTriesLeft: record.pinTriesLeft,
  };
}

/** Whole days until the certificate expires (negative once expired), for "renew in N days". */
export function daysLeft(notAfter: string, now: Date): number {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / 86_400_000);
}
