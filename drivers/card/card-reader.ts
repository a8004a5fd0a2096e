import type { Result } from '../../basics/result.ts';
import type { Device, NoDevice, Serviceability } from '../device/device.ts';
import type { SendApdu } from './apdu.ts';
import type { CardIoError } from './pcsc-errors.ts';

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

/** How the card is left when a session ends: as it is (security state kept), reset, or unpowered. */
export type SessionEnd = 'leave' | 'reset' | 'unpower';

/** One exclusive conversation with the card in the reader. */
export interface CardSession {
  readonly reader: string;
  readonly atr: Buffer;
  /** For apdu.ts's transmit and EportCard: 61xx, 6Cxx and chaining live there. */
  readonly sendApdu: SendApdu;
}

/**
 * A card reader, real (PC/SC) or simulated (in-process). Operations are sessions with exclusive
 * access, queued one after another; the status is `busy` meanwhile.
 */
export interface CardReader extends Device<CardReaderStatus> {
  withSession<T>(operation: string, run: (session: CardSession) => Promise<T>, end?: SessionEnd): Promise<Result<T, CardIoError>>;
  /** The card service reports what the card said about itself; shown in the status while present. */
  setCardInfo(info: CardInfo | null): void;
}

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
