// Builds the kiosk's devices from the configuration and aggregates their status.
import type { CardReader } from '../../drivers/card/card-reader.ts';
import { PcscCardReader } from '../../drivers/card/pcsc-card-reader.ts';
import { SimCardReader } from '../../sim/card/sim-card-reader.ts';
import { VpcdCardSlot } from '../../sim/card/vpcd-card-slot.ts';
import { cardReaderServiceability } from '../../contract/devices/card-reader.ts';
import type { Device } from '../../drivers/device/device.ts';
import type { DeviceKind, Serviceability } from '../../contract/devices/device.ts';
import { deviceKinds } from '../../contract/devices/device.ts';
import { type Gpio } from '../../drivers/gpio/gpio.ts';
import { gpioServiceability } from '../../contract/devices/gpio.ts';
import { type Printer } from '../../drivers/printer/printer.ts';
import { printerServiceability } from '../../contract/devices/printer.ts';
import { type Scanner } from '../../drivers/scanner/scanner.ts';
import { scannerServiceability } from '../../contract/devices/scanner.ts';
import { createPrinterDevice } from './printer-device.ts';
import { createScannerDevice } from './scanner-device.ts';
import { SimGpio } from '../../sim/gpio/sim-gpio.ts';
import { OnoffGpio } from '../../drivers/gpio/onoff-gpio.ts';
import type { KioskConfig } from '../config/config.ts';
import type { DeviceStatuses, OverallState, ServiceState } from '../../contract/protocol/catalogue.ts';

export interface Devices {
  /** In simulator mode the in-process reader the dev dock inserts cards into; over pcscd otherwise. */
  cardReader: CardReader | SimCardReader;
  printer: Printer;
  scanner: Scanner;
  gpio: Gpio;
  /** Simulator mode over the system stacks: where the dev dock connects virtual cards to vpcd. */
  cardSlot: VpcdCardSlot | null;
}

/**
 * The PC/SC driver on pcscd's vpcd reader, holding the simulator's slot: stopping the reader
 * pulls the virtual card out, so the daemon leaves no connection to vpcd behind.
 */
class VpcdReader extends PcscCardReader {
  readonly slot: VpcdCardSlot;

  constructor(vpcd: KioskConfig['sim']['vpcd']) {
    super({ readerName: vpcd.readerName });
    this.slot = new VpcdCardSlot({ host: vpcd.host, port: vpcd.port, reader: this });
  }

  override async stop(): Promise<void> {
    await this.slot.close();
    await super.stop();
  }
}

function createCardReader(config: KioskConfig): CardReader | SimCardReader {
  switch (config.devices.cardReader) {
    case 'hardware':
      return new PcscCardReader({ readerName: config.cardReader.readerName });
    case 'sim':
      switch (config.sim.stacks) {
        case 'inProcess':
          return new SimCardReader();
        case 'system':
          return new VpcdReader(config.sim.vpcd);
      }
  }
}

export function createDevices(config: KioskConfig): Devices {
  const cardReader = createCardReader(config);
  return {
    cardReader,
    printer: createPrinterDevice(config),
    scanner: createScannerDevice(config),
    gpio: config.devices.gpio === 'sim' ? new SimGpio() : new OnoffGpio(config.gpio),
    cardSlot: cardReader instanceof VpcdReader ? cardReader.slot : null,
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
