// Builds the kiosk's devices from the configuration and aggregates their status.
import type { CardReader } from '../../drivers/card/card-reader.ts';
import { PcscCardReader } from '../../drivers/card/pcsc-card-reader.ts';
import { SimCardReader } from '../../sim/card/sim-card-reader.ts';
import { cardReaderServiceability } from '../../drivers/card/card-reader.ts';
import type { Device, DeviceKind, Serviceability } from '../../drivers/device/device.ts';
import { deviceKinds } from '../../drivers/device/device.ts';
import { gpioServiceability, type Gpio } from '../../drivers/gpio/gpio.ts';
import { printerServiceability, type Printer } from '../../drivers/printer/printer.ts';
import { scannerServiceability, type Scanner } from '../../drivers/scanner/scanner.ts';
import { createPrinterDevice } from './printer-device.ts';
import { createScannerDevice } from './scanner-device.ts';
import { SimGpio } from '../../sim/gpio/sim-gpio.ts';
import { OnoffGpio } from '../../drivers/gpio/onoff-gpio.ts';
import type { KioskConfig } from '../config/config.ts';
import type { DeviceStatuses, OverallState, ServiceState } from '../protocol/catalogue.ts';

export interface Devices {
  /** In simulator mode the in-process reader the dev dock inserts cards into; over pcscd otherwise. */
  cardReader: CardReader | SimCardReader;
  printer: Printer;
  scanner: Scanner;
  gpio: Gpio;
}

export function createDevices(config: KioskConfig): Devices {
  const source = config.devices;
  return {
    cardReader: source.cardReader === 'sim' ? new SimCardReader() : new PcscCardReader({ readerName: config.cardReader.readerName }),
    printer: createPrinterDevice(config),
    scanner: createScannerDevice(config),
    gpio: source.gpio === 'sim' ? new SimGpio() : new OnoffGpio(config.gpio),
  };
}

export function deviceStatuses(devices: Devices): DeviceStatuses {
  return {
    cardReader: devices.cardReader.status(),
    printer: devices.printer.status(),
    scanner: devices.scanner.status(),
    gpio: devices.gpio.status(),
  };
}

export function serviceability(statuses: DeviceStatuses): Record<DeviceKind, Serviceability> {
  return {
    cardReader: cardReaderServiceability(statuses.cardReader),
    printer: printerServiceability(statuses.printer),
    scanner: scannerServiceability(statuses.scanner),
    gpio: gpioServiceability(statuses.gpio),
  };
}

/**
 * ready: every device usable. outOfService: taken out of service (tamper, technician), or no
 * business can be offered at all (no card reader and no scanner). degraded: anything in between —
 * the flows offer what still works.
 */
export function overallState(statuses: DeviceStatuses, service: ServiceState = { state: 'inService' }): OverallState {
  if (service.state === 'outOfService') return 'outOfService';
  const each = serviceability(statuses);
  if (deviceKinds.every((kind) => each[kind] === 'ready')) return 'ready';
  if (each.cardReader === 'unavailable' && each.scanner === 'unavailable') return 'outOfService';
  return 'degraded';
}

export function allDevices(devices: Devices): Device<{ state: string }>[] {
  return deviceKinds.map((kind) => devices[kind]);
}
