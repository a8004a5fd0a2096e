// The authority: the data sub-centre's back office as the kiosk's flows see it (docs/authority.md).
// Two implementations: the embedded simulation (sim-authority.ts) and an HTTP client for a real
// back office (http-authority.ts). Expected failures are values; nothing here throws on a refusal.
//
// Idempotency: every call that changes state carries a key the caller makes per operation (a
// UUID). The same key with the same request returns the first answer, stored; the same key with
// a different request is an idempotencyConflict. Reads (lookupCard, pendingRenewal,
// phoneNumbersOnRecord, caCertificate) change nothing and need no key; neither does
// registryChallenge (each call makes a new single-use challenge).
import type { CardLifecycle, CardType } from '../devices/card-reader.ts';
import type { Result } from '../../basics/result.ts';

export interface RegisteredCard {
  cardNo: string;
  cardType: CardType;
  holderName: string;
  /** First 6 and last 4 only: the full number never leaves the authority. */
  holderIdNumberMasked: string;
  /** 'expired' when the current certificate's notAfter has passed and nothing worse applies. */
  status: CardLifecycle;
  /** Hex, lower case; null before the card's first certificate is registered. */
  certificateSerial: string | null;
  certificateNotBefore: string;
  certificateNotAfter: string;
}

export interface RegisteredEnterprise {
  name: string;
  uscc: string;
  orgCode: string;
  legalRepresentative: string;
  address: string;
  cards: RegisteredCard[];
}

export interface CardLookup {
  card: RegisteredCard;
  enterprise: RegisteredEnterprise;
}

/**
 * Where the agent's name and ID number on an unlock's evidence came from: `idCardChip`, read from
 * the chip of their resident ID card on the kiosk's ID-card reader (the strongest: the copy was
 * compared with it); `scannedCopy`, read by the kiosk from the scanned copy and confirmed unchanged;
 * `typed`, typed by the agent from the copy.
 */
export const identitySources = ['idCardChip', 'scannedCopy', 'typed'] as const;
export type IdentitySource = (typeof identitySources)[number];

/**
 * The phone numbers the registry holds for a card's holder and for its enterprise's contact
 * (form 1, the contact-details proof), as registered (digits and separators); null when none is
 * on record. For the PIN policy only (seed 002: a PIN must not be a phone number): the kiosk
 * compares a new PIN with them and keeps them no longer than that check; they are never shown,
 * logged, journaled or printed. The authority audits every read.
 */
export interface PhoneNumbersOnRecord {
  holder: string | null;
  enterpriseContact: string | null;
}

export interface UnlockEvidence {
  agentName: string;
  /** Full resident ID number; the authority keeps only a masked copy in its audit. */
  agentIdNumber: string;
  introductionLetter: boolean;
  enterpriseUscc: string;
  identitySource: IdentitySource;
}

export interface AuthoriseUnlockRequest {
  idempotencyKey: string;
  cardNo: string;
  /** The card's GET CHALLENGE answer, 16 bytes. */
  challenge: Uint8Array;
  kioskId: string;
  evidence: UnlockEvidence;
}

export interface UnlockAuthorisation {
  /** EXTERNAL AUTHENTICATE data: AES-CMAC(unblock key, challenge || card number), 16 bytes. */
  cryptogram: Uint8Array;
}

export interface ReportUnlockDoneRequest {
  idempotencyKey: string;
  cardNo: string;
  kioskId: string;
}

/**
 * Proof that the card holds the private key of the key to certify:
 * a PKCS#10 request signed by it, or the SPKI with an ECDSA-SHA256 signature over
 * `"EPORT-KEY-PROOF" 0x00 cardNo 0x00 SPKI` (DER or 64-byte r||s), for cards that cannot build DER.
 */
export type KeyProof = { kind: 'csr'; csrDer: Uint8Array } | { kind: 'signedKey'; publicKeySpki: Uint8Array; signature: Uint8Array };

export interface IssueCertificateRequest {
  idempotencyKey: string;
  cardNo: string;
  kioskId: string;
  proof: KeyProof;
}

export interface IssuedCertificate {
  certificateDer: Uint8Array;
  /** Hex, lower case. */
  serial: string;
  notBefore: string;
  notAfter: string;
}

export interface ConfirmActivationRequest {
  idempotencyKey: string;
  cardNo: string;
  certificateSerial: string;
  kioskId: string;
}

export interface Activation {
  cardNo: string;
  certificateSerial: string;
  certificateNotAfter: string;
  status: CardLifecycle;
}

/** What the registry knows about a renewal the kiosk has not confirmed yet. */
export type PendingRenewal =
  | { state: 'none' }
  | { state: 'pending'; idempotencyKey: string; certificate: IssuedCertificate; currentSerial: string | null; issuedAt: string };

export interface SubmitIntakeRequest {
  idempotencyKey: string;
  kioskId: string;
  /** An intake package, format v1 (DESIGN.md). Stored as JSON; the kiosk has checked it. */
  intakePackage: Record<string, unknown>;
}

export interface IntakeTicket {
  /** "A0001": per service day (China time), sequential from 1. */
  ticket: string;
  serviceDay: string;
}

export interface CaCertificate {
  der: Uint8Array;
  pem: string;
}

/**
 * What the legal-person card holder does to the enterprise's cards at the kiosk (seed 003):
 * report loss and undo it, freeze and unfreeze, deregister an invalidated card, declare a new
 * operator (the add-operator papers follow at the counter). Each needs a LegalPersonProof.
 */
