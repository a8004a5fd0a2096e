// The simulator's scanners for the demo and the flows: a simulated scanner (in process, or through
// scanimage and SANE's pnm backend) whose feeder, when empty, holds one generated licence page.
import type { ScanRequest } from '../../drivers/scanner/scanner.ts';
import { documentSet } from './document-set.ts';
import { PnmSimScanner } from './pnm-sim-scanner.ts';
import { SimScanner } from './sim-scanner.ts';

/**
 * The demo's feeder: the first ADF scan with an empty feeder (a technician's test scan, before
 * anyone used the dock) finds one generated page there, a business licence with its QR code —
 * one sheet, as an agent feeds one paper. Lazily, because rendering it takes CPU the daemon's
 * start-up should not pay. The dock feeds the paper a flow asks for (Sim.ScannerLoad {paper}).
 */
class DemoFeeder {
  #loaded = false;

  async fill(scanner: SimScanner, request: ScanRequest): Promise<void> {
    if (request.source !== 'adf' || scanner.feederCount > 0 || this.#loaded) return;
    this.#loaded = true;
    scanner.loadFeeder(await documentSet('new_enrolment', { seed: 7, dpi: request.resolutionDpi, only: [{ kind: 'business_licence' }] }));
  }
}

/** The simulated scanner for the demo, in-process. */
export class DemoScanner extends SimScanner {
  readonly #demo = new DemoFeeder();

  override async scan(...args: Parameters<SimScanner['scan']>): ReturnType<SimScanner['scan']> {
    await this.#demo.fill(this, args[0]);
    return super.scan(...args);
  }

  override async scanPages(...args: Parameters<SimScanner['scanPages']>): ReturnType<SimScanner['scanPages']> {
    await this.#demo.fill(this, args[0]);
    return super.scanPages(...args);
  }
}

/** The same over the system stack: the sheets go through scanimage and the pnm backend. */
export class PnmDemoScanner extends PnmSimScanner {
  readonly #demo = new DemoFeeder();

  override async scan(...args: Parameters<PnmSimScanner['scan']>): ReturnType<PnmSimScanner['scan']> {
    await this.#demo.fill(this, args[0]);
    return super.scan(...args);
  }

  override async scanPages(...args: Parameters<PnmSimScanner['scanPages']>): ReturnType<PnmSimScanner['scanPages']> {
    await this.#demo.fill(this, args[0]);
    return super.scanPages(...args);
  }
}
