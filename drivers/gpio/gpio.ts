import type { GpioStatus, LightName, LightPattern } from '../../contract/devices/gpio.ts';
import type { Device } from '../device/device.ts';

export interface Gpio extends Device<GpioStatus> {
  setLight(light: LightName, pattern: LightPattern): void;
}
