// The services' typed failures in the agent's terms (FlowProblem): one mapping, so every flow
// says the same thing about the same fault and the UI has one vocabulary to translate.
import type { PrintFailureReason } from '../../contract/devices/printer.ts';
import type { ScanError } from '../../contract/devices/scanner.ts';
import type { AuthorityError } from '../../contract/authority/authority.ts';
import type { CardServiceError } from '../cards/card-service-error.ts';
import type { CaptureError } from '../../contract/intake/capture.ts';
import type { PrintJobError } from '../printing/print-service.ts';
import type { FlowProblem } from '../../contract/flow-view.ts';

export function authorityProblem(error: AuthorityError): FlowProblem {
  switch (error.kind) {
    case 'unreachable':
    case 'internal':
      return { kind: 'authorityUnreachable' };
    case 'refused':
      return { kind: 'authorityRefused', reason: error.reason };
    case 'unknownCard':
      return { kind: 'authorityRefused', reason: 'unknownCard' };
    case 'idempotencyConflict':
    case 'invalidRequest':
    case 'protocolError':
      return { kind: 'internal', detail: error.kind };
  }
}

export function cardProblem(error: CardServiceError): FlowProblem {
  switch (error.kind) {
    case 'noCard':
      return { kind: 'noCard' };
    case 'cardRemoved':
      return { kind: 'cardRemoved' };
    case 'readerUnavailable':
      return { kind: 'readerUnavailable' };
    case 'wrongPin':
      return error.triesLeft === 0 ? { kind: 'pinBlocked' } : { kind: 'wrongPin', triesLeft: error.triesLeft };
    case 'pinBlocked':
      return { kind: 'pinBlocked' };
    case 'pinPolicy':
      return { kind: 'pinPolicy', refusal: error.refusal };
    case 'cardState':
      return { kind: 'wrongCardState', lifecycle: error.lifecycle };
    case 'notAllowed':
      switch (error.reason) {
        case 'legalPersonFirst':
          return { kind: 'legalPersonFirst' };
        case 'pinMustChange':
          return { kind: 'pinMustChange' };
        case 'evidenceMismatch':
          return { kind: 'authorityRefused', reason: 'enterpriseMismatch' };
        case 'cardType':
        case 'noSession':
        case 'wrongBusiness':
          return { kind: 'internal', detail: error.detail };
      }
      break;
    case 'authority':
      return authorityProblem(error.error);
    case 'card':
      return { kind: 'unreadableCard' };
    case 'verificationFailed':
      return { kind: 'internal', detail: error.detail };
    case 'interrupted':
      return { kind: 'outOfService' };
  }
}

export function scanProblem(error: ScanError): FlowProblem {
  switch (error.kind) {
    case 'jammed':
      return { kind: 'scannerJam' };
    case 'coverOpen':
      return { kind: 'scannerCoverOpen' };
    case 'noPaper':
      return { kind: 'scannerNoPaper' };
    case 'noDevice':
    case 'busy':
    case 'timedOut':
    case 'error':
      return { kind: 'scannerUnavailable' };
    case 'canceled':
      return { kind: 'internal', detail: 'scan canceled' };
  }
}

export function captureProblem(error: CaptureError): FlowProblem {
  switch (error.kind) {
    case 'scan':
      return scanProblem(error.error);
    case 'rescan':
      return { kind: 'rescan', checks: [...new Set(error.problems.map((p) => p.check))] };
    case 'unreadablePage':
      return { kind: 'rescan', checks: [] };
    case 'invalidFields':
      return { kind: 'fieldsInvalid', fields: error.problems.map((p) => p.path.replace(/^fields\./, '')) };
    case 'authority':
      return authorityProblem(error.error);
    case 'noIntake':
    case 'noSuchDocument':
    case 'tooManyDocuments':
    case 'unconfirmed':
    case 'notAcceptable':
    case 'badDate':
      return { kind: 'internal', detail: error.kind };
  }
}

export function printProblem(reason: PrintFailureReason): FlowProblem {
  switch (reason) {
    case 'paperOut':
      return { kind: 'printerNoPaper' };
    case 'coverOpen':
      return { kind: 'printerCoverOpen' };
    case 'cutterError':
    case 'offline':
    case 'disconnected':
    case 'noDevice':
    case 'timeout':
      return { kind: 'printerUnavailable' };
  }
}

export function printJobProblem(error: PrintJobError): FlowProblem {
  switch (error.kind) {
    case 'printFailed':
      return printProblem(error.failure.reason);
    case 'unknownJob':
      return { kind: 'internal', detail: 'unknown print job' };
    case 'notStarted':
      return { kind: 'printerUnavailable' };
  }
}
