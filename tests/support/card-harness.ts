// The card service with the embedded authority and a fixture card, over either reader: the
// in-process one, or PC/SC through pcscd with the card served over vpcd. For tests and benches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSimAuthority, type SimAuthority } from '../../sim/authority/sim-authority.ts';
import { AgentSessions } from '../../daemon/cards/agent-session.ts';
import { CardService } from '../../daemon/cards/card-service.ts';
import { silentLogger } from '../../daemon/log/logger.ts';
import { openStore, type Store } from '../../daemon/store/store.ts';
import type { CardReader } from '../../drivers/card/card-reader.ts';
import { PcscCardReader } from '../../drivers/card/pcsc-card-reader.ts';
import { openFixtureCard } from '../../sim/card/card-wallet.ts';
import { SimCardReader } from '../../sim/card/sim-card-reader.ts';
import type { VirtualCard } from '../../sim/card/virtual-card.ts';
import { VpcdTransport } from '../../sim/card/vpcd-transport.ts';
import { VPCD_PORT, VPCD_READER } from './pcscd.ts';

export interface CardHarness {
  service: CardService;
  authority: SimAuthority;
  store: Store;
  sessions: AgentSessions;
  reader: CardReader;
  /** Puts the fixture's card in the reader and waits until the service has read it. */
  insert(fixture: string): Promise<void>;
  remove(): Promise<void>;
  close(): Promise<void>;
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function cardHarness(kind: 'inProcess' | 'pcsc'): Promise<CardHarness> {
  const stateDir = mkdtempSync(join(tmpdir(), 'kiosk-harness-'));
  const authority = await openSimAuthority({ stateDir });
  const store = openStore(join(stateDir, 'kiosk.sqlite'));
  const sessions = new AgentSessions(store);
  const simReader = kind === 'inProcess' ? new SimCardReader() : null;
  const reader: CardReader = simReader ?? new PcscCardReader({ readerName: VPCD_READER, retryIntervalMs: 200 });
  await reader.start();
  const service = new CardService({ reader, authority, store, logger: silentLogger, sessions, kioskId: 'HARNESS' });
  service.start();
  let transport: VpcdTransport | null = null;
  if (simReader === null) await until(() => reader.status().state === 'noCard', 'the vpcd reader');

  const open = async (fixture: string): Promise<VirtualCard> => {
    const card = await openFixtureCard({ stateDir, authority, fixture });
    if (!card.ok) throw new Error(card.error);
    return card.value;
  };
  const remove = async (): Promise<void> => {
    if (simReader !== null) simReader.remove();
    else if (transport !== null) {
      await transport.disconnect();
      transport = null;
      await until(() => reader.status().state === 'noCard', 'the card to leave');
    }
  };
  const insert = async (fixture: string): Promise<void> => {
    await remove();
    const card = await open(fixture);
    if (simReader !== null) simReader.insert(card);
    else {
      transport = new VpcdTransport(card, { port: VPCD_PORT });
      const connected = await transport.connect();
      if (!connected.ok) throw new Error(connected.error);
    }
    await until(() => {
      const status = reader.status();
      return status.state === 'present' && status.card !== null;
    }, 'the card to be read');
    await service.settled();
  };
  return {
    service,
    authority,
    store,
    sessions,
    reader,
    insert,
    remove,
    async close() {
      await remove();
      service.stop();
      await reader.stop();
      store.close();
      authority.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
