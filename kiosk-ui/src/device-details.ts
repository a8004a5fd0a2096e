// The facts a technician reads off a device's status: which device, why it is missing, what
// it is doing. Holder names and ID numbers are never shown here.
import type { DeviceStatuses } from '../../contract/protocol/catalogue.ts';
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { DeviceKind } from '../../contract/devices/device.ts';
import type { GpioStatus } from '../../contract/devices/gpio.ts';
import type { PrinterStatus } from '../../contract/devices/printer.ts';
import type { ScannerStatus } from '../../contract/devices/scanner.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import type { MessageKey } from './i18n.ts';

export interface DeviceDetail {
  labelKey: MessageKey;
  value: string;
}

const detail = (labelKey: MessageKey, value: string | null): DeviceDetail[] => (value === null ? [] : [{ labelKey, value }]);

// `default` branches return nothing for a state this UI does not know yet.
function cardReaderDetails(status: CardReaderStatus): DeviceDetail[] {
  switch (status.state) {
    case 'noDevice':
      return detail('tech.detail.reason', status.reason);
    case 'noCard':
      return detail('tech.detail.device', status.reader);
    case 'present':
      return [
        ...detail('tech.detail.device', status.reader),
        ...detail('tech.detail.cardNo', status.card?.cardNo ?? null),
        ...detail('tech.detail.lifecycle', status.card?.lifecycle ?? null),
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
function idCardReaderDetails(status: IdCardReaderStatus): DeviceDetail[] {
  switch (status.state) {
    case 'noDevice':
      return detail('tech.detail.reason', status.reason);
    case 'notFitted':
      return [];
    case 'noCard':
      return detail('tech.detail.device', status.device);
    case 'cardPresent': {
      const until = status.holder.validity.until;
      return [...detail('tech.detail.device', status.device), ...detail('tech.detail.idCardValidUntil', until.kind === 'date' ? until.date : '长期')];
    }
    case 'error':
      return [...detail('tech.detail.device', status.device), ...detail('tech.detail.message', status.message)];
    default:
      return [];
  }
}

const pairs = (record: Record<string, unknown>): string =>
  Object.entries(record)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('\n');

function gpioDetails(status: GpioStatus): DeviceDetail[] {
  switch (status.state) {
    case 'noDevice':
      return detail('tech.detail.reason', status.reason);
    case 'online':
      return [...detail('tech.detail.lights', pairs(status.lights)), ...detail('tech.detail.inputs', pairs(status.inputs))];
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

export function deviceDetails(kind: DeviceKind, devices: DeviceStatuses): DeviceDetail[] {
  switch (kind) {
    case 'cardReader':
      return [...cardReaderDetails(devices.cardReader), ...identity(devices.cardReader)];
    case 'printer':
      return [...printerDetails(devices.printer), ...identity(devices.printer)];
    case 'scanner':
      return [...scannerDetails(devices.scanner), ...identity(devices.scanner)];
    case 'gpio':
      return gpioDetails(devices.gpio);
    case 'idCardReader':
      return idCardReaderDetails(devices.idCardReader);
  }
}
