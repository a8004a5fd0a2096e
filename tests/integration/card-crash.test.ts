// The daemon killed with SIGKILL right after each step of a renewal or an unlock: on the next
// start and insert the card holds a valid certificate (old or new) that the registry agrees
// with, nothing is left open, and the authority issued at most one certificate for the renewal.
import Database from 'better-sqlite3';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSimAuthority } from '../../sim/authority/sim-authority.ts';
import { renewalSteps } from '../../daemon/cards/renewal.ts';
import { unlockSteps } from '../../daemon/cards/unlock.ts';
import { EportCard } from '../../drivers/card/eport-card.ts';
import { InProcessReader } from '../../sim/card/in-process-transport.ts';
import { simCardsDir } from '../../sim/card/card-wallet.ts';
import { VirtualCard } from '../../sim/card/virtual-card.ts';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect } from '../support/ws-client.ts';

const legalPerson = cardFixtures.find((f) => f.name === 'legal-person')!;
const locked = cardFixtures.find((f) => f.name === 'locked-operator')!;
const evidence = { agentName: '许文彬', agentIdNumber: '35020419800109011X', introductionLetter: true, enterpriseUscc: locked.enterpriseUscc };

async function run(daemon: RunningDaemon, commands: [string, Record<string, unknown>][]): Promise<{ code: string | undefined; closed: boolean }[]> {
  const client = await connect(daemon.wsUrl);
  const outcomes: { code: string | undefined; closed: boolean }[] = [];
  let id = 1;
  for (const [name, payload] of commands) {
    const requestId = id++;
    client.command(name, requestId, payload, 20_000);
    const outcome = await Promise.race([
      client.completion(requestId, 20_000).then((m) => ({ code: m.header.completionCode, closed: false })),
      client.closed().then(() => ({ code: undefined, closed: true })),
    ]);
    outcomes.push(outcome);
    if (outcome.closed) break;
  }
  client.close();
  return outcomes;
}

/** What is on the card, read straight from its file with the daemon stopped. */
async function cardState(stateDir: string, cardNo: string, pin: string) {
  const reader = new InProcessReader();
  reader.insert(new VirtualCard({ stateDir: simCardsDir(stateDir), cardNo }));
  const card = new EportCard(reader.send);
  await card.select();
  const der = await card.readCertificate('current');
  const pinStatus = await card.pinStatus();
  if (!der.ok || !pinStatus.ok) throw new Error('card unreadable');
  const verified = await card.verifyPin(pin);
  return { certificate: new X509Certificate(der.value), pin: pinStatus.value, pinWorks: verified.ok };
}

async function registry(stateDir: string, cardNo: string) {
  const authority = await openSimAuthority({ stateDir });
  try {
    const lookup = await authority.lookupCard(cardNo);
    const ca = await authority.caCertificate();
    if (!lookup.ok || !ca.ok) throw new Error('authority');
    const db = new Database(authority.paths.database, { readonly: true });
    const issued = db.prepare('SELECT COUNT(*) FROM certificates WHERE card_no = ?').pluck().get(cardNo) as number;
    db.close();
    return { card: lookup.value.card, caKey: new X509Certificate(ca.value.der).publicKey, issued };
  } finally {
    authority.close();
  }
}

function openOperations(stateDir: string): number {
  const db = new Database(join(stateDir, 'kiosk.sqlite'), { readonly: true });
  const count = db.prepare("SELECT COUNT(*) FROM card_operations WHERE state = 'open'").pluck().get() as number;
  db.close();
  return count;
}

const norm = (serial: string | null) => serial?.toLowerCase().replace(/^0+/, '');

describe('SIGKILL at every step', () => {
  it.each(renewalSteps)('renewal killed after %s', async (step) => {
    const stateDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
    try {
      const first = await startDaemon({ stateDir, env: { KIOSK_FAULT_INJECT: `renewal:${step}:kill` } });
      const outcomes = await run(first, [
        ['Sim.InsertCard', { fixture: 'legal-person' }],
        ['Kiosk.StartSession', { business: 'renewal' }],
        ['Kiosk.Renew', { pin: legalPerson.pin }],
      ]);
      expect(outcomes.at(-1)).toEqual({ code: undefined, closed: true });
      expect((await first.stop()).signal).toBe('SIGKILL');
      const issuedBefore = (await registry(stateDir, legalPerson.cardNo)).issued;

      const second = await startDaemon({ stateDir });
      await run(second, [['Sim.InsertCard', { fixture: 'legal-person' }]]);
      await second.waitForLog((line) => line.name === 'card.settled');
      expect((await second.stop()).code).toBe(0);

      const card = await cardState(stateDir, legalPerson.cardNo, legalPerson.pin);
      const reg = await registry(stateDir, legalPerson.cardNo);
      expect(card.certificate.verify(reg.caKey)).toBe(true);
      expect(Date.parse(card.certificate.validTo)).toBeGreaterThan(Date.now());
      expect(norm(reg.card.certificateSerial)).toBe(norm(card.certificate.serialNumber));
      expect(card.pinWorks).toBe(true);
      expect(openOperations(stateDir)).toBe(0);
      // One renewal, at most one certificate; the restart issued none.
      const personalised = 1;
      expect(reg.issued).toBeLessThanOrEqual(personalised + 1);
      expect(reg.issued).toBe(issuedBefore);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it.each(unlockSteps)('unlock killed after %s', async (step) => {
    const stateDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
    try {
      const first = await startDaemon({ stateDir, env: { KIOSK_FAULT_INJECT: `unlock:${step}:kill` } });
      await run(first, [
        ['Sim.InsertCard', { fixture: 'locked-operator' }],
        ['Kiosk.StartSession', { business: 'unlock' }],
        ['Kiosk.Unlock', { evidence, newPin: '73918264', confirmation: '73918264' }],
      ]);
      expect((await first.stop()).signal).toBe('SIGKILL');

      const second = await startDaemon({ stateDir });
      await run(second, [['Sim.InsertCard', { fixture: 'locked-operator' }]]);
      await second.waitForLog((line) => line.name === 'card.settled');
      expect((await second.stop()).code).toBe(0);

      const card = await cardState(stateDir, locked.cardNo, '73918264');
      const reg = await registry(stateDir, locked.cardNo);
      const reset = unlockSteps.indexOf(step) >= unlockSteps.indexOf('pinReset');
      // Either the new PIN is set and the registry says active, or the card is still locked.
      expect(card.pinWorks).toBe(reset);
      expect(reg.card.status).toBe(reset ? 'active' : 'locked');
      expect(openOperations(stateDir)).toBe(0);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
