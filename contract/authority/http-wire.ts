// The authority's HTTP API at the wire (docs/authority.md, "HTTP API"): paths, status codes and
// the JSON schemas both the client and the server check. Bytes travel as standard base64.
import { z } from 'zod';
import { identitySources, registryOperations, type AuthorityError, type RefusalReason } from './authority.ts';

export const idempotencyHeader = 'Idempotency-Key';

export const paths = {
  card: (cardNo: string) => `/v1/cards/${encodeURIComponent(cardNo)}`,
  pendingRenewal: (cardNo: string) => `/v1/cards/${encodeURIComponent(cardNo)}/pending-renewal`,
  phoneNumbers: (cardNo: string) => `/v1/cards/${encodeURIComponent(cardNo)}/phone-numbers`,
  unlockAuthorisations: '/v1/unlock-authorisations',
  unlockCompletions: '/v1/unlock-completions',
  certificates: '/v1/certificates',
  activations: '/v1/activations',
  intakePackages: '/v1/intake-packages',
  caCertificate: '/v1/ca-certificate',
  registryChallenges: '/v1/registry-challenges',
  registryOperations: '/v1/registry-operations',
} as const;

const bytes = z.base64().transform((s) => Buffer.from(s, 'base64'));
const short = (max: number) => z.string().min(1).max(max);
const lifecycle = z.enum(['active', 'expired', 'locked', 'frozen', 'reportedLost', 'invalidated']);
const cardType = z.enum(['legal_person', 'operator', 'tax_clerk', 'technician']);

export const refusalReasons = [
  'cardNotLocked',
  'cardLocked',
  'cardExpired',
  'cardFrozen',
  'cardReportedLost',
  'cardInvalidated',
  'introductionLetterMissing',
  'enterpriseMismatch',
  'agentIdNumberInvalid',
  'agentNotOnRecord',
  'noUnlockAuthorised',
  'proofInvalid',
  'keyNotP256',
  'keyReused',
  'certificateUnknown',
  'notLegalPersonCard',
  'signerNotActive',
  'challengeInvalid',
  'operationNotAllowed',
  'cardNotInvalidated',
  'legalPersonCardAtCounter',
] as const satisfies readonly RefusalReason[];

// Requests (checked by the server).
export const authoriseUnlockBody = z.strictObject({
  cardNo: short(32),
  challenge: bytes,
  kioskId: short(64),
  evidence: z.strictObject({ agentName: short(64), agentIdNumber: short(32), introductionLetter: z.boolean(), enterpriseUscc: short(32), identitySource: z.enum(identitySources) }),
});
export const reportUnlockDoneBody = z.strictObject({ cardNo: short(32), kioskId: short(64) });
export const issueCertificateBody = z.strictObject({
  cardNo: short(32),
  kioskId: short(64),
  proof: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('csr'), csrDer: bytes }),
    z.strictObject({ kind: z.literal('signedKey'), publicKeySpki: bytes, signature: bytes }),
  ]),
});
export const confirmActivationBody = z.strictObject({ cardNo: short(32), certificateSerial: z.string().regex(/^[0-9a-fA-F]{2,40}$/), kioskId: short(64) });
export const registryChallengeBody = z.strictObject({ legalPersonCardNo: short(32), kioskId: short(64) });
export const manageCardBody = z
  .strictObject({
    kioskId: short(64),
    operation: z.enum(registryOperations),
    targetCardNo: short(32).nullable(),
    proof: z.strictObject({ legalPersonCardNo: short(32), challenge: bytes, signature: bytes }),
  })
  .refine((body) => (body.operation === 'declareOperator') === (body.targetCardNo === null), { message: 'targetCardNo must be null for declareOperator and a card number otherwise', path: ['targetCardNo'] });
export const submitIntakeBody = z.strictObject({ kioskId: short(64), intakePackage: z.record(z.string(), z.unknown()) });

// Answers (checked by the client).
const registeredCard = z.object({
  cardNo: z.string(),
  cardType,
  holderName: z.string(),
  holderIdNumberMasked: z.string(),
  status: lifecycle,
  certificateSerial: z.string().nullable(),
  certificateNotBefore: z.string(),
  certificateNotAfter: z.string(),
});
export const cardLookupAnswer = z.object({
  card: registeredCard,
  enterprise: z.object({ name: z.string(), uscc: z.string(), orgCode: z.string(), legalRepresentative: z.string(), address: z.string(), cards: z.array(registeredCard) }),
});
export const unlockAuthorisationAnswer = z.object({ cryptogram: bytes });
export const unlockDoneAnswer = z.object({ cardNo: z.string(), status: lifecycle });
const issuedCertificate = z.object({ certificateDer: bytes, serial: z.string(), notBefore: z.string(), notAfter: z.string() });
export const issuedCertificateAnswer = issuedCertificate;
export const activationAnswer = z.object({ cardNo: z.string(), certificateSerial: z.string(), certificateNotAfter: z.string(), status: lifecycle });
export const pendingRenewalAnswer = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('pending'), idempotencyKey: z.string(), certificate: issuedCertificate, currentSerial: z.string().nullable(), issuedAt: z.string() }),
]);
export const phoneNumbersAnswer = z.object({ holder: z.string().max(32).nullable(), enterpriseContact: z.string().max(32).nullable() });
export const registryChallengeAnswer = z.object({ challenge: bytes, expiresAt: z.string() });
export const registryChangeAnswer = z.object({ operation: z.enum(registryOperations), reference: z.string(), card: registeredCard.nullable(), at: z.string() });
export const intakeTicketAnswer = z.object({ ticket: z.string(), serviceDay: z.string() });
export const caCertificateAnswer = z.object({ der: bytes, pem: z.string() });

export const errorAnswer = z.object({
  error: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('unreachable'), detail: z.string() }),
    z.object({ kind: z.literal('unknownCard'), cardNo: z.string() }),
    z.object({ kind: z.literal('refused'), reason: z.enum(refusalReasons), detail: z.string() }),
    z.object({ kind: z.literal('idempotencyConflict'), idempotencyKey: z.string() }),
    z.object({ kind: z.literal('invalidRequest'), issues: z.array(z.string()) }),
    z.object({ kind: z.literal('protocolError'), detail: z.string() }),
    z.object({ kind: z.literal('internal'), detail: z.string() }),
  ]),
});

export function httpStatusOf(error: AuthorityError): number {
  switch (error.kind) {
    case 'invalidRequest':
      return 400;
    case 'unknownCard':
      return 404;
    case 'idempotencyConflict':
      return 409;
    case 'refused':
      return 422;
    case 'internal':
      return 500;
    // The server is itself a client of an upstream authority that failed it.
    case 'unreachable':
    case 'protocolError':
      return 502;
  }
}

/** Bytes become base64 strings for the wire; everything else is JSON as is. */
export function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  return value;
}
