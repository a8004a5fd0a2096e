// A reader in the same process: unit tests and the root-less demo insert a simulated card
// and exchange APDUs with it directly, without pcscd.
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';
import type { SendApdu } from '../../drivers/card/apdu.ts';
import type { SimulatedCard } from './simulated-card.ts';

export class InProcessReader {
  readonly name: string;
  #card: SimulatedCard | null = null;

  constructor(name = 'In-process virtual reader') {
    this.name = name;
  }

  get card(): SimulatedCard | null {
    return this.#card;
  }

  /** Powers the card up; answers its ATR. A card already in the slot is pulled first. */
  insert(card: SimulatedCard): Buffer {
    this.remove();
    this.#card = card;
    card.powerOn();
    return card.atr;
  }

  remove(): void {
    this.#card?.powerOff();
    this.#card = null;
  }

  /** Warm reset of the card in the slot. */
  reset(): Result<Buffer, 'noCard'> {
    if (this.#card === null) return err('noCard');
    this.#card.reset();
    return ok(this.#card.atr);
  }

  async transmit(apdu: Buffer): Promise<Result<Buffer, 'noCard'>> {
    const card = this.#card;
    if (card === null) return err('noCard');
    const response = card.transmit(apdu);
    // No status word means the card lost power mid-command: as far as the reader knows, it is gone.
    if (response.length < 2) {
      this.remove();
      return err('noCard');
    }
    return ok(response);
  }

  /** The reader as the APDU layer's transport. */
  readonly send: SendApdu = (apdu) => this.transmit(apdu);
}
