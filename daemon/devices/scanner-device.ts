// The document scanner the configuration asks for: SANE through scanimage on hardware; in
// simulator mode a simulated scanner with a new-enrolment document set in its feeder — in-process,
// or with `sim.stacks: system` through the real scanimage and SANE's pnm backend.
import { SaneScanner } from '../../drivers/scanner/sane-scanner.ts';
import type { Scanner } from '../../drivers/scanner/scanner.ts';
import { DemoScanner, PnmDemoScanner } from '../../sim/scanner/demo-scanner.ts';
import type { SimScanner } from '../../sim/scanner/sim-scanner.ts';
import type { KioskConfig } from '../config/config.ts';

/** The scanner, and the same object as the simulator's when it is simulated (the dock feeds it). */
export function createScannerDevice(config: KioskConfig): { scanner: Scanner; simulated: SimScanner | null } {
  switch (config.devices.scanner) {
    case 'hardware':
      return { scanner: new SaneScanner({ deviceName: config.scanner.deviceName, timeoutMs: config.scanner.timeoutMs }), simulated: null };
    case 'sim': {
      const scanner = simScanner(config);
      return { scanner, simulated: scanner };
    }
  }
}

function simScanner(config: KioskConfig): SimScanner {
  switch (config.sim.stacks) {
    case 'inProcess':
      return new DemoScanner();
    case 'system':
      return new PnmDemoScanner({ stateDir: config.stateDir, timeoutMs: config.scanner.timeoutMs });
  }
}
