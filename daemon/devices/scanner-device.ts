// The document scanner the configuration asks for (issue 5 builds the driver and the simulator).
import { UnavailableDevice } from '../../drivers/device/unavailable-device.ts';
import type { Scanner, ScannerStatus } from '../../drivers/scanner/scanner.ts';
import type { KioskConfig } from '../config/config.ts';

export function createScannerDevice(config: KioskConfig): Scanner {
  const source = config.devices.scanner;
  return new UnavailableDevice<ScannerStatus>('scanner', source, source === 'sim' ? 'the simulated scanner is not built yet' : 'the SANE scanner driver is not built yet');
}
