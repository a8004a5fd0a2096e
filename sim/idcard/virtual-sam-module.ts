// A simulated ID-card module on a byte stream: frames in, answers out, like the SAM module behind a
// USB serial adapter. The fixture (id-card-fixtures.ts) decides the card and its faults; place and
// remove are the agent's hand. The logic is sam-module.ts's pure step.
import { FrameReader } from '../../drivers/idcard/sam-frame.ts';
import { idCardFixture, type IdCardFixtureName } from './id-card-fixtures.ts';
import { initialSamState, samModuleStep, type SamModuleState } from './sam-module.ts';

export interface VirtualSamModuleOptions {
  fixture: IdCardFixtureName;
  /** Start with the card on the reader (default) or not. */
  cardPlaced?: boolean;
  baud?: number;
}

/** What happens to the module's next answer on its way out: a noisy or failing line. */
export interface Interference {
  /** Bytes sent before the answer (line noise, a half frame from before). */
  garbageBefore?: Uint8Array;
  /** The answer's checksum byte flipped. */
  corruptChecksum?: boolean;
  /** Only the first N bytes of the answer sent. */
  truncateTo?: number;
}

export class VirtualSamModule {
  readonly baud: number;
  #fixture: IdCardFixtureName;
  #state: SamModuleState;
  #reader = new FrameReader();
  #send: ((bytes: Uint8Array) => void) | null = null;
  #received = 0;
  #interference: Interference | null = null;

  constructor(options: VirtualSamModuleOptions) {
    this.baud = options.baud ?? 115200;
    this.#fixture = options.fixture;
    this.#state = this.#stateFor(options.fixture, options.cardPlaced ?? true);
  }

  #stateFor(name: IdCardFixtureName, placed: boolean): SamModuleState {
    const fixture = idCardFixture(name);
    const silent = fixture.fault === 'samSilent';
    const card = placed ? { text: fixture.text, fault: fixture.fault === 'readFails' ? ('readFails' as const) : ('none' as const) } : null;
    return initialSamState(card, silent);
  }

  get fixture(): IdCardFixtureName {
    return this.#fixture;
  }

  cardPlaced(): boolean {
    return this.#state.card !== null;
  }

  /** Frames received so far, garbage included as events. */
  received(): number {
    return this.#received;
  }

  /** Puts a card on the reader: the current fixture's, or another's. */
  place(name: IdCardFixtureName = this.#fixture): void {
    this.#fixture = name;
    this.#state = this.#stateFor(name, true);
  }

  remove(): void {
    this.#state = { ...this.#state, card: null, found: false, selected: false };
  }

  /** Applies to the next answer only. */
  interfere(interference: Interference): void {
    this.#interference = interference;
  }

  attach(send: (bytes: Uint8Array) => void): void {
    this.#send = send;
    this.#reader.clear();
  }

  detach(): void {
    this.#send = null;
    this.#reader.clear();
  }

  receive(bytes: Uint8Array): void {
    for (const event of this.#reader.push(bytes)) {
      this.#received++;
      const step = samModuleStep(this.#state, event);
      this.#state = step.state;
      if (step.reply !== null) this.#send?.(this.#disturb(step.reply));
    }
  }

  #disturb(reply: Uint8Array): Uint8Array {
    const interference = this.#interference;
    if (interference === null) return reply;
    this.#interference = null;
    let out = Uint8Array.from(reply);
    if (interference.corruptChecksum === true) out[out.length - 1] = (out[out.length - 1] ?? 0) ^ 0xff;
    if (interference.truncateTo !== undefined) out = out.slice(0, interference.truncateTo);
    const garbage = interference.garbageBefore;
    if (garbage === undefined) return out;
    const joined = new Uint8Array(garbage.length + out.length);
    joined.set(garbage, 0);
    joined.set(out, garbage.length);
    return joined;
  }
}
