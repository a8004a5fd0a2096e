// Unlock of a PIN-blocked card on the spot (docs/card-profile.md, "Unlock"):
// GET CHALLENGE → the authority's cryptogram (it alone holds the master key the card's unblock
// key derives from, and it checks the agent's evidence) → EXTERNAL AUTHENTICATE → RESET RETRY
// COUNTER with the new PIN → VERIFY with the new PIN to prove it → the registry is told.
// RESET RETRY COUNTER is atomic on the card: a cut before it leaves the card locked, after it
// unlocked with the new PIN; reconcile.ts tells the authority in the second case.
import { randomUUID } from 'node:crypto';
import type { UnlockEvidence } from '../../contract/authority/authority.ts';
import type { CardRecord } from '../../drivers/card/profile.ts';
import { asyncResultBlock, type Result } from '../../basics/result.ts';
import { authorityStep, cardStep, OperationRecorder, type OperationDeps } from './card-operation.ts';
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
  // Every step is recorded before the next begins: the first failure ends the unlock there.
  return asyncResultBlock<UnlockOutcome, CardServiceError>(async (take) => {
    take(await recorder.done('started', { cardNo, agentName: evidence.agentName, agentIdNumber: evidence.agentIdNumber, introductionLetter: evidence.introductionLetter, identitySource: evidence.identitySource }));

    const challenge = take(await cardStep('get challenge', card.getChallenge()));
    take(await recorder.done('challenged'));

    const authorised = await authority.authoriseUnlock({ idempotencyKey, cardNo, challenge, kioskId, evidence });
    if (!authorised.ok) recorder.finish('failed', `authority: ${authorised.error.kind}`);
    const { cryptogram } = take(authorityStep(authorised));
    take(await recorder.done('authorised'));

    take(await cardStep('external authenticate', card.externalAuthenticate(Buffer.from(cryptogram))));
    take(await recorder.done('authenticated'));

    take(await cardStep('reset retry counter', card.resetRetryCounter(newPin)));
    take(await recorder.done('pinReset'));

    take(await cardStep('verify the new PIN', card.verifyPin(newPin)));
    take(await recorder.done('pinVerified'));

    take(authorityStep(await authority.reportUnlockDone({ idempotencyKey: `${idempotencyKey}:done`, cardNo, kioskId })));
    // The last step: done whatever happens next, so an interruption here changes nothing.
    await recorder.done('reported');
    recorder.finish('completed');
    return { operationId, cardNo };
  });
}
