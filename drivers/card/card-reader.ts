import type { Result } from '../../basics/result.ts';
import type { CardInfo, CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { Device } from '../device/device.ts';
import type { SendApdu } from './apdu.ts';
import type { CardIoError } from './pcsc-errors.ts';

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
