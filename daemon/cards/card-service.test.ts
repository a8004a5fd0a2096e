// The card services end to end on the in-process virtual card, with the embedded authority.
import { X509Certificate, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimAuthority, type SimAuthority } from '../../sim/authority/sim-authority.ts';
import { EportCard } from '../../drivers/card/eport-card.ts';
import { openFixtureCard } from '../../sim/card/card-wallet.ts';
import { SimCardReader } from '../../sim/card/sim-card-reader.ts';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { silentLogger } from '../log/logger.ts';
import { openStore, type Store } from '../store/store.ts';
import { AgentSessions } from './agent-session.ts';
import type { StepHook } from './card-operation.ts';
import { CardService } from './card-service.ts';
import { renewalSteps } from './renewal.ts';
import { unlockSteps } from './unlock.ts';

const fixture = (name: string) => {
  const found = cardFixtures.find((f) => f.name === name);
  if (found === undefined) throw new Error(name);
  return found;
};
const legalPerson = fixture('legal-person');
const operator = fixture('operator');
const locked = fixture('locked-operator');
const enterprise = { uscc: legalPerson.enterpriseUscc };
const agent = { agentName: '许文彬', agentIdNumber: '35020419800109011X', introductionLetter: true, enterpriseUscc: enterprise.uscc, identitySource: 'typed' as const };

let stateDir: string;
let authority: SimAuthority;
let store: Store;
let reader: SimCardReader;
let sessions: AgentSessions;
let service: CardService;
let hook: StepHook;

async function insert(name: string): Promise<void> {
  const card = await openFixtureCard({ stateDir, authority, fixture: name });
  if (!card.ok) throw new Error(card.error);
  reader.insert(card.value);
  await service.settled();
}

/** What a reader would find on the card now, in a session of its own. */
async function inspect(pinToProveKey?: string) {
  const result = await reader.withSession('inspect', async (session) => {
    const card = new EportCard(session.sendApdu);
    await card.select();
    const der = await card.readCertificate('current');
    const pin = await card.pinStatus();
    if (!der.ok || !pin.ok) throw new Error('card unreadable');
    const certificate = new X509Certificate(der.value);
    let provesKey: boolean | null = null;
    if (pinToProveKey !== undefined) {
      // Signing with the current key needs the PIN (docs/card-profile.md).
      if (!(await card.verifyPin(pinToProveKey)).ok) throw new Error('PIN refused');
      const challenge = randomBytes(32);
      const signature = await card.internalAuthenticate(challenge);
      if (!signature.ok) throw new Error('no signature');
      provesKey = verify('sha256', challenge, certificate.publicKey, signature.value);
    }
    return { certificate, pin: pin.value, provesKey };
  });
  if (!result.ok) throw new Error(result.error.kind);
  return result.value;
}

async function caPublicKey() {
  const ca = await authority.caCertificate();
  if (!ca.ok) throw new Error('no CA');
  return new X509Certificate(ca.value.der).publicKey;
}

beforeEach(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-cards-'));
  authority = await openSimAuthority({ stateDir });
  store = openStore(join(stateDir, 'kiosk.sqlite'));
  reader = new SimCardReader();
  sessions = new AgentSessions(store);
  hook = async () => undefined;
  service = new CardService({ reader, authority, store, logger: silentLogger, sessions, kioskId: 'TEST-K1', onStep: (operation, step) => hook(operation, step) });
  service.start();
});

