import Database from 'better-sqlite3';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveUnblockKey, unblockCryptogram } from '../../drivers/card/card-crypto.ts';
import { cardFixture, fixtureEnterprise, type FixtureName } from '../registry/sim-registry.ts';
import { personaliseFixture } from '../registry/personalise-registry-cards.ts';
import type { UnlockEvidence } from '../../contract/authority/authority.ts';
import { openSimAuthority, type SimAuthority } from './sim-authority.ts';
import { x509 } from './x509.ts';
import { csrProof, key, signedKeyProof, temporaryStateDir } from '../../tests/support/authority-proofs.ts';

const start = new Date('2026-11-22T06:00:00Z');
let clock = start;
const now = () => clock;
let stateDir: string;
let authority: SimAuthority;

const cardNo = (name: FixtureName) => cardFixture(name)!.cardNo;
const challenge = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const agent: UnlockEvidence = { agentName: '许文彬', agentIdNumber: '35020419800109011X', introductionLetter: true, enterpriseUscc: fixtureEnterprise.uscc, identitySource: 'typed' };

function unlock(name: FixtureName, evidence: Partial<UnlockEvidence> = {}, idempotencyKey = key()) {
  return authority.authoriseUnlock({ idempotencyKey, cardNo: cardNo(name), challenge, kioskId: 'K1', evidence: { ...agent, ...evidence } });
}

function certificateCount(card: string): number {
  const db = new Database(authority.paths.database, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM certificates WHERE card_no = ?').pluck().get(card) as number;
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  clock = start;
  stateDir = temporaryStateDir();
  authority = await openSimAuthority({ stateDir, now });
});

afterEach(() => {
  authority.close();
});

describe('where the unlock evidence came from', () => {
  it('records the identity source in its audit and refuses evidence that does not say it', async () => {
    expect((await unlock('locked-operator', { identitySource: 'idCardChip' })).ok).toBe(true);
    expect(authority.audit(cardNo('locked-operator')).at(-1)).toMatchObject({ operation: 'authoriseUnlock', detail: { identitySource: 'idCardChip', agentIdNumber: '350204********011X' } });
    const unsaid = await unlock('locked-operator', { identitySource: 'guessed' as UnlockEvidence['identitySource'] });
    expect(unsaid).toMatchObject({ ok: false, error: { kind: 'invalidRequest' } });
  });
});

