// Plain words for what the daemon answers the technician page and the dev dock: login refusals,
// card errors, failed commands, service reasons. The daemon's own English description stays
// available as a detail line for the technician; the headline is translated.
import type { CardServiceErrorView as CardServiceError, TechnicianRefusal } from '../../contract/card-service-error.ts';
import type { ServiceState } from '../../contract/protocol/catalogue.ts';
import type { PrintFailureReason } from '../../contract/devices/printer.ts';
import type { ScanError } from '../../contract/devices/scanner.ts';
import type { MessageKey } from './i18n.ts';
import type { SendOutcome } from './ws-client.ts';

export interface Words {
  key: MessageKey;
  params?: Record<string, string | number>;
}

type Failure = Exclude<SendOutcome<unknown>, { kind: 'success' }>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `{ error: { kind, … } }` value a refused command carries, or null. */
export function errorValue(payload: unknown): { kind: string } | null {
  if (!isRecord(payload) || !isRecord(payload.error) || typeof payload.error.kind !== 'string') return null;
  return payload.error as { kind: string };
}

// `default` branches cover a daemon newer than this UI; every known kind is still named.
export function cardErrorWords(error: CardServiceError): Words {
  switch (error.kind) {
    case 'noCard':
      return { key: 'cardError.noCard' };
    case 'cardRemoved':
      return { key: 'cardError.cardRemoved' };
    case 'readerUnavailable':
      return { key: 'cardError.readerUnavailable' };
    case 'wrongPin':
      return { key: 'cardError.wrongPin', params: { tries: error.triesLeft } };
    case 'pinBlocked':
      return { key: 'cardError.pinBlocked' };
    case 'pinPolicy':
      return { key: 'cardError.pinPolicy' };
    case 'cardState':
      return { key: 'cardError.cardState' };
    case 'notAllowed':
      return { key: 'cardError.notAllowed' };
    case 'authority':
      return { key: 'cardError.authority' };
    case 'card':
      return { key: 'cardError.card' };
    case 'verificationFailed':
      return { key: 'cardError.verificationFailed' };
    case 'interrupted':
      return { key: 'cardError.interrupted' };
    default:
      return { key: 'problem.other' };
  }
}

export function refusalWords(refusal: TechnicianRefusal): Words {
  switch (refusal.kind) {
    case 'wrongPin':
      return { key: 'login.refusal.wrongPin' };
    case 'lockedOut':
      return { key: 'login.refusal.lockedOut', params: { seconds: refusal.retryInSeconds } };
    case 'notATechnicianCard':
      return { key: 'login.refusal.notATechnicianCard' };
    case 'pinMustChange':
      return { key: 'login.refusal.pinMustChange' };
    case 'serviceSwitchOff':
      return { key: 'login.refusal.serviceSwitchOff' };
    case 'noTechnicianPinConfigured':
      return { key: 'login.refusal.noTechnicianPinConfigured' };
    case 'card':
      return cardErrorWords(refusal.error);
    case 'alreadyActive':
      return { key: 'login.refusal.alreadyActive', params: { actor: refusal.actor } };
    default:
      return { key: 'problem.other' };
  }
}

/** A failed command in a headline: what the completion code or the local failure means. */
export function problemWords(outcome: Failure): Words {
  if (outcome.kind === 'failed') {
    switch (outcome.reason) {
      case 'notConnected':
      case 'connectionLost':
        return { key: 'problem.connection' };
      case 'noReply':
        return { key: 'problem.timeout' };
      case 'badReply':
        return { key: 'problem.other' };
    }
  }
  switch (outcome.completionCode) {
    case 'deviceNotReady':
      return { key: 'problem.deviceNotReady' };
    case 'hardwareError':
      return { key: 'problem.hardware' };
    case 'timeOut':
      return { key: 'problem.timeout' };
    case 'authorisationRequired':
      return { key: 'problem.authorisation' };
    case 'unsupportedCommand':
      return { key: 'problem.unsupported' };
    case 'tooManyRequests':
      return { key: 'problem.busy' };
    case 'invalidData':
    case 'invalidCommand':
    case 'canceled':
    case 'sequenceError':
    case 'userError':
    case 'internalError':
      return { key: 'problem.other' };
  }
}

/** A failed card command: the card error when the daemon sent one, else the completion code. */
export function cardProblemWords(outcome: Failure): Words {
  const error = outcome.kind === 'error' ? errorValue(outcome.payload) : null;
  return error === null ? problemWords(outcome) : cardErrorWords(error as CardServiceError);
}

export function printFailureWords(reason: PrintFailureReason | 'interrupted' | 'unknownJob'): Words {
  switch (reason) {
    case 'paperOut':
      return { key: 'printError.paperOut' };
    case 'coverOpen':
      return { key: 'printError.coverOpen' };
    case 'cutterError':
      return { key: 'printError.cutterError' };
    case 'offline':
    case 'disconnected':
    case 'noDevice':
      return { key: 'printError.offline' };
    case 'timeout':
      return { key: 'problem.timeout' };
    case 'interrupted':
    case 'unknownJob':
      return { key: 'problem.other' };
    default:
      return { key: 'problem.other' };
  }
}

export function scanErrorWords(error: ScanError): Words {
  switch (error.kind) {
    case 'noPaper':
      return { key: 'scanError.noPaper' };
    case 'jammed':
      return { key: 'scanError.jammed' };
    case 'coverOpen':
      return { key: 'scanError.coverOpen' };
    case 'busy':
      return { key: 'scanError.busy' };
    case 'noDevice':
      return { key: 'problem.deviceNotReady' };
    case 'timedOut':
      return { key: 'problem.timeout' };
    case 'canceled':
    case 'error':
      return { key: 'problem.other' };
    default:
      return { key: 'problem.other' };
  }
}

/** A failed print or scan: the device's reason when the daemon sent one, else the completion code. */
export function deviceProblemWords(outcome: Failure, device: 'printer' | 'scanner'): Words {
  const error = outcome.kind === 'error' ? errorValue(outcome.payload) : null;
  if (error === null) return problemWords(outcome);
  switch (device) {
    case 'printer':
      return printFailureWords(error.kind as PrintFailureReason);
    case 'scanner':
      return scanErrorWords(error as ScanError);
  }
}

/** The daemon's English description, for the technician (null for a local failure). */
export function problemDetail(outcome: Failure): string | null {
  return outcome.kind === 'error' ? (outcome.errorDescription ?? outcome.completionCode) : null;
}

type Reason = Extract<ServiceState, { state: 'outOfService' }>['reasons'][number];

export function reasonKey(reason: Reason): MessageKey {
  switch (reason) {
    case 'tamper':
      return 'serviceState.reason.tamper';
    case 'technician':
      return 'serviceState.reason.technician';
    case 'maintenance':
      return 'serviceState.reason.maintenance';
  }
}

/** Readable time of an ISO timestamp in the page's language (local time of the kiosk). */
export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium', hour12: false }).format(date);
}

/** An audit entry's detail as `key: value` pairs on one line, nested values as compact JSON. */
export function formatDetail(detail: unknown): string {
  if (!isRecord(detail)) return detail === undefined || detail === null ? '' : JSON.stringify(detail);
  return Object.entries(detail)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** The holder's name with only its first character shown, as on a receipt. */
export function maskName(name: string): string {
  const characters = Array.from(new Intl.Segmenter().segment(name), (part) => part.segment);
  return (characters[0] ?? '') + '*'.repeat(Math.max(1, characters.length - 1));
}
