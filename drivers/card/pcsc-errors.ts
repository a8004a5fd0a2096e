// PC/SC failures as values. The pcsclite package reports errors as Error objects whose message
// ends in the PC/SC code, e.g. "SCardTransmit error: Card was removed.(0x80100069)"; we classify
// the code into the few cases the card service must tell apart.
import type { TransportError } from './apdu.ts';

export const SCARD = {
  E_INVALID_HANDLE: 0x80100003,
  E_UNKNOWN_READER: 0x80100009,
  E_TIMEOUT: 0x8010000a,
  E_SHARING_VIOLATION: 0x8010000b,
  E_NO_SMARTCARD: 0x8010000c,
  E_PROTO_MISMATCH: 0x8010000f,
  F_COMM_ERROR: 0x80100013,
  E_NOT_TRANSACTED: 0x80100016,
  E_READER_UNAVAILABLE: 0x80100017,
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_NO_READERS_AVAILABLE: 0x8010002e,
  W_UNRESPONSIVE_CARD: 0x80100066,
  W_UNPOWERED_CARD: 0x80100067,
  W_RESET_CARD: 0x80100068,
  W_REMOVED_CARD: 0x80100069,
} as const;

export type CardIoError =
  /** pcsclite cannot load, pcscd is not running, or no reader matches the configuration. */
  | { kind: 'noReader'; message: string }
  /** No card in the reader when the operation started. */
  | { kind: 'noCard'; message: string }
  /** The card was pulled out during the operation. */
  | { kind: 'cardRemoved'; message: string }
  /** Another application reset the card: its security state is gone. */
  | { kind: 'cardReset'; message: string }
  /** The reader was unplugged or pcscd stopped during the operation. */
  | { kind: 'readerGone'; message: string }
  /** Another application holds the card (exclusive or in a transaction). */
  | { kind: 'sharingViolation'; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'unresponsiveCard'; message: string }
  /** The exchange failed in the reader (vpcd: the card's socket closed mid-APDU); the driver turns
   *  it into cardRemoved when the card turns out to be gone. */
  | { kind: 'transmitFailed'; message: string }
  /** Anything else PC/SC reported; the code is kept for the log. */
  | { kind: 'pcsc'; code: number | null; message: string };

export function pcscCode(error: unknown): number | null {
  const message = error instanceof Error ? error.message : String(error);
  const match = /\(0x([0-9a-f]{1,8})\)\s*$/i.exec(message);
  return match?.[1] === undefined ? null : Number.parseInt(match[1], 16);
}

export function classifyPcscError(error: unknown): CardIoError {
  const message = error instanceof Error ? error.message : String(error);
  const code = pcscCode(error);
  switch (code) {
    case SCARD.E_NO_SMARTCARD:
      return { kind: 'noCard', message };
    case SCARD.W_REMOVED_CARD:
      return { kind: 'cardRemoved', message };
    case SCARD.W_RESET_CARD:
      return { kind: 'cardReset', message };
    case SCARD.E_UNKNOWN_READER:
    case SCARD.E_READER_UNAVAILABLE:
    case SCARD.E_NO_SERVICE:
    case SCARD.E_SERVICE_STOPPED:
    case SCARD.E_NO_READERS_AVAILABLE:
      return { kind: 'readerGone', message };
    case SCARD.E_SHARING_VIOLATION:
      return { kind: 'sharingViolation', message };
    case SCARD.E_NOT_TRANSACTED:
    case SCARD.F_COMM_ERROR:
      return { kind: 'transmitFailed', message };
    case SCARD.E_TIMEOUT:
      return { kind: 'timeout', message };
    case SCARD.W_UNRESPONSIVE_CARD:
    case SCARD.W_UNPOWERED_CARD:
      return { kind: 'unresponsiveCard', message };
    case null:
    default:
      return { kind: 'pcsc', code, message };
  }
}

/** The coarse transport error of apdu.ts's SendApdu (the session keeps the detailed one). */
export function toTransportError(error: CardIoError): TransportError {
  switch (error.kind) {
    case 'noReader':
    case 'readerGone':
      return 'noReader';
    case 'noCard':
    case 'cardRemoved':
      return 'noCard';
    case 'cardReset':
    case 'sharingViolation':
    case 'timeout':
    case 'unresponsiveCard':
    case 'transmitFailed':
    case 'pcsc':
      return 'transportFailed';
  }
}
