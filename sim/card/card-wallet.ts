// The simulator's wallet of fixture cards: one virtual card file per fixture under
// <stateDir>/sim/cards/, personalised through the simulated authority on first use and reused
// afterwards, so a PIN changed, a PIN blocked or a card renewed stays so across runs.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeAuthorityError } from '../../contract/authority/authority.ts';
import type { SimAuthority } from '../authority/sim-authority.ts';
import { effectiveStatus } from '../authority/sim-authority.ts';
import { maskIdNumber } from '../../basics/redact.ts';
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';
import type { CardLifecycle, CardType } from '../../contract/devices/card-reader.ts';
import { cardFixture, cardFixtures, fixtureEnterprises, fixtureNames } from '../registry/sim-registry.ts';
import { personaliseFixture } from '../registry/personalise-registry-cards.ts';
import { CardStateFile, cardStatePath } from './card-state.ts';
import { personalise } from './personalise.ts';
import type { VirtualCardOptions } from './virtual-card.ts';
import { VirtualCard } from './virtual-card.ts';

/** Where the fixture cards' files live (the daemon's state directory, or `--state-dir`). */
export function simCardsDir(stateDir: string): string {
  return join(stateDir, 'sim', 'cards');
}

export interface OpenFixtureCardOptions {
  /** The kiosk state directory; the authority is the one opened on the same directory. */
  stateDir: string;
  authority: SimAuthority;
  fixture: string;
  /** Certificate dates of a newly personalised card are relative to this (default: now). */
  now?: Date;
  cardOptions?: Omit<VirtualCardOptions, 'stateDir' | 'cardNo'>;
}

export function isFixtureName(name: string): boolean {
  return cardFixture(name) !== undefined;
}

/** Whether the card's current certificate was issued by this authority's CA. */
async function issuedBy(authority: SimAuthority, certificateDerBase64: string): Promise<Result<boolean, string>> {
  const ca = await authority.caCertificate();
  if (!ca.ok) return err(`authority: ${describeAuthorityError(ca.error)}`);
  try {
    const caCertificate = new X509Certificate(Buffer.from(ca.value.der));
    const certificate = new X509Certificate(Buffer.from(certificateDerBase64, 'base64'));
    return ok(certificate.checkIssued(caCertificate) && certificate.verify(caCertificate.publicKey));
  } catch {
    return ok(false);
  }
}

/**
 * The fixture's virtual card (not powered yet). An existing card file is reused as it is, unless
 * its certificate comes from another CA: the authority's state was reset, so the card is issued
 * again (an old card could never be unlocked or renewed by the new authority).
 */
export async function openFixtureCard(options: OpenFixtureCardOptions): Promise<Result<VirtualCard, string>> {
  const fixture = cardFixture(options.fixture);
  if (fixture === undefined) return err(`unknown fixture "${options.fixture}"; known: ${fixtureNames.join(', ')}`);
  const dir = simCardsDir(options.stateDir);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    return err(`cannot create ${dir}: ${(e as Error).message}`);
  }
  const card = (): VirtualCard => new VirtualCard({ ...options.cardOptions, stateDir: dir, cardNo: fixture.cardNo });

  const path = cardStatePath(dir, fixture.cardNo);
  const exists = existsSync(path);
  if (exists) {
    const state = new CardStateFile(path).load();
    if (!state.ok) return err(`${state.error}; delete the file to issue the card again`);
    const ours = await issuedBy(options.authority, state.value.current.certificateDer);
    if (!ours.ok) return ours;
    if (ours.value) return ok(card());
  }

  const record = await personaliseFixture(options.authority, fixture.name, options.now);
  if (!record.ok) {
    switch (record.error.kind) {
      case 'unknownFixture':
        return err(`unknown fixture "${record.error.name}"; known: ${record.error.known.join(', ')}`);
      case 'authority':
        return err(`authority: ${describeAuthorityError(record.error.error)}`);
    }
  }
  const written = personalise(dir, record.value, { overwrite: exists });
  return written.ok ? ok(card()) : err(written.error);
}

export interface FixtureListing {
  name: string;
  cardNo: string;
  cardType: CardType;
  enterpriseName: string;
  holderName: string;
  holderIdNumberMasked: string;
  /** As a freshly issued card shows it ('expired' for a card issued with an expired certificate). */
  lifecycle: CardLifecycle;
  /** The PIN the card is issued with (docs/authority.md lists them too); a changed PIN is not known here. */
  pin: string;
  description: string;
}

export function listFixtures(now: Date = new Date()): FixtureListing[] {
  return cardFixtures.map((f) => ({
    name: f.name,
    cardNo: f.cardNo,
    cardType: f.cardType,
    enterpriseName: fixtureEnterprises.find((e) => e.uscc === f.enterpriseUscc)?.name ?? f.enterpriseUscc,
    holderName: f.holder.name,
    holderIdNumberMasked: maskIdNumber(f.holder.idNumber),
    lifecycle: effectiveStatus(f.lifecycle, new Date(now.getTime() + f.certificate.notAfterDays * 86_400_000).toISOString(), now),
    pin: f.pin,
    description: f.description,
  }));
}
