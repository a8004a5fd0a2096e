// How a device's status reads on screen: a plain-words state and a level (colour and icon).
// The levels come from the drivers' own serviceability rules, so the strip and the daemon's
// health never disagree.
import type { DeviceStatuses } from '../../contract/protocol/catalogue.ts';
import { cardReaderServiceability, type CardReaderStatus } from '../../contract/devices/card-reader.ts';
import { deviceKinds, type DeviceKind, type Serviceability } from '../../contract/devices/device.ts';
import { gpioServiceability, type GpioStatus } from '../../contract/devices/gpio.ts';
import { printerServiceability, type PrinterStatus } from '../../contract/devices/printer.ts';
import { scannerServiceability, type ScannerStatus } from '../../contract/devices/scanner.ts';
import { idCardReaderServiceability, type IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import type { MessageKey } from './i18n.ts';

/** `unknown` when the UI has no current status (not fetched yet, or the connection is down). */
export type DeviceLevel = Serviceability | 'unknown';

export interface DeviceView {
  kind: DeviceKind;
  nameKey: MessageKey;
  stateKey: MessageKey;
  level: DeviceLevel;
  /** The daemon's state tag, for tests and the technician page; null when unknown. */
  state: string | null;
}

export function deviceNameKey(kind: DeviceKind): MessageKey {
  switch (kind) {
    case 'cardReader':
      return 'device.cardReader';
    case 'printer':
      return 'device.printer';
    case 'scanner':
      return 'device.scanner';
    case 'gpio':
      return 'device.gpio';
    case 'idCardReader':
      return 'device.idCardReader';
  }
}

function idCardReaderStateKey(status: IdCardReaderStatus): MessageKey | null {
  switch (status.state) {
    case 'noDevice':
      return 'state.noDevice';
    case 'notFitted':
      return 'state.idCardReader.notFitted';
    case 'noCard':
      return 'state.idCardReader.noCard';
    case 'cardPresent':
      return 'state.idCardReader.cardPresent';
    case 'error':
      return 'state.idCardReader.error';
    default:
      return null;
  }
}

// The `default` branches only guard against a daemon newer than this UI; the lint rule still
// requires every known state to be named.
function cardReaderStateKey(status: CardReaderStatus): MessageKey | null {
  switch (status.state) {
    case 'noDevice':
      return 'state.noDevice';
    case 'noCard':
      return 'state.cardReader.noCard';
    case 'present':
      return 'state.cardReader.present';
    case 'busy':
      return 'state.cardReader.busy';
    case 'error':
      return 'state.cardReader.error';
    default:
      return null;
  }
}

function printerStateKey(status: PrinterStatus): MessageKey | null {
  switch (status.state) {
    case 'noDevice':
      return 'state.noDevice';
    case 'online':
      return 'state.printer.online';
    case 'paperNearEnd':
      return 'state.printer.paperNearEnd';
    case 'paperOut':
      return 'state.printer.paperOut';
    case 'coverOpen':
      return 'state.printer.coverOpen';
    case 'cutterError':
      return 'state.printer.cutterError';
    case 'offline':
      return 'state.printer.offline';
    case 'disconnected':
      return 'state.printer.disconnected';
    default:
      return null;
  }
}

function scannerStateKey(status: ScannerStatus): MessageKey | null {
  switch (status.state) {
    case 'noDevice':
      return 'state.noDevice';
    case 'idle':
      return 'state.scanner.idle';
    case 'busy':
      return 'state.scanner.busy';
    case 'jammed':
      return 'state.scanner.jammed';
    case 'coverOpen':
      return 'state.scanner.coverOpen';
    case 'noPaper':
      return 'state.scanner.noPaper';
    case 'error':
      return 'state.scanner.error';
    default:
      return null;
  }
}

function gpioStateKey(status: GpioStatus): MessageKey | null {
  switch (status.state) {
    case 'noDevice':
      return 'state.noDevice';
    case 'online':
      return 'state.gpio.online';
    case 'error':
      return 'state.gpio.error';
    default:
      return null;
  }
}

function unknownView(kind: DeviceKind): DeviceView {
  return { kind, nameKey: deviceNameKey(kind), stateKey: 'state.unknown', level: 'unknown', state: null };
}

function knownView(kind: DeviceKind, state: string, stateKey: MessageKey | null, level: () => Serviceability): DeviceView {
  if (stateKey === null) return unknownView(kind);
  return { kind, nameKey: deviceNameKey(kind), stateKey, level: level(), state };
}

/** The devices the status strip shows: all but an ID-card reader the kiosk does not have. */
export function stripDeviceKinds(devices: DeviceStatuses | null): DeviceKind[] {
  return deviceKinds.filter((kind) => kind !== 'idCardReader' || devices?.idCardReader.state !== 'notFitted');
}

/** The view of one device; `devices` null (or `stale`) means the UI does not know its state. */
export function describeDevice(kind: DeviceKind, devices: DeviceStatuses | null, stale = false): DeviceView {
  if (devices === null || stale) return unknownView(kind);
  switch (kind) {
    case 'cardReader': {
      const status = devices.cardReader;
      return knownView(kind, status.state, cardReaderStateKey(status), () => cardReaderServiceability(status));
    }
    case 'printer': {
      const status = devices.printer;
      return knownView(kind, status.state, printerStateKey(status), () => printerServiceability(status));
    }
    case 'scanner': {
      const status = devices.scanner;
      return knownView(kind, status.state, scannerStateKey(status), () => scannerServiceability(status));
    }
    case 'gpio': {
      const status = devices.gpio;
      return knownView(kind, status.state, gpioStateKey(status), () => gpioServiceability(status));
    }
    case 'idCardReader': {
      const status = devices.idCardReader;
      return knownView(kind, status.state, idCardReaderStateKey(status), () => idCardReaderServiceability(status));
    }
  }
}
