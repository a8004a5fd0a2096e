import Database from 'better-sqlite3';
import type { RequestHandler } from 'express';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveUnblockKey, unblockCryptogram } from '../../drivers/card/card-crypto.ts';
import { cardFixture, fixtureEnterprise, type FixtureName } from '../../sim/registry/sim-registry.ts';
import type { Authority, UnlockEvidence } from '../../contract/authority/authority.ts';
import { createHttpAuthority } from './http-authority.ts';
import { startAuthorityServer, type RunningAuthorityServer } from '../../sim/authority/http-authority-server.ts';
import { idempotencyHeader } from '../../contract/authority/http-wire.ts';
import { openSimAuthority, type SimAuthority } from '../../sim/authority/sim-authority.ts';
import { csrProof, key, temporaryStateDir } from '../../tests/support/authority-proofs.ts';

const cardNo = (name: FixtureName) => cardFixture(name)!.cardNo;
const challenge = Buffer.from('0f0e0d0c0b0a09080706050403020100', 'hex');
const evidence: UnlockEvidence = { agentName: '许文彬', agentIdNumber: '35020419800109011X', introductionLetter: true, enterpriseUscc: fixtureEnterprise.uscc, identitySource: 'typed' };

let sim: SimAuthority;
let server: RunningAuthorityServer;
let http: Authority;
let before: RequestHandler[];

function certificateCount(card: string): number {
  const db = new Database(sim.paths.database, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM certificates WHERE card_no = ?').pluck().get(card) as number;
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  sim = await openSimAuthority({ stateDir: temporaryStateDir() });
  before = [];
  // Indirection so a test can add middleware after the server started.
  const hook: RequestHandler = (req, res, next) => {
    const chain = [...before];
    const step = (): void => {
      const handler = chain.shift();
      if (handler === undefined) next();
      else void handler(req, res, step);
    };
    step();
  };
  server = await startAuthorityServer({ authority: sim, before: [hook] });
  http = createHttpAuthority({ baseUrl: server.url, timeoutMs: 2000, retries: 2, retryDelayMs: 20 });
});

afterEach(async () => {
  await server.close();
  sim.close();
});

