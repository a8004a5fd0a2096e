import { X509Certificate, createPublicKey, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../basics/result.ts';
import { deriveUnblockKey, unblockCryptogram } from '../../drivers/card/card-crypto.ts';
import { EportCard } from '../../drivers/card/eport-card.ts';
import { ecPointToSpki } from '../../drivers/card/profile.ts';
import { InProcessReader } from './in-process-transport.ts';
import type { PersonalisationRecord } from './personalise.ts';
import { personalise } from './personalise.ts';
import type { TestCa } from '../../tests/support/test-certificates.ts';
import { createTestCa, createTestCardKey, issueTestCertificate } from '../../tests/support/test-certificates.ts';
import { VirtualCard, virtualCardAtr } from './virtual-card.ts';

const cardNo = '8888000012345678';
const masterKey = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const pin = '24681357';
const hex = (s: string): Buffer => Buffer.from(s.replace(/\s/g, ''), 'hex');

let ca: TestCa;
let stateDir: string;
let reader: InProcessReader;
let card: EportCard;

beforeAll(async () => {
  ca = await createTestCa();
});

async function personaliseCard(overrides: Partial<PersonalisationRecord> = {}): Promise<void> {
  const no = overrides.cardNo ?? cardNo;
  const key = await createTestCardKey(ca, no, new Date('2027-06-30T00:00:00Z'));
  const saved = personalise(stateDir, {
    cardNo: no, cardType: 'operator', holderName: '张三', holderIdNumber: '11010119900307123X',
    enterpriseName: '深圳市示例进出口贸易有限公司', uscc: '91440300MA5DXXXX0X', lifecycle: 'active', pin,
    unblockKey: deriveUnblockKey(masterKey, no), currentKeyPair: key.privateKey, currentCertificateDer: key.certificateDer, ...overrides,
  });
  expect(saved.ok).toBe(true);
}

function insertCard(options: { powerLossAtWrite?: number } = {}): VirtualCard {
  const virtual = new VirtualCard({ stateDir, cardNo, ...options });
  reader.insert(virtual);
  card = new EportCard(reader.send);
  return virtual;
}

async function raw(apdu: string): Promise<string> {
  const response = await reader.transmit(hex(apdu));
  if (!response.ok) throw new Error('no card');
  return response.value.toString('hex').toUpperCase();
}

beforeEach(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'eport-card-'));
  reader = new InProcessReader();
  await personaliseCard();
  insertCard();
});

