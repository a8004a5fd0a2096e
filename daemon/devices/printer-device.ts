// The receipt printer the configuration asks for: the ESC/POS driver on the serial device
// (`printer.path`, `printer.baud`), or the same driver on an in-process virtual printer whose
// receipts land under the state directory (sim-printer/*.png, *.txt).
import { join } from 'node:path';
import { EscPosPrinter } from '../../drivers/printer/escpos-printer.ts';
import type { Printer } from '../../drivers/printer/printer.ts';
import { serialLink } from '../../drivers/printer/serial-link.ts';
import { SimPrinter } from '../../sim/printer/sim-printer.ts';
import type { KioskConfig } from '../config/config.ts';

export const simPrinterDir = (stateDir: string): string => join(stateDir, 'sim-printer');

export function createPrinterDevice(config: KioskConfig): Printer {
  const { path, baud } = config.printer;
  switch (config.devices.printer) {
    case 'sim':
      return new SimPrinter({ outDir: simPrinterDir(config.stateDir), baud });
    case 'hardware':
      return new EscPosPrinter({ source: 'hardware', device: path, baud, open: serialLink(path, baud) });
  }
}