describe('HTTP authority against the test server', () => {
  it('looks up a card as the embedded authority does', async () => {
    expect(await http.lookupCard(cardNo('operator'))).toEqual(await sim.lookupCard(cardNo('operator')));
    expect(await http.lookupCard('8135020000009999')).toEqual({ ok: false, error: { kind: 'unknownCard', cardNo: '8135020000009999' } });
  });

  it("gives the phone numbers on record for the PIN policy, and audits the read without them", async () => {
    const fresh = cardFixture('new-operator')!;
    expect(await http.phoneNumbersOnRecord(fresh.cardNo)).toEqual({ ok: true, value: { holder: fresh.holderPhone, enterpriseContact: fixtureEnterprise.contact.phone } });
    expect(await http.phoneNumbersOnRecord('8135020000009999')).toEqual({ ok: false, error: { kind: 'unknownCard', cardNo: '8135020000009999' } });
    const reads = sim.audit(fresh.cardNo).filter((row) => row.operation === 'phoneNumbersOnRecord');
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads)).not.toContain(fresh.holderPhone!);
  });

  it('authorises an unlock with the cryptogram card-crypto computes, and carries refusals', async () => {
    const result = await http.authoriseUnlock({ idempotencyKey: key(), cardNo: cardNo('locked-operator'), challenge, kioskId: 'K1', evidence });
    const master = readFileSync(sim.paths.masterKey);
    const expected = unblockCryptogram(deriveUnblockKey(master, cardNo('locked-operator')), challenge, cardNo('locked-operator'));
    expect(result.ok && Buffer.from(result.value.cryptogram).equals(expected)).toBe(true);

    const frozen = await http.authoriseUnlock({ idempotencyKey: key(), cardNo: cardNo('frozen-operator'), challenge, kioskId: 'K1', evidence });
    expect(!frozen.ok && frozen.error).toMatchObject({ kind: 'refused', reason: 'cardFrozen' });
    const noLetter = await http.authoriseUnlock({ idempotencyKey: key(), cardNo: cardNo('locked-operator'), challenge, kioskId: 'K1', evidence: { ...evidence, introductionLetter: false } });
    expect(!noLetter.ok && noLetter.error).toMatchObject({ kind: 'refused', reason: 'introductionLetterMissing' });

    const done = await http.reportUnlockDone({ idempotencyKey: key(), cardNo: cardNo('locked-operator'), kioskId: 'K1' });
    expect(done).toEqual({ ok: true, value: { cardNo: cardNo('locked-operator'), status: 'active' } });
  });

  it('issues, lists as pending and confirms a renewal; the embedded authority replays the same answer', async () => {
    const { proof } = await csrProof();
    const request = { idempotencyKey: key(), cardNo: cardNo('expiring-operator'), kioskId: 'K1', proof };
    const issued = await http.issueCertificate(request);
    if (!issued.ok) throw new Error(JSON.stringify(issued.error));
    expect(await sim.issueCertificate(request)).toEqual(issued);
    expect(await http.pendingRenewal(cardNo('expiring-operator'))).toEqual(await sim.pendingRenewal(cardNo('expiring-operator')));
    const confirmed = await http.confirmActivation({ idempotencyKey: key(), cardNo: cardNo('expiring-operator'), certificateSerial: issued.value.serial, kioskId: 'K1' });
    expect(confirmed.ok && confirmed.value.certificateSerial).toBe(issued.value.serial);
    expect(await http.pendingRenewal(cardNo('expiring-operator'))).toEqual({ ok: true, value: { state: 'none' } });

    const expired = await http.issueCertificate({ ...request, idempotencyKey: key(), cardNo: cardNo('expired-operator') });
    expect(!expired.ok && expired.error).toMatchObject({ kind: 'refused', reason: 'cardExpired' });
    const conflict = await http.issueCertificate({ ...request, proof: (await csrProof()).proof });
    expect(conflict).toEqual({ ok: false, error: { kind: 'idempotencyConflict', idempotencyKey: request.idempotencyKey } });
  });

  it('serves the CA certificate and takes intake packages', async () => {
    expect(await http.caCertificate()).toEqual(await sim.caCertificate());
    const ticket = await http.submitIntake({ idempotencyKey: key(), kioskId: 'K1', intakePackage: { business: 'change' } });
    expect(ticket.ok && ticket.value.ticket).toBe('A0001');
  });

  it('answers a request without an idempotency key or with a bad body as invalidRequest', async () => {
    const noKey = await fetch(`${server.url}/v1/unlock-completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cardNo: '1', kioskId: 'K1' }) });
    expect(noKey.status).toBe(400);
    const badJson = await fetch(`${server.url}/v1/unlock-completions`, { method: 'POST', headers: { 'content-type': 'application/json', [idempotencyHeader]: key() }, body: '{' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { kind: string } }).error.kind).toBe('invalidRequest');
    const shortChallenge = await http.authoriseUnlock({ idempotencyKey: key(), cardNo: cardNo('locked-operator'), challenge: Buffer.alloc(4), kioskId: 'K1', evidence });
    expect(!shortChallenge.ok && shortChallenge.error.kind).toBe('invalidRequest');
  });

  it('retries with the same key after a dropped response and gets the same certificate', async () => {
    let dropped = 0;
    before.push((req, res, next) => {
      if (req.method === 'POST' && req.path === '/v1/certificates' && dropped === 0) {
        dropped++;
        // The authority does the work; the answer is lost on the way back.
        res.json = () => {
          req.socket.destroy();
          return res;
        };
      }
      next();
    });
    const { proof } = await csrProof();
    const request = { idempotencyKey: key(), cardNo: cardNo('operator'), kioskId: 'K1', proof };
    const issued = await http.issueCertificate(request);
    expect(dropped).toBe(1);
    if (!issued.ok) throw new Error(JSON.stringify(issued.error));
    expect(certificateCount(cardNo('operator'))).toBe(1);
    const replay = await sim.issueCertificate(request);
    expect(replay.ok && Buffer.from(replay.value.certificateDer).equals(Buffer.from(issued.value.certificateDer))).toBe(true);
  });

  it('retries a 503 and a timeout', async () => {
    let calls = 0;
    before.push((req, res, next) => {
      calls++;
      if (calls === 1) res.status(503).json({ error: { kind: 'internal', detail: 'busy' } });
      else if (calls === 2) setTimeout(next, 600);
      else next();
    });
    const slow = createHttpAuthority({ baseUrl: server.url, timeoutMs: 300, retries: 3, retryDelayMs: 10 });
    const lookup = await slow.lookupCard(cardNo('operator'));
    expect(lookup.ok).toBe(true);
    expect(calls).toBe(3);
  });

  it('is unreachable, as a value, when the server is down', async () => {
    await server.close();
    const started = Date.now();
    const result = await createHttpAuthority({ baseUrl: server.url, retries: 1, retryDelayMs: 10 }).lookupCard(cardNo('operator'));
    expect(!result.ok && result.error.kind).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(2000);
    // afterEach closes again: harmless.
  });

  it('reports an answer it cannot read as a protocol error', async () => {
    const garbled = createHttpAuthority({ baseUrl: 'http://authority.invalid', retries: 0, fetch: async () => new Response('<html>proxy</html>', { status: 200 }) });
    const result = await garbled.lookupCard(cardNo('operator'));
    expect(!result.ok && result.error.kind).toBe('protocolError');
    const wrongShape = createHttpAuthority({ baseUrl: 'http://authority.invalid', retries: 0, fetch: async () => Response.json({ card: 1 }) });
    const shape = await wrongShape.lookupCard(cardNo('operator'));
    expect(!shape.ok && shape.error.kind).toBe('protocolError');
  });
});
