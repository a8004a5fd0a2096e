// Technician mode over the real card service, the in-process virtual card and the embedded
// authority: which technician cards get in, and which refusals count towards the lockout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimAuthority, type SimAuthority } from '../../sim/authority/sim-authority.ts';
import { openFixtureCard } from '../../sim/card/card-wallet.ts';
import { SimCardReader } from '../../sim/card/sim-card-reader.ts';
import { SimGpio } from '../../sim/gpio/sim-gpio.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { AgentSessions } from '../cards/agent-session.ts';
import { CardService } from '../cards/card-service.ts';
import { silentLogger } from '../log/logger.ts';
import { openStore, type Store } from '../store/store.ts';
import { KioskServiceState } from './service-state.ts';
import { TechnicianMode } from './technician-mode.ts';

let stateDir: string;
let authority: SimAuthority;
let store: Store;
let reader: SimCardReader;
let cards: CardService;
let service: KioskServiceState;
let mode: TechnicianMode;

async function insert(name: string): Promise<void> {
  const card = await openFixtureCard({ stateDir, authority, fixture: name });
  if (!card.ok) throw new Error(card.error);
  reader.insert(card.value);
  await cards.settled();
}

beforeEach(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-technician-'));
  authority = await openSimAuthority({ stateDir });
  store = openStore(join(stateDir, 'kiosk.sqlite'));
  reader = new SimCardReader();
  cards = new CardService({ reader, authority, store, logger: silentLogger, sessions: new AgentSessions(store), kioskId: 'TEST-K1' });
  cards.start();
  service = new KioskServiceState(store, silentLogger);
  mode = new TechnicianMode({ store, logger: silentLogger, service, cards, gpio: new SimGpio(), technicianPinHash: null });
});

afterEach(() => {
  mode.stop();
  cards.stop();
  store.close();
  authority.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('technician login with the card', () => {
  it('refuses a technician card still on its initial PIN, says why, and does not count it as a guess', async () => {
    const fresh = cardFixture('new-technician')!;
    await insert('new-technician');
    // More attempts than the free ones: none is a guess, so none locks the technician out.
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await mode.login({ method: 'card', pin: fresh.pin }, 1)).toEqual({ ok: false, error: { kind: 'pinMustChange' } });
    }
    expect(mode.current()).toBeNull();
    expect(service.state()).toEqual({ state: 'inService' });
    expect(store.recentAudit(5).map((entry) => entry.action)).toEqual(Array.from({ length: 5 }, () => 'technician.loginRefused'));
    expect(JSON.stringify(store.recentAudit(5))).not.toContain(fresh.pin);

    reader.remove();
    const technician = cardFixture('technician')!;
    await insert('technician');
    const login = await mode.login({ method: 'card', pin: technician.pin }, 1);
    expect(login.ok && login.value.actor).toBe(`technician:${technician.cardNo}`);
  });

  it('still calls another type of card not a technician card', async () => {
    await insert('new-operator');
    expect(await mode.login({ method: 'card', pin: cardFixture('new-operator')!.pin }, 1)).toEqual({ ok: false, error: { kind: 'notATechnicianCard' } });
  });
});
