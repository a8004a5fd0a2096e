// The embedded, simulated back office: its own SQLite file, CA and issuer master key under
// <stateDir>/authority/, a registry seeded from the fixtures on first start.
// See docs/authority.md for the model; authority.ts for the contract.
import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { deriveUnblockKey, unblockCryptogram } from '../../drivers/card/card-crypto.ts';
import type { CardLifecycle, CardType } from '../../contract/devices/card-reader.ts';
import { cardFixtures, fixtureEnterprises, type CardFixture, type FixtureEnterprise, type RegisteredLifecycle } from '../registry/sim-registry.ts';
import { maskIdNumber } from '../../basics/redact.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import { migrate } from '../../basics/sqlite-migrations.ts';
import { configureConnection } from '../../basics/sqlite-connection.ts';
import { registryProofMessage } from '../../contract/authority/registry-proof.ts';
import type {
  Activation,
  Authority,
  AuthorityError,
  AuthoriseUnlockRequest,
  CaCertificate,
  CardLookup,
  ConfirmActivationRequest,
  IntakeTicket,
  IssueCertificateRequest,
  IssuedCertificate,
  ManageCardRequest,
  PendingRenewal,
  PhoneNumbersOnRecord,
  RefusalReason,
  RegisteredCard,
  RegistryChallenge,
  RegistryChange,
  UnlockAuthorisation,
} from '../../contract/authority/authority.ts';
import { loadCa, randomSerial, signatureOver, signCardCertificate, toPem, twoYearsAfter, verifyCsr, verifySignedKey, type Ca, type CardSubject } from './ca.ts';
import { checkUnlockEvidence } from './evidence.ts';
import { createRunOnce } from './idempotency.ts';
import { authorityPaths, loadOrCreateCa, loadOrCreateMasterKey, type AuthorityPaths } from './key-files.ts';
import { authorityMigrations } from './sim-authority-migrations.ts';
import { validateRequest } from './validate-request.ts';

export interface SimAuthorityOptions {
  stateDir: string;
  /** The authority's clock; tests move it. */
  now?: () => Date;
  /** Registry seeded on first start; the fixtures by default. */
  seed?: { enterprises: readonly FixtureEnterprise[]; cards: readonly CardFixture[] };
}

export interface AuditRow {
  id: number;
  at: string;
  operation: string;
  cardNo: string | null;
  kioskId: string | null;
  outcome: string;
  detail: unknown;
}

/** The simulator's own doors, beside the Authority contract: personalising virtual cards. */
export interface SimAuthority extends Authority {
  readonly paths: AuthorityPaths;
  /** The card's own unblock key (never the master key), for personalising a virtual card. */
  unblockKey(cardNo: string): Buffer;
  /**
   * Issues a certificate with the given validity and makes it the card's current one, and resets
   * the card's registered lifecycle: what the issuing office does when it personalises a card.
   */
  personaliseCard(request: { cardNo: string; publicKeySpki: Uint8Array; notBefore: Date; notAfter: Date; lifecycle: RegisteredLifecycle }): Promise<Result<IssuedCertificate, AuthorityError>>;
  audit(cardNo?: string): AuditRow[];
  close(): void;
}

interface CardRow {
  card_no: string;
  enterprise_uscc: string;
  card_type: CardType;
  holder_name: string;
  holder_id_number: string;
  lifecycle: RegisteredLifecycle;
  cert_serial: string | null;
  cert_not_before: string;
  cert_not_after: string;
  holder_phone: string | null;
}

interface EnterpriseRow {
  uscc: string;
  name: string;
  org_code: string;
  legal_representative_name: string;
  legal_representative_id_number: string;
  address: string;
  contact_name: string | null;
  contact_phone: string | null;
}

interface CertificateRow {
  serial: string;
  card_no: string;
  der: Buffer;
  public_key_spki: Buffer;
  not_before: string;
  not_after: string;
  issued_at: string;
  state: 'pending' | 'current' | 'superseded' | 'abandoned';
  idempotency_key: string | null;
}

type Outcome<T> = Result<T, AuthorityError>;

function refused(reason: RefusalReason, detail: string): { ok: false; error: AuthorityError } {
  return err({ kind: 'refused', reason, detail });
}