describe('first start and restart', () => {
  it('creates the CA key, CA certificate and master key with 0600 and reuses them', async () => {
    for (const path of [authority.paths.caKey, authority.paths.caCertificate, authority.paths.masterKey, authority.paths.database, `${authority.paths.database}-wal`]) {
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    expect(statSync(authority.paths.dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(authority.paths.masterKey)).toHaveLength(32);
    const ca = await authority.caCertificate();
    const unblock = authority.unblockKey(cardNo('operator'));
    authority.close();
    authority = await openSimAuthority({ stateDir, now });
    const again = await authority.caCertificate();
    expect(again.ok && ca.ok && Buffer.from(again.value.der).equals(Buffer.from(ca.value.der))).toBe(true);
    expect(authority.unblockKey(cardNo('operator')).equals(unblock)).toBe(true);
  });

  it('serves a self-signed ECDSA P-256 CA certificate in DER and PEM', async () => {
    const ca = await authority.caCertificate();
    if (!ca.ok) throw new Error('no CA');
    const cert = new X509Certificate(Buffer.from(ca.value.der));
    expect(cert.ca).toBe(true);
    expect(cert.checkIssued(cert)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(new X509Certificate(ca.value.pem).fingerprint256).toBe(cert.fingerprint256);
  });
});

describe('registry', () => {
  it('is seeded from the fixtures with the enterprise and every card', async () => {
    const lookup = await authority.lookupCard(cardNo('operator'));
    if (!lookup.ok) throw new Error('not found');
    expect(lookup.value.enterprise).toMatchObject({
      name: fixtureEnterprise.name,
      uscc: '91350200MA2Y7K3Q6F',
      orgCode: 'MA2Y7K3Q6',
      legalRepresentative: '陈海峰',
      address: fixtureEnterprise.address,
    });
    expect(lookup.value.card).toMatchObject({ cardType: 'operator', holderName: '林晓燕', holderIdNumberMasked: '350204********0028', status: 'active' });
    expect(lookup.value.enterprise.cards).toHaveLength(10);
    expect(JSON.stringify(lookup.value)).not.toContain('350204199006120028');
  });

  it('holds the phone numbers of the holder and the enterprise contact apart from lookups, and gives a registry seeded before them the fixtures\' numbers', async () => {
    const operator = cardFixture('operator')!;
    expect(await authority.phoneNumbersOnRecord(operator.cardNo)).toEqual({ ok: true, value: { holder: operator.holderPhone, enterpriseContact: fixtureEnterprise.contact.phone } });
    expect(JSON.stringify(await authority.lookupCard(operator.cardNo))).not.toContain(operator.holderPhone!);
    // A registry from before migration 2: the numbers are missing until the next start fills them in.
    authority.close();
    const db = new Database(authority.paths.database);
    db.prepare('UPDATE cards SET holder_phone = NULL').run();
    db.prepare('UPDATE enterprises SET contact_phone = NULL, contact_name = NULL').run();
    db.close();
    authority = await openSimAuthority({ stateDir, now });
    expect(await authority.phoneNumbersOnRecord(operator.cardNo)).toEqual({ ok: true, value: { holder: operator.holderPhone, enterpriseContact: fixtureEnterprise.contact.phone } });
  });

  it.each([
    ['legal-person', 'active'],
    ['tax-clerk', 'active'],
    ['locked-operator', 'locked'],
    ['expiring-operator', 'active'],
    ['expired-operator', 'expired'],
    ['frozen-operator', 'frozen'],
    ['lost-operator', 'reportedLost'],
    ['technician', 'active'],
  ] as const)('%s is %s', async (name, status) => {
    const lookup = await authority.lookupCard(cardNo(name));
    expect(lookup.ok && lookup.value.card.status).toBe(status);
  });

  it('dates the expiring card 20 days ahead', async () => {
    const lookup = await authority.lookupCard(cardNo('expiring-operator'));
    expect(lookup.ok && Date.parse(lookup.value.card.certificateNotAfter) - start.getTime()).toBe(20 * 86_400_000);
  });

  it('answers unknownCard for a card it does not know', async () => {
    expect(await authority.lookupCard('8135020000009999')).toEqual({ ok: false, error: { kind: 'unknownCard', cardNo: '8135020000009999' } });
  });
});

describe('unlock authorisation', () => {
  it('gives the cryptogram card-crypto computes from the master key', async () => {
    const result = await unlock('locked-operator');
    const master = readFileSync(authority.paths.masterKey);
    const expected = unblockCryptogram(deriveUnblockKey(master, cardNo('locked-operator')), challenge, cardNo('locked-operator'));
    expect(result.ok && Buffer.from(result.value.cryptogram).equals(expected)).toBe(true);
  });

  it('accepts the card holder and the legal representative as agents', async () => {
    expect((await unlock('locked-operator', { agentName: '王丽娜', agentIdNumber: '350211199204180041' })).ok).toBe(true);
    expect((await unlock('locked-operator', { agentName: '陈海峰', agentIdNumber: '350203198203154517' })).ok).toBe(true);
  });

  it('authorises a card the registry still lists as active: a PIN blocks on the card, offline', async () => {
    expect((await unlock('operator', { agentName: '林晓燕', agentIdNumber: '350204199006120028' })).ok).toBe(true);
  });

  it.each([
    ['frozen-operator', 'cardFrozen'],
    ['lost-operator', 'cardReportedLost'],
  ] as const)('refuses %s: %s', async (name, reason) => {
    const result = await unlock(name);
    expect(!result.ok && result.error).toMatchObject({ kind: 'refused', reason });
  });

  it.each([
    ['no introduction letter', { introductionLetter: false }, 'introductionLetterMissing'],
    ['another enterprise', { enterpriseUscc: '91330100716105852F' }, 'enterpriseMismatch'],
    ['a bad ID check character', { agentIdNumber: '350204198001090111' }, 'agentIdNumberInvalid'],
    ['a person not on record', { agentName: '赵六', agentIdNumber: '11010519900307128X' }, 'agentNotOnRecord'],
    ["a registered ID with someone else's name", { agentName: '林晓燕' }, 'agentNotOnRecord'],
  ] as const)('refuses %s', async (_label, evidence, reason) => {
    const result = await unlock('locked-operator', evidence);
    expect(!result.ok && result.error).toMatchObject({ kind: 'refused', reason });
  });

  it('audits every decision, with the agent ID masked', async () => {
    await unlock('locked-operator');
    await unlock('locked-operator', { introductionLetter: false });
    const audit = authority.audit(cardNo('locked-operator')).filter((row) => row.operation === 'authoriseUnlock');
    expect(audit.map((row) => row.outcome)).toEqual(['granted', 'refused:introductionLetterMissing']);
    expect(audit[0]!.detail).toMatchObject({ agentName: '许文彬', agentIdNumber: '350204********011X', introductionLetter: true });
    expect(JSON.stringify(authority.audit())).not.toContain('35020419800109011X');
  });

  it('sets the card active again once the unlock is reported, and only after an authorisation', async () => {
    const early = await authority.reportUnlockDone({ idempotencyKey: key(), cardNo: cardNo('locked-operator'), kioskId: 'K1' });
    expect(!early.ok && early.error).toMatchObject({ reason: 'noUnlockAuthorised' });
    await unlock('locked-operator');
    const done = await authority.reportUnlockDone({ idempotencyKey: key(), cardNo: cardNo('locked-operator'), kioskId: 'K1' });
    expect(done).toEqual({ ok: true, value: { cardNo: cardNo('locked-operator'), status: 'active' } });
    const lookup = await authority.lookupCard(cardNo('locked-operator'));
    expect(lookup.ok && lookup.value.card.status).toBe('active');
  });

  it('refuses a challenge that is not 16 bytes as an invalid request', async () => {
    const result = await authority.authoriseUnlock({ idempotencyKey: key(), cardNo: cardNo('locked-operator'), challenge: Buffer.alloc(8), kioskId: 'K1', evidence: agent });
    expect(!result.ok && result.error.kind).toBe('invalidRequest');
  });
});

describe('certificate issuance', () => {
  async function caCert(): Promise<X509Certificate> {
    const ca = await authority.caCertificate();
    if (!ca.ok) throw new Error('no CA');
    return new X509Certificate(Buffer.from(ca.value.der));
  }

  it('issues a 2-year certificate chaining to the CA, carrying card number, holder and USCC', async () => {
    clock = new Date('2026-11-22T06:00:00.750Z');
    const { proof, spki } = await csrProof();
    const result = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('expiring-operator'), kioskId: 'K1', proof });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const cert = new X509Certificate(Buffer.from(result.value.certificateDer));
    const ca = await caCert();
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.ca).toBe(false);
    expect(Buffer.from(cert.publicKey.export({ format: 'der', type: 'spki' })).equals(spki)).toBe(true);
    expect(cert.validFromDate.toISOString()).toBe('2026-11-22T06:00:00.000Z');
    expect(cert.validToDate.toISOString()).toBe('2028-11-22T06:00:00.000Z');
    expect(result.value).toMatchObject({ notBefore: '2026-11-22T06:00:00.000Z', notAfter: '2028-11-22T06:00:00.000Z' });
    expect(cert.serialNumber.toLowerCase()).toBe(result.value.serial);
    for (const part of ['C=CN', `O=${fixtureEnterprise.name}`, 'NTRCN-91350200MA2Y7K3Q6F', 'operator', '8135020000000058', 'CN=张伟']) expect(cert.subject).toContain(part);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']); // node's keyUsage is the extended key usage: clientAuth
    const parsed = new x509.X509Certificate(Buffer.from(result.value.certificateDer));
    const usage = parsed.getExtension(x509.KeyUsagesExtension);
    expect(usage?.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
    expect(usage?.critical).toBe(true);
    expect(parsed.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
  });

  it('accepts a signed-key proof in raw r||s and in DER', async () => {
    for (const encoding of ['ieee-p1363', 'der'] as const) {
      const { proof } = signedKeyProof(cardNo('operator'), encoding);
      const result = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('operator'), kioskId: 'K1', proof });
      expect(result.ok).toBe(true);
    }
  });

  it.each([
    ['expired-operator', 'cardExpired'],
    ['locked-operator', 'cardLocked'],
    ['frozen-operator', 'cardFrozen'],
    ['lost-operator', 'cardReportedLost'],
  ] as const)('refuses %s: %s', async (name, reason) => {
    const { proof } = await csrProof();
    const result = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo(name), kioskId: 'K1', proof });
    expect(!result.ok && result.error).toMatchObject({ kind: 'refused', reason });
    expect(certificateCount(cardNo(name))).toBe(0);
  });

  it('refuses the card once its certificate has run out', async () => {
    clock = new Date(start.getTime() + 21 * 86_400_000);
    const { proof } = await csrProof();
    const result = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('expiring-operator'), kioskId: 'K1', proof });
    expect(!result.ok && result.error).toMatchObject({ reason: 'cardExpired' });
  });

  it('refuses a request whose signature does not verify, a P-384 key, and the current key', async () => {
    const { proof } = await csrProof();
    if (proof.kind !== 'csr') throw new Error('csr');
    const tampered = Buffer.from(proof.csrDer);
    tampered[tampered.length - 5]! ^= 0x01;
    const bad = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('operator'), kioskId: 'K1', proof: { kind: 'csr', csrDer: tampered } });
    expect(!bad.ok && bad.error).toMatchObject({ reason: 'proofInvalid' });

    const p384 = await csrProof('P-384');
    const wrongCurve = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('operator'), kioskId: 'K1', proof: p384.proof });
    expect(!wrongCurve.ok && wrongCurve.error).toMatchObject({ reason: 'keyNotP256' });

    const garbage = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('operator'), kioskId: 'K1', proof: { kind: 'csr', csrDer: Buffer.from('not der') } });
    expect(!garbage.ok && garbage.error).toMatchObject({ reason: 'proofInvalid' });

    const wrongSigner = signedKeyProof(cardNo('operator'));
    if (wrongSigner.proof.kind !== 'signedKey') throw new Error('signedKey');
    const otherKey = signedKeyProof(cardNo('operator')).spki;
    const mismatch = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('operator'), kioskId: 'K1', proof: { ...wrongSigner.proof, publicKeySpki: otherKey } });
    expect(!mismatch.ok && mismatch.error).toMatchObject({ reason: 'proofInvalid' });

    const record = await personaliseFixture(authority, 'operator', clock);
    if (!record.ok) throw new Error('personalise');
    const reused = signedKeyProof(cardNo('operator'), 'der', createPrivateKey({ key: record.value.currentKeyPair.pkcs8Der, format: 'der', type: 'pkcs8' }));
    const again = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('operator'), kioskId: 'K1', proof: reused.proof });
    expect(!again.ok && again.error).toMatchObject({ reason: 'keyReused' });
  });
});