export const registryOperations = ['reportLoss', 'undoLoss', 'freeze', 'unfreeze', 'deregister', 'declareOperator'] as const;
export type RegistryOperation = (typeof registryOperations)[number];

export interface RegistryChallengeRequest {
  /** The legal-person card that will sign the challenge. */
  legalPersonCardNo: string;
  kioskId: string;
}

export interface RegistryChallenge {
  /** 32 random bytes, good for one registry operation of this card until `expiresAt`. */
  challenge: Uint8Array;
  expiresAt: string;
}

/**
 * The legal-person card is present and its PIN verified: its INTERNAL AUTHENTICATE signature
 * (current key, ECDSA-SHA256; DER, or 64-byte r||s) over registryProofMessage(challenge, operation,
 * target) (registry-proof.ts). The card signs only after VERIFY in the same card session.
 */
export interface LegalPersonProof {
  legalPersonCardNo: string;
  challenge: Uint8Array;
  signature: Uint8Array;
}

export interface ManageCardRequest {
  idempotencyKey: string;
  kioskId: string;
  operation: RegistryOperation;
  /** The card acted on; null for declareOperator (a new card does not exist yet). */
  targetCardNo: string | null;
  proof: LegalPersonProof;
}

export interface RegistryChange {
  operation: RegistryOperation;
  /** The registry's reference for this operation (on the receipt; the counter asks for it). */
  reference: string;
  /** The card as the registry holds it now; null for declareOperator. */
  card: RegisteredCard | null;
  at: string;
}

export type RefusalReason =
  | 'cardNotLocked'
  | 'cardLocked'
  | 'cardExpired'
  | 'cardFrozen'
  | 'cardReportedLost'
  | 'cardInvalidated'
  | 'introductionLetterMissing'
  | 'enterpriseMismatch'
  | 'agentIdNumberInvalid'
  | 'agentNotOnRecord'
  | 'noUnlockAuthorised'
  | 'proofInvalid'
  | 'keyNotP256'
  | 'keyReused'
  | 'certificateUnknown'
  /** A registry operation signed by a card that is not its enterprise's legal-person card. */
  | 'notLegalPersonCard'
  /** The signing legal-person card is not active (it must be: its PIN verified, not frozen, lost or expired). */
  | 'signerNotActive'
  /** The challenge is unknown, used, for another card, or expired: ask for a new one. */
  | 'challengeInvalid'
  /** The card's status does not allow this operation (e.g. unfreeze an active card). */
  | 'operationNotAllowed'
  /** Deregistration needs an invalidated card. */
  | 'cardNotInvalidated'
  /** The legal-person card's own loss, freeze or deregistration is the counter's (seed 003). */
  | 'legalPersonCardAtCounter';

export type AuthorityError =
  | { kind: 'unreachable'; detail: string }
  | { kind: 'unknownCard'; cardNo: string }
  | { kind: 'refused'; reason: RefusalReason; detail: string }
  | { kind: 'idempotencyConflict'; idempotencyKey: string }
  | { kind: 'invalidRequest'; issues: string[] }
  /** The back office answered something this client cannot read. */
  | { kind: 'protocolError'; detail: string }
  /** The back office failed on its side (HTTP 5xx after the retries). */
  | { kind: 'internal'; detail: string };

export interface Authority {
  lookupCard(cardNo: string): Promise<Result<CardLookup, AuthorityError>>;
  authoriseUnlock(request: AuthoriseUnlockRequest): Promise<Result<UnlockAuthorisation, AuthorityError>>;
  /** After RESET RETRY COUNTER and a VERIFY with the new PIN: the registry's card is active again. */
  reportUnlockDone(request: ReportUnlockDoneRequest): Promise<Result<{ cardNo: string; status: CardLifecycle }, AuthorityError>>;
  issueCertificate(request: IssueCertificateRequest): Promise<Result<IssuedCertificate, AuthorityError>>;
  confirmActivation(request: ConfirmActivationRequest): Promise<Result<Activation, AuthorityError>>;
  pendingRenewal(cardNo: string): Promise<Result<PendingRenewal, AuthorityError>>;
  /** The phone numbers on record for the card's holder and its enterprise's contact (the PIN policy). */
  phoneNumbersOnRecord(cardNo: string): Promise<Result<PhoneNumbersOnRecord, AuthorityError>>;
  submitIntake(request: SubmitIntakeRequest): Promise<Result<IntakeTicket, AuthorityError>>;
  caCertificate(): Promise<Result<CaCertificate, AuthorityError>>;
  /** A fresh challenge for one registry operation signed by this legal-person card (no key: each call is a new one). */
  registryChallenge(request: RegistryChallengeRequest): Promise<Result<RegistryChallenge, AuthorityError>>;
  /** One registry operation on the enterprise's cards, allowed only with the legal-person card's proof. */
  manageCard(request: ManageCardRequest): Promise<Result<RegistryChange, AuthorityError>>;
}

export function describeAuthorityError(error: AuthorityError): string {
  switch (error.kind) {
    case 'unreachable':
      return `the authority cannot be reached: ${error.detail}`;
    case 'unknownCard':
      return `the authority does not know card ${error.cardNo}`;
    case 'refused':
      return `the authority refused (${error.reason}): ${error.detail}`;
    case 'idempotencyConflict':
      return `idempotency key ${error.idempotencyKey} was already used for a different request`;
    case 'invalidRequest':
      return `invalid request: ${error.issues.join('; ')}`;
    case 'protocolError':
      return `unreadable answer from the authority: ${error.detail}`;
    case 'internal':
      return `the authority failed: ${error.detail}`;
  }
}
