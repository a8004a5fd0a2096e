// Drives light patterns onto output levels. Flash rates stay at or below 2 Hz: slow = 1 Hz,
// fast = 2 Hz (a full on+off cycle), within photosensitivity guidance for public terminals.
import type { LightName, LightPattern } from '../../contract/devices/gpio.ts';

export const flashHalfPeriodMs: Record<'slow' | 'fast', number> = { slow: 500, fast: 250 };

export class LightBlinker {
  readonly #write: (light: LightName, on: boolean) => void;
  readonly #timers = new Map<LightName, NodeJS.Timeout>();

  constructor(write: (light: LightName, on: boolean) => void) {
    this.#write = write;
  }

  set(light: LightName, pattern: LightPattern): void {
    const running = this.#timers.get(light);
    if (running !== undefined) clearInterval(running);
    this.#timers.delete(light);
    switch (pattern) {
      case 'off':
        this.#write(light, false);
        break;
      case 'on':
        this.#write(light, true);
        break;
      case 'slow':
      case 'fast': {
        let on = true;
        this.#write(light, on);
        const timer = setInterval(() => {
          on = !on;
          this.#write(light, on);
        }, flashHalfPeriodMs[pattern]);
        timer.unref();
        this.#timers.set(light, timer);
        break;
      }
    }
  }

  stop(): void {
    for (const timer of this.#timers.values()) clearInterval(timer);
    this.#timers.clear();
  }
}
