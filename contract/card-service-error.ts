// Why a card service operation (unlock, renewal, PIN change, technician login) did not happen, as
// the daemon sends it: the UI turns each kind into plain words. The daemon's own CardServiceError
// (daemon/cards/card-service-error.ts) carries the card's typed status word in `card`; on the wire
// that is only named by its kind, and the daemon's type is checked to fit this one.
import type { AuthorityError } from './authority/authority.ts';
import type { CardLifecycle } from './devices/card-reader.ts';
import type { PinRefusal } from './pin-refusal.ts';

export type CardServiceErrorView =
  | { kind: 'noCard' }
  /** Pulled out during the operation: nothing half-written (see docs/card-profile.md). */
  | { kind: 'cardRemoved'; step: string }
  | { kind: 'readerUnavailable'; detail: string }
  | { kind: 'wrongPin'; triesLeft: number }
  | { kind: 'pinBlocked' }
  | { kind: 'pinPolicy'; refusal: PinRefusal }
  /** The card's lifecycle forbids this business (e.g. renewing an expired or frozen card). */
  | { kind: 'cardState'; lifecycle: CardLifecycle; detail: string }
  /** `pinMustChange`: the card is still on its initial PIN; only a PIN change (or an unlock, which sets a new PIN) may use it. */
  | { kind: 'notAllowed'; reason: 'noSession' | 'wrongBusiness' | 'legalPersonFirst' | 'cardType' | 'evidenceMismatch' | 'pinMustChange'; detail: string }
  | { kind: 'authority'; error: AuthorityError }
  /** The card answered something the profile does not allow at this point. */
  | { kind: 'card'; step: string; error: { kind: string } }
  /** What the card holds after the operation is not what it should be. */
  | { kind: 'verificationFailed'; detail: string }
  /** Stopped between two steps (the cabinet was opened): the card is consistent. */
  | { kind: 'interrupted'; reason: string };

/** Why technician mode was refused. */
export type TechnicianRefusal =
  | { kind: 'lockedOut'; retryInSeconds: number }
  | { kind: 'wrongPin' }
  | { kind: 'notATechnicianCard' }
  /** The technician card is still on its initial PIN: like any card, it must be changed first (the first-use gate). */
  | { kind: 'pinMustChange' }
  | { kind: 'serviceSwitchOff' }
  | { kind: 'noTechnicianPinConfigured' }
  | { kind: 'card'; error: CardServiceErrorView }
  | { kind: 'alreadyActive'; actor: string };
