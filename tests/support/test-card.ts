// A minimal SimulatedCard for transport and driver tests, independent of the E-Port profile:
// SELECT of the E-Port AID → 9000, any other SELECT → 6A82, INS EE echoes its data, else 6D00.
import type { SimulatedCard } from '../../sim/card/simulated-card.ts';

/** The E-Port application's AID (docs/card-profile.md). */
export const EPORT_AID = Buffer.from('F045504F525401', 'hex');

export const SELECT_EPORT = Buffer.concat([Buffer.from([0x00, 0xa4, 0x04, 0x00, EPORT_AID.length]), EPORT_AID]);

/** ATR with TCK: T=0 and T=1 offered, historical bytes "EPORT-TEST". */
export function testAtr(): Buffer {
  const historical = Buffer.from('EPORT-TEST', 'ascii');
  const body = Buffer.concat([Buffer.from([0x80 | historical.length, 0x80, 0x01]), historical]);
  let tck = 0;
  for (const byte of body) tck ^= byte;
  return Buffer.concat([Buffer.from([0x3b]), body, Buffer.from([tck])]);
}

export class TestCard implements SimulatedCard {
  readonly atr = testAtr();
  powered = false;
  powerOns = 0;
  selected = false;
  commands: Buffer[] = [];

  powerOn(): void {
    this.powered = true;
    this.powerOns++;
    this.selected = false;
  }

  powerOff(): void {
    this.powered = false;
    this.selected = false;
  }

  reset(): void {
    this.powerOff();
    this.powerOn();
  }

  transmit(command: Buffer): Buffer {
    this.commands.push(Buffer.from(command));
    if (command.length < 4) return Buffer.from([0x67, 0x00]);
    const ins = command[1];
    if (ins === 0xa4) {
      const lc = command[4] ?? 0;
      const aid = command.subarray(5, 5 + lc);
      this.selected = aid.equals(EPORT_AID);
      return Buffer.from(this.selected ? [0x90, 0x00] : [0x6a, 0x82]);
    }
    if (ins === 0xee) {
      const lc = command[4] ?? 0;
      return Buffer.concat([command.subarray(5, 5 + lc), Buffer.from([0x90, 0x00])]);
    }
    return Buffer.from([0x6d, 0x00]);
  }
}
