// Builds the kiosk's devices from the configuration and aggregates their status. One of the
// daemon's composition roots: the only place besides daemon.ts and cli/main.ts that chooses a
// simulator, and it hands what it simulated to the dock as parts (no `instanceof Sim…` elsewhere).
import type { CardReader } from '../../drivers/card/card-reader.ts';
import { PcscCardReader } from '../../drivers/card/pcsc-card-reader.ts';
import type { SimulatedParts } from '../../sim/dock/sim-dock.ts';
import { cardReaderServiceability } from '../../contract/devices/card-reader.ts';
import type { Device } from '../../drivers/device/device.ts';
import { deviceKinds, type DeviceKind, type Serviceability } from '../../contract/devices/device.ts';
import type { Gpio } from '../../drivers/gpio/gpio.ts';
import { gpioServiceability } from '../../contract/devices/gpio.ts';
import type { Printer } from '../../drivers/printer/printer.ts';
import { printerServiceability } from '../../contract/devices/printer.ts';
import type { Scanner } from '../../drivers/scanner/scanner.ts';
import { scannerServiceability } from '../../contract/devices/scanner.ts';
import { createPrinterDevice } from './printer-device.ts';
import { createScannerDevice } from './scanner-device.ts';
import { createIdCardReaderDevice } from './id-card-reader-device.ts';
import type { IdCardReader } from '../../drivers/idcard/id-card-reader.ts';
import { idCardReaderServiceability } from '../../contract/devices/id-card-reader.ts';
import type { SimGpio } from '../../sim/gpio/sim-gpio.ts';
import { OnoffGpio } from '../../drivers/gpio/onoff-gpio.ts';
import type { KioskConfig } from '../config/config.ts';
import type { DeviceStatuses, OverallState, ServiceState } from '../../contract/protocol/catalogue.ts';

export interface Devices {
  cardReader: CardReader;
  printer: Printer;
  scanner: Scanner;
  gpio: Gpio;
  idCardReader: IdCardReader;
}

type CardReaderParts = Pick<SimulatedParts, 'reader' | 'cardSlot'>;

async function createCardReader(config: KioskConfig): Promise<{ cardReader: CardReader } & CardReaderParts> {
  switch (config.devices.cardReader) {
    case 'hardware':
      return { cardReader: new PcscCardReader({ readerName: config.cardReader.readerName }), reader: null, cardSlot: null };
    case 'sim':
      switch (config.sim.stacks) {
        case 'inProcess': {
          const { SimCardReader } = await import('../../sim/card/sim-card-reader.ts');
          const reader = new SimCardReader();
          return { cardReader: reader, reader, cardSlot: null };
        }
        case 'system': {
          // The PC/SC driver on pcscd's vpcd reader; the simulator's cards go into vpcd's slot.
          const { VpcdReader } = await import('../../sim/card/vpcd-reader.ts');
          const reader = new VpcdReader(config.sim.vpcd);
          return { cardReader: reader, reader: null, cardSlot: reader.slot };
        }
      }
  }
}

async function createGpio(config: KioskConfig): Promise<{ gpio: Gpio; simulated: SimGpio | null }> {
  switch (config.devices.gpio) {
    case 'sim': {
      const { SimGpio } = await import('../../sim/gpio/sim-gpio.ts');
      const gpio = new SimGpio();
      return { gpio, simulated: gpio };
    }
    case 'hardware':
      return { gpio: new OnoffGpio(config.gpio), simulated: null };
  }
}

/**
 * The devices the configuration asks for, and the simulated parts among them for the dock. A
 * simulated device's modules are imported only when it is chosen: a kiosk on hardware never loads
 * the simulator (its document generator, virtual card and CA), which keeps the daemon small.
 */
export async function createDevices(config: KioskConfig): Promise<{ devices: Devices; simulated: SimulatedParts }> {
  const { cardReader, reader, cardSlot } = await createCardReader(config);
  const { printer, virtual } = await createPrinterDevice(config);
  const scanner = await createScannerDevice(config);
  const gpio = await createGpio(config);
  const idCard = await createIdCardReaderDevice(config);
  return {
    devices: { cardReader, printer, scanner: scanner.scanner, gpio: gpio.gpio, idCardReader: idCard.idCardReader },
    simulated: { reader, cardSlot, printer: virtual, scanner: scanner.simulated, gpio: gpio.simulated, idCard: idCard.simulated },
  };
}

export function deviceStatuses(devices: Devices): DeviceStatuses {
  return {
    cardReader: devices.cardReader.status(),
    printer: devices.printer.status(),
    scanner: devices.scanner.status(),
    gpio: devices.gpio.status(),
    idCardReader: devices.idCardReader.status(),
  };
}

export function serviceability(statuses: DeviceStatuses): Record<DeviceKind, Serviceability> {
  return {
    cardReader: cardReaderServiceability(statuses.cardReader),
    printer: printerServiceability(statuses.printer),
    scanner: scannerServiceability(statuses.scanner),
    gpio: gpioServiceability(statuses.gpio),
    idCardReader: idCardReaderServiceability(statuses.idCardReader),
  };
}

/**
 * ready: every device usable. outOfService: taken out of service (tamper, technician), or no
 * business can be offered at all (no card reader and no scanner). degraded: anything in between —
 * the flows offer what still works. A configured ID-card reader counts like the others: without it
 * (noDevice, error) the kiosk is degraded, never out of service on its account alone — the flows do
 * not read the chip yet. One the kiosk does not have (`devices.idCardReader: none`) is notFitted,
 * which is ready.
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
