// The simulator over the system stacks: the real PC/SC driver on pcscd's vpcd reader, with the
// slot through which the simulator connects virtual cards to vpcd.
import { PcscCardReader } from '../../drivers/card/pcsc-card-reader.ts';
import { VpcdCardSlot } from './vpcd-card-slot.ts';

export interface VpcdReaderOptions {
  host: string;
  port: number;
  readerName: string;
}

/**
 * The PC/SC driver on pcscd's vpcd reader, holding the simulator's slot: stopping the reader
 * pulls the virtual card out, so the daemon leaves no connection to vpcd behind.
 */
export class VpcdReader extends PcscCardReader {
  readonly slot: VpcdCardSlot;

  constructor(vpcd: VpcdReaderOptions) {
    super({ readerName: vpcd.readerName });
    this.slot = new VpcdCardSlot({ host: vpcd.host, port: vpcd.port, reader: this });
  }

  override async stop(): Promise<void> {
    await this.slot.close();
    await super.stop();
  }
}
