// The receipt printer the configuration asks for (issue 4 builds the driver and the simulator).
import { UnavailableDevice } from '../../drivers/device/unavailable-device.ts';
import type { Printer, PrinterStatus } from '../../drivers/printer/printer.ts';
import type { KioskConfig } from '../config/config.ts';

export function createPrinterDevice(config: KioskConfig): Printer {
  const source = config.devices.printer;
  return new UnavailableDevice<PrinterStatus>(
    'printer',
    source,
    source === 'sim' ? 'the simulated receipt printer is not built yet' : 'the serial ESC/POS printer driver is not built yet',
  );
}