/** The status a card shows: a stored lifecycle, or 'expired' once an active card's certificate ran out. */
export function effectiveStatus(lifecycle: RegisteredLifecycle, certNotAfter: string, now: Date): CardLifecycle {
  if (lifecycle === 'active' && Date.parse(certNotAfter) <= now.getTime()) return 'expired';
  return lifecycle;
}

function statusRefusal(status: Exclude<CardLifecycle, 'active'>): { reason: RefusalReason; detail: string } {
  switch (status) {
    case 'expired':
      return { reason: 'cardExpired', detail: 'the card certificate has expired: renewal is done at the counter' };
    case 'locked':
      return { reason: 'cardLocked', detail: 'the card PIN is blocked: unlock it first' };
    case 'frozen':
      return { reason: 'cardFrozen', detail: 'the card is frozen' };
    case 'reportedLost':
      return { reason: 'cardReportedLost', detail: 'the card is reported lost' };
    case 'invalidated':
      return { reason: 'cardInvalidated', detail: 'the card is invalidated' };
  }
}

/** How long a registry challenge may wait for its signature: the agent enters the PIN meanwhile. */
const registryChallengeSeconds = 300;

/** The registry's reference of an operation: R and the operation's number, six digits at least. */
function registryReference(id: number | bigint): string {
  return `R${String(id).padStart(6, '0')}`;
}

/** The stored lifecycle an operation leads to from `from`, or why it may not. */
function lifecycleAfter(operation: Exclude<ManageCardRequest['operation'], 'declareOperator' | 'deregister'>, from: RegisteredLifecycle): RegisteredLifecycle | null {
  switch (operation) {
    case 'reportLoss':
      return from === 'active' || from === 'locked' || from === 'frozen' ? 'reportedLost' : null;
    // Found again: active. A PIN blocked before stays blocked on the card, which is the truth for it.
    case 'undoLoss':
      return from === 'reportedLost' ? 'active' : null;
    case 'freeze':
      return from === 'active' || from === 'locked' ? 'frozen' : null;
    case 'unfreeze':
      return from === 'frozen' ? 'active' : null;
  }
}

/** The service day in China (UTC+8, no daylight saving): tickets restart at A0001 each day. */
function serviceDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function seedRegistry(db: Database.Database, seed: NonNullable<SimAuthorityOptions['seed']>, now: Date): void {
  const insertEnterprise = db.prepare('INSERT INTO enterprises VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertAgent = db.prepare('INSERT INTO registered_agents VALUES (?, ?, ?)');
  const insertCard = db.prepare(
    'INSERT INTO cards (card_no, enterprise_uscc, card_type, holder_name, holder_id_number, lifecycle, cert_serial, cert_not_before, cert_not_after, holder_phone) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const e of seed.enterprises) {
      insertEnterprise.run(e.uscc, e.name, e.orgCode, e.legalRepresentative.name, e.legalRepresentative.idNumber, e.address, e.contact.name, e.contact.phone);
      for (const a of e.registeredAgents) insertAgent.run(e.uscc, a.name, a.idNumber);
    }
    for (const c of seed.cards) {
      const notBefore = wholeSeconds(addDays(now, c.certificate.notBeforeDays)).toISOString();
      const notAfter = wholeSeconds(addDays(now, c.certificate.notAfterDays)).toISOString();
      insertCard.run(c.cardNo, c.enterpriseUscc, c.cardType, c.holder.name, c.holder.idNumber, c.lifecycle, notBefore, notAfter, c.holderPhone);
    }
  })();
}

/** A registry seeded before it held phone numbers (migration 2) gets the seed's, where it has none. */
function backfillPhones(db: Database.Database, seed: NonNullable<SimAuthorityOptions['seed']>): void {
  const enterprise = db.prepare('UPDATE enterprises SET contact_name = ?, contact_phone = ? WHERE uscc = ? AND contact_phone IS NULL');
  const card = db.prepare('UPDATE cards SET holder_phone = ? WHERE card_no = ? AND holder_phone IS NULL');
  db.transaction(() => {
    for (const e of seed.enterprises) enterprise.run(e.contact.name, e.contact.phone, e.uscc);
    for (const c of seed.cards) if (c.holderPhone !== null) card.run(c.holderPhone, c.cardNo);
  })();
}