describe('idempotency', () => {
  it('answers a sequential retry with the same certificate bytes, also after a restart', async () => {
    const { proof } = await csrProof();
    const request = { idempotencyKey: key(), cardNo: cardNo('expiring-operator'), kioskId: 'K1', proof };
    const first = await authority.issueCertificate(request);
    clock = new Date(start.getTime() + 60_000);
    const second = await authority.issueCertificate(request);
    authority.close();
    authority = await openSimAuthority({ stateDir, now });
    const third = await authority.issueCertificate(request);
    if (!first.ok || !second.ok || !third.ok) throw new Error('refused');
    expect(Buffer.from(second.value.certificateDer).equals(Buffer.from(first.value.certificateDer))).toBe(true);
    expect(Buffer.from(third.value.certificateDer).equals(Buffer.from(first.value.certificateDer))).toBe(true);
    expect(certificateCount(cardNo('expiring-operator'))).toBe(1);
  });

  it('issues one certificate for concurrent calls with one key', async () => {
    const { proof } = await csrProof();
    const request = { idempotencyKey: key(), cardNo: cardNo('expiring-operator'), kioskId: 'K1', proof };
    const results = await Promise.all(Array.from({ length: 8 }, () => authority.issueCertificate(request)));
    const ders = new Set(results.map((r) => (r.ok ? Buffer.from(r.value.certificateDer).toString('hex') : 'refused')));
    expect(ders.size).toBe(1);
    expect(ders.has('refused')).toBe(false);
    expect(certificateCount(cardNo('expiring-operator'))).toBe(1);
    expect(authority.audit(cardNo('expiring-operator')).filter((row) => row.operation === 'issueCertificate')).toHaveLength(1);
  });

  it('issues one certificate when two authority instances share the database', async () => {
    const second = await openSimAuthority({ stateDir, now });
    try {
      const { proof } = await csrProof();
      const request = { idempotencyKey: key(), cardNo: cardNo('tax-clerk'), kioskId: 'K1', proof };
      const [a, b] = await Promise.all([authority.issueCertificate(request), second.issueCertificate(request)]);
      if (!a.ok || !b.ok) throw new Error('refused');
      expect(Buffer.from(a.value.certificateDer).equals(Buffer.from(b.value.certificateDer))).toBe(true);
      expect(certificateCount(cardNo('tax-clerk'))).toBe(1);
    } finally {
      second.close();
    }
  });

  it('reports a conflict when a key is reused for a different request or operation', async () => {
    const idempotencyKey = key();
    const a = await csrProof();
    const b = await csrProof();
    expect((await authority.issueCertificate({ idempotencyKey, cardNo: cardNo('operator'), kioskId: 'K1', proof: a.proof })).ok).toBe(true);
    const other = await authority.issueCertificate({ idempotencyKey, cardNo: cardNo('operator'), kioskId: 'K1', proof: b.proof });
    expect(other).toEqual({ ok: false, error: { kind: 'idempotencyConflict', idempotencyKey } });
    const otherOperation = await authority.reportUnlockDone({ idempotencyKey, cardNo: cardNo('operator'), kioskId: 'K1' });
    expect(otherOperation).toEqual({ ok: false, error: { kind: 'idempotencyConflict', idempotencyKey } });
    expect(certificateCount(cardNo('operator'))).toBe(1);
  });

  it('replays a refusal too, and replays the first cryptogram for an unlock', async () => {
    const idempotencyKey = key();
    const first = await unlock('locked-operator', {}, idempotencyKey);
    const second = await unlock('locked-operator', {}, idempotencyKey);
    expect(second).toEqual(first);
    const refusedKey = key();
    const refusal = await unlock('operator', {}, refusedKey);
    expect(await unlock('operator', {}, refusedKey)).toEqual(refusal);
  });
});

