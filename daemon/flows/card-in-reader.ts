// Whether a card sits in the reader, whatever the reader is doing with it (reading it is "busy").
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';

export function cardInReader(status: CardReaderStatus): boolean {
  switch (status.state) {
    case 'present':
    case 'busy':
      return true;
    case 'noCard':
    case 'noDevice':
    case 'error':
      return false;
  }
}

/** The card number the reader shows, once the card service has read the card. */
export function cardNoInReader(status: CardReaderStatus): string | null {
  return status.state === 'present' ? (status.card?.cardNo ?? null) : null;
}