/** A fixture card added to the simulator after the registry was seeded joins it (e.g. the invalidated operator). */
function addMissingCards(db: Database.Database, seed: NonNullable<SimAuthorityOptions['seed']>, now: Date): void {
  const known = new Set(db.prepare<[], string>('SELECT card_no FROM cards').pluck().all());
  const missing = seed.cards.filter((c) => !known.has(c.cardNo));
  if (missing.length === 0) return;
  const insertCard = db.prepare('INSERT INTO cards (card_no, enterprise_uscc, card_type, holder_name, holder_id_number, lifecycle, cert_serial, cert_not_before, cert_not_after, holder_phone) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)');
  db.transaction(() => {
    for (const c of missing) {
      insertCard.run(c.cardNo, c.enterpriseUscc, c.cardType, c.holder.name, c.holder.idNumber, c.lifecycle, wholeSeconds(addDays(now, c.certificate.notBeforeDays)).toISOString(), wholeSeconds(addDays(now, c.certificate.notAfterDays)).toISOString(), c.holderPhone);
    }
  })();
}

export async function openSimAuthority(options: SimAuthorityOptions): Promise<SimAuthority> {
  const now = options.now ?? (() => new Date());
  const paths = authorityPaths(options.stateDir);
  const masterKey = loadOrCreateMasterKey(paths);
  const caMaterial = await loadOrCreateCa(paths, now());
  const ca: Ca = await loadCa(caMaterial);
  const caDer = caMaterial.certificateDer;

  // The registry holds full ID numbers: owner-only like the keys (SQLite gives -wal/-shm its mode).
  closeSync(openSync(paths.database, 'a', 0o600));
  const db = new Database(paths.database);
  configureConnection(db);
  migrate(db, authorityMigrations);
  const seed = options.seed ?? { enterprises: fixtureEnterprises, cards: cardFixtures };
  if (db.prepare('SELECT COUNT(*) FROM enterprises').pluck().get() === 0) seedRegistry(db, seed, now());
  else {
    backfillPhones(db, seed);
    addMissingCards(db, seed, now());
  }

  const q = {
    // A deregistered card has left the registry: no read or operation finds it any more.
    card: db.prepare<[string], CardRow>('SELECT * FROM cards WHERE card_no = ? AND deregistered_at IS NULL'),
    cardsOf: db.prepare<[string], CardRow>('SELECT * FROM cards WHERE enterprise_uscc = ? AND deregistered_at IS NULL ORDER BY card_no'),
    deregister: db.prepare('UPDATE cards SET deregistered_at = ? WHERE card_no = ?'),
    insertChallenge: db.prepare('INSERT INTO registry_challenges (challenge, card_no, kiosk_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    challenge: db.prepare<[string], { card_no: string; expires_at: string; used_at: string | null }>('SELECT card_no, expires_at, used_at FROM registry_challenges WHERE challenge = ?'),
    useChallenge: db.prepare('UPDATE registry_challenges SET used_at = ? WHERE challenge = ?'),
    insertOperation: db.prepare('INSERT INTO registry_operations (operation, legal_person_card_no, target_card_no, kiosk_id, idempotency_key, at) VALUES (?, ?, ?, ?, ?, ?)'),
    enterprise: db.prepare<[string], EnterpriseRow>('SELECT * FROM enterprises WHERE uscc = ?'),
    agents: db.prepare<[string], { name: string; id_number: string }>('SELECT name, id_number FROM registered_agents WHERE enterprise_uscc = ?'),
    certificate: db.prepare<[string, string], CertificateRow>('SELECT * FROM certificates WHERE serial = ? AND card_no = ?'),
    certificateInState: db.prepare<[string, string], CertificateRow>('SELECT * FROM certificates WHERE card_no = ? AND state = ?'),
    insertCertificate: db.prepare(
      'INSERT INTO certificates (serial, card_no, der, public_key_spki, not_before, not_after, issued_at, state, idempotency_key, kiosk_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    setCertificateState: db.prepare('UPDATE certificates SET state = ? WHERE card_no = ? AND state = ?'),
    setOneCertificateState: db.prepare('UPDATE certificates SET state = ? WHERE serial = ?'),
    setCardCertificate: db.prepare('UPDATE cards SET cert_serial = ?, cert_not_before = ?, cert_not_after = ? WHERE card_no = ?'),
    setLifecycle: db.prepare('UPDATE cards SET lifecycle = ? WHERE card_no = ?'),
    insertAuthorisation: db.prepare('INSERT INTO unlock_authorisations (card_no, idempotency_key, kiosk_id, agent_name, agent_id_masked, authorised_at) VALUES (?, ?, ?, ?, ?, ?)'),
    openAuthorisations: db.prepare<[string], { id: number }>('SELECT id FROM unlock_authorisations WHERE card_no = ? AND completed_at IS NULL'),
    completeAuthorisations: db.prepare('UPDATE unlock_authorisations SET completed_at = ? WHERE card_no = ? AND completed_at IS NULL'),
    insertAudit: db.prepare('INSERT INTO audit (at, operation, card_no, kiosk_id, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)'),
    audit: db.prepare<[], { id: number; at: string; operation: string; card_no: string | null; kiosk_id: string | null; outcome: string; detail: string }>('SELECT * FROM audit ORDER BY id'),
    nextTicket: db.prepare<[string], number>('SELECT COALESCE(MAX(seq), 0) + 1 FROM intake_packages WHERE service_day = ?').pluck(),
    insertIntake: db.prepare('INSERT INTO intake_packages (service_day, seq, ticket, kiosk_id, package, received_at) VALUES (?, ?, ?, ?, ?, ?)'),
  };

  function audit(operation: string, cardNo: string | null, kioskId: string | null, outcome: Outcome<unknown>, detail: Record<string, unknown> = {}): void {
    const label = outcome.ok ? 'granted' : outcome.error.kind === 'refused' ? `refused:${outcome.error.reason}` : outcome.error.kind;
    q.insertAudit.run(now().toISOString(), operation, cardNo, kioskId, label, JSON.stringify(detail));
  }

  function registeredCard(row: CardRow, at: Date): RegisteredCard {
    return {
      cardNo: row.card_no,
      cardType: row.card_type,
      holderName: row.holder_name,
      holderIdNumberMasked: maskIdNumber(row.holder_id_number),
      status: effectiveStatus(row.lifecycle, row.cert_not_after, at),
      certificateSerial: row.cert_serial,
      certificateNotBefore: row.cert_not_before,
      certificateNotAfter: row.cert_not_after,
    };
  }

  function enterpriseOf(card: CardRow): EnterpriseRow {
    const enterprise = q.enterprise.get(card.enterprise_uscc);
    // The foreign key guarantees it; a miss is a corrupted database, a bug.
    if (enterprise === undefined) throw new Error(`card ${card.card_no} has no enterprise ${card.enterprise_uscc}`);
    return enterprise;
  }

  function issued(row: CertificateRow): IssuedCertificate {
    return { certificateDer: row.der, serial: row.serial, notBefore: row.not_before, notAfter: row.not_after };
  }

  const once = createRunOnce(db, now);

  function withoutKey<T extends { idempotencyKey: string }>(request: T): Omit<T, 'idempotencyKey'> {
    const { idempotencyKey: _key, ...rest } = request;
    return rest;
  }

  const authority: SimAuthority = {
    paths,

    async lookupCard(cardNo) {
      const card = q.card.get(cardNo);
      if (card === undefined) return err({ kind: 'unknownCard', cardNo });
      const enterprise = enterpriseOf(card);
      const at = now();
      const lookup: CardLookup = {
        card: registeredCard(card, at),
        enterprise: {
          name: enterprise.name,
          uscc: enterprise.uscc,
          orgCode: enterprise.org_code,
          legalRepresentative: enterprise.legal_representative_name,
          address: enterprise.address,
          cards: q.cardsOf.all(enterprise.uscc).map((row) => registeredCard(row, at)),
        },
      };
      return ok(lookup);
    },

    async authoriseUnlock(request) {
      const invalid = validateRequest('authoriseUnlock', request);
      if (invalid !== null) return err(invalid);
      const { cardNo, kioskId, evidence } = request;
      const auditDetail = { agentName: evidence.agentName, agentIdNumber: maskIdNumber(evidence.agentIdNumber.trim()), introductionLetter: evidence.introductionLetter, identitySource: evidence.identitySource };
      return once<UnlockAuthorisation>('authoriseUnlock', request.idempotencyKey, withoutKey(request), async () => () => {
        const outcome = decideUnlock(request);
        audit('authoriseUnlock', cardNo, kioskId, outcome, auditDetail);
        if (outcome.ok) q.insertAuthorisation.run(cardNo, request.idempotencyKey, kioskId, evidence.agentName, auditDetail.agentIdNumber, now().toISOString());
        return outcome;
      });
    },

    async reportUnlockDone(request) {
      const invalid = validateRequest('reportUnlockDone', request);
      if (invalid !== null) return err(invalid);
      return once<{ cardNo: string; status: CardLifecycle }>('reportUnlockDone', request.idempotencyKey, withoutKey(request), async () => () => {
        const card = q.card.get(request.cardNo);
        let outcome: Outcome<{ cardNo: string; status: CardLifecycle }>;
        if (card === undefined) outcome = err({ kind: 'unknownCard', cardNo: request.cardNo });
        else if (q.openAuthorisations.all(request.cardNo).length === 0) outcome = refused('noUnlockAuthorised', 'no unlock of this card was authorised');
        else {
          // Only a blocked PIN is undone; a card frozen or reported lost meanwhile stays so.
          const lifecycle = card.lifecycle === 'locked' ? 'active' : card.lifecycle;
          q.setLifecycle.run(lifecycle, request.cardNo);
          q.completeAuthorisations.run(now().toISOString(), request.cardNo);
          outcome = ok({ cardNo: request.cardNo, status: effectiveStatus(lifecycle, card.cert_not_after, now()) });
        }
        audit('reportUnlockDone', request.cardNo, request.kioskId, outcome);
        return outcome;
      });
    },

    async issueCertificate(request) {
      const invalid = validateRequest('issueCertificate', request);
      if (invalid !== null) return err(invalid);
      return once<IssuedCertificate>('issueCertificate', request.idempotencyKey, withoutKey(request), async () => {
        const prepared = await prepareIssuance(request);
        return () => {
          // The registry may have changed while the certificate was signed: decide again.
          const recheck = renewable(request.cardNo);
          let result: Outcome<IssuedCertificate>;
          if (!prepared.ok) result = prepared;
          else if (!recheck.ok) result = recheck;
          else {
            const { certificate, spki } = prepared.value;
            q.setCertificateState.run('abandoned', request.cardNo, 'pending');
            q.insertCertificate.run(certificate.serial, request.cardNo, Buffer.from(certificate.certificateDer), spki, certificate.notBefore, certificate.notAfter, now().toISOString(), 'pending', request.idempotencyKey, request.kioskId);
            result = ok(certificate);
          }
          audit('issueCertificate', request.cardNo, request.kioskId, result, result.ok ? { serial: result.value.serial, notAfter: result.value.notAfter } : {});
          return result;
        };
      });
    },

    async confirmActivation(request) {
      const invalid = validateRequest('confirmActivation', request);
      if (invalid !== null) return err(invalid);
      return once<Activation>('confirmActivation', request.idempotencyKey, withoutKey(request), async () => () => {
        const outcome = activate(request);
        audit('confirmActivation', request.cardNo, request.kioskId, outcome, { serial: request.certificateSerial });
        return outcome;
      });
    },

    async pendingRenewal(cardNo) {
      const card = q.card.get(cardNo);
      if (card === undefined) return err({ kind: 'unknownCard', cardNo });
      const pending = q.certificateInState.get(cardNo, 'pending');
      if (pending === undefined) return ok<PendingRenewal>({ state: 'none' });
      return ok<PendingRenewal>({ state: 'pending', idempotencyKey: pending.idempotency_key ?? '', certificate: issued(pending), currentSerial: card.cert_serial, issuedAt: pending.issued_at });
    },

    async phoneNumbersOnRecord(cardNo) {
      const card = q.card.get(cardNo);
      const outcome: Outcome<PhoneNumbersOnRecord> =
        card === undefined ? err({ kind: 'unknownCard', cardNo }) : ok({ holder: card.holder_phone, enterpriseContact: enterpriseOf(card).contact_phone });
      // Personal data leaves the registry: every read is on record (which card, never the numbers).
      audit('phoneNumbersOnRecord', cardNo, null, outcome);
      return outcome;
    },

    async submitIntake(request) {
      const invalid = validateRequest('submitIntake', request);
      if (invalid !== null) return err(invalid);
      return once<IntakeTicket>('submitIntake', request.idempotencyKey, withoutKey(request), async () => () => {
        const at = now();
        const day = serviceDay(at);
        const seq = q.nextTicket.get(day) ?? 1;
        const ticket = `A${String(seq).padStart(4, '0')}`;
        q.insertIntake.run(day, seq, ticket, request.kioskId, JSON.stringify(request.intakePackage), at.toISOString());
        const outcome = ok({ ticket, serviceDay: day });
        audit('submitIntake', null, request.kioskId, outcome, { ticket, business: request.intakePackage.business });
        return outcome;
      });
    },

    async caCertificate() {
      return ok<CaCertificate>({ der: Buffer.from(caDer), pem: toPem(caDer) });
    },

    async registryChallenge(request) {
      const invalid = validateRequest('registryChallenge', request);
      if (invalid !== null) return err(invalid);
      const signer = legalPersonSigner(request.legalPersonCardNo);
      const at = now();
      let outcome: Outcome<RegistryChallenge>;
      if (!signer.ok) outcome = signer;
      else {
        const challenge = randomBytes(32);
        const expiresAt = new Date(at.getTime() + registryChallengeSeconds * 1000).toISOString();
        q.insertChallenge.run(challenge.toString('hex'), request.legalPersonCardNo, request.kioskId, at.toISOString(), expiresAt);
        outcome = ok({ challenge, expiresAt });
      }
      if (!outcome.ok) audit('registryChallenge', request.legalPersonCardNo, request.kioskId, outcome);
      return outcome;
    },

    async manageCard(request) {
      const invalid = validateRequest('manageCard', request);
      if (invalid !== null) return err(invalid);
      // The proof is per attempt (a retry signs a new challenge): the request is what is done, by which card.
      const { proof, ...what } = withoutKey(request);
      return once<RegistryChange>('manageCard', request.idempotencyKey, { ...what, legalPersonCardNo: proof.legalPersonCardNo }, async () => () => {
        const outcome = decideRegistryOperation(request);
        audit('manageCard', request.targetCardNo, request.kioskId, outcome, {
          operation: request.operation,
          legalPersonCardNo: request.proof.legalPersonCardNo,
          ...(outcome.ok ? { reference: outcome.value.reference } : {}),
        });
        return outcome;
      });
    },

    unblockKey(cardNo) {
      return deriveUnblockKey(masterKey, cardNo);
    },

    async personaliseCard(request) {
      const card = q.card.get(request.cardNo);
      if (card === undefined) return err({ kind: 'unknownCard', cardNo: request.cardNo });
      const serial = randomSerial();
      const notBefore = wholeSeconds(request.notBefore);
      const notAfter = wholeSeconds(request.notAfter);
      const der = await signCardCertificate(ca, subjectOf(card), request.publicKeySpki, { notBefore, notAfter }, serial);
      const certificate: IssuedCertificate = { certificateDer: der, serial, notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() };
      db.transaction(() => {
        q.setCertificateState.run('abandoned', request.cardNo, 'pending');
        q.setCertificateState.run('superseded', request.cardNo, 'current');
        q.insertCertificate.run(serial, request.cardNo, der, Buffer.from(request.publicKeySpki), certificate.notBefore, certificate.notAfter, now().toISOString(), 'current', null, null);
        q.setCardCertificate.run(serial, certificate.notBefore, certificate.notAfter, request.cardNo);
        q.setLifecycle.run(request.lifecycle, request.cardNo);
        q.completeAuthorisations.run(now().toISOString(), request.cardNo);
        audit('personaliseCard', request.cardNo, null, ok(null), { serial, lifecycle: request.lifecycle });
      })();
      return ok(certificate);
    },

    audit(cardNo) {
      return q.audit
        .all()
        .filter((row) => cardNo === undefined || row.card_no === cardNo)
        .map((row) => ({ id: row.id, at: row.at, operation: row.operation, cardNo: row.card_no, kioskId: row.kiosk_id, outcome: row.outcome, detail: JSON.parse(row.detail) as unknown }));
    },

    close() {
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };

  function subjectOf(card: CardRow): CardSubject {
    const enterprise = enterpriseOf(card);
    return { cardNo: card.card_no, cardType: card.card_type, holderName: card.holder_name, enterpriseName: enterprise.name, uscc: enterprise.uscc };
  }

  function decideUnlock(request: AuthoriseUnlockRequest): Outcome<UnlockAuthorisation> {
    const card = q.card.get(request.cardNo);
    if (card === undefined) return err({ kind: 'unknownCard', cardNo: request.cardNo });
    // An expired certificate does not stop an unlock: the PIN guards the card, not the certificate.
    // A PIN blocks on the card, offline: the registry may still say active. The kiosk has read
    // the card blocked, and the cryptogram only opens RESET RETRY COUNTER, so 'active' passes.
    switch (card.lifecycle) {
      case 'locked':
      case 'active':
        break;
      case 'frozen':
      case 'reportedLost':
      case 'invalidated':
        return refused(statusRefusal(card.lifecycle).reason, statusRefusal(card.lifecycle).detail);
    }
    const enterprise = enterpriseOf(card);
    const people = [
      { name: enterprise.legal_representative_name, idNumber: enterprise.legal_representative_id_number },
      ...q.cardsOf
        .all(enterprise.uscc)
        .filter((c) => c.lifecycle !== 'invalidated')
        .map((c) => ({ name: c.holder_name, idNumber: c.holder_id_number })),
      ...q.agents.all(enterprise.uscc).map((a) => ({ name: a.name, idNumber: a.id_number })),
    ];
    const evidence = checkUnlockEvidence(request.evidence, { uscc: enterprise.uscc, people }, now());
    if (!evidence.ok) return refused(evidence.error.reason, evidence.error.detail);
    return ok({ cryptogram: unblockCryptogram(deriveUnblockKey(masterKey, request.cardNo), request.challenge, request.cardNo) });
  }

  /** The card may sign registry operations: its enterprise's legal-person card, active. */
  function legalPersonSigner(cardNo: string): Outcome<CardRow> {
    const card = q.card.get(cardNo);
    if (card === undefined) return err({ kind: 'unknownCard', cardNo });
    if (card.card_type !== 'legal_person') return refused('notLegalPersonCard', 'only the enterprise legal-person card may do this');
    const status = effectiveStatus(card.lifecycle, card.cert_not_after, now());
    if (status !== 'active') return refused('signerNotActive', `the legal-person card is ${status}: this goes to the counter`);
    return ok(card);
  }

  /** The proof first (challenge, signature by the signer's current key), then the operation. Runs in the answer's transaction. */
  function decideRegistryOperation(request: ManageCardRequest): Outcome<RegistryChange> {
    const { proof, operation, targetCardNo } = request;
    const signer = legalPersonSigner(proof.legalPersonCardNo);
    if (!signer.ok) return signer;
    const at = now();
    const challengeHex = Buffer.from(proof.challenge).toString('hex');
    const challenge = q.challenge.get(challengeHex);
    if (challenge === undefined || challenge.card_no !== proof.legalPersonCardNo || challenge.used_at !== null || Date.parse(challenge.expires_at) <= at.getTime()) {
      return refused('challengeInvalid', 'the challenge is unknown, used, expired or for another card: ask for a new one');
    }
    const current = q.certificateInState.get(proof.legalPersonCardNo, 'current');
    const message = registryProofMessage(proof.challenge, operation, targetCardNo);
    if (current === undefined || !signatureOver(message, current.public_key_spki, proof.signature)) {
      return refused('proofInvalid', "the signature is not the legal-person card's current key over this operation");
    }
    // A verified signature spends the challenge, whatever the registry then decides.
    q.useChallenge.run(at.toISOString(), challengeHex);
    const done = (card: RegisteredCard | null): Outcome<RegistryChange> => {
      const id = q.insertOperation.run(operation, proof.legalPersonCardNo, targetCardNo, request.kioskId, request.idempotencyKey, at.toISOString()).lastInsertRowid;
      return ok({ operation, reference: registryReference(id), card, at: at.toISOString() });
    };
    if (operation === 'declareOperator') return done(null);
    if (targetCardNo === null) return err({ kind: 'invalidRequest', issues: [`${operation} needs targetCardNo`] });
    const target = q.card.get(targetCardNo);
    if (target === undefined) return err({ kind: 'unknownCard', cardNo: targetCardNo });
    if (target.enterprise_uscc !== signer.value.enterprise_uscc) return refused('enterpriseMismatch', 'the card belongs to another enterprise');
    if (target.card_type === 'legal_person') return refused('legalPersonCardAtCounter', "the legal-person card's own loss, freeze or deregistration is done at the counter");
    if (operation === 'deregister') {
      if (target.lifecycle !== 'invalidated') return refused('cardNotInvalidated', 'only an invalidated card can be deregistered');
      q.deregister.run(at.toISOString(), targetCardNo);
      return done({ ...registeredCard(target, at) });
    }
    const next = lifecycleAfter(operation, target.lifecycle);
    if (next === null) return refused('operationNotAllowed', `a card that is ${target.lifecycle} cannot be given ${operation}`);
    q.setLifecycle.run(next, targetCardNo);
    return done(registeredCard({ ...target, lifecycle: next }, at));
  }

  function renewable(cardNo: string): Outcome<CardRow> {
    const card = q.card.get(cardNo);
    if (card === undefined) return err({ kind: 'unknownCard', cardNo });
    const status = effectiveStatus(card.lifecycle, card.cert_not_after, now());
    if (status !== 'active') {
      const refusal = statusRefusal(status);
      return refused(refusal.reason, refusal.detail);
    }
    return ok(card);
  }

  async function prepareIssuance(request: IssueCertificateRequest): Promise<Outcome<{ certificate: IssuedCertificate; spki: Buffer }>> {
    const card = renewable(request.cardNo);
    if (!card.ok) return card;
    const proof = request.proof;
    const spki = proof.kind === 'csr' ? await verifyCsr(proof.csrDer) : verifySignedKey(request.cardNo, proof.publicKeySpki, proof.signature);
    if (!spki.ok) return refused(spki.error.reason, spki.error.detail);
    const current = q.certificateInState.get(request.cardNo, 'current');
    if (current !== undefined && current.public_key_spki.equals(spki.value)) return refused('keyReused', 'a renewal needs a new key pair, not the current one');
    const notBefore = wholeSeconds(now());
    const notAfter = twoYearsAfter(notBefore);
    const serial = randomSerial();
    const der = await signCardCertificate(ca, subjectOf(card.value), spki.value, { notBefore, notAfter }, serial);
    return ok({ certificate: { certificateDer: der, serial, notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() }, spki: spki.value });
  }

  function activate(request: ConfirmActivationRequest): Outcome<Activation> {
    const card = q.card.get(request.cardNo);
    if (card === undefined) return err({ kind: 'unknownCard', cardNo: request.cardNo });
    const serial = request.certificateSerial.toLowerCase();
    const certificate = q.certificate.get(serial, request.cardNo);
    if (certificate === undefined) return refused('certificateUnknown', 'no such certificate was issued to this card');
    const done = (row: CertificateRow, lifecycle: RegisteredLifecycle): Outcome<Activation> =>
      ok({ cardNo: request.cardNo, certificateSerial: row.serial, certificateNotAfter: row.not_after, status: effectiveStatus(lifecycle, row.not_after, now()) });
    switch (certificate.state) {
      case 'current':
        return done(certificate, card.lifecycle);
      case 'superseded':
        return refused('certificateUnknown', 'that certificate was superseded by a newer one');
      case 'pending':
      case 'abandoned': {
        // An abandoned certificate may still be what the card activated (a renewal interrupted
        // after ACTIVATE and retried): the card is the truth, unless a newer one is current.
        const current = q.certificateInState.get(request.cardNo, 'current');
        if (certificate.state === 'abandoned' && current !== undefined && current.issued_at > certificate.issued_at) {
          return refused('certificateUnknown', 'a newer certificate is already current');
        }
        q.setCertificateState.run('superseded', request.cardNo, 'current');
        q.setCertificateState.run('abandoned', request.cardNo, 'pending');
        q.setOneCertificateState.run('current', certificate.serial);
        q.setCardCertificate.run(certificate.serial, certificate.not_before, certificate.not_after, request.cardNo);
        return done(certificate, card.lifecycle);
      }
    }
  }

  return authority;
}
