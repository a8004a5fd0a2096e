import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../basics/result.ts';
import { inputNames, lightNames, type GpioStatus } from '../../contract/devices/gpio.ts';
import { flashHalfPeriodMs } from './light-blinker.ts';
import { OnoffGpio, type GpioLines, type OnoffLine, type OnoffModule } from './onoff-gpio.ts';

class FakeLine implements OnoffLine {
  writes: (0 | 1)[] = [];
  value: 0 | 1 = 0;
  watcher: ((error: Error | null | undefined, value: 0 | 1) => void) | null = null;
  unexported = false;
  readonly options: { debounceTimeout?: number; activeLow: boolean };
  constructor(options: { debounceTimeout?: number; activeLow: boolean }) {
    this.options = options;
  }
  writeSync(value: 0 | 1): void {
    this.writes.push(value);
  }
  readSync(): 0 | 1 {
    return this.value;
  }
  watch(callback: (error: Error | null | undefined, value: 0 | 1) => void): void {
    this.watcher = callback;
  }
  unwatchAll(): void {
    this.watcher = null;
  }
  unexport(): void {
    this.unexported = true;
  }
}

const lines: GpioLines = {
  outputs: { cardSlot: { line: 17, activeLow: false }, scanner: { line: 27, activeLow: false }, printer: { line: 22, activeLow: false }, inService: { line: 23, activeLow: false }, alarm: { line: 24, activeLow: false } },
  inputs: { presence: { line: 5, activeLow: false }, tamper: { line: 6, activeLow: true }, serviceSwitch: { line: 13, activeLow: true } },
  debounceMs: 40,
};

function fakeOnoff(accessible = true) {
  const opened = new Map<number, FakeLine>();
  const module: OnoffModule = {
    accessible,
    open: (line, _direction, _edge, options) => {
      const fake = new FakeLine(options);
      if (line === 6) fake.value = 1; // the cabinet is open at start
      opened.set(line, fake);
      return fake;
    },
  };
  return { module, opened };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('OnoffGpio', () => {
  it('reports noDevice where GPIO is not accessible', async () => {
    const gpio = new OnoffGpio(lines, { load: () => ok(fakeOnoff(false).module) });
    await gpio.start();
    expect(gpio.status()).toMatchObject({ state: 'noDevice', reason: expect.stringMatching(/sys\/class\/gpio/) });
  });

  it('opens every line from the configuration, reads and watches the debounced inputs', async () => {
    const { module, opened } = fakeOnoff();
    const gpio = new OnoffGpio(lines, { load: () => ok(module) });
    const seen: GpioStatus[] = [];
    gpio.onStatusChange((status) => seen.push(status));
    await gpio.start();
    expect([...opened.keys()].sort((a, b) => a - b)).toEqual([5, 6, 13, 17, 22, 23, 24, 27]);
    expect(opened.get(6)?.options).toEqual({ activeLow: true, debounceTimeout: 40 });
    expect(gpio.status()).toMatchObject({ state: 'online', inputs: { presence: false, tamper: true, serviceSwitch: false } });
    opened.get(5)?.watcher?.(null, 1);
    expect(gpio.status()).toMatchObject({ state: 'online', inputs: { presence: true } });
    opened.get(5)?.watcher?.(new Error('EIO'), 0);
    expect(gpio.status()).toEqual({ state: 'error', message: 'reading presence: EIO' });
    expect(seen.length).toBe(3);
    await gpio.stop();
    expect([...opened.values()].every((line) => line.unexported)).toBe(true);
  });

  it('flashes a light at 1 Hz or 2 Hz, never faster, and holds on/off', async () => {
    vi.useFakeTimers();
    const { module, opened } = fakeOnoff();
    const gpio = new OnoffGpio(lines, { load: () => ok(module) });
    await gpio.start();
    const cardSlot = opened.get(17)!;
    cardSlot.writes.length = 0;
    gpio.setLight('cardSlot', 'fast');
    vi.advanceTimersByTime(1000);
    // 2 Hz: on, then a toggle every 250 ms → 4 toggles in a second.
    expect(cardSlot.writes).toEqual([1, 0, 1, 0, 1]);
    expect(flashHalfPeriodMs.fast).toBeGreaterThanOrEqual(250);
    cardSlot.writes.length = 0;
    gpio.setLight('cardSlot', 'slow');
    vi.advanceTimersByTime(1000);
    expect(cardSlot.writes).toEqual([1, 0, 1]);
    cardSlot.writes.length = 0;
    gpio.setLight('cardSlot', 'on');
    vi.advanceTimersByTime(2000);
    expect(cardSlot.writes).toEqual([1]);
    expect(gpio.status()).toMatchObject({ lights: { cardSlot: 'on' } });
    await gpio.stop();
  });

  it('names every light and input', () => {
    expect(Object.keys(lines.outputs).sort()).toEqual([...lightNames].sort());
    expect(Object.keys(lines.inputs).sort()).toEqual([...inputNames].sort());
  });
});