afterEach(() => {
  service.stop();
  store.close();
  authority.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('reading the card', () => {
  it('shows the inserted card in the reader status, ID number masked', async () => {
    await insert('operator');
    const status = reader.status();
    expect(status.state).toBe('present');
    if (status.state !== 'present') return;
    expect(status.card).toMatchObject({ cardNo: operator.cardNo, cardType: 'operator', lifecycle: 'active', holderIdNumberMasked: '350204********0028' });
    expect(JSON.stringify(status)).not.toContain(operator.holder.idNumber);
    const summary = await service.readCard();
    expect(summary.ok && summary.value).toMatchObject({ pin: { state: 'notVerified', triesLeft: 3 }, pinMustChange: false });
  });

  it('says noCard with an empty reader', async () => {
    expect(await service.readCard()).toEqual({ ok: false, error: { kind: 'noCard' } });
  });

  it('counts wrong PINs down to blocked and records a verified one in the session', async () => {
    await insert('tax-clerk');
    sessions.start('card_query');
    expect(await service.verifyPin('00000001')).toEqual({ ok: false, error: { kind: 'wrongPin', triesLeft: 2 } });
    expect(await service.verifyPin('1234')).toEqual({ ok: false, error: { kind: 'pinPolicy', refusal: 'notEightDigits' } });
    expect((await service.verifyPin(fixture('tax-clerk').pin)).ok).toBe(true);
    expect(sessions.current()?.verified.has(fixture('tax-clerk').cardNo)).toBe(true);
    expect(await service.verifyPin('00000001')).toEqual({ ok: false, error: { kind: 'wrongPin', triesLeft: 2 } });
    expect(await service.verifyPin('00000002')).toEqual({ ok: false, error: { kind: 'wrongPin', triesLeft: 1 } });
    expect(await service.verifyPin('00000003')).toEqual({ ok: false, error: { kind: 'pinBlocked' } });
    const status = reader.status();
    expect(status.state === 'present' && status.card?.lifecycle).toBe('locked');
  });

  it('changes a PIN only to one the policy accepts', async () => {
    await insert('operator');
    sessions.start('card_query');
    expect(await service.changePin(operator.pin, '12345678', '12345678')).toMatchObject({ ok: false, error: { kind: 'pinPolicy', refusal: 'sequence' } });
    expect(await service.changePin(operator.pin, '73918264', '73918265')).toMatchObject({ ok: false, error: { kind: 'pinPolicy', refusal: 'mismatch' } });
    expect((await service.changePin(operator.pin, '73918264', '73918264')).ok).toBe(true);
    expect((await service.verifyPin('73918264')).ok).toBe(true);
  });
});

describe('the technician login', () => {
  it('refuses a technician card still on its initial PIN before VERIFY, no try spent', async () => {
    const fresh = fixture('new-technician');
    await insert('new-technician');
    expect(await service.authenticateTechnician(fresh.pin)).toEqual({ ok: false, error: { kind: 'notAllowed', reason: 'pinMustChange', detail: expect.any(String) } });
    expect((await inspect()).pin).toEqual({ state: 'notVerified', triesLeft: fresh.pinTriesLeft });
    // The way on the refusal names: the PIN change, which takes a technician card like any other.
    expect((await service.changePin(fresh.pin, '73918264', '73918264')).ok).toBe(true);
    expect(await service.authenticateTechnician('73918264')).toMatchObject({ ok: true, value: { cardNo: fresh.cardNo } });
  });

  it('logs in the technician card whose PIN was changed, and refuses another type of card', async () => {
    const technician = fixture('technician');
    await insert('technician');
    expect(await service.authenticateTechnician(technician.pin)).toEqual({ ok: true, value: { cardNo: technician.cardNo, holderName: technician.holder.name } });
    reader.remove();
    await insert('operator');
    expect(await service.authenticateTechnician(operator.pin)).toMatchObject({ ok: false, error: { kind: 'notAllowed', reason: 'cardType' } });
  });
});

describe('unlock', () => {
  it('needs an unlock session, a locked card and evidence for its enterprise', async () => {
    await insert('locked-operator');
    expect(await service.unlock(agent, '73918264', '73918264')).toMatchObject({ ok: false, error: { kind: 'notAllowed', reason: 'noSession' } });
    sessions.start('unlock');
    expect(await service.unlock({ ...agent, enterpriseUscc: '91350200MA2Y0AAAAA' }, '73918264', '73918264')).toMatchObject({ ok: false, error: { reason: 'evidenceMismatch' } });
    expect(await service.unlock(agent, '19920418', '19920418')).toMatchObject({ ok: false, error: { kind: 'pinPolicy', refusal: 'birthDate' } });
    expect(await service.unlock({ ...agent, introductionLetter: false }, '73918264', '73918264')).toMatchObject({
      ok: false,
      error: { kind: 'authority', error: { kind: 'refused', reason: 'introductionLetterMissing' } },
    });
    reader.remove();
    await insert('operator');
    expect(await service.unlock(agent, '73918264', '73918264')).toMatchObject({ ok: false, error: { kind: 'cardState', lifecycle: 'active' } });
  });

  it.each(['frozen-operator', 'lost-operator'])('refuses %s', async (name) => {
    await insert(name);
    sessions.start('unlock');
    const result = await service.unlock(agent, '73918264', '73918264');
    expect(result).toMatchObject({ ok: false, error: { kind: 'cardState' } });
  });

  it('unlocks: new PIN works, registry active again, every step journaled without the PIN', async () => {
    await insert('locked-operator');
    const session = sessions.start('unlock');
    const steps: string[] = [];
    hook = async (_operation, step) => {
      steps.push(step);
    };
    const result = await service.unlock(agent, '73918264', '73918264');
    expect(result.ok).toBe(true);
    expect(steps).toEqual([...unlockSteps]);
    // Unlocked with every try back (a fresh SELECT clears the verification itself).
    expect((await inspect()).pin).toEqual({ state: 'notVerified', triesLeft: 3 });
    const lookup = await authority.lookupCard(locked.cardNo);
    expect(lookup.ok && lookup.value.card.status).toBe('active');
    const journal = JSON.stringify(store.journalOf(session.id));
    expect(journal).toContain('unlock.pinReset');
    expect(journal).not.toContain('73918264');
    expect(journal).not.toContain(agent.agentIdNumber);
    expect(store.openCardOperations()).toEqual([]);
  });

  it.each(unlockSteps.filter((step) => step !== 'reported'))('a card pulled after %s is consistent and settled on reinsertion', async (cut) => {
    await insert('locked-operator');
    sessions.start('unlock');
    hook = async (_operation, step) => {
      if (step === cut) reader.remove();
    };
    const result = await service.unlock(agent, '73918264', '73918264');
    // After the last card step only the authority is told: a pull then does not fail the unlock.
    expect(result.ok).toBe(cut === 'pinVerified');
    hook = async () => undefined;
    await insert('locked-operator');
    expect(store.openCardOperations()).toEqual([]);
    const { pin } = await inspect();
    const lookup = await authority.lookupCard(locked.cardNo);
    const unlocked = unlockSteps.indexOf(cut) >= unlockSteps.indexOf('pinReset');
    // Either the reset happened (and the registry knows) or the card is as locked as before.
    expect(pin.state).toBe(unlocked ? 'notVerified' : 'blocked');
    expect(lookup.ok && lookup.value.card.status).toBe(unlocked ? 'active' : 'locked');
  });
});

describe('renewal', () => {
  async function verify(name: string, pin: string) {
    reader.remove();
    await insert(name);
    const verified = await service.verifyPin(pin);
    if (!verified.ok) throw new Error(JSON.stringify(verified.error));
  }

  it('renews an operator card only after the legal-person card was verified in the session', async () => {
    sessions.start('renewal');
    await insert('operator');
    expect(await service.renew(operator.pin)).toMatchObject({ ok: false, error: { reason: 'legalPersonFirst' } });
    await verify('legal-person', legalPerson.pin);
    reader.remove();
    await insert('operator');
    expect(await service.renew('00000001')).toMatchObject({ ok: false, error: { kind: 'wrongPin', triesLeft: 2 } });
    const before = (await inspect()).certificate;
    const result = await service.renew(operator.pin);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = await inspect(operator.pin);
    expect(after.certificate.serialNumber).not.toBe(before.serialNumber);
    expect(after.certificate.verify(await caPublicKey())).toBe(true);
    expect(after.provesKey).toBe(true);
    const years = (Date.parse(after.certificate.validTo) - Date.parse(after.certificate.validFrom)) / (365.25 * 86_400_000);
    expect(years).toBeCloseTo(2, 1);
    const lookup = await authority.lookupCard(operator.cardNo);
    expect(lookup.ok && lookup.value.card.certificateSerial?.toLowerCase().replace(/^0+/, '')).toBe(after.certificate.serialNumber.toLowerCase().replace(/^0+/, ''));
  });

  it('needs a renewal session', async () => {
    await insert('legal-person');
    expect(await service.renew(legalPerson.pin)).toMatchObject({ ok: false, error: { reason: 'noSession' } });
    sessions.start('unlock');
    expect(await service.renew(legalPerson.pin)).toMatchObject({ ok: false, error: { reason: 'wrongBusiness' } });
  });

  it.each([
    ['expired-operator', 'expired'],
    ['locked-operator', 'locked'],
    ['frozen-operator', 'frozen'],
    ['lost-operator', 'reportedLost'],
  ])('refuses %s', async (name, lifecycle) => {
    sessions.start('renewal');
    await insert(name);
    expect(await service.renew('27405913')).toMatchObject({ ok: false, error: { kind: 'cardState', lifecycle } });
  });

  // The safety property: a card pulled at ANY step keeps a valid current certificate (old or
  // new), the bookkeeping is settled when the card comes back, and the registry agrees with it.
  it.each(renewalSteps.filter((step) => step !== 'confirmed'))('a card pulled after %s keeps a valid certificate', async (cut) => {
    sessions.start('renewal');
    await insert('legal-person');
    const before = (await inspect()).certificate.serialNumber;
    hook = async (_operation, step) => {
      if (step === cut) reader.remove();
    };
    expect((await service.renew(legalPerson.pin)).ok).toBe(cut === 'verified');
    hook = async () => undefined;
    await insert('legal-person');
    const after = await inspect(legalPerson.pin);
    expect(after.certificate.verify(await caPublicKey())).toBe(true);
    expect(after.provesKey).toBe(true);
    const activated = renewalSteps.indexOf(cut) >= renewalSteps.indexOf('activated');
    expect(after.certificate.serialNumber === before).toBe(!activated);
    const lookup = await authority.lookupCard(legalPerson.cardNo);
    expect(lookup.ok && lookup.value.card.certificateSerial?.replace(/^0+/, '').toLowerCase()).toBe(after.certificate.serialNumber.replace(/^0+/, '').toLowerCase());
    expect(store.openCardOperations()).toEqual([]);
    // And the card can be renewed again afterwards.
    expect((await service.renew(legalPerson.pin)).ok).toBe(true);
  });
});
