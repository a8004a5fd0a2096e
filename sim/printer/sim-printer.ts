// The simulated receipt printer for simulator mode: the real ESC/POS driver over an in-process
// link to a virtual printer whose receipts land in `outDir` as PNG and text. The dev dock
// (Sim.Printer* commands) reaches the virtual printer through `virtual`.
import { EscPosPrinter } from '../../drivers/printer/escpos-printer.ts';
import { inProcessLink } from './in-process-link.ts';
import { ReceiptFiles } from './receipt-files.ts';
import { VirtualPrinter, type VirtualPrinterOptions } from './virtual-printer.ts';

export interface SimPrinterOptions extends Partial<VirtualPrinterOptions> {
  outDir: string;
  pollIntervalMs?: number;
}

export class SimPrinter extends EscPosPrinter {
  readonly virtual: VirtualPrinter;
  readonly files: ReceiptFiles;

  constructor(options: SimPrinterOptions) {
    const baud = options.baud ?? 115200;
    const virtual = new VirtualPrinter({ ...options, baud });
    super({ source: 'sim', device: 'virtual printer (in-process)', baud, open: inProcessLink(virtual), ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }) });
    this.virtual = virtual;
    this.files = new ReceiptFiles(options.outDir);
    virtual.onEvent((event) => {
      if (event.kind === 'page') this.files.write(event.page);
    });
  }

  override async stop(): Promise<void> {
    await super.stop();
    await this.files.flushed();
    this.virtual.close();
  }
}
