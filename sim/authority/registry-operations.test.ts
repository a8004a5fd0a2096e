// The legal-person card's registry operations (docs/authority.md, "Registry operations"): the
// embedded authority and the same authority over HTTP through the kiosk's client. The card's
// INTERNAL AUTHENTICATE is played by the fixture's private key, as personalised.
import { createPrivateKey, sign } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Authority, RegistryOperation } from '../../contract/authority/authority.ts';
import { registryProofMessage } from '../../contract/authority/registry-proof.ts';
import { createHttpAuthority } from '../../daemon/authority/http-authority.ts';
import { key, temporaryStateDir } from '../../tests/support/authority-proofs.ts';
import { personaliseFixture } from '../registry/personalise-registry-cards.ts';
import { cardFixture, type FixtureName } from '../registry/sim-registry.ts';
import { startAuthorityServer, type RunningAuthorityServer } from './http-authority-server.ts';
import { openSimAuthority, type SimAuthority } from './sim-authority.ts';

const cardNo = (name: FixtureName) => cardFixture(name)!.cardNo;
let clock = new Date('2026-11-22T06:00:00Z');
let sim: SimAuthority;
let server: RunningAuthorityServer;
const signers = new Map<string, ReturnType<typeof createPrivateKey>>();

async function personalise(name: FixtureName): Promise<void> {
  const record = await personaliseFixture(sim, name, clock);
  if (!record.ok) throw new Error(`cannot personalise ${name}`);
  const pair = record.value.currentKeyPair as { pkcs8Der: Buffer };
  signers.set(record.value.cardNo, createPrivateKey({ key: pair.pkcs8Der, format: 'der', type: 'pkcs8' }));
}

/** What the kiosk does: a challenge, the card's signature over it and the operation, the operation. */
async function manage(authority: Authority, operation: RegistryOperation, target: FixtureName | null, options: { signer?: FixtureName; idempotencyKey?: string; dsa?: 'der' | 'ieee-p1363' } = {}) {
  const signerNo = cardNo(options.signer ?? 'legal-person');
  const challenge = await authority.registryChallenge({ legalPersonCardNo: signerNo, kioskId: 'K1' });
  if (!challenge.ok) return challenge;
  const targetCardNo = target === null ? null : cardNo(target);
  const privateKey = signers.get(signerNo)!;
  const signature = sign('sha256', registryProofMessage(challenge.value.challenge, operation, targetCardNo), { key: privateKey, dsaEncoding: options.dsa ?? 'der' });
  return authority.manageCard({ idempotencyKey: options.idempotencyKey ?? key(), kioskId: 'K1', operation, targetCardNo, proof: { legalPersonCardNo: signerNo, challenge: challenge.value.challenge, signature } });
}

async function statusOf(authority: Authority, name: FixtureName): Promise<string> {
  const found = await authority.lookupCard(cardNo(name));
  return found.ok ? found.value.card.status : found.error.kind;
}

beforeEach(async () => {
  clock = new Date('2026-11-22T06:00:00Z');
  sim = await openSimAuthority({ stateDir: temporaryStateDir(), now: () => clock });
  for (const name of ['legal-person', 'operator', 'tax-clerk', 'frozen-operator', 'lost-operator', 'invalidated-operator', 'technician'] as const) await personalise(name);
  server = await startAuthorityServer({ authority: sim });
});

afterEach(async () => {
  await server.close();
  sim.close();
});

