// The document scanner the configuration asks for: SANE through scanimage on hardware; in
// simulator mode a simulated scanner with a new-enrolment document set in its feeder — in-process,
// or with `sim.stacks: system` through the real scanimage and SANE's pnm backend.
import { SaneScanner } from '../../drivers/scanner/sane-scanner.ts';
import type { Scanner } from '../../drivers/scanner/scanner.ts';
import type { SimScanner } from '../../sim/scanner/sim-scanner.ts';
import type { KioskConfig } from '../config/config.ts';
import { limitNativeArenas } from '../imaging/native-heap.ts';

/**
 * The scanner, and the same object as the simulator's when it is simulated (the dock feeds it).
 * The simulator (its document generator and sharp) is imported only when it is chosen.
 */
export async function createScannerDevice(config: KioskConfig): Promise<{ scanner: Scanner; simulated: SimScanner | null }> {
  switch (config.devices.scanner) {
    case 'hardware':
      return { scanner: new SaneScanner({ deviceName: config.scanner.deviceName, timeoutMs: config.scanner.timeoutMs }), simulated: null };
    case 'sim': {
      const scanner = await simScanner(config);
      return { scanner, simulated: scanner };
    }
  }
}

async function simScanner(config: KioskConfig): Promise<SimScanner> {
  // The simulator renders its pages with sharp from the start: malloc's arenas are capped first.
  await limitNativeArenas();
  const { DemoScanner, PnmDemoScanner } = await import('../../sim/scanner/demo-scanner.ts');
  switch (config.sim.stacks) {
    case 'inProcess':
      return new DemoScanner();
    case 'system':
      return new PnmDemoScanner({ stateDir: config.stateDir, timeoutMs: config.scanner.timeoutMs });
  }
}
