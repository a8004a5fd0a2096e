// Kiosk.* guided-capture commands over the IntakeCapture service; its failures become completion
// codes with the typed error in the payload, so the UI can say what to do (feed the page again,
// confirm a paper, fix a finding).
import { describeAuthorityError } from '../../contract/authority/authority.ts';
import type { IntakeCapture } from '../intake/capture-session.ts';
import type { CaptureError } from '../../contract/intake/capture.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { CommandFailure, CommandHandlers } from '../server/commands.ts';
import { scanCompletionCode } from './scanner-commands.ts';

type IntakeCommands =
  | 'Kiosk.StartIntake'
  | 'Kiosk.IntakeState'
  | 'Kiosk.CaptureDocument'
  | 'Kiosk.ConfirmDocument'
  | 'Kiosk.RemoveDocument'
  | 'Kiosk.SetIntakeParties'
  | 'Kiosk.CheckIntake'
  | 'Kiosk.SubmitIntake';

export function captureFailure(error: CaptureError): CommandFailure {
  const failure = (completionCode: CommandFailure['completionCode'], errorDescription: string): CommandFailure => ({ completionCode, errorDescription, payload: { error } });
  switch (error.kind) {
    case 'noIntake':
      return failure('sequenceError', 'no guided capture in this session: send Kiosk.StartIntake first');
    case 'scan':
      return failure(scanCompletionCode(error.error), error.error.message);
    case 'unreadablePage':
      return failure('hardwareError', `page ${error.page}: ${error.detail}`);
    case 'rescan':
      return failure('userError', `feed the paper again: ${error.problems.map((p) => `page ${p.page} ${p.check}`).join(', ')}`);
    case 'noSuchDocument':
      return failure('invalidData', `no document ${error.index} in the draft`);
    case 'invalidFields':
      return failure('invalidData', error.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    case 'tooManyDocuments':
      return failure('userError', `the draft already holds ${error.limit} documents`);
    case 'unconfirmed':
      return failure('sequenceError', `documents not yet confirmed: ${error.indices.join(', ')}`);
    case 'notAcceptable':
      return failure('userError', `the intake check found ${error.verdict.summary.errors} problem(s)`);
    case 'badDate':
      return failure('internalError', `the draft's date is not a date: ${error.value}`);
    case 'authority':
      return failure('hardwareError', describeAuthorityError(error.error));
  }
}

function answer<T>(result: Result<T, CaptureError>): Result<T, CommandFailure> {
  return result.ok ? ok(result.value) : err(captureFailure(result.error));
}

export function intakeHandlers(capture: IntakeCapture): Pick<CommandHandlers, IntakeCommands> {
  return {
    'Kiosk.StartIntake': async ({ business }) => ok(capture.start(business)),
    'Kiosk.IntakeState': async () => answer(capture.state()),
    'Kiosk.CaptureDocument': async ({ kind, form, variant, role, source }, context) =>
      answer(await capture.capture({ kind, form, ...(variant !== undefined && { variant }), ...(role !== undefined && { role }), ...(source !== undefined && { source }) }, context.signal)),
    'Kiosk.ConfirmDocument': async ({ index, fields, stamps }) => {
      const confirmed = capture.confirm(index, fields, stamps === undefined ? {} : { stamps });
      return confirmed.ok ? ok({ index, document: confirmed.value }) : err(captureFailure(confirmed.error));
    },
    'Kiosk.RemoveDocument': async ({ index }) => answer(capture.remove(index)),
    'Kiosk.SetIntakeParties': async ({ agent, enterprise, cards }) => {
      // Each part given replaces the draft's; an absent part stays as it is.
      const steps = [
        agent === undefined ? null : () => capture.setAgent(agent),
        enterprise === undefined ? null : () => capture.setEnterprise(enterprise),
        cards === undefined ? null : () => capture.setCards(cards),
      ];
      let last = capture.state();
      for (const step of steps) {
        if (step === null || !last.ok) continue;
        last = step();
      }
      return answer(last);
    },
    'Kiosk.CheckIntake': async () => answer(await capture.check()),
    'Kiosk.SubmitIntake': async () => answer(await capture.submit()),
  };
}
