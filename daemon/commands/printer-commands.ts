// Printer.* commands, and the dev dock's Sim.Printer* (simulator mode only: a real printer's
// cover is opened by a hand, not a command).
import type { PrintFailureReason } from '../../contract/devices/printer.ts';
import type { SimPrinter } from '../../sim/printer/sim-printer.ts';
import type { PrintJobError, PrintService } from '../printing/print-service.ts';
import type { CompletionCode } from '../../contract/protocol/envelope.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { CommandFailure, CommandHandlers } from '../server/commands.ts';

type PrinterCommands = 'Printer.Status' | 'Printer.PrintTestPage' | 'Printer.Reprint' | 'Printer.Jobs' | 'Sim.PrinterPaper' | 'Sim.PrinterCover' | 'Sim.PrinterOnline';

function completionCodeOf(reason: PrintFailureReason): Exclude<CompletionCode, 'success'> {
  switch (reason) {
    case 'paperOut':
    case 'coverOpen':
    case 'offline':
    case 'disconnected':
    case 'noDevice':
      return 'deviceNotReady';
    case 'cutterError':
      return 'hardwareError';
    case 'timeout':
      return 'timeOut';
  }
}

export function printJobFailure(error: PrintJobError): CommandFailure {
  switch (error.kind) {
    case 'printFailed':
      return {
        completionCode: completionCodeOf(error.failure.reason),
        errorDescription: `job ${error.job.jobId} not printed: ${error.failure.message}`,
        payload: { error: { kind: error.failure.reason }, job: error.job },
      };
    case 'unknownJob':
      return { completionCode: 'invalidData', errorDescription: `no print job ${error.jobId} in the journal`, payload: { error: { kind: 'unknownJob' } } };
  }
}

function answer<T>(result: Result<T, PrintJobError>): Result<T, CommandFailure> {
  return result.ok ? ok(result.value) : err(printJobFailure(result.error));
}

export function printerHandlers(printing: PrintService, sim: SimPrinter | null): Pick<CommandHandlers, PrinterCommands> {
  const notHere = () => err({ completionCode: 'unsupportedCommand' as const, errorDescription: 'simulator commands need the simulated printer' });
  return {
    'Printer.Status': async () =>
      ok({ status: printing.printer.status(), source: printing.printer.source, lastJob: printing.recent(1)[0] ?? null }),
    'Printer.PrintTestPage': async () => answer(await printing.printTestPage()),
    'Printer.Reprint': async ({ jobId }) => answer(await printing.reprint(jobId)),
    'Printer.Jobs': async ({ limit }) => ok({ jobs: printing.recent(limit ?? 20) }),
    'Sim.PrinterPaper': async ({ paper }) => {
      if (sim === null) return notHere();
      switch (paper) {
        case 'full':
          sim.virtual.loadPaper();
          break;
        case 'low':
          sim.virtual.setPaperLow();
          break;
        case 'out':
          sim.virtual.setPaperLeft(0);
          break;
      }
      return ok({ paper, paperLeftMm: sim.virtual.stats().paperLeftMm });
    },
    'Sim.PrinterCover': async ({ open }) => {
      if (sim === null) return notHere();
      if (open) sim.virtual.openCover();
      else sim.virtual.closeCover();
      return ok({ open });
    },
    'Sim.PrinterOnline': async ({ online }) => {
      if (sim === null) return notHere();
      sim.virtual.setOffline(!online);
      return ok({ online });
    },
  };
}
