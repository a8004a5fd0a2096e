// Unlock of a PIN-blocked card on the spot (docs/card-profile.md, "Unlock"):
// GET CHALLENGE → the authority's cryptogram (it alone holds the master key the card's unblock
// key derives from, and it checks the agent's evidence) → EXTERNAL AUTHENTICATE → RESET RETRY
// COUNTER with the new PIN → VERIFY with the new PIN to prove it → the registry is told.
// RESET RETRY COUNTER is atomic on the card: a cut before it leaves the card locked, after it
// unlocked with the new PIN; reconcile.ts tells the authority in the second case.
import { randomUUID } from 'node:crypto';
import type { UnlockEvidence } from '../../contract/authority/authority.ts';
import type { CardRecord } from '../../drivers/card/profile.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import { cardStep, OperationRecorder, type OperationDeps } from './card-operation.ts';
import type { CardServiceError } from './card-service-error.ts';

export interface UnlockOutcome {
  operationId: string;
  cardNo: string;
}

export const unlockSteps = ['started', 'challenged', 'authorised', 'authenticated', 'pinReset', 'pinVerified', 'reported'] as const;

export async function unlockCard(
  deps: OperationDeps,
  record: CardRecord,
  evidence: UnlockEvidence,
  newPin: string,
  sessionId: string | null,
): Promise<Result<UnlockOutcome, CardServiceError>> {
  const { card, authority, store, kioskId } = deps;
  const cardNo = record.cardNo;
  const operationId = randomUUID();
  const idempotencyKey = randomUUID();
  store.openCardOperation({ id: operationId, sessionId, kind: 'unlock', cardNo, idempotencyKey, step: 'started' });
  const recorder = new OperationRecorder(deps, 'unlock', operationId, sessionId);
  let recorded = await recorder.done('started', { cardNo, agentName: evidence.agentName, agentIdNumber: evidence.agentIdNumber, introductionLetter: evidence.introductionLetter });
  if (!recorded.ok) return recorded;

  const challenge = await cardStep('get challenge', card.getChallenge());
  if (!challenge.ok) return challenge;
  recorded = await recorder.done('challenged');
  if (!recorded.ok) return recorded;

  const authorised = await authority.authoriseUnlock({ idempotencyKey, cardNo, challenge: challenge.value, kioskId, evidence });
  if (!authorised.ok) {
    recorder.finish('failed', `authority: ${authorised.error.kind}`);
    return err({ kind: 'authority', error: authorised.error });
  }
  recorded = await recorder.done('authorised');
  if (!recorded.ok) return recorded;

  const authenticated = await cardStep('external authenticate', card.externalAuthenticate(Buffer.from(authorised.value.cryptogram)));
  if (!authenticated.ok) return authenticated;
  recorded = await recorder.done('authenticated');
  if (!recorded.ok) return recorded;

  const reset = await cardStep('reset retry counter', card.resetRetryCounter(newPin));
  if (!reset.ok) return reset;
  recorded = await recorder.done('pinReset');
  if (!recorded.ok) return recorded;

  const verified = await cardStep('verify the new PIN', card.verifyPin(newPin));
  if (!verified.ok) return verified;
  recorded = await recorder.done('pinVerified');
  if (!recorded.ok) return recorded;

  const reported = await authority.reportUnlockDone({ idempotencyKey: `${idempotencyKey}:done`, cardNo, kioskId });
  if (!reported.ok) return err({ kind: 'authority', error: reported.error });
  // The last step: done whatever happens next, so an interruption here changes nothing.
  await recorder.done('reported');
  recorder.finish('completed');
  return ok({ operationId, cardNo });
}
