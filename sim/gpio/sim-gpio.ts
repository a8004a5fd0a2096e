// Simulated GPIO lines, in-process: CI machines have no /sys/class/gpio. The dev dock (issue 7)
// drives the inputs; the lights keep the pattern the daemon last set, as real LEDs would.
import { StatusHolder } from '../../drivers/device/status-holder.ts';
import { type Gpio } from '../../drivers/gpio/gpio.ts';
import { inputNames, lightNames, type GpioStatus, type InputName, type LightName, type LightPattern } from '../../contract/devices/gpio.ts';

export class SimGpio extends StatusHolder<GpioStatus> implements Gpio {
  #lights: Record<LightName, LightPattern>;
  #inputs: Record<InputName, boolean>;

  constructor() {
    const lights = Object.fromEntries(lightNames.map((name) => [name, 'off'])) as Record<LightName, LightPattern>;
    const inputs = Object.fromEntries(inputNames.map((name) => [name, false])) as Record<InputName, boolean>;
    super('gpio', 'sim', { state: 'online', lights: { ...lights }, inputs: { ...inputs } });
    this.#lights = lights;
    this.#inputs = inputs;
  }

  setLight(light: LightName, pattern: LightPattern): void {
    this.#lights[light] = pattern;
    this.#publish();
  }

  /** What a person or the dev dock does to the simulated kiosk: walk up, open the cabinet… */
  setInput(input: InputName, active: boolean): void {
    this.#inputs[input] = active;
    this.#publish();
  }

  #publish(): void {
    this.setStatus({ state: 'online', lights: { ...this.#lights }, inputs: { ...this.#inputs } });
  }
}
