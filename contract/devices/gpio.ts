// The GPIO board's lights, inputs and status as the daemon reports them.
import type { NoDevice, Serviceability } from './device.ts';

/** Output lines: guide lights and the service light. */
export type LightName = 'cardSlot' | 'scanner' | 'printer' | 'inService' | 'alarm';
/** Input lines: sensors and switches, debounced by the driver. */
export type InputName = 'presence' | 'tamper' | 'serviceSwitch';

export const lightNames: readonly LightName[] = ['cardSlot', 'scanner', 'printer', 'inService', 'alarm'];
export const inputNames: readonly InputName[] = ['presence', 'tamper', 'serviceSwitch'];

/** Flash patterns stay at or below 2 Hz (photosensitivity guidance for public terminals). */
export type LightPattern = 'off' | 'on' | 'slow' | 'fast';

export type GpioStatus =
  | NoDevice
  | { state: 'online'; lights: Record<LightName, LightPattern>; inputs: Record<InputName, boolean> }
  | { state: 'error'; message: string };

export function gpioServiceability(status: GpioStatus): Serviceability {
  switch (status.state) {
    case 'online':
      return 'ready';
    case 'error':
      return 'attention';
    case 'noDevice':
      return 'unavailable';
  }
}
