// The document scanner the configuration asks for: SANE through scanimage on hardware; in
// simulator mode the in-process scanner with a new-enrolment document set in its feeder.
import { SaneScanner } from '../../drivers/scanner/sane-scanner.ts';
import type { Scanner } from '../../drivers/scanner/scanner.ts';
import { documentSet } from '../../sim/scanner/document-set.ts';
import { SimScanner } from '../../sim/scanner/sim-scanner.ts';
import type { KioskConfig } from '../config/config.ts';

export function createScannerDevice(config: KioskConfig): Scanner {
  switch (config.devices.scanner) {
    case 'hardware':
      return new SaneScanner({ deviceName: config.scanner.deviceName, timeoutMs: config.scanner.timeoutMs });
    case 'sim':
      return new DemoScanner();
  }
}

/**
 * The simulated scanner for the demo: the first ADF scan with an empty feeder fills it with a
 * generated new-enrolment set. Lazily, because rendering a set takes seconds of CPU the daemon's
 * start-up should not pay.
 */
export class DemoScanner extends SimScanner {
  #loaded = false;

  override async scan(...args: Parameters<SimScanner['scan']>): ReturnType<SimScanner['scan']> {
    const [request] = args;
    if (request.source === 'adf' && this.feederCount === 0 && !this.#loaded) {
      this.#loaded = true;
      this.loadFeeder(await documentSet('new_enrolment', { seed: 7, dpi: request.resolutionDpi }));
    }
    return super.scan(...args);
  }
}
