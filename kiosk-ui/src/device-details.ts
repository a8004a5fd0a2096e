// The facts a technician reads off a device's status: which device, why it is missing, what
// it is doing, in the page's language (a card's state, the lights and the sensors in words, not
// the protocol's identifiers). Holder names and ID numbers are never shown here. What a driver
// says itself (a device path, a SANE message) is shown as it came.
import type { DeviceStatuses } from '../../contract/protocol/catalogue.ts';
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { DeviceKind } from '../../contract/devices/device.ts';
import type { GpioStatus } from '../../contract/devices/gpio.ts';
import type { PrinterStatus } from '../../contract/devices/printer.ts';
import type { ScannerStatus } from '../../contract/devices/scanner.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import { lifecycleKey } from './flow-words.ts';
import { inputKey, inputStateKey, lightKey, patternKey } from './gpio-words.ts';
import { translate, type Language, type MessageKey } from './i18n.ts';

export interface DeviceDetail {
  labelKey: MessageKey;
  value: string;
}

const detail = (labelKey: MessageKey, value: string | null): DeviceDetail[] => (value === null ? [] : [{ labelKey, value }]);

type Words = (key: MessageKey) => string;

// `default` branches return nothing for a state this UI does not know yet.
function cardReaderDetails(status: CardReaderStatus, t: Words): DeviceDetail[] {
  switch (status.state) {
    case 'noDevice':
      return detail('tech.detail.reason', status.reason);
    case 'noCard':
      return detail('tech.detail.device', status.reader);
    case 'present':
      return [
        ...detail('tech.detail.device', status.reader),
        ...detail('tech.detail.cardNo', status.card?.cardNo ?? null),
        ...detail('tech.detail.lifecycle', status.card === null ? null : t(lifecycleKey(status.card.lifecycle))),
      ];
    case 'busy':
      return [...detail('tech.detail.device', status.reader), ...detail('tech.detail.operation', status.operation)];
    case 'error':
      return [...detail('tech.detail.device', status.reader), ...detail('tech.detail.message', status.message)];
    default:
      return [];
  }
}

function printerDetails(status: PrinterStatus): DeviceDetail[] {
  switch (status.state) {
    case 'noDevice':
      return detail('tech.detail.reason', status.reason);
    case 'online':
    case 'paperNearEnd':
    case 'paperOut':
    case 'coverOpen':
    case 'cutterError':
    case 'offline':
    case 'disconnected':
      return detail('tech.detail.device', status.device);
    default:
      return [];
  }
}

function scannerDetails(status: ScannerStatus): DeviceDetail[] {
  switch (status.state) {
    case 'noDevice':
      return detail('tech.detail.reason', status.reason);
    case 'idle':
    case 'jammed':
    case 'coverOpen':
    case 'noPaper':
      return detail('tech.detail.device', status.device);
    case 'busy':
      return [...detail('tech.detail.device', status.device), ...detail('tech.detail.operation', status.operation)];
    case 'error':
      return [...detail('tech.detail.device', status.device), ...detail('tech.detail.message', status.message)];
    default:
      return [];
  }
}

/** The ID-card reader: its device and the card's validity — never the holder's name or number. */
function idCardReaderDetails(status: IdCardReaderStatus, t: Words): DeviceDetail[] {
  switch (status.state) {
    case 'noDevice':
      return detail('tech.detail.reason', status.reason);
    case 'notFitted':
      return [];
    case 'noCard':
      return detail('tech.detail.device', status.device);
    case 'cardPresent': {
      const until = status.holder.validity.until;
      return [...detail('tech.detail.device', status.device), ...detail('tech.detail.idCardValidUntil', until.kind === 'date' ? until.date : t('keypad.longTerm'))];
    }
    case 'error':
      return [...detail('tech.detail.device', status.device), ...detail('tech.detail.message', status.message)];
    default:
      return [];
  }
}

/** One line per light or input: its name and its state, in words. */
const lines = (entries: readonly (readonly [MessageKey, MessageKey])[], t: Words): string => entries.map(([name, state]) => `${t(name)}: ${t(state)}`).join('\n');

function gpioDetails(status: GpioStatus, t: Words): DeviceDetail[] {
  switch (status.state) {
    case 'noDevice':
      return detail('tech.detail.reason', status.reason);
    case 'online': {
      const lights = (Object.keys(status.lights) as (keyof typeof status.lights)[]).map((light) => [lightKey(light), patternKey(status.lights[light])] as const);
      const inputs = (Object.keys(status.inputs) as (keyof typeof status.inputs)[]).map((input) => [inputKey(input), inputStateKey(input, status.inputs[input])] as const);
      return [...detail('tech.detail.lights', lines(lights, t)), ...detail('tech.detail.inputs', lines(inputs, t))];
    }
    case 'error':
      return detail('tech.detail.message', status.message);
    default:
      return [];
  }
}

/** A text field some drivers' statuses carry (model, firmware), or null. */
function textField(status: object, name: 'model' | 'firmware'): string | null {
  const value: unknown = (status as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Model and firmware, where the driver's status reports them. */
function identity(status: object): DeviceDetail[] {
  return [...detail('tech.detail.model', textField(status, 'model')), ...detail('tech.detail.firmware', textField(status, 'firmware'))];
}

export function deviceDetails(kind: DeviceKind, devices: DeviceStatuses, language: Language): DeviceDetail[] {
  const t: Words = (key) => translate(language, key);
  switch (kind) {
    case 'cardReader':
      return [...cardReaderDetails(devices.cardReader, t), ...identity(devices.cardReader)];
    case 'printer':
      return [...printerDetails(devices.printer), ...identity(devices.printer)];
    case 'scanner':
      return [...scannerDetails(devices.scanner), ...identity(devices.scanner)];
    case 'gpio':
      return gpioDetails(devices.gpio, t);
    case 'idCardReader':
      return idCardReaderDetails(devices.idCardReader, t);
  }
}
