// The resident ID-card reader's status as the daemon reports it (docs/idcard-reader.md): a SAM
// module (GA 467) on a serial line. The status carries the holder masked — the name, the ID number
// masked to its first 6 and last 4 characters, the card's validity — never the address, the photo
// or the full number, which live only in the agent's session.
import type { NoDevice, Serviceability } from './device.ts';

/** The card's validity as printed on its back: a last day, or 长期 (long-term, holders of 46 and over). */
export type IdCardValidUntil = { kind: 'date'; date: string } | { kind: 'longTerm' };

export interface IdCardValidity {
  /** YYYY-MM-DD */
  from: string;
  until: IdCardValidUntil;
}

/** What the status may say about the holder of the card on the reader. */
export interface IdCardHolderMasked {
  name: string;
  /** maskIdNumber: first 6 and last 4 characters. */
  idNumberMasked: string;
  validity: IdCardValidity;
}

export type IdCardReaderStatus =
  | NoDevice
  /** The kiosk has no ID-card reader (`devices.idCardReader: "none"`): nothing to service. */
  | { state: 'notFitted' }
  | { state: 'noCard'; device: string }
  | { state: 'cardPresent'; device: string; holder: IdCardHolderMasked }
  | { state: 'error'; device: string; message: string };

/** Why a read gave no card data; never a partial read reported as success. */
export type IdCardReadFailureReason =
  /** Nothing on the reader (find card: 00 00 80). */
  | 'noCard'
  /** The port is not open (unplugged, not configured). */
  | 'noDevice'
  /** The module did not answer (or not completely) in time. */
  | 'timeout'
  /** The module answered with a failure status (select or read failed, SAM fault). */
  | 'samError'
  /** The module's answer was not a well-formed frame, or its text was not a valid card's. */
  | 'badData';

export interface IdCardReadFailure {
  reason: IdCardReadFailureReason;
  message: string;
}

/** Whether the card's validity has ended by `today` (YYYY-MM-DD); 长期 never ends. */
export function idCardExpired(validity: IdCardValidity, today: string): boolean {
  switch (validity.until.kind) {
    case 'longTerm':
      return false;
    case 'date':
      return validity.until.date < today;
  }
}

export function idCardReaderServiceability(status: IdCardReaderStatus): Serviceability {
  switch (status.state) {
    // notFitted: not part of this kiosk, so it neither degrades the kiosk nor needs a technician.
    case 'noCard':
    case 'cardPresent':
    case 'notFitted':
      return 'ready';
    case 'error':
      return 'attention';
    case 'noDevice':
      return 'unavailable';
  }
}
