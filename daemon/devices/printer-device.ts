// The receipt printer the configuration asks for: the ESC/POS driver on the serial device
// (`printer.path`, `printer.baud`), or the same driver on a virtual printer whose receipts land
// under the state directory (sim-printer/*.png, *.txt) — in-process, or with `sim.stacks: system`
// over a socat pty pair (sim-pty/printer-host and printer-device).
import { join } from 'node:path';
import { EscPosPrinter } from '../../drivers/printer/escpos-printer.ts';
import type { Printer } from '../../drivers/printer/printer.ts';
import { serialLink } from '../../drivers/serial/serial-link.ts';
import type { PtySimPrinter } from '../../sim/printer/pty-sim-printer.ts';
import type { SimPrinter } from '../../sim/printer/sim-printer.ts';
import type { VirtualPrinter } from '../../sim/printer/virtual-printer.ts';
import type { KioskConfig } from '../config/config.ts';

export const simPrinterDir = (stateDir: string): string => join(stateDir, 'sim-printer');
export const simPtyDir = (stateDir: string): string => join(stateDir, 'sim-pty');

/** The printer, and the virtual printer behind it when it is simulated (the dock's paper and cover); the simulator is imported only then. */
export async function createPrinterDevice(config: KioskConfig): Promise<{ printer: Printer; virtual: VirtualPrinter | null }> {
  const { path, baud } = config.printer;
  switch (config.devices.printer) {
    case 'sim': {
      const printer = await createSimPrinter(config);
      return { printer, virtual: printer.virtual };
    }
    case 'hardware':
      return { printer: new EscPosPrinter({ source: 'hardware', device: path, baud, open: serialLink(path, baud) }), virtual: null };
  }
}

async function createSimPrinter(config: KioskConfig): Promise<SimPrinter | PtySimPrinter> {
  const { baud } = config.printer;
  switch (config.sim.stacks) {
    case 'inProcess': {
      const { SimPrinter } = await import('../../sim/printer/sim-printer.ts');
      return new SimPrinter({ outDir: simPrinterDir(config.stateDir), baud });
    }
    case 'system': {
      const { PtySimPrinter } = await import('../../sim/printer/pty-sim-printer.ts');
      return new PtySimPrinter({ outDir: simPrinterDir(config.stateDir), ptyDir: simPtyDir(config.stateDir), baud });
    }
  }
}
