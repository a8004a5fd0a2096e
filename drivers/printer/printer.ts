import type { Result } from '../../basics/result.ts';
import type { PrintFailure, PrinterStatus } from '../../contract/devices/printer.ts';
import type { Device } from '../device/device.ts';

/** One receipt, already encoded as ESC/POS; `id` names it on a void slip if it is cut short. */
export interface PrintJobBytes {
  id: string;
  bytes: Uint8Array;
}

export interface Printed {
  /** Bytes sent for the job, framing included. */
  bytes: number;
  /** From the first byte written to the printer confirming it has printed (and cut) the job. */
  elapsedMs: number;
}

/**
 * A receipt printer. `print` resolves only when the printer itself confirms the job was printed
 * (GS ( H process ID), or with the reason it was not; jobs queue one after another.
 */
export interface Printer extends Device<PrinterStatus> {
  print(job: PrintJobBytes): Promise<Result<Printed, PrintFailure>>;
}

/** The failure a job would meet in this state, or null when the printer can print. */
export function failureOfStatus(status: PrinterStatus): PrintFailure | null {
  switch (status.state) {
    case 'online':
    case 'paperNearEnd':
      return null;
    case 'paperOut':
      return { reason: 'paperOut', message: `out of paper (${status.device})` };
    case 'coverOpen':
      return { reason: 'coverOpen', message: `the printer cover is open (${status.device})` };
    case 'cutterError':
      return { reason: 'cutterError', message: `the autocutter failed (${status.device})` };
    case 'offline':
      return { reason: 'offline', message: `the printer is offline (${status.device})` };
    case 'disconnected':
      return { reason: 'disconnected', message: `the printer does not answer on ${status.device}` };
    case 'noDevice':
      return { reason: 'noDevice', message: status.reason };
  }
}