describe('renewal and activation', () => {
  it('keeps old and pending until confirmed, then makes the new certificate current', async () => {
    const record = await personaliseFixture(authority, 'expiring-operator', clock);
    if (!record.ok) throw new Error('personalise');
    const oldSerial = record.value.currentCertificateSerial;
    const { proof } = await csrProof();
    const renewalKey = key();
    const issued = await authority.issueCertificate({ idempotencyKey: renewalKey, cardNo: cardNo('expiring-operator'), kioskId: 'K1', proof });
    if (!issued.ok) throw new Error('refused');

    const pending = await authority.pendingRenewal(cardNo('expiring-operator'));
    expect(pending.ok && pending.value).toMatchObject({ state: 'pending', idempotencyKey: renewalKey, currentSerial: oldSerial, certificate: { serial: issued.value.serial } });
    const before = await authority.lookupCard(cardNo('expiring-operator'));
    expect(before.ok && before.value.card.certificateSerial).toBe(oldSerial);

    const confirmation = { idempotencyKey: key(), cardNo: cardNo('expiring-operator'), certificateSerial: issued.value.serial, kioskId: 'K1' };
    const confirmed = await authority.confirmActivation(confirmation);
    expect(confirmed).toEqual({ ok: true, value: { cardNo: cardNo('expiring-operator'), certificateSerial: issued.value.serial, certificateNotAfter: issued.value.notAfter, status: 'active' } });
    expect(await authority.confirmActivation(confirmation)).toEqual(confirmed);
    // A second confirmation under another key (a crash before the first answer arrived) agrees.
    expect(await authority.confirmActivation({ ...confirmation, idempotencyKey: key() })).toEqual(confirmed);

    const after = await authority.lookupCard(cardNo('expiring-operator'));
    expect(after.ok && after.value.card).toMatchObject({ certificateSerial: issued.value.serial, certificateNotAfter: issued.value.notAfter, status: 'active' });
    expect(await authority.pendingRenewal(cardNo('expiring-operator'))).toEqual({ ok: true, value: { state: 'none' } });

    const stale = await authority.confirmActivation({ ...confirmation, idempotencyKey: key(), certificateSerial: oldSerial });
    expect(!stale.ok && stale.error).toMatchObject({ reason: 'certificateUnknown' });
    const unknown = await authority.confirmActivation({ ...confirmation, idempotencyKey: key(), certificateSerial: '0abc' });
    expect(!unknown.ok && unknown.error).toMatchObject({ reason: 'certificateUnknown' });
  });

  it('a new renewal replaces an unconfirmed one; the card decides which it activated', async () => {
    const a = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('operator'), kioskId: 'K1', proof: (await csrProof()).proof });
    clock = new Date(start.getTime() + 1000);
    const b = await authority.issueCertificate({ idempotencyKey: key(), cardNo: cardNo('operator'), kioskId: 'K1', proof: (await csrProof()).proof });
    if (!a.ok || !b.ok) throw new Error('refused');
    const pending = await authority.pendingRenewal(cardNo('operator'));
    expect(pending.ok && pending.value.state === 'pending' && pending.value.certificate.serial).toBe(b.value.serial);
    // The card shows A in its current slot (activated before the crash): confirming A is accepted.
    const confirmed = await authority.confirmActivation({ idempotencyKey: key(), cardNo: cardNo('operator'), certificateSerial: a.value.serial, kioskId: 'K1' });
    expect(confirmed.ok).toBe(true);
    expect(await authority.pendingRenewal(cardNo('operator'))).toEqual({ ok: true, value: { state: 'none' } });
  });
});

describe('intake tickets', () => {
  const intakePackage = { business: 'renewal', date: '2026-11-22' };

  it('numbers packages per service day (China time) and replays a retry', async () => {
    const k = key();
    const first = await authority.submitIntake({ idempotencyKey: k, kioskId: 'K1', intakePackage });
    expect(first).toEqual({ ok: true, value: { ticket: 'A0001', serviceDay: '2026-11-22' } });
    expect(await authority.submitIntake({ idempotencyKey: k, kioskId: 'K1', intakePackage })).toEqual(first);
    expect(await authority.submitIntake({ idempotencyKey: key(), kioskId: 'K1', intakePackage })).toEqual({ ok: true, value: { ticket: 'A0002', serviceDay: '2026-11-22' } });
    clock = new Date('2026-11-22T16:00:00Z'); // midnight in China
    expect(await authority.submitIntake({ idempotencyKey: key(), kioskId: 'K1', intakePackage })).toEqual({ ok: true, value: { ticket: 'A0001', serviceDay: '2026-11-23' } });
  });
});
