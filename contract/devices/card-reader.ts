// The card reader's status as the daemon reports it, and the card words it carries.
import type { NoDevice, Serviceability } from './device.ts';

export type CardType = 'legal_person' | 'operator' | 'tax_clerk' | 'technician';

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
