// Why a card service operation did not happen, as values the UI turns into plain words.
import { describeAuthorityError } from '../../contract/authority/authority.ts';
import type { CardError } from '../../drivers/card/profile.ts';
import type { CardIoError } from '../../drivers/card/pcsc-errors.ts';
import type { CompletionCode } from '../../contract/protocol/envelope.ts';
import type { CardServiceErrorView } from '../../contract/card-service-error.ts';

/**
 * The contract's view (contract/card-service-error.ts), but with the card's own typed answer where
 * the view only names its kind: the service reasons about status words, the UI does not.
 */
export type CardServiceError = Exclude<CardServiceErrorView, { kind: 'card' }> | { kind: 'card'; step: string; error: CardError };

/** What goes on the wire must fit the contract's view (checked here, so the two cannot drift). */
export type CardServiceErrorFitsView = CardServiceError extends CardServiceErrorView ? true : never;
export const cardServiceErrorFitsView: CardServiceErrorFitsView = true;

export function describeCardServiceError(error: CardServiceError): string {
  switch (error.kind) {
    case 'noCard':
      return 'no card in the reader';
    case 'cardRemoved':
      return `the card was removed (at ${error.step})`;
    case 'readerUnavailable':
      return `the card reader is not available: ${error.detail}`;
    case 'wrongPin':
      return `wrong PIN, ${error.triesLeft} tries left`;
    case 'pinBlocked':
      return 'the PIN is blocked';
    case 'pinPolicy':
      return `the new PIN is refused: ${error.refusal}`;
    case 'cardState':
      return `the card is ${error.lifecycle}: ${error.detail}`;
    case 'notAllowed':
      return error.detail;
    case 'authority':
      return describeAuthorityError(error.error);
    case 'card':
      return `the card refused ${error.step}: ${error.error.kind}`;
    case 'verificationFailed':
      return `verification failed: ${error.detail}`;
    case 'interrupted':
      return `interrupted: ${error.reason}`;
  }
}

export function completionCodeOf(error: CardServiceError): Exclude<CompletionCode, 'success'> {
  switch (error.kind) {
    case 'noCard':
    case 'readerUnavailable':
      return 'deviceNotReady';
    case 'cardRemoved':
    case 'wrongPin':
    case 'pinBlocked':
    case 'pinPolicy':
    case 'cardState':
      return 'userError';
    case 'notAllowed':
      return error.reason === 'noSession' || error.reason === 'wrongBusiness' ? 'sequenceError' : 'authorisationRequired';
    case 'authority':
      return error.error.kind === 'refused' ? 'userError' : 'hardwareError';
    case 'card':
    case 'verificationFailed':
      return 'hardwareError';
    case 'interrupted':
      return 'canceled';
  }
}

/** A reader-level failure in the service's terms. */
export function fromCardIo(error: CardIoError, step: string): CardServiceError {
  switch (error.kind) {
    case 'noCard':
      return { kind: 'noCard' };
    case 'cardRemoved':
    case 'cardReset':
      return { kind: 'cardRemoved', step };
    case 'noReader':
    case 'readerGone':
    case 'sharingViolation':
    case 'timeout':
    case 'unresponsiveCard':
    case 'transmitFailed':
    case 'pcsc':
      return { kind: 'readerUnavailable', detail: error.message };
  }
}

/** A card answer in the service's terms: transport failures mean the card is gone. */
export function fromCard(error: CardError, step: string): CardServiceError {
  switch (error.kind) {
    case 'verificationFailed':
      return { kind: 'wrongPin', triesLeft: error.triesLeft };
    case 'blocked':
      return { kind: 'pinBlocked' };
    case 'transport':
      if (error.error.kind === 'badResponse') return { kind: 'card', step, error };
      return error.error.error === 'noReader' ? { kind: 'readerUnavailable', detail: 'the reader went away' } : { kind: 'cardRemoved', step };
    case 'securityStatusNotSatisfied':
    case 'conditionsNotSatisfied':
    case 'referenceDataNotUsable':
    case 'notFound':
    case 'unexpectedStatus':
    case 'malformedResponse':
      return { kind: 'card', step, error };
  }
}
