// The resident ID-card reader the configuration asks for: the SAM driver on the serial device
// (`idCardReader.path`, `.baud`), or in simulator mode the same driver on a virtual SAM module —
// in process, or with `sim.stacks: system` over a socat pty pair (sim-pty/idcard-host and
// idcard-device). The simulated module starts with no card on it; the dock places one. `none`: a
// kiosk with no reader fitted (notFitted).
import { NotFittedIdCardReader } from '../../drivers/idcard/not-fitted-id-card-reader.ts';
import { SamIdCardReader } from '../../drivers/idcard/sam-id-card-reader.ts';
import type { IdCardReader } from '../../drivers/idcard/id-card-reader.ts';
import { serialLink } from '../../drivers/serial/serial-link.ts';
import { inProcessLink } from '../../sim/idcard/in-process-link.ts';
import { PtySimIdCardReader } from '../../sim/idcard/pty-sim-id-card-reader.ts';
import { VirtualSamModule } from '../../sim/idcard/virtual-sam-module.ts';
import type { KioskConfig } from '../config/config.ts';
import { simPtyDir } from './printer-device.ts';

/** The reader, and the virtual module behind it when it is simulated (the dock's place and remove). */
export function createIdCardReaderDevice(config: KioskConfig): { idCardReader: IdCardReader; simulated: VirtualSamModule | null } {
  const { path, baud, pollIntervalMs } = config.idCardReader;
  switch (config.devices.idCardReader) {
    case 'none':
      return { idCardReader: new NotFittedIdCardReader(), simulated: null };
    case 'hardware':
      return { idCardReader: new SamIdCardReader({ source: 'hardware', device: path, baud, open: serialLink(path, baud), pollIntervalMs }), simulated: null };
    case 'sim':
      switch (config.sim.stacks) {
        case 'inProcess': {
          const module = new VirtualSamModule({ fixture: 'agent', cardPlaced: false, baud });
          return { idCardReader: new SamIdCardReader({ source: 'sim', device: 'simulated SAM module', baud, open: inProcessLink(module), pollIntervalMs }), simulated: module };
        }
        case 'system': {
          const reader = new PtySimIdCardReader({ fixture: 'agent', cardPlaced: false, baud, ptyDir: simPtyDir(config.stateDir), pollIntervalMs });
          return { idCardReader: reader, simulated: reader.virtual };
        }
      }
  }
}