describe.each([
  ['embedded', () => sim as Authority],
  ['over HTTP', () => createHttpAuthority({ baseUrl: server.url, timeoutMs: 2000, retries: 1, retryDelayMs: 20 })],
] as const)('registry operations with the legal-person card (%s)', (_name, authorityOf) => {
  it('the fixture enterprise lists a card in every status', async () => {
    const found = await authorityOf().lookupCard(cardNo('legal-person'));
    if (!found.ok) throw new Error('no lookup');
    expect(new Set(found.value.enterprise.cards.map((c) => c.status))).toEqual(new Set(['active', 'locked', 'expired', 'frozen', 'reportedLost', 'invalidated']));
  });

  it('reports loss and undoes it, freezes and unfreezes, each with a reference', async () => {
    const authority = authorityOf();
    const lost = await manage(authority, 'reportLoss', 'operator');
    expect(lost).toMatchObject({ ok: true, value: { operation: 'reportLoss', reference: expect.stringMatching(/^R\d{6}$/), card: { cardNo: cardNo('operator'), status: 'reportedLost' } } });
    expect(await statusOf(authority, 'operator')).toBe('reportedLost');
    expect(await manage(authority, 'undoLoss', 'operator')).toMatchObject({ ok: true, value: { card: { status: 'active' } } });
    expect(await manage(authority, 'freeze', 'tax-clerk', { dsa: 'ieee-p1363' })).toMatchObject({ ok: true, value: { card: { status: 'frozen' } } });
    expect(await manage(authority, 'unfreeze', 'tax-clerk')).toMatchObject({ ok: true, value: { card: { status: 'active' } } });
    const audit = sim.audit(cardNo('tax-clerk')).filter((row) => row.operation === 'manageCard');
    expect(audit.map((row) => [row.outcome, (row.detail as { operation: string }).operation])).toEqual([
      ['granted', 'freeze'],
      ['granted', 'unfreeze'],
    ]);
  });

  it('refuses what the status does not allow, and deregisters only an invalidated card', async () => {
    const authority = authorityOf();
    expect(await manage(authority, 'unfreeze', 'operator')).toMatchObject({ ok: false, error: { kind: 'refused', reason: 'operationNotAllowed' } });
    expect(await manage(authority, 'undoLoss', 'frozen-operator')).toMatchObject({ ok: false, error: { kind: 'refused', reason: 'operationNotAllowed' } });
    expect(await manage(authority, 'deregister', 'operator')).toMatchObject({ ok: false, error: { kind: 'refused', reason: 'cardNotInvalidated' } });
    expect(await manage(authority, 'deregister', 'invalidated-operator')).toMatchObject({ ok: true, value: { operation: 'deregister' } });
    expect(await statusOf(authority, 'invalidated-operator')).toBe('unknownCard');
    const found = await authority.lookupCard(cardNo('legal-person'));
    expect(found.ok && found.value.enterprise.cards.some((c) => c.cardNo === cardNo('invalidated-operator'))).toBe(false);
  });

  it("sends the legal-person card's own loss to the counter, and takes a new operator's declaration", async () => {
    const authority = authorityOf();
    expect(await manage(authority, 'reportLoss', 'legal-person')).toMatchObject({ ok: false, error: { kind: 'refused', reason: 'legalPersonCardAtCounter' } });
    expect(await manage(authority, 'declareOperator', null)).toMatchObject({ ok: true, value: { operation: 'declareOperator', card: null, reference: expect.stringMatching(/^R\d{6}$/) } });
  });

  it('refuses a signer that is not the legal-person card, a card of another enterprise, a wrong signature', async () => {
    const authority = authorityOf();
    expect(await manage(authority, 'freeze', 'tax-clerk', { signer: 'operator' })).toMatchObject({ ok: false, error: { kind: 'refused', reason: 'notLegalPersonCard' } });
    expect(await manage(authority, 'freeze', 'technician')).toMatchObject({ ok: false, error: { kind: 'refused', reason: 'enterpriseMismatch' } });
    const challenge = await authority.registryChallenge({ legalPersonCardNo: cardNo('legal-person'), kioskId: 'K1' });
    if (!challenge.ok) throw new Error('no challenge');
    // Signed for another card: the signature binds the operation and its card.
    const signature = sign('sha256', registryProofMessage(challenge.value.challenge, 'freeze', cardNo('tax-clerk')), signers.get(cardNo('legal-person'))!);
    const moved = await authority.manageCard({ idempotencyKey: key(), kioskId: 'K1', operation: 'freeze', targetCardNo: cardNo('operator'), proof: { legalPersonCardNo: cardNo('legal-person'), challenge: challenge.value.challenge, signature } });
    expect(moved).toMatchObject({ ok: false, error: { kind: 'refused', reason: 'proofInvalid' } });
    expect(await statusOf(authority, 'operator')).toBe('active');
  });

  it('spends a challenge once, lets it expire, and replays an answer for the same key', async () => {
    const authority = authorityOf();
    const legal = cardNo('legal-person');
    const challenge = await authority.registryChallenge({ legalPersonCardNo: legal, kioskId: 'K1' });
    if (!challenge.ok) throw new Error('no challenge');
    const proof = { legalPersonCardNo: legal, challenge: challenge.value.challenge, signature: sign('sha256', registryProofMessage(challenge.value.challenge, 'freeze', cardNo('operator')), signers.get(legal)!) };
    const first = await authority.manageCard({ idempotencyKey: 'k-1', kioskId: 'K1', operation: 'freeze', targetCardNo: cardNo('operator'), proof });
    expect(first.ok).toBe(true);
    // The same key again, even with a new proof: the stored answer, nothing done twice.
    const again = await manage(authority, 'freeze', 'operator', { idempotencyKey: 'k-1' });
    expect(again).toEqual(first);
    const reused = await authority.manageCard({ idempotencyKey: 'k-2', kioskId: 'K1', operation: 'unfreeze', targetCardNo: cardNo('operator'), proof });
    expect(reused).toMatchObject({ ok: false, error: { kind: 'refused', reason: 'challengeInvalid' } });
    const late = await authority.registryChallenge({ legalPersonCardNo: legal, kioskId: 'K1' });
    if (!late.ok) throw new Error('no challenge');
    clock = new Date(clock.getTime() + 301_000);
    const expired = await authority.manageCard({
      idempotencyKey: 'k-3',
      kioskId: 'K1',
      operation: 'unfreeze',
      targetCardNo: cardNo('operator'),
      proof: { legalPersonCardNo: legal, challenge: late.value.challenge, signature: sign('sha256', registryProofMessage(late.value.challenge, 'unfreeze', cardNo('operator')), signers.get(legal)!) },
    });
    expect(expired).toMatchObject({ ok: false, error: { kind: 'refused', reason: 'challengeInvalid' } });
    expect(await manage(authority, 'unfreeze', 'operator', { idempotencyKey: 'k-1' })).toMatchObject({ ok: false, error: { kind: 'idempotencyConflict' } });
  });

  it('answers a malformed request as invalidRequest', async () => {
    const authority = authorityOf();
    const bad = await authority.manageCard({ idempotencyKey: key(), kioskId: 'K1', operation: 'declareOperator', targetCardNo: cardNo('operator'), proof: { legalPersonCardNo: cardNo('legal-person'), challenge: Buffer.alloc(32), signature: Buffer.alloc(64) } });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalidRequest' } });
  });
});
