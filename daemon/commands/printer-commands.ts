// Printer.* commands: status, test page, reprint and the job list. The dev dock's Sim.Printer*
// (paper, cover, online) belong to the simulator's dock (sim/dock/sim-dock.ts).
import type { PrintFailureReason } from '../../contract/devices/printer.ts';
import type { PrintJobError, PrintService } from '../printing/print-service.ts';
import type { CompletionCode } from '../../contract/protocol/envelope.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { CommandFailure, CommandHandlers } from '../server/commands.ts';

type PrinterCommands = 'Printer.Status' | 'Printer.PrintTestPage' | 'Printer.Reprint' | 'Printer.Jobs';

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
    case 'notStarted':
      return { completionCode: 'canceled', errorDescription: 'the command ended before the job was sent to the printer', payload: { error: { kind: 'notStarted' } } };
  }
}

function answer<T>(result: Result<T, PrintJobError>): Result<T, CommandFailure> {
  return result.ok ? ok(result.value) : err(printJobFailure(result.error));
}

export function printerHandlers(printing: PrintService): Pick<CommandHandlers, PrinterCommands> {
  return {
    'Printer.Status': async () =>
      ok({ status: printing.printer.status(), source: printing.printer.source, lastJob: printing.recent(1)[0] ?? null }),
    'Printer.PrintTestPage': async (_payload, context) => answer(await printing.printTestPage(context.signal)),
    'Printer.Reprint': async ({ jobId }, context) => answer(await printing.reprint(jobId, context.signal)),
    'Printer.Jobs': async ({ limit }) => ok({ jobs: printing.recent(limit ?? 20) }),
  };
}
