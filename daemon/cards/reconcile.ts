// Finishing or rolling back what a pulled card or a killed daemon left open, whenever a card is
// read. The card and the authority are the truth; the local journal only says what was tried.
// - Renewal: if the card's current certificate is the one the authority issued and holds as
//   pending, the activation is confirmed (the operation completed); otherwise the card still has
//   its previous, valid certificate, and the operation is rolled back (the authority abandons the
//   unconfirmed certificate when the next renewal starts; it never issues a second one for the
//   same renewal, whose idempotency key is spent).
// - Unlock: if the card's PIN is no longer blocked the reset happened, and the authority is told;
//   otherwise nothing changed on the card.
import type { Authority } from '../../contract/authority/authority.ts';
import type { EportCard } from '../../drivers/card/eport-card.ts';
import { X509Certificate } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import type { CardOperation, Store } from '../store/store.ts';
import { sameSerial } from './card-operation.ts';

export interface ReconcileDeps {
  card: EportCard;
  authority: Authority;
  store: Store;
  logger: Logger;
  kioskId: string;
}

export interface ReconcileReport {
  confirmedSerial: string | null;
  completed: string[];
  rolledBack: string[];
  /** Left open: the authority could not be asked, or the card did not answer. */
  open: string[];
}

function close(deps: ReconcileDeps, operation: CardOperation, outcome: 'completed' | 'rolledBack', detail: string, report: ReconcileReport): void {
  deps.store.finishCardOperation(operation.id, outcome, detail);
  if (operation.sessionId !== null) deps.store.journal(operation.sessionId, `${operation.kind}.reconciled`, { operation: operation.id, outcome, detail });
  deps.logger.event('card.operationReconciled', { operation: operation.id, kind: operation.kind, cardNo: operation.cardNo, outcome, step: operation.step, detail });
  (outcome === 'completed' ? report.completed : report.rolledBack).push(operation.id);
}

export async function reconcileCard(deps: ReconcileDeps, cardNo: string): Promise<ReconcileReport> {
  const report: ReconcileReport = { confirmedSerial: null, completed: [], rolledBack: [], open: [] };
  const operations = deps.store.openCardOperations(cardNo);

  // Renewal: asked of the authority on every read, so a card renewed at another kiosk and pulled
  // after ACTIVATE is confirmed here too.
  const pending = await deps.authority.pendingRenewal(cardNo);
  const current = await deps.card.readCertificate('current');
  const renewals = operations.filter((operation) => operation.kind === 'renewal');
  if (!pending.ok || !current.ok) {
    report.open.push(...renewals.map((operation) => operation.id));
  } else {
    let currentSerial: string | null;
    try {
      currentSerial = new X509Certificate(current.value).serialNumber;
    } catch {
      currentSerial = null;
    }
    const pendingOnCard =
      pending.value.state === 'pending' && currentSerial !== null && sameSerial(currentSerial, pending.value.certificate.serial) ? pending.value : null;
    let confirmedKey: string | null = null;
    if (pendingOnCard !== null) {
      const confirmed = await deps.authority.confirmActivation({
        idempotencyKey: `${pendingOnCard.idempotencyKey}:confirm`,
        cardNo,
        certificateSerial: pendingOnCard.certificate.serial,
        kioskId: deps.kioskId,
      });
      if (confirmed.ok) {
        report.confirmedSerial = pendingOnCard.certificate.serial;
        confirmedKey = pendingOnCard.idempotencyKey;
      }
    }
    // A renewal cut after ACTIVATE whose confirmation reached the authority: nothing pending, and
    // the registry's current certificate is the card's.
    const registered = renewals.some((operation) => operation.step === 'activated' || operation.step === 'verified') ? await deps.authority.lookupCard(cardNo) : null;
    const registryMatchesCard = registered?.ok === true && currentSerial !== null && registered.value.card.certificateSerial !== null && sameSerial(registered.value.card.certificateSerial, currentSerial);
    for (const operation of renewals) {
      const activated = operation.step === 'activated' || operation.step === 'verified';
      if (operation.idempotencyKey === confirmedKey || operation.step === 'confirmed' || (activated && pendingOnCard === null && registryMatchesCard)) {
        close(deps, operation, 'completed', 'the card holds the new certificate; activation confirmed', report);
      } else if (pendingOnCard?.idempotencyKey === operation.idempotencyKey) {
        report.open.push(operation.id); // the confirmation failed: try again on the next read
      } else {
        close(deps, operation, 'rolledBack', 'the card keeps its previous certificate', report);
      }
    }
  }

  for (const operation of operations.filter((o) => o.kind === 'unlock')) {
    const pin = await deps.card.pinStatus();
    if (!pin.ok) {
      report.open.push(operation.id);
      continue;
    }
    switch (pin.value.state) {
      case 'blocked':
        close(deps, operation, 'rolledBack', 'the card is still locked', report);
        break;
      case 'verified':
      case 'notVerified': {
        const reported = await deps.authority.reportUnlockDone({ idempotencyKey: `${operation.idempotencyKey}:done`, cardNo, kioskId: deps.kioskId });
        if (reported.ok) close(deps, operation, 'completed', 'the card was unlocked; the authority is told', report);
        else report.open.push(operation.id);
        break;
      }
    }
  }
  return report;
}
