import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimAuthority } from '../authority/sim-authority.ts';
import { openSimAuthority } from '../authority/sim-authority.ts';
import { eportAid, pinReference } from '../../drivers/card/profile.ts';
import { cardFixture, fixtureNames } from '../registry/sim-registry.ts';
import { isFixtureName, listFixtures, openFixtureCard, simCardsDir } from './card-wallet.ts';
import { CardStateFile } from './card-state.ts';
import type { VirtualCard } from './virtual-card.ts';

const now = new Date('2026-11-22T06:00:00Z');
let stateDir: string;
let authority: SimAuthority;

beforeEach(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'eport-wallet-'));
  authority = await openSimAuthority({ stateDir, now: () => now });
});

afterEach(() => {
  authority.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const fixture = (name: string) => {
  const f = cardFixture(name);
  if (f === undefined) throw new Error(`no fixture ${name}`);
  return f;
};

async function open(name: string, over: Partial<{ authority: SimAuthority }> = {}): Promise<VirtualCard> {
  const opened = await openFixtureCard({ stateDir, authority: over.authority ?? authority, fixture: name, now });
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

function stateOf(name: string) {
  const loaded = new CardStateFile(join(simCardsDir(stateDir), `${fixture(name).cardNo}.json`)).load();
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.value;
}

const hex = (text: string): Buffer => Buffer.from(text.replaceAll(' ', ''), 'hex');
const select = Buffer.concat([hex('00 A4 04 0C'), Buffer.from([eportAid.length]), eportAid]);
const verify = (pin: string): Buffer => Buffer.concat([Buffer.from([0x00, 0x20, 0x00, pinReference, 8]), Buffer.from(pin, 'ascii')]);

describe('openFixtureCard', () => {
  it('personalises the fixture through the authority into a private file on first use', async () => {
    const card = await open('locked-operator');
    expect(card.cardNo).toBe(fixture('locked-operator').cardNo);
    for (const dir of [join(stateDir, 'sim'), simCardsDir(stateDir)]) expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(simCardsDir(stateDir), `${card.cardNo}.json`)).mode & 0o777).toBe(0o600);
    const state = stateOf('locked-operator');
    expect([state.status, state.pin.triesLeft, state.holderName]).toEqual(['active', 0, '王丽娜']);

    // The authority registered the very certificate the card carries.
    const lookup = await authority.lookupCard(card.cardNo);
    const serial = new X509Certificate(Buffer.from(state.current.certificateDer, 'base64')).serialNumber;
    expect(lookup.ok && lookup.value.card.certificateSerial?.toUpperCase()).toBe(serial.toUpperCase());

    card.powerOn();
    expect(card.transmit(select)).toEqual(hex('90 00'));
    expect(card.transmit(verify(fixture('locked-operator').pin))).toEqual(hex('69 83'));
  });

  it('reuses an existing card as it is: a spent PIN try stays spent', async () => {
    const first = await open('operator');
    const certificate = stateOf('operator').current.certificateDer;
    first.powerOn();
    first.transmit(select);
    expect(first.transmit(verify('00000000'))).toEqual(hex('63 C2'));
    first.powerOff();

    const second = await open('operator');
    expect(stateOf('operator').current.certificateDer).toBe(certificate);
    second.powerOn();
    second.transmit(select);
    expect(second.transmit(Buffer.from([0x00, 0x20, 0x00, pinReference]))).toEqual(hex('63 C2'));
  });

  it('issues the card again when the authority was reset (its CA no longer matches)', async () => {
    await open('tax-clerk');
    const before = stateOf('tax-clerk').current.certificateDer;
    authority.close();
    rmSync(join(stateDir, 'authority'), { recursive: true });
    authority = await openSimAuthority({ stateDir, now: () => now });
    await open('tax-clerk');
    expect(stateOf('tax-clerk').current.certificateDer).not.toBe(before);
  });

  it('answers errors as values: unknown fixture, unreadable card file', async () => {
    const unknown = await openFixtureCard({ stateDir, authority, fixture: 'no-such-card', now });
    expect(unknown).toEqual({ ok: false, error: expect.stringContaining('known: legal-person, operator') as unknown });
    await open('frozen-operator');
    writeFileSync(join(simCardsDir(stateDir), `${fixture('frozen-operator').cardNo}.json`), '{ torn');
    const broken = await openFixtureCard({ stateDir, authority, fixture: 'frozen-operator', now });
    expect(broken).toEqual({ ok: false, error: expect.stringContaining('is not JSON') as unknown });
  });
});

describe('listFixtures', () => {
  it('lists every fixture with a masked holder ID and the lifecycle the card shows', () => {
    const listing = listFixtures(now);
    expect(listing.map((f) => f.name)).toEqual([...fixtureNames]);
    expect(fixtureNames.every(isFixtureName)).toBe(true);
    expect(isFixtureName('nope')).toBe(false);
    const byName = new Map(listing.map((f) => [f.name, f]));
    expect(byName.get('legal-person')).toMatchObject({ cardType: 'legal_person', holderName: '陈海峰', holderIdNumberMasked: '350203********4517', lifecycle: 'active' });
    expect(byName.get('expired-operator')?.lifecycle).toBe('expired');
    expect(byName.get('expiring-operator')?.lifecycle).toBe('active');
    expect(byName.get('locked-operator')?.lifecycle).toBe('locked');
    expect(JSON.stringify(listing)).not.toContain(fixture('legal-person').holder.idNumber);
  });
});
