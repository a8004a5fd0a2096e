// Renewal of a card's certificate on the spot (docs/card-profile.md, "Renewal"):
// new key pair into the card's pending slot → proof of possession signed by it → certificate
// from the authority (2 years) → written to the pending slot → ACTIVATE (atomic swap) → read back
// and checked against the CA and the key → activation confirmed to the authority.
// The old certificate stays current on the card until ACTIVATE; a cut anywhere leaves a card
// with a valid current certificate, and reconcile.ts finishes or rolls back the bookkeeping.
import { X509Certificate, createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import { keyProofMessage } from '../../contract/authority/key-proof.ts';
import { ecPointToSpki, type CardRecord } from '../../drivers/card/profile.ts';
import { asyncResultBlock, err, ok, type Result } from '../../basics/result.ts';
import { authorityStep, cardStep, OperationRecorder, sameSerial, type OperationDeps } from './card-operation.ts';
import type { CardServiceError } from './card-service-error.ts';

export interface RenewalOutcome {
  operationId: string;
  cardNo: string;
  certificateSerial: string;
  notAfter: string;
}

export const renewalSteps = ['started', 'pendingKeyGenerated', 'keyProofSigned', 'certificateIssued', 'pendingCertificateWritten', 'activated', 'verified', 'confirmed'] as const;
export type RenewalStep = (typeof renewalSteps)[number];

export async function renewCertificate(deps: OperationDeps, record: CardRecord, sessionId: string | null): Promise<Result<RenewalOutcome, CardServiceError>> {
  const { card, authority, store, kioskId } = deps;
  const cardNo = record.cardNo;
  const operationId = randomUUID();
  // One key for the whole renewal: a retry can never make the authority issue a second certificate.
  const idempotencyKey = randomUUID();
  store.openCardOperation({ id: operationId, sessionId, kind: 'renewal', cardNo, idempotencyKey, step: 'started' });
  const recorder = new OperationRecorder(deps, 'renewal', operationId, sessionId);
  // Every step is recorded before the next begins: the first failure ends the renewal there.
  return asyncResultBlock<RenewalOutcome, CardServiceError>(async (take) => {
    take(await recorder.done('started', { cardNo, cardType: record.cardType }));

    const spki = ecPointToSpki(take(await cardStep('generate pending key pair', card.generatePendingKeyPair())));
    take(await recorder.done('pendingKeyGenerated'));

    const signature = take(await cardStep('sign with the pending key', card.signWithPendingKey(keyProofMessage(cardNo, spki))));
    take(await recorder.done('keyProofSigned'));

    const issued = take(authorityStep(await authority.issueCertificate({ idempotencyKey, cardNo, kioskId, proof: { kind: 'signedKey', publicKeySpki: spki, signature } })));
    take(await recorder.done('certificateIssued', { serial: issued.serial, notAfter: issued.notAfter }));

    take(await cardStep('write the pending certificate', card.writePendingCertificate(Buffer.from(issued.certificateDer))));
    take(await recorder.done('pendingCertificateWritten'));

    take(await cardStep('activate', card.activatePending()));
    take(await recorder.done('activated'));

    const checked = await checkActivated(deps, issued.serial, spki);
    if (!checked.ok) recorder.finish('failed', checked.error.kind);
    take(checked);
    take(await recorder.done('verified'));

    take(authorityStep(await authority.confirmActivation({ idempotencyKey: `${idempotencyKey}:confirm`, cardNo, certificateSerial: issued.serial, kioskId })));
    // The last step: done whatever happens next, so an interruption here changes nothing.
    await recorder.done('confirmed');
    recorder.finish('completed');
    return { operationId, cardNo, certificateSerial: issued.serial, notAfter: issued.notAfter };
  });
}

/** The card's current certificate is the one issued, chains to the CA, and the card holds its key. */
async function checkActivated(deps: OperationDeps, serial: string, spki: Buffer): Promise<Result<void, CardServiceError>> {
  const der = await cardStep('read the current certificate', deps.card.readCertificate('current'));
  if (!der.ok) return der;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der.value);
  } catch {
    return err({ kind: 'verificationFailed', detail: 'the current certificate on the card is not X.509' });
  }
  if (!sameSerial(certificate.serialNumber, serial)) return err({ kind: 'verificationFailed', detail: 'the card does not hold the issued certificate' });
  const ca = await deps.authority.caCertificate();
  if (!ca.ok) return err({ kind: 'authority', error: ca.error });
  if (!certificate.verify(new X509Certificate(ca.value.der).publicKey)) return err({ kind: 'verificationFailed', detail: 'the certificate does not chain to the CA' });
  const certifiedKey = certificate.publicKey.export({ format: 'der', type: 'spki' });
  if (!certifiedKey.equals(spki)) return err({ kind: 'verificationFailed', detail: 'the certificate is not for the key generated on the card' });
  const challenge = randomBytes(32);
  const signature = await cardStep('prove the current key', deps.card.internalAuthenticate(challenge));
  if (!signature.ok) return signature;
  if (!verify('sha256', challenge, createPublicKey({ key: spki, format: 'der', type: 'spki' }), signature.value)) {
    return err({ kind: 'verificationFailed', detail: 'the card cannot sign with the certified key' });
  }
  return ok(undefined);
}
