// The receipt printer the configuration asks for: the ESC/POS driver on the serial device
// (`printer.path`, `printer.baud`), or the same driver on a virtual printer whose receipts land
// under the state directory (sim-printer/*.png, *.txt) — in-process, or with `sim.stacks: system`
// over a socat pty pair (sim-pty/printer-host and printer-device).
import { join } from 'node:path';
import { EscPosPrinter } from '../../drivers/printer/escpos-printer.ts';
import type { Printer } from '../../drivers/printer/printer.ts';
import { serialLink } from '../../drivers/serial/serial-link.ts';
import { PtySimPrinter } from '../../sim/printer/pty-sim-printer.ts';
import { SimPrinter } from '../../sim/printer/sim-printer.ts';
import type { VirtualPrinter } from '../../sim/printer/virtual-printer.ts';
import type { KioskConfig } from '../config/config.ts';

export const simPrinterDir = (stateDir: string): string => join(stateDir, 'sim-printer');
export const simPtyDir = (stateDir: string): string => join(stateDir, 'sim-pty');

/** The printer, and the virtual printer behind it when it is simulated (the dock's paper and cover). */
export function createPrinterDevice(config: KioskConfig): { printer: Printer; virtual: VirtualPrinter | null } {
  const { path, baud } = config.printer;
  switch (config.devices.printer) {
    case 'sim': {
      const printer = createSimPrinter(config);
      return { printer, virtual: printer.virtual };
    }
    case 'hardware':
      return { printer: new EscPosPrinter({ source: 'hardware', device: path, baud, open: serialLink(path, baud) }), virtual: null };
  }
}

function createSimPrinter(config: KioskConfig): SimPrinter | PtySimPrinter {
  const { baud } = config.printer;
  switch (config.sim.stacks) {
    case 'inProcess':
      return new SimPrinter({ outDir: simPrinterDir(config.stateDir), baud });
    case 'system':
      return new PtySimPrinter({ outDir: simPrinterDir(config.stateDir), ptyDir: simPtyDir(config.stateDir), baud });
  }
}
