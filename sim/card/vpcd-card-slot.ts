// The simulator's hand at pcscd's vpcd reader, for simulator mode over the system stacks: the
// dev dock's Sim.InsertCard connects a virtual card to vpcd (pcscd then reports a card in
// "Virtual PCD 00 00"), Sim.RemoveCard closes the connection. The daemon's own reader is the real
// PC/SC driver; this slot only watches it, so that a command returns once the daemon has seen
// the change — as the in-process reader does, synchronously — and so that swapping cards does not
// happen faster than pcscd polls (a card out and in again between two polls would look to the
// driver like the same card still there).
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { Device } from '../../drivers/device/device.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { SimulatedCard } from './simulated-card.ts';
import { VpcdTransport } from './vpcd-transport.ts';

export interface VpcdCardSlotOptions {
  host: string;
  port: number;
  /** The daemon's reader on the vpcd slot, watched to know when pcscd has seen a change. */
  reader: Pick<Device<CardReaderStatus>, 'status' | 'onStatusChange'>;
  /** How long an insert waits for vpcd to take the connection (pcscd not running: an error). */
  connectTimeoutMs?: number;
  /** How long to wait for the reader to show the change before answering anyway. */
  settleTimeoutMs?: number;
  onWarning?: (message: string) => void;
}

const holdsCard = (status: CardReaderStatus): boolean => status.state === 'present' || status.state === 'busy';

export class VpcdCardSlot {
  readonly host: string;
  readonly port: number;
  readonly #reader: VpcdCardSlotOptions['reader'];
  readonly #connectTimeoutMs: number;
  readonly #settleTimeoutMs: number;
  readonly #onWarning: (message: string) => void;
  #transport: VpcdTransport | null = null;
  /** Inserts and removals one after the other: each waits for the reader to follow. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: VpcdCardSlotOptions) {
    this.host = options.host;
    this.port = options.port;
    this.#reader = options.reader;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    this.#settleTimeoutMs = options.settleTimeoutMs ?? 5000;
    this.#onWarning = options.onWarning ?? (() => undefined);
  }

  get card(): SimulatedCard | null {
    return this.#transport?.card ?? null;
  }

  /** Puts the card into the vpcd reader, taking out the one there first. */
  insert(card: SimulatedCard): Promise<Result<void, string>> {
    return this.#serial(async () => {
      await this.#pull();
      const transport = new VpcdTransport(card, { host: this.host, port: this.port, connectTimeoutMs: this.#connectTimeoutMs });
      transport.on('warning', this.#onWarning);
      const connected = await transport.connect();
      if (!connected.ok) return err(`${connected.error} (is pcscd running, with vsmartcard-vpcd?)`);
      this.#transport = transport;
      await this.#until(holdsCard);
      return ok(undefined);
    });
  }

  /**
   * Takes the card out; false when there was none. Also KIOSK_FAULT_INJECT's pull, between two
   * APDUs of a renewal or unlock: once it resolves the reader has seen the card go, so the next
   * APDU fails as "card removed".
   */
  remove(): Promise<boolean> {
    return this.#serial(() => this.#pull());
  }

  /** The kiosk stops: the card comes out, without waiting for pcscd to notice. */
  async close(): Promise<void> {
    const transport = this.#transport;
    this.#transport = null;
    await transport?.disconnect();
  }

  async #pull(): Promise<boolean> {
    const transport = this.#transport;
    if (transport === null) return false;
    this.#transport = null;
    await transport.disconnect();
    await this.#until((status) => !holdsCard(status));
    return true;
  }

  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Resolves when the reader's status satisfies `accept`, or after the settle timeout. */
  #until(accept: (status: CardReaderStatus) => boolean): Promise<void> {
    if (accept(this.#reader.status())) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        stop();
        resolve();
      };
      const timer = setTimeout(done, this.#settleTimeoutMs);
      const stop = this.#reader.onStatusChange((status) => {
        if (accept(status)) done();
      });
    });
  }
}
