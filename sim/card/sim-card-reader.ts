// The simulated card reader for simulator mode without pcscd (the root-less demo, unit tests):
// the same CardReader interface as the PC/SC driver, over an in-process slot. The dev dock
// (Sim.InsertCard / Sim.RemoveCard) puts a virtual card into the slot and takes it out.
import { err, ok, type Result } from '../../basics/result.ts';
import type { CardReader, CardSession, SessionEnd } from '../../drivers/card/card-reader.ts';
import type { CardInfo, CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { CardIoError } from '../../drivers/card/pcsc-errors.ts';
import { StatusHolder } from '../../drivers/device/status-holder.ts';
import { InProcessReader } from './in-process-transport.ts';
import type { SimulatedCard } from './simulated-card.ts';

export class SimCardReader extends StatusHolder<CardReaderStatus> implements CardReader {
  readonly #slot: InProcessReader;
  #cardInfo: CardInfo | null = null;
  #operation: string | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  /** Bumped on every insert and removal, so a session knows its card was swapped under it. */
  #generation = 0;
  /** Pulled out of its USB port (the dev dock): noDevice until plugged back in. */
  #unplugged = false;

  constructor(name = 'Simulated reader 00') {
    super('cardReader', 'sim', { state: 'noCard', reader: name });
    this.#slot = new InProcessReader(name);
  }

  get card(): SimulatedCard | null {
    return this.#slot.card;
  }

  insert(card: SimulatedCard): void {
    if (this.#unplugged) return;
    this.#slot.insert(card);
    this.#generation++;
    this.#cardInfo = null;
    this.#refresh();
  }

  remove(): void {
    this.#slot.remove();
    this.#generation++;
    this.#cardInfo = null;
    this.#refresh();
  }

  /** The dev dock unplugs the reader: the card goes with it, and the status is noDevice. */
  unplug(): void {
    this.#slot.remove();
    this.#generation++;
    this.#cardInfo = null;
    this.#unplugged = true;
    this.#refresh();
  }

  replug(): void {
    this.#unplugged = false;
    this.#refresh();
  }

  setCardInfo(info: CardInfo | null): void {
    this.#cardInfo = info;
    this.#refresh();
  }

  withSession<T>(operation: string, run: (session: CardSession) => Promise<T>, end: SessionEnd = 'leave'): Promise<Result<T, CardIoError>> {
    const next = this.#queue.then(() => this.#session(operation, run, end));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #session<T>(operation: string, run: (session: CardSession) => Promise<T>, end: SessionEnd): Promise<Result<T, CardIoError>> {
    if (this.#unplugged) return err({ kind: 'noReader', message: `${this.#slot.name} is unplugged` });
    const card = this.#slot.card;
    if (card === null) return err({ kind: 'noCard', message: `no card in ${this.#slot.name}` });
    const generation = this.#generation;
    this.#operation = operation;
    this.#refresh();
    const session: CardSession = {
      reader: this.#slot.name,
      atr: card.atr,
      sendApdu: async (apdu) => {
        if (this.#generation !== generation) return err('noCard');
        const response = await this.#slot.transmit(apdu);
        if (!response.ok) {
          // The card lost power mid-command (pulled out): the slot is empty now.
          this.#generation++;
          this.#cardInfo = null;
        }
        return response;
      },
    };
    try {
      return ok(await run(session));
    } finally {
      if (this.#generation === generation && this.#slot.card !== null) {
        switch (end) {
          case 'leave':
            break;
          case 'reset':
            this.#slot.reset();
            break;
          case 'unpower':
            this.#slot.card.powerOff();
            this.#slot.card.powerOn();
            break;
        }
      }
      this.#operation = null;
      this.#refresh();
    }
  }

  #refresh(): void {
    const card = this.#slot.card;
    const reader = this.#slot.name;
    if (this.#unplugged) this.setStatus({ state: 'noDevice', reason: `${reader} is unplugged` });
    else if (card === null) this.setStatus({ state: 'noCard', reader });
    else if (this.#operation !== null) this.setStatus({ state: 'busy', reader, operation: this.#operation });
    else this.setStatus({ state: 'present', reader, atr: card.atr.toString('hex').toUpperCase(), card: this.#cardInfo });
  }
}
