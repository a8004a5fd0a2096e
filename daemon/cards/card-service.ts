// The card services of the kiosk: reading the card in the reader, PIN verify and change, and the
// two operations done on the spot, unlock and renewal. Every operation is one exclusive reader
// session; every step is journaled; whatever a cut leaves open is reconciled on the next read.
import type { Authority, RegistryChange, RegistryOperation, UnlockEvidence } from '../../contract/authority/authority.ts';
import { registryProofMessage } from '../../contract/authority/registry-proof.ts';
import type { SendApdu } from '../../drivers/card/apdu.ts';
import type { CardReader } from '../../drivers/card/card-reader.ts';
import type { CardInfo, CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { CardSummary } from '../../contract/protocol/catalogue.ts';
import { EportCard } from '../../drivers/card/eport-card.ts';
import type { CardRecord } from '../../drivers/card/profile.ts';
import { isValidPin } from '../../drivers/card/profile.ts';
import type { Logger } from '../log/logger.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { Store } from '../store/store.ts';
import type { AgentSessions } from './agent-session.ts';
import { cardInfoOf, daysLeft, lifecycleOf } from './card-info.ts';
import { cardStep, type StepHook } from './card-operation.ts';
import { fromCardIo, type CardServiceError } from './card-service-error.ts';
import { checkPinPolicy } from './pin-policy.ts';
import { reconcileCard } from './reconcile.ts';
import { renewCertificate, type RenewalOutcome } from './renewal.ts';
import { unlockCard, type UnlockOutcome } from './unlock.ts';

export type { CardSummary };

export interface CardServiceOptions {
  reader: CardReader;
  authority: Authority;
  store: Store;
  logger: Logger;
  sessions: AgentSessions;
  kioskId: string;
  now?: () => Date;
  /** After each recorded step of an unlock or renewal (progress, and the crash tests' cut point). */
  onStep?: StepHook;
  /** Why an unlock or renewal must stop at its next step (e.g. the cabinet was opened), or null. */
  interrupted?: () => string | null;
  /** A card inserted into the reader was read (the technician page's counter). */
  onCardRead?: () => void;
  /** One APDU was sent to a card (counted, never inspected). */
  onApdu?: () => void;
}

type WithCard<T> = (card: EportCard, record: CardRecord) => Promise<Result<T, CardServiceError>>;

export class CardService {
  readonly #options: CardServiceOptions;
  readonly #now: () => Date;
  #unsubscribe: (() => void) | null = null;
  #lastState: CardReaderStatus['state'] = 'noDevice';
  #insertRead: Promise<void> = Promise.resolve();

  constructor(options: CardServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  start(): void {
    const open = this.#options.store.openCardOperations();
    if (open.length > 0) {
      this.#options.logger.event('card.operationsOpen', { operations: open.map((o) => ({ id: o.id, kind: o.kind, cardNo: o.cardNo, step: o.step })) });
    }
    this.#unsubscribe = this.#options.reader.onStatusChange((status) => this.#onStatus(status));
    this.#onStatus(this.#options.reader.status());
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  /** Resolves once the card inserted last has been read (tests wait on it). */
  settled(): Promise<void> {
    return this.#insertRead;
  }

  #onStatus(status: CardReaderStatus): void {
    const previous = this.#lastState;
    this.#lastState = status.state;
    switch (status.state) {
      case 'present':
        // A card nobody has read yet: read it, show it, and reconcile what a cut left open.
        if (status.card === null && previous !== 'busy') this.#insertRead = this.#insertRead.then(() => this.#readInserted());
        break;
      case 'noCard':
        if (previous === 'present' || previous === 'busy') this.#options.logger.event('card.removed', {});
        break;
      case 'busy':
      case 'noDevice':
      case 'error':
        break;
    }
  }

  async #readInserted(): Promise<void> {
    const result = await this.#withCard('read card', async (card, record) => {
      this.#options.logger.event('card.inserted', { cardNo: record.cardNo, cardType: record.cardType, lifecycle: lifecycleOf(record, this.#now()) });
      const report = await reconcileCard({ ...this.#options, card }, record.cardNo);
      this.#options.logger.event('card.settled', { cardNo: record.cardNo, completed: report.completed.length, rolledBack: report.rolledBack.length, open: report.open.length });
      return ok(undefined);
    });
    if (result.ok) this.#options.onCardRead?.();
    if (!result.ok && result.error.kind !== 'noCard') this.#options.logger.event('card.readFailed', { error: result.error.kind });
  }

  #counted(send: SendApdu): SendApdu {
    const onApdu = this.#options.onApdu;
    if (onApdu === undefined) return send;
    return (apdu) => {
      onApdu();
      return send(apdu);
    };
  }

  /** One exclusive session: SELECT, read the card's record (shown in the reader status), run. */
  async #withCard<T>(operation: string, run: WithCard<T>, signal?: AbortSignal): Promise<Result<T, CardServiceError>> {
    // A command already reported timeOut or canceled does no card work (issue 13, item 5).
    const stopped = abortedError(signal);
    if (stopped !== null) return err(stopped);
    const outcome = await this.#options.reader.withSession(operation, async (session): Promise<Result<T, CardServiceError>> => {
      const card = new EportCard(this.#counted(session.sendApdu));
      const selected = await cardStep('select', card.select());
      if (!selected.ok) return selected;
      const record = await cardStep('read card information', card.readInfo());
      if (!record.ok) return record;
      this.#options.reader.setCardInfo(cardInfoOf(record.value, this.#now()));
      // Waiting for the reader may have outlasted the command.
      const late = abortedError(signal);
      if (late !== null) return err(late);
      const result = await run(card, record.value);
      // Show what changed (PIN tries, expiry) when the card is still there to tell.
      const after = await card.readInfo();
      if (after.ok) this.#options.reader.setCardInfo(cardInfoOf(after.value, this.#now()));
      return result;
    });
    return outcome.ok ? outcome.value : err(fromCardIo(outcome.error, operation));
  }

  async readCard(): Promise<Result<CardSummary, CardServiceError>> {
    return this.#withCard('read card', async (card, record) => {
      const pin = await cardStep('PIN status', card.pinStatus());
      if (!pin.ok) return pin;
      return ok({
        info: cardInfoOf(record, this.#now()),
        certificateDaysLeft: daysLeft(record.certificateNotAfter, this.#now()),
        pin: pin.value,
        pinMustChange: record.pinMustChange,
      });
    });
  }

  /**
   * `purpose`: `use` (the default) proves the agent may act with the card; a card still on its
   * initial PIN is refused before VERIFY (no try spent: it must be changed first, seed 003).
   * `pinChange`: the current PIN of a PIN change, checked at once; a card on its initial PIN is
   * verified but not recorded as verified for anything else.
   */
  async verifyPin(pin: string, signal?: AbortSignal, purpose: 'use' | 'pinChange' = 'use'): Promise<Result<{ cardNo: string; verified: true }, CardServiceError>> {
    if (!isValidPin(pin)) return err({ kind: 'pinPolicy', refusal: 'notEightDigits' });
    return this.#withCard('verify PIN', async (card, record) => {
      if (record.pinMustChange && purpose === 'use') return err(pinMustChangeError);
      const verified = await cardStep('verify PIN', card.verifyPin(pin));
      if (!verified.ok) {
        this.#options.logger.event('card.pinRefused', { cardNo: record.cardNo, reason: verified.error.kind });
        return verified;
      }
      if (!record.pinMustChange) this.#options.sessions.recordVerified({ cardNo: record.cardNo, cardType: record.cardType, uscc: record.uscc });
      this.#options.sessions.journal('pin.verified', { cardNo: record.cardNo });
      this.#options.logger.event('card.pinVerified', { cardNo: record.cardNo });
      return ok({ cardNo: record.cardNo, verified: true });
    }, signal);
  }

  /** The technician's card-reader test: the ATR, SELECT of the E-Port application, what the card says. */
  async testCard(): Promise<Result<{ reader: string; atr: string; select: string; info: CardInfo | null }, CardServiceError>> {
    const outcome = await this.#options.reader.withSession('card reader test', async (session) => {
      const card = new EportCard(this.#counted(session.sendApdu));
      const selected = await card.select();
      const record = selected.ok ? await card.readInfo() : null;
      return {
        reader: session.reader,
        atr: session.atr.toString('hex').toUpperCase(),
        select: selected.ok ? '9000' : selected.error.kind === 'unexpectedStatus' ? selected.error.sw.toString(16).toUpperCase().padStart(4, '0') : selected.error.kind,
        info: record?.ok === true ? cardInfoOf(record.value, this.#now()) : null,
      };
    });
    return outcome.ok ? ok(outcome.value) : err(fromCardIo(outcome.error, 'card reader test'));
  }

  /** The technician card in the reader and its PIN: who is entering technician mode. */
  async authenticateTechnician(pin: string): Promise<Result<{ cardNo: string; holderName: string }, CardServiceError>> {
    if (!isValidPin(pin)) return err({ kind: 'pinPolicy', refusal: 'notEightDigits' });
    return this.#withCard('technician login', async (card, record) => {
      if (record.cardType !== 'technician') return err({ kind: 'notAllowed', reason: 'cardType', detail: 'this is not a technician card' });
      // The first-use gate, before VERIFY as for any other use: no try spent.
      if (record.pinMustChange) return err(pinMustChangeError);
      const verified = await cardStep('verify PIN', card.verifyPin(pin));
      if (!verified.ok) return verified;
      return ok({ cardNo: record.cardNo, holderName: record.holderName });
    });
  }

  async changePin(oldPin: string, newPin: string, confirmation: string, signal?: AbortSignal): Promise<Result<{ cardNo: string }, CardServiceError>> {
    if (!isValidPin(oldPin)) return err({ kind: 'pinPolicy', refusal: 'notEightDigits' });
    return this.#withCard('change PIN', async (card, record) => {
      const phoneNumbers = await this.#phoneNumbersOnRecord(record.cardNo);
      if (!phoneNumbers.ok) return phoneNumbers;
      const refusal = checkPinPolicy({ pin: newPin, confirmation, oldPin, holderIdNumber: record.holderIdNumber, phoneNumbers: phoneNumbers.value });
      if (refusal !== null) return err({ kind: 'pinPolicy', refusal });
      const changed = await cardStep('change PIN', card.changePin(oldPin, newPin));
      if (!changed.ok) return changed;
      this.#options.sessions.journal('pin.changed', { cardNo: record.cardNo });
      this.#options.logger.event('card.pinChanged', { cardNo: record.cardNo });
      return ok({ cardNo: record.cardNo });
    }, signal);
  }

  /**
   * `signal`: the command's (timeOut, Common.Cancel, the client gone). Once it aborts, no further
   * step runs — checked before the card session and after every recorded step, so an authority
   * that answered late never leads to a card write the client was told did not happen.
   */
  async unlock(evidence: UnlockEvidence, newPin: string, confirmation: string, signal?: AbortSignal): Promise<Result<UnlockOutcome, CardServiceError>> {
    const session = this.#options.sessions.current();
    if (session?.business !== 'unlock') return err({ kind: 'notAllowed', reason: session === null ? 'noSession' : 'wrongBusiness', detail: 'start an unlock session first' });
    const result = await this.#withCard('unlock', async (card, record) => {
      const lifecycle = lifecycleOf(record, this.#now());
      if (lifecycle !== 'locked') return err({ kind: 'cardState', lifecycle, detail: 'only a card whose PIN is blocked can be unlocked' });
      if (evidence.enterpriseUscc !== record.uscc) {
        return err({ kind: 'notAllowed', reason: 'evidenceMismatch', detail: "the introduction letter does not name the card's enterprise" });
      }
      const phoneNumbers = await this.#phoneNumbersOnRecord(record.cardNo);
      if (!phoneNumbers.ok) return phoneNumbers;
      const refusal = checkPinPolicy({ pin: newPin, confirmation, holderIdNumber: record.holderIdNumber, phoneNumbers: phoneNumbers.value });
      if (refusal !== null) return err({ kind: 'pinPolicy', refusal });
      const unlocked = await unlockCard(this.#operationDeps(card, signal), record, evidence, newPin, session.id);
      if (unlocked.ok) this.#options.sessions.recordVerified({ cardNo: record.cardNo, cardType: record.cardType, uscc: record.uscc });
      return unlocked;
    }, signal);
    this.#logOutcome('unlock', result);
    return result;
  }

  /** When this kiosk last renewed the card's certificate (a renewal that completed), if ever. */
  lastRenewal(cardNo: string): Date | null {
    const operation = this.#options.store.lastCardOperation(cardNo, 'renewal', 'completed');
    return operation?.endedAt == null ? null : new Date(operation.endedAt);
  }

  /**
   * The first entry of a new PIN against the policy, with what only the card knows (the holder's
   * birth date) and the phone numbers the registry holds: the agent hears a refusal before typing
   * it again. Nothing is written or kept.
   */
  async checkNewPin(pin: string): Promise<Result<void, CardServiceError>> {
    return this.#withCard('check new PIN', async (_card, record) => {
      const phoneNumbers = await this.#phoneNumbersOnRecord(record.cardNo);
      if (!phoneNumbers.ok) return phoneNumbers;
      const refusal = checkPinPolicy({ pin, holderIdNumber: record.holderIdNumber, phoneNumbers: phoneNumbers.value });
      return refusal === null ? ok(undefined) : err({ kind: 'pinPolicy', refusal });
    });
  }

  /**
   * The phone numbers the registry holds for the card's holder and enterprise contact, for one
   * policy check (never logged or kept). Without them the policy cannot be checked in full, so a
   * registry that cannot be asked stops the new PIN (the agent may try again).
   */
  async #phoneNumbersOnRecord(cardNo: string): Promise<Result<string[], CardServiceError>> {
    const found = await this.#options.authority.phoneNumbersOnRecord(cardNo);
    if (!found.ok) return err({ kind: 'authority', error: found.error });
    return ok([found.value.holder, found.value.enterpriseContact].filter((phone) => phone !== null));
  }

  /**
   * Renews the card in the reader. The PIN comes with the command and is verified in the same
   * card session: selecting the application again would clear a verification made earlier.
   */
  async renew(pin: string, signal?: AbortSignal): Promise<Result<RenewalOutcome, CardServiceError>> {
    const sessions = this.#options.sessions;
    const session = sessions.current();
    if (session?.business !== 'renewal') return err({ kind: 'notAllowed', reason: session === null ? 'noSession' : 'wrongBusiness', detail: 'start a renewal session first' });
    if (!isValidPin(pin)) return err({ kind: 'pinPolicy', refusal: 'notEightDigits' });
    const result = await this.#withCard('renewal', async (card, record) => {
      const lifecycle = lifecycleOf(record, this.#now());
      if (lifecycle !== 'active') return err({ kind: 'cardState', lifecycle, detail: 'only an active card that has not expired can be renewed here' });
      if (record.cardType === 'technician') return err({ kind: 'notAllowed', reason: 'cardType', detail: 'a technician card is not renewed at the kiosk' });
      if (record.pinMustChange) return err(pinMustChangeError);
      if (record.cardType !== 'legal_person' && !sessions.legalPersonVerified(record.uscc)) {
        return err({ kind: 'notAllowed', reason: 'legalPersonFirst', detail: "insert the enterprise's legal-person card and verify its PIN first" });
      }
      const verified = await cardStep('verify PIN', card.verifyPin(pin));
      if (!verified.ok) return verified;
      sessions.recordVerified({ cardNo: record.cardNo, cardType: record.cardType, uscc: record.uscc });
      const stopped = abortedError(signal);
      if (stopped !== null) return err(stopped);
      const renewed = await renewCertificate(this.#operationDeps(card, signal), record, session.id);
      // Whatever the cut left, settle it now if the card is still there to ask.
      if (!renewed.ok) await reconcileCard({ ...this.#options, card }, record.cardNo);
      return renewed;
    }, signal);
    this.#logOutcome('renewal', result);
    return result;
  }

  /**
   * One registry operation of the legal-person card holder (seed 003): in one card session the
   * PIN is verified, the authority's challenge signed with INTERNAL AUTHENTICATE (the card's current
   * key) over the operation and its card, and the operation sent with that proof. The caller makes
   * and journals `idempotencyKey` before the call and uses it again for a retry.
   */
  async manageRegistry(
    pin: string,
    request: { operation: RegistryOperation; targetCardNo: string | null; idempotencyKey: string },
    signal?: AbortSignal,
  ): Promise<Result<RegistryChange, CardServiceError>> {
    const sessions = this.#options.sessions;
    const session = sessions.current();
    if (session?.business !== 'card_management') return err({ kind: 'notAllowed', reason: session === null ? 'noSession' : 'wrongBusiness', detail: 'start an operator-card management session first' });
    if (!isValidPin(pin)) return err({ kind: 'pinPolicy', refusal: 'notEightDigits' });
    const { authority, kioskId } = this.#options;
    const result = await this.#withCard('registry operation', async (card, record): Promise<Result<RegistryChange, CardServiceError>> => {
      if (record.cardType !== 'legal_person') return err({ kind: 'notAllowed', reason: 'cardType', detail: "only the enterprise's legal-person card may do this" });
      const lifecycle = lifecycleOf(record, this.#now());
      if (lifecycle !== 'active') return err({ kind: 'cardState', lifecycle, detail: 'the legal-person card must be active' });
      if (record.pinMustChange) return err(pinMustChangeError);
      const verified = await cardStep('verify PIN', card.verifyPin(pin));
      if (!verified.ok) return verified;
      sessions.recordVerified({ cardNo: record.cardNo, cardType: record.cardType, uscc: record.uscc });
      const challenge = await authority.registryChallenge({ legalPersonCardNo: record.cardNo, kioskId });
      if (!challenge.ok) return err({ kind: 'authority', error: challenge.error });
      const stopped = abortedError(signal);
      if (stopped !== null) return err(stopped);
      const message = registryProofMessage(challenge.value.challenge, request.operation, request.targetCardNo);
      const signature = await cardStep('sign the registry operation', card.internalAuthenticate(message));
      if (!signature.ok) return signature;
      const done = await authority.manageCard({
        idempotencyKey: request.idempotencyKey,
        kioskId,
        operation: request.operation,
        targetCardNo: request.targetCardNo,
        proof: { legalPersonCardNo: record.cardNo, challenge: challenge.value.challenge, signature: signature.value },
      });
      if (!done.ok) return err({ kind: 'authority', error: done.error });
      sessions.journal('registry.changed', { operation: request.operation, targetCardNo: request.targetCardNo, reference: done.value.reference });
      return ok(done.value);
    }, signal);
    if (result.ok) this.#options.logger.event('card.registryChanged', { operation: request.operation, targetCardNo: request.targetCardNo, reference: result.value.reference });
    else this.#options.logger.event('card.registryRefused', { operation: request.operation, targetCardNo: request.targetCardNo, error: result.error });
    return result;
  }

  #operationDeps(card: EportCard, signal?: AbortSignal) {
    const interrupted = this.#options.interrupted ?? (() => null);
    return {
      card,
      authority: this.#options.authority,
      store: this.#options.store,
      kioskId: this.#options.kioskId,
      now: this.#now,
      onStep: this.#options.onStep ?? (async () => undefined),
      interrupted: () => abortedError(signal)?.reason ?? interrupted(),
    };
  }

  #logOutcome(kind: 'unlock' | 'renewal', result: Result<{ cardNo: string }, CardServiceError>): void {
    if (result.ok) this.#options.logger.event(kind === 'unlock' ? 'card.unlocked' : 'card.renewed', { ...result.value });
    else this.#options.logger.event('card.operationFailed', { kind, error: result.error });
  }
}

const pinMustChangeError: CardServiceError = { kind: 'notAllowed', reason: 'pinMustChange', detail: 'the card is still on its initial PIN: change the PIN first' };

/** The command this work belongs to has ended (timeOut, canceled, its client gone): stop here. */
function abortedError(signal: AbortSignal | undefined): Extract<CardServiceError, { kind: 'interrupted' }> | null {
  if (signal?.aborted !== true) return null;
  const reason: unknown = signal.reason;
  const code = typeof reason === 'object' && reason !== null && 'code' in reason ? String(reason.code) : 'canceled';
  return { kind: 'interrupted', reason: `the command was ${code === 'timeOut' ? 'timed out' : 'canceled'} before this step` };
}
