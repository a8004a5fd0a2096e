// The GPIO lines in words: lights, flash patterns, sensors and switches.
import type { InputName, LightName, LightPattern } from '../../contract/devices/gpio.ts';
import type { MessageKey } from './i18n.ts';

export function lightKey(light: LightName): MessageKey {
  switch (light) {
    case 'cardSlot':
      return 'light.cardSlot';
    case 'scanner':
      return 'light.scanner';
    case 'printer':
      return 'light.printer';
    case 'inService':
      return 'light.inService';
    case 'alarm':
      return 'light.alarm';
  }
}

export function patternKey(pattern: LightPattern): MessageKey {
  switch (pattern) {
    case 'off':
      return 'pattern.off';
    case 'on':
      return 'pattern.on';
    case 'slow':
      return 'pattern.slow';
    case 'fast':
      return 'pattern.fast';
  }
}

export function inputKey(input: InputName): MessageKey {
  switch (input) {
    case 'presence':
      return 'input.presence';
    case 'tamper':
      return 'input.tamper';
    case 'serviceSwitch':
      return 'input.serviceSwitch';
  }
}

/** What an input's level means in words: someone there, cabinet open, switch on. */
export function inputStateKey(input: InputName, active: boolean): MessageKey {
  switch (input) {
    case 'presence':
      return active ? 'input.presence.on' : 'input.presence.off';
    case 'tamper':
      return active ? 'input.tamper.on' : 'input.tamper.off';
    case 'serviceSwitch':
      return active ? 'input.serviceSwitch.on' : 'input.serviceSwitch.off';
  }
}
