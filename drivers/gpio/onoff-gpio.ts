// The kiosk's GPIO lines through onoff (sysfs GPIO): guide lights and the service lights as
// outputs, the presence sensor, cabinet tamper switch and service switch as debounced inputs.
// Line numbers and active-low come from the configuration. Where /sys/class/gpio is missing
// (CI, a laptop) the device honestly reports noDevice; simulator mode uses sim/gpio instead.
import { createRequire } from 'node:module';
import { err, ok, type Result } from '../../basics/result.ts';
import { StatusHolder } from '../device/status-holder.ts';
import { type Gpio } from './gpio.ts';
import { inputNames, lightNames, type GpioStatus, type InputName, type LightName, type LightPattern } from '../../contract/devices/gpio.ts';
import { LightBlinker } from './light-blinker.ts';

export interface LineConfig {
  line: number;
  activeLow: boolean;
}

export interface GpioLines {
  outputs: Record<LightName, LineConfig>;
  inputs: Record<InputName, LineConfig>;
  debounceMs: number;
}

/** The part of onoff's Gpio class this driver uses (and tests fake). */
export interface OnoffLine {
  writeSync(value: 0 | 1): void;
  readSync(): 0 | 1;
  watch(callback: (error: Error | null | undefined, value: 0 | 1) => void): void;
  unwatchAll(): void;
  unexport(): void;
}

export interface OnoffModule {
  accessible: boolean;
  open(line: number, direction: 'in' | 'out', edge: 'none' | 'both', options: { debounceTimeout?: number; activeLow: boolean }): OnoffLine;
}

function loadOnoff(): Result<OnoffModule, string> {
  try {
    const { Gpio } = createRequire(import.meta.url)('onoff') as {
      Gpio: (new (line: number, direction: string, edge: string, options: object) => OnoffLine) & { accessible: boolean };
    };
    return ok({ accessible: Gpio.accessible, open: (line, direction, edge, options) => new Gpio(line, direction, edge, options) });
  } catch (e) {
    return err(`onoff cannot load: ${(e as Error).message}`);
  }
}

export class OnoffGpio extends StatusHolder<GpioStatus> implements Gpio {
  readonly #lines: GpioLines;
  readonly #load: () => Result<OnoffModule, string>;
  #outputs = new Map<LightName, OnoffLine>();
  #inputLines = new Map<InputName, OnoffLine>();
  #lights = Object.fromEntries(lightNames.map((name) => [name, 'off'])) as Record<LightName, LightPattern>;
  #inputs = Object.fromEntries(inputNames.map((name) => [name, false])) as Record<InputName, boolean>;
  readonly #blinker: LightBlinker;

  constructor(lines: GpioLines, options: { load?: () => Result<OnoffModule, string> } = {}) {
    super('gpio', 'hardware', { state: 'noDevice', reason: 'not started' });
    this.#lines = lines;
    this.#load = options.load ?? loadOnoff;
    this.#blinker = new LightBlinker((light, on) => {
      try {
        this.#outputs.get(light)?.writeSync(on ? 1 : 0);
      } catch (e) {
        this.setStatus({ state: 'error', message: `writing ${light}: ${(e as Error).message}` });
      }
    });
  }

  override async start(): Promise<void> {
    const onoff = this.#load();
    if (!onoff.ok) {
      this.setStatus({ state: 'noDevice', reason: onoff.error });
      return;
    }
    if (!onoff.value.accessible) {
      this.setStatus({ state: 'noDevice', reason: 'no GPIO here: /sys/class/gpio is not accessible' });
      return;
    }
    try {
      for (const light of lightNames) {
        const { line, activeLow } = this.#lines.outputs[light];
        this.#outputs.set(light, onoff.value.open(line, 'out', 'none', { activeLow }));
      }
      for (const input of inputNames) {
        const { line, activeLow } = this.#lines.inputs[input];
        const gpio = onoff.value.open(line, 'in', 'both', { activeLow, debounceTimeout: this.#lines.debounceMs });
        this.#inputLines.set(input, gpio);
        this.#inputs[input] = gpio.readSync() === 1;
        gpio.watch((error, value) => {
          if (error) {
            this.setStatus({ state: 'error', message: `reading ${input}: ${error.message}` });
            return;
          }
          this.#inputs[input] = value === 1;
          this.#publish();
        });
      }
    } catch (e) {
      this.#release();
      this.setStatus({ state: 'error', message: `opening the GPIO lines: ${(e as Error).message}` });
      return;
    }
    for (const light of lightNames) this.#blinker.set(light, this.#lights[light]);
    this.#publish();
  }

  setLight(light: LightName, pattern: LightPattern): void {
    this.#lights[light] = pattern;
    this.#blinker.set(light, pattern);
    if (this.status().state === 'online') this.#publish();
  }

  override async stop(): Promise<void> {
    this.#blinker.stop();
    for (const light of this.#outputs.values()) light.writeSync(0);
    this.#release();
    await super.stop();
  }

  #release(): void {
    for (const line of [...this.#outputs.values(), ...this.#inputLines.values()]) {
      line.unwatchAll();
      line.unexport();
    }
    this.#outputs.clear();
    this.#inputLines.clear();
  }

  #publish(): void {
    this.setStatus({ state: 'online', lights: { ...this.#lights }, inputs: { ...this.#inputs } });
  }
}
