// The card reader's status as the daemon reports it, and the card words it carries.
import type { BilingualText } from '../bilingual-text.ts';
import type { NoDevice, Serviceability } from './device.ts';

export type CardType = 'legal_person' | 'operator' | 'tax_clerk' | 'technician';

/** Each card type's name, as screens, receipts and the intake check's findings say it. */
export const cardTypeLabel: Record<CardType, BilingualText> = {
  legal_person: { zh: '法人卡', en: 'legal-person card' },
  operator: { zh: '操作员卡', en: 'operator card' },
  tax_clerk: { zh: '办税员卡', en: 'tax-clerk card' },
  technician: { zh: '技术员卡', en: 'technician card' },
};

export type CardLifecycle = 'active' | 'expired' | 'locked' | 'frozen' | 'reportedLost' | 'invalidated';

/** What the card says about itself after SELECT and READ (see docs/card-profile.md). */
export interface CardInfo {
  cardNo: string;
  cardType: CardType;
  holderName: string;
  /** Masked (first 6, last 4) everywhere outside the card service. */
  holderIdNumberMasked: string;
  enterpriseName: string;
  uscc: string;
  certificateNotAfter: string;
  lifecycle: CardLifecycle;
  pinTriesLeft: number;
}

export type CardReaderStatus =
  | NoDevice
  | { state: 'noCard'; reader: string }
  | { state: 'present'; reader: string; atr: string; card: CardInfo | null }
  | { state: 'busy'; reader: string; operation: string }
  | { state: 'error'; reader: string | null; message: string };

export function cardReaderServiceability(status: CardReaderStatus): Serviceability {
  switch (status.state) {
    case 'noCard':
    case 'present':
    case 'busy':
      return 'ready';
    case 'error':
      return 'attention';
    case 'noDevice':
      return 'unavailable';
  }
}