afterEach(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

describe('SELECT and malformed commands', () => {
  it('selects the E-Port application and returns its FCI', async () => {
    expect(reader.card?.atr).toEqual(virtualCardAtr);
    expect(await raw('00A4040007F045504F52540100')).toBe('6F0C8407F045504F525401C001039000');
    expect(await raw('00A4040C07F045504F525401')).toBe('9000');
  });

  it('answers the right status word to bad APDUs, never throws', async () => {
    expect(await raw('00CA0101 00')).toBe('6985'); // not selected yet
    expect(await raw('00A4040007A000000003000000')).toBe('6A82');
    expect(await raw('00A40400')).toBe('6A82'); // no AID
    expect(await raw('00A4')).toBe('6700');
    expect(await raw('00A4040009F045504F525401')).toBe('6700'); // Lc says 9, 7 bytes follow
    expect(await raw('00A4040C07F045504F525401')).toBe('9000');
    expect(await raw('A0A4040000')).toBe('6E00');
    expect(await raw('0012000000')).toBe('6D00');
    expect(await raw('8020008100')).toBe('6D00');
    expect(await raw('00CA999900')).toBe('6A88');
    expect(await raw('00A4080000')).toBe('6A86');
    for (let i = 0; i < 300; i++) {
      const response = reader.card?.transmit(randomBytes(i % 40));
      expect(response?.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps or drops the selection after a failed SELECT as docs/card-profile.md says', async () => {
    expect(await raw('00A4040C07F045504F525401')).toBe('9000');
    // Wrong P1: refused, the selection stays.
    expect(await raw('00A4080C07F045504F525401')).toBe('6A86');
    expect((await raw('00CA010200')).slice(-4)).toBe('9000');
    // Another AID: not found, and nothing is selected any more.
    expect(await raw('00A4040C07A0000000030000')).toBe('6A82');
    expect(await raw('00CA010200')).toBe('6985');
  });

  it('answers 6Cxx only to GET CHALLENGE, 61xx to a too small Le, 6700 to a missing Le', async () => {
    expect(await raw('00A4040C07F045504F525401')).toBe('9000');
    expect(await raw('0084000008')).toBe('6C10');
    expect(await raw('00840000')).toBe('6700');
    // GET DATA's length varies: a small Le gets 61xx, never 6Cxx.
    expect((await raw('00CA010202')).slice(-4)).toMatch(/^61/);
    expect(await raw('00C00000')).toBe('6700');
  });

  it('enforces chaining rules', async () => {
    expect((await card.select()).ok).toBe(true);
    expect(await raw('1020008108 3131313131313131')).toBe('6884');
    expect(await raw('10DA011203 010203')).toBe('9000');
    expect(await raw('00CA010200')).toBe('6883'); // chain interrupted
    expect(await raw('00C0000010')).toBe('6985'); // nothing to GET RESPONSE
  });
});

describe('card information', () => {
  it('reads the record, longer than one short response (61xx)', async () => {
    expect((await card.select()).ok).toBe(true);
    expect((await card.readInfo())).toEqual(ok({
      cardNo, cardType: 'operator', holderName: '张三', holderIdNumber: '11010119900307123X', uscc: '91440300MA5DXXXX0X',
      enterpriseName: '深圳市示例进出口贸易有限公司', certificateNotBefore: '2025-01-01T00:00:00Z', certificateNotAfter: '2027-06-30T00:00:00Z',
      status: 'active', pinTriesLeft: 3, pinMaxTries: 3, unblockTriesLeft: 10, pinMustChange: false,
    }));
    const first = await raw('00CA010110');
    expect(first.slice(-4)).toMatch(/^61/);
  });

  it('GET CHALLENGE with a wrong Le answers 6C10, which transmit follows', async () => {
    expect((await card.select()).ok).toBe(true);
    expect(await raw('0084000000')).toBe('6C10');
    expect(await raw('00840000')).toBe('6700');
    const challenge = await card.getChallenge();
    expect(challenge.ok && challenge.value.length).toBe(16);
  });
});

describe('PIN', () => {
  beforeEach(async () => {
    expect((await card.select()).ok).toBe(true);
  });

  it('counts wrong PINs down to blocked: 63C2, 63C1, 6983', async () => {
    expect(await card.pinStatus()).toEqual(ok({ state: 'notVerified', triesLeft: 3 }));
    expect(await raw('0020008108 3131313131313131')).toBe('63C2');
    expect(await raw('0020008108 3131313131313131')).toBe('63C1');
    expect(await card.pinStatus()).toEqual(ok({ state: 'notVerified', triesLeft: 1 })); // no try spent
    expect(await raw('0020008108 3131313131313131')).toBe('6983');
    expect(await card.verifyPin(pin)).toEqual(err({ kind: 'blocked' }));
    expect(await card.pinStatus()).toEqual(ok({ state: 'blocked' }));
    const info = await card.readInfo();
    expect(info.ok && info.value.pinTriesLeft).toBe(0);
  });

  it('a right PIN restores the counter and verifies', async () => {
    expect(await card.verifyPin('11111111')).toEqual(err({ kind: 'verificationFailed', triesLeft: 2 }));
    expect(await card.verifyPin(pin)).toEqual(ok(undefined));
    expect(await card.pinStatus()).toEqual(ok({ state: 'verified' }));
    expect(await raw('0020008104 31313131')).toBe('6700');
    expect(await raw('0020008108 313131313131313A')).toBe('6A80');
    expect(await raw('0020008208 3131313131313131')).toBe('6A88');
    const info = await card.readInfo();
    expect(info.ok && info.value.pinTriesLeft).toBe(3);
  });

  it('CHANGE REFERENCE DATA replaces the PIN; the old one no longer verifies', async () => {
    expect(await card.changePin('99999999', '13572468')).toEqual(err({ kind: 'verificationFailed', triesLeft: 2 }));
    expect(await card.changePin(pin, '13572468')).toEqual(ok(undefined));
    expect(await card.pinStatus()).toEqual(ok({ state: 'verified' }));
    expect(await card.verifyPin(pin)).toEqual(err({ kind: 'verificationFailed', triesLeft: 2 }));
    expect(await card.verifyPin('13572468')).toEqual(ok(undefined));
  });

  it('the initial PIN is flagged until changed; no PIN is stored in clear', async () => {
    rmSync(join(stateDir, `${cardNo}.json`));
    await personaliseCard({ pin: '88888888' });
    insertCard();
    expect((await card.select()).ok).toBe(true);
    let info = await card.readInfo();
    expect(info.ok && info.value.pinMustChange).toBe(true);
    expect(await card.changePin('88888888', '13572468')).toEqual(ok(undefined));
    info = await card.readInfo();
    expect(info.ok && info.value.pinMustChange).toBe(false);
    const file = readFileSync(join(stateDir, `${cardNo}.json`), 'utf8');
    expect(file).not.toContain('13572468');
    expect(file).not.toContain('88888888');
  });
});

describe('unlock: GET CHALLENGE, EXTERNAL AUTHENTICATE, RESET RETRY COUNTER', () => {
  const unblockKey = deriveUnblockKey(masterKey, cardNo);
  const newPin = '97531864';

  async function blockPin(): Promise<void> {
    for (let i = 0; i < 3; i++) await card.verifyPin('00000000');
    expect(await card.pinStatus()).toEqual(ok({ state: 'blocked' }));
  }

  async function authorise(): Promise<Buffer> {
    const challenge = await card.getChallenge();
    if (!challenge.ok) throw new Error('no challenge');
    return unblockCryptogram(unblockKey, challenge.value, cardNo);
  }

  beforeEach(async () => {
    expect((await card.select()).ok).toBe(true);
    await blockPin();
  });

  it('unlocks with the authority’s cryptogram and a new PIN', async () => {
    expect(await card.resetRetryCounter(newPin)).toEqual(err({ kind: 'securityStatusNotSatisfied' }));
    expect(await card.externalAuthenticate(await authorise())).toEqual(ok(undefined));
    expect(await card.resetRetryCounter(newPin)).toEqual(ok(undefined));
    expect(await card.resetRetryCounter('11223344')).toEqual(err({ kind: 'securityStatusNotSatisfied' })); // one use
    expect(await card.pinStatus()).toEqual(ok({ state: 'notVerified', triesLeft: 3 }));
    expect(await card.verifyPin(newPin)).toEqual(ok(undefined));
    const info = await card.readInfo();
    expect(info.ok && info.value.unblockTriesLeft).toBe(10);
  });

  it('refuses a wrong cryptogram, a replayed one and one from before a power cycle', async () => {
    await card.getChallenge();
    expect(await card.externalAuthenticate(Buffer.alloc(16))).toEqual(err({ kind: 'verificationFailed', triesLeft: 9 }));
    const cryptogram = await authorise();
    expect(await card.externalAuthenticate(cryptogram)).toEqual(ok(undefined));
    expect(await card.externalAuthenticate(cryptogram)).toEqual(err({ kind: 'conditionsNotSatisfied' })); // challenge used up
    const stale = await authorise();
    reader.remove();
    insertCard();
    expect((await card.select()).ok).toBe(true);
    expect(await card.externalAuthenticate(stale)).toEqual(err({ kind: 'conditionsNotSatisfied' }));
    expect(await card.resetRetryCounter(newPin)).toEqual(err({ kind: 'securityStatusNotSatisfied' })); // auth did not survive
    const challenge = await card.getChallenge();
    if (!challenge.ok) throw new Error('no challenge');
    const otherCardsKey = deriveUnblockKey(masterKey, '8888000099999999');
    expect(await card.externalAuthenticate(unblockCryptogram(otherCardsKey, challenge.value, cardNo))).toEqual(err({ kind: 'verificationFailed', triesLeft: 9 })); // the success above restored 10
  });

  it('blocks the unblock key after 10 wrong cryptograms', async () => {
    for (let i = 9; i >= 1; i--) {
      await card.getChallenge();
      expect(await card.externalAuthenticate(Buffer.alloc(16, i))).toEqual(err({ kind: 'verificationFailed', triesLeft: i }));
    }
    await card.getChallenge();
    expect(await card.externalAuthenticate(Buffer.alloc(16))).toEqual(err({ kind: 'blocked' }));
    expect(await card.getChallenge()).toEqual(err({ kind: 'blocked' }));
  });

  it('refuses the unlock on a frozen, lost or invalidated card', async () => {
    for (const lifecycle of ['frozen', 'reportedLost', 'invalidated'] as const) {
      rmSync(join(stateDir, `${cardNo}.json`));
      await personaliseCard({ lifecycle });
      insertCard();
      expect((await card.select()).ok).toBe(true);
      const info = await card.readInfo();
      expect(info.ok && info.value.status).toBe(lifecycle);
      expect(await card.getChallenge()).toEqual(err({ kind: 'conditionsNotSatisfied' }));
      expect(await card.verifyPin(pin)).toEqual(err({ kind: 'conditionsNotSatisfied' }));
    }
  });
});

describe('renewal: pending key, signature, pending certificate, ACTIVATE', () => {
  beforeEach(async () => {
    expect((await card.select()).ok).toBe(true);
  });

  async function certificateFor(point: Buffer, serialNumber = '0a0b'): Promise<Buffer> {
    return issueTestCertificate(ca, { spki: ecPointToSpki(point), cardNo, notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z'), serialNumber });
  }

  it('needs the PIN for every step', async () => {
    expect(await card.generatePendingKeyPair()).toEqual(err({ kind: 'securityStatusNotSatisfied' }));
    expect(await card.signWithPendingKey(Buffer.from('x'))).toEqual(err({ kind: 'securityStatusNotSatisfied' }));
    expect(await card.writePendingCertificate(Buffer.from('x'))).toEqual(err({ kind: 'securityStatusNotSatisfied' }));
    expect(await card.activatePending()).toEqual(err({ kind: 'securityStatusNotSatisfied' }));
    expect(await card.internalAuthenticate(Buffer.from('x'))).toEqual(err({ kind: 'securityStatusNotSatisfied' }));
  });

  it('refuses steps out of order', async () => {
    expect(await card.verifyPin(pin)).toEqual(ok(undefined));
    expect(await card.signWithPendingKey(Buffer.from('x'))).toEqual(err({ kind: 'conditionsNotSatisfied' }));
    const old = await card.readCertificate('current');
    if (!old.ok) throw new Error('no current certificate');
    expect(await card.writePendingCertificate(old.value)).toEqual(err({ kind: 'conditionsNotSatisfied' }));
    expect(await card.activatePending()).toEqual(err({ kind: 'conditionsNotSatisfied' }));
    expect(await card.readCertificate('pending')).toEqual(err({ kind: 'notFound' }));
    expect(await card.readPublicKey('pending')).toEqual(err({ kind: 'unexpectedStatus', sw: 0x6a88 }));
  });

  for (const extendedLength of [false, true]) {
    it(`renews end to end (${extendedLength ? 'extended length' : 'chaining + GET RESPONSE'})`, async () => {
      card = new EportCard(reader.send, { extendedLength });
      const oldCertificate = await card.readCertificate('current');
      expect(await card.verifyPin(pin)).toEqual(ok(undefined));
      const point = await card.generatePendingKeyPair();
      if (!point.ok) throw new Error('no key');
      expect(point.value[0]).toBe(0x04);
      expect(await card.readPublicKey('pending')).toEqual(point);

      const tbs = randomBytes(400); // stands in for the CSR's CertificationRequestInfo; also chained
      const signature = await card.signWithPendingKey(tbs);
      if (!signature.ok) throw new Error('no signature');
      const spki = createPublicKey({ key: ecPointToSpki(point.value), format: 'der', type: 'spki' });
      expect(verify('sha256', tbs, spki, signature.value)).toBe(true);

      const der = await certificateFor(point.value);
      expect(der.length).toBeGreaterThan(255);
      expect(await card.writePendingCertificate(der)).toEqual(ok(undefined));
      expect(await card.readCertificate('pending')).toEqual(ok(der));
      expect(await card.readPendingStatus()).toEqual(ok({ hasKey: true, hasCertificate: true, certificateMatchesKey: true }));
      expect(await card.readCertificate('current')).toEqual(oldCertificate); // old stays until ACTIVATE

      expect(await card.activatePending()).toEqual(ok(undefined));
      expect(await card.readCertificate('current')).toEqual(ok(der));
      expect(await card.readPublicKey('current')).toEqual(point);
      expect(await card.readPendingStatus()).toEqual(ok({ hasKey: false, hasCertificate: false, certificateMatchesKey: false }));
      const info = await card.readInfo();
      expect(info.ok && info.value.certificateNotAfter).toBe('2028-01-01T00:00:00Z');

      const challenge = randomBytes(32);
      const proof = await card.internalAuthenticate(challenge);
      expect(proof.ok && verify('sha256', challenge, new X509Certificate(der).publicKey, proof.value)).toBe(true);
    });
  }

  it('refuses to ACTIVATE a certificate of another key (6984) and keeps the current one', async () => {
    const before = await card.readCertificate('current');
    expect(await card.verifyPin(pin)).toEqual(ok(undefined));
    const first = await card.generatePendingKeyPair();
    if (!first.ok) throw new Error('no key');
    const second = await card.generatePendingKeyPair(); // the certificate below now certifies a stale key
    expect(second.ok && !second.value.equals(first.value)).toBe(true);
    expect(await card.writePendingCertificate(await certificateFor(first.value))).toEqual(ok(undefined));
    expect(await card.readPendingStatus()).toEqual(ok({ hasKey: true, hasCertificate: true, certificateMatchesKey: false }));
    expect(await card.activatePending()).toEqual(err({ kind: 'referenceDataNotUsable' }));
    expect(await card.readCertificate('current')).toEqual(before);
    expect(await card.writePendingCertificate(Buffer.from('not a certificate'))).toEqual(err({ kind: 'unexpectedStatus', sw: 0x6a80 }));
    expect(await card.discardPending()).toEqual(ok(undefined));
    expect(await card.readPendingStatus()).toEqual(ok({ hasKey: false, hasCertificate: false, certificateMatchesKey: false }));
  });
});

/** Reopens the card file as a fresh card and checks that its current key matches its current certificate. */
async function expectValidCurrent(): Promise<Buffer> {
  reader.remove();
  insertCard();
  expect((await card.select()).ok).toBe(true);
  expect(await card.verifyPin(pin)).toEqual(ok(undefined));
  const certificate = await card.readCertificate('current');
  if (!certificate.ok) throw new Error('no current certificate');
  const challenge = randomBytes(32);
  const proof = await card.internalAuthenticate(challenge);
  expect(proof.ok && verify('sha256', challenge, new X509Certificate(certificate.value).publicKey, proof.value)).toBe(true);
  return certificate.value;
}

/** The renewal as the kiosk runs it; stops (returns false) when the card goes away. */
async function renew(stepLimit: number): Promise<{ completed: boolean; newCertificate: Buffer | null }> {
  let newCertificate: Buffer | null = null;
  const steps: (() => Promise<boolean>)[] = [
    async () => (await card.select()).ok,
    async () => (await card.verifyPin(pin)).ok,
    async () => {
      const point = await card.generatePendingKeyPair();
      if (!point.ok) return false;
      newCertificate = await issueTestCertificate(ca, { spki: ecPointToSpki(point.value), cardNo, notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') });
      return true;
    },
    async () => (await card.signWithPendingKey(Buffer.from('certification request info'))).ok,
    async () => newCertificate !== null && (await card.writePendingCertificate(newCertificate)).ok,
    async () => (await card.activatePending()).ok,
  ];
  for (const [index, step] of steps.entries()) {
    if (index >= stepLimit || !(await step())) return { completed: false, newCertificate };
  }
  return { completed: true, newCertificate };
}

describe('a card pulled at any point keeps a valid current key and certificate', () => {
  it('between any two commands of a renewal', async () => {
    const original = await expectValidCurrent();
    for (let stepLimit = 0; stepLimit <= 6; stepLimit++) {
      reader.remove();
      insertCard();
      const run = await renew(stepLimit);
      reader.remove(); // pulled
      const current = await expectValidCurrent();
      if (stepLimit < 6) expect(current).toEqual(original);
      else expect(run.completed && current.equals(run.newCertificate ?? Buffer.alloc(0))).toBe(true);
    }
  });

  it('inside any persistent write (torn write at each write of a renewal)', async () => {
    const original = await expectValidCurrent();
    const file = join(stateDir, `${cardNo}.json`);
    const pristine = readFileSync(file);
    const clean = insertCard();
    expect((await renew(6)).completed).toBe(true);
    const writesPerRenewal = clean.writes;
    expect(writesPerRenewal).toBe(5); // PIN try spent, PIN try restored, pending key, pending certificate, ACTIVATE
    for (let cut = 1; cut <= writesPerRenewal; cut++) {
      writeFileSync(file, pristine); // each cut starts from the original card
      insertCard({ powerLossAtWrite: cut });
      const run = await renew(6);
      expect(run.completed).toBe(false);
      expect(reader.card).toBeNull(); // the card went mute mid-command
      expect(readdirSync(stateDir).filter((name) => name.endsWith('.tmp'))).toHaveLength(1); // the torn temp file
      const current = await expectValidCurrent();
      expect(readdirSync(stateDir).filter((name) => name.endsWith('.tmp'))).toHaveLength(0);
      const isOld = current.equals(original);
      const isNew = run.newCertificate !== null && current.equals(run.newCertificate);
      expect(isOld || isNew).toBe(true);
      if (cut < writesPerRenewal) expect(isOld).toBe(true); // only the last write (ACTIVATE) may make the new one current
    }
  });

  it('keeps state across a new VirtualCard instance on the same file', async () => {
    expect((await card.select()).ok).toBe(true);
    expect(await card.verifyPin('00000000')).toEqual(err({ kind: 'verificationFailed', triesLeft: 2 }));
    expect(await card.changePin('00000000', '11112222')).toEqual(err({ kind: 'verificationFailed', triesLeft: 1 }));
    reader.remove();
    insertCard();
    expect((await card.select()).ok).toBe(true);
    expect(await card.pinStatus()).toEqual(ok({ state: 'notVerified', triesLeft: 1 }));
    expect(await card.verifyPin(pin)).toEqual(ok(undefined));
  });
});
