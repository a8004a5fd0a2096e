// Shape checks of in-process requests, mirroring what the HTTP schemas check at the wire:
// a malformed request is invalidRequest and is not remembered under its idempotency key.
import { identitySources, registryOperations, type AuthorityError, type ManageCardRequest, type RegistryChallengeRequest, type AuthoriseUnlockRequest, type ConfirmActivationRequest, type IssueCertificateRequest, type ReportUnlockDoneRequest, type SubmitIntakeRequest } from '../../contract/authority/authority.ts';

type Checked =
  | ['authoriseUnlock', AuthoriseUnlockRequest]
  | ['reportUnlockDone', ReportUnlockDoneRequest]
  | ['issueCertificate', IssueCertificateRequest]
  | ['confirmActivation', ConfirmActivationRequest]
  | ['submitIntake', SubmitIntakeRequest]
  | ['registryChallenge', RegistryChallengeRequest]
  | ['manageCard', ManageCardRequest];

function text(issues: string[], name: string, value: unknown, max = 128): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) issues.push(`${name} must be a non-empty string of at most ${max} characters`);
}

function bytes(issues: string[], name: string, value: unknown, length?: number): void {
  if (!(value instanceof Uint8Array) || value.length === 0 || value.length > 8192) issues.push(`${name} must be bytes`);
  else if (length !== undefined && value.length !== length) issues.push(`${name} must be ${length} bytes`);
}

export function validateRequest(...[operation, request]: Checked): (AuthorityError & { kind: 'invalidRequest' }) | null {
  const issues: string[] = [];
  // A challenge is fresh on every call: it takes no key.
  if (operation !== 'registryChallenge') text(issues, 'idempotencyKey', request.idempotencyKey, 200);
  text(issues, 'kioskId', request.kioskId, 64);
  switch (operation) {
    case 'authoriseUnlock':
      text(issues, 'cardNo', request.cardNo, 32);
      bytes(issues, 'challenge', request.challenge, 16);
      text(issues, 'evidence.agentName', request.evidence.agentName, 64);
      text(issues, 'evidence.agentIdNumber', request.evidence.agentIdNumber, 32);
      text(issues, 'evidence.enterpriseUscc', request.evidence.enterpriseUscc, 32);
      if (typeof request.evidence.introductionLetter !== 'boolean') issues.push('evidence.introductionLetter must be true or false');
      if (!(identitySources as readonly unknown[]).includes(request.evidence.identitySource)) issues.push(`evidence.identitySource must be one of ${identitySources.join(', ')}`);
      break;
    case 'reportUnlockDone':
      text(issues, 'cardNo', request.cardNo, 32);
      break;
    case 'issueCertificate':
      text(issues, 'cardNo', request.cardNo, 32);
      switch (request.proof.kind) {
        case 'csr':
          bytes(issues, 'proof.csrDer', request.proof.csrDer);
          break;
        case 'signedKey':
          bytes(issues, 'proof.publicKeySpki', request.proof.publicKeySpki);
          bytes(issues, 'proof.signature', request.proof.signature);
          break;
      }
      break;
    case 'confirmActivation':
      text(issues, 'cardNo', request.cardNo, 32);
      if (typeof request.certificateSerial !== 'string' || !/^[0-9a-fA-F]{2,40}$/.test(request.certificateSerial)) issues.push('certificateSerial must be hex');
      break;
    case 'registryChallenge':
      text(issues, 'legalPersonCardNo', request.legalPersonCardNo, 32);
      break;
    case 'manageCard':
      if (!(registryOperations as readonly unknown[]).includes(request.operation)) issues.push(`operation must be one of ${registryOperations.join(', ')}`);
      else if (request.operation === 'declareOperator' ? request.targetCardNo !== null : typeof request.targetCardNo !== 'string') {
        issues.push('targetCardNo must be null for declareOperator and a card number otherwise');
      }
      if (request.targetCardNo !== null) text(issues, 'targetCardNo', request.targetCardNo, 32);
      text(issues, 'proof.legalPersonCardNo', request.proof.legalPersonCardNo, 32);
      bytes(issues, 'proof.challenge', request.proof.challenge, 32);
      bytes(issues, 'proof.signature', request.proof.signature);
      break;
    case 'submitIntake':
      if (typeof request.intakePackage !== 'object' || Array.isArray(request.intakePackage)) issues.push('intakePackage must be a JSON object');
      break;
  }
  return issues.length === 0 ? null : { kind: 'invalidRequest', issues };
}
