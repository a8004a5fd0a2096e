// The card driver over the real OS stack: pcscd + vsmartcard-vpcd, with a card connected through
// our vpcd transport. All pcscd-dependent tests live in this one file (one pcscd per machine);
// tests/support/pcscd.ts also holds a machine-wide lock for the file's whole run.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asyncResultBlock, flattenResult } from '../../basics/result.ts';
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import { PcscCardReader } from '../../drivers/card/pcsc-card-reader.ts';
import type { CardIoError } from '../../drivers/card/pcsc-errors.ts';
import { EportCard } from '../../drivers/card/eport-card.ts';
import { personalise } from '../../sim/card/personalise.ts';
import type { PersonalisationRecord } from '../../sim/card/personalise.ts';
import { VirtualCard, virtualCardAtr } from '../../sim/card/virtual-card.ts';
import { simCardsDir } from '../../sim/card/card-wallet.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { x509 } from '../../sim/authority/x509.ts';
import { VpcdTransport } from '../../sim/card/vpcd-transport.ts';
import { VPCD_PORT, VPCD_READER, pcscStackTools, startPcscd } from '../support/pcscd.ts';
import type { Pcscd } from '../support/pcscd.ts';
import { findOnPath, requireSystemTools } from '../support/system-stack.ts';
import { SELECT_EPORT, TestCard, testAtr } from '../support/test-card.ts';
import { cardHarness, type CardHarness } from '../support/card-harness.ts';

const run = promisify(execFile);
const haveStack = requireSystemTools(pcscStackTools);
const ATR_HEX = testAtr().toString('hex').toUpperCase();

async function waitFor<T>(get: () => T, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!haveStack)('card driver over pcscd + vpcd', () => {
  let pcscd: Pcscd;
  let driver: PcscCardReader;
  let card: TestCard;
  let transport: VpcdTransport;
  const events: CardReaderStatus[] = [];
  const status = (): CardReaderStatus => driver.status();

  beforeAll(async () => {
    pcscd = await startPcscd();
    driver = new PcscCardReader({ readerName: VPCD_READER, retryIntervalMs: 200 });
    driver.onStatusChange((s) => events.push(s));
    await driver.start();
    card = new TestCard();
    transport = new VpcdTransport(card, { port: VPCD_PORT });
  });

  afterAll(async () => {
    await transport.disconnect();
    await driver.stop();
    await pcscd.stop();
  });

  it('sees the vpcd reader, with no card in it', async () => {
    const s = await waitFor(status, (v) => v.state === 'noCard', 'the reader');
    expect(s).toEqual({ state: 'noCard', reader: VPCD_READER });
    expect(driver.readerName()).toBe(VPCD_READER);
  });

  it('reports the card present with its ATR when the card connects to vpcd', async () => {
    events.length = 0;
    const connected = await transport.connect();
    expect(connected.ok).toBe(true);
    expect(transport.status).toEqual({ state: 'connected', quickAck: { state: 'on' } });
    const s = await waitFor(status, (v) => v.state === 'present', 'the card');
    expect(s).toEqual({ state: 'present', reader: VPCD_READER, atr: ATR_HEX, card: null });
    await new Promise((resolve) => setTimeout(resolve, 800)); // let any duplicate status events arrive
    expect(events.map((e) => e.state)).toEqual(['present']);
  });

  it('transmits SELECT and gets 9000, showing busy during the session', async () => {
    events.length = 0;
    const result = await driver.transmit(SELECT_EPORT);
    expect(result).toEqual({ ok: true, value: Buffer.from([0x90, 0x00]) });
    const session = flattenResult(
      await driver.withSession('echo', async (s) =>
        asyncResultBlock(async (take) => {
          expect(s.atr.toString('hex').toUpperCase()).toBe(ATR_HEX);
          take(await s.transmit(SELECT_EPORT));
          return take(await s.transmit(Buffer.from('00EE000004CAFEBABE', 'hex')));
        }),
      ),
    );
    expect(session).toEqual({ ok: true, value: Buffer.from('CAFEBABE9000', 'hex') });
    expect(events.map((e) => e.state)).toEqual(['busy', 'present', 'busy', 'present']);
    expect(events[2]).toEqual({ state: 'busy', reader: VPCD_READER, operation: 'echo' });
  });

  it('goes to noCard when the card is pulled, and back to present once, when reinserted', async () => {
    events.length = 0;
    await transport.disconnect();
    await waitFor(status, (v) => v.state === 'noCard', 'the card to go');
    expect(card.powered).toBe(false);
    const poweredBefore = card.powerOns;
    expect((await transport.connect()).ok).toBe(true);
    await waitFor(status, (v) => v.state === 'present', 'the card to come back');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(events.map((e) => e.state)).toEqual(['noCard', 'present']);
    expect((await driver.transmit(SELECT_EPORT)).ok).toBe(true);
    expect(card.powerOns).toBeGreaterThan(poweredBefore);
  });

  it('returns an error value when the card is pulled during a session, then recovers', async () => {
    const result = flattenResult(
      await driver.withSession('pulled', async (s) =>
        asyncResultBlock<Buffer, CardIoError>(async (take) => {
          take(await s.transmit(SELECT_EPORT));
          await transport.disconnect();
          return take(await s.transmit(SELECT_EPORT));
        }),
      ),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('cardRemoved');
    await waitFor(status, (v) => v.state === 'noCard', 'noCard after the pull');
    const noCard = await driver.transmit(SELECT_EPORT);
    expect(noCard).toMatchObject({ ok: false, error: { kind: 'noCard' } });
    expect((await transport.connect()).ok).toBe(true);
    await waitFor(status, (v) => v.state === 'present', 'the card to come back');
    expect(await driver.transmit(SELECT_EPORT)).toEqual({ ok: true, value: Buffer.from([0x90, 0x00]) });
  });

  it('queues concurrent sessions: exclusive access, no interleaving', async () => {
    const order: string[] = [];
    const session = (name: string) =>
      driver
        .withSession(name, async (s) =>
          asyncResultBlock(async (take) => {
            order.push(`${name}:start`);
            take(await s.transmit(SELECT_EPORT));
            take(await s.transmit(Buffer.from(`00EE000001${name === 'a' ? '0A' : '0B'}`, 'hex')));
            order.push(`${name}:end`);
            return name;
          }),
        )
        .then(flattenResult);
    const [a, b] = await Promise.all([session('a'), session('b')]);
    expect(a).toEqual({ ok: true, value: 'a' });
    expect(b).toEqual({ ok: true, value: 'b' });
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });

  it('lets a third-party PC/SC client (opensc-tool, scriptor) read the ATR and SELECT with 9000', async () => {
    // Our driver holds no handle between sessions, so other clients can connect.
    if (findOnPath('opensc-tool') !== null || process.env.CI === 'true') {
      const atr = await run('opensc-tool', ['-r', VPCD_READER, '--atr']);
      expect(atr.stdout.trim().replaceAll(':', '').toUpperCase()).toBe(ATR_HEX);
      const select = await run('opensc-tool', ['-r', VPCD_READER, '-s', SELECT_EPORT.toString('hex')]);
      expect(select.stdout).toContain('SW1=0x90, SW2=0x00');
    }
    if (findOnPath('scriptor') !== null || process.env.CI === 'true') {
      const script = join(import.meta.dirname, '..', '..', 'bench', 'fixtures', 'select-eport.apdu');
      expect(existsSync(script)).toBe(true);
      const out = await run('scriptor', ['-r', VPCD_READER, script]);
      expect(out.stdout).toContain('< 90 00');
    }
  });

  it('drives the virtual E-Port card through pcscd with the E-Port APDU layer', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'kiosk-pcsc-card-'));
    const cardNo = 'PCSC0001';
    const personalised = personalise(stateDir, await testRecord(cardNo));
    expect(personalised.ok).toBe(true);
    await transport.disconnect();
    await waitFor(status, (v) => v.state === 'noCard', 'the test card to go');
    const virtual = new VpcdTransport(new VirtualCard({ stateDir, cardNo }), { port: VPCD_PORT });
    try {
      expect((await virtual.connect()).ok).toBe(true);
      const s = await waitFor(status, (v) => v.state === 'present', 'the virtual card');
      expect(s).toMatchObject({ atr: virtualCardAtr.toString('hex').toUpperCase() });
      const info = await driver.withSession('readInfo', async (session) => {
        const eport = new EportCard(session.sendApdu);
        const selected = await eport.select();
        if (!selected.ok) return selected;
        return eport.readInfo();
      });
      expect(info.ok && info.value.ok && info.value.value.cardNo).toBe(cardNo);
      // A certificate-sized read goes through GET RESPONSE rounds over the real stack.
      const certificate = await driver.withSession('readCertificate', async (session) => {
        const eport = new EportCard(session.sendApdu);
        const selected = await eport.select();
        if (!selected.ok) return selected;
        return eport.readCertificate('current');
      });
      expect(certificate.ok && certificate.value.ok && certificate.value.value.length).toBeGreaterThan(255);
    } finally {
      await virtual.disconnect();
      await waitFor(status, (v) => v.state === 'noCard', 'the virtual card to go');
      expect((await transport.connect()).ok).toBe(true);
      await waitFor(status, (v) => v.state === 'present', 'the test card to come back');
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('reports noDevice when pcscd dies, and recovers when it is back (card reconnects by itself)', async (ctx) => {
    if (!pcscd.ours) {
      ctx.skip(); // never kill a pcscd this test run did not start
      return;
    }
    events.length = 0;
    await pcscd.kill();
    // The reader's 'end' may arrive a moment before the context's error that names pcscd.
    await waitFor(status, (v) => v.state === 'noDevice' && v.reason.includes('pcscd'), 'noDevice naming pcscd');
    expect(events[0]?.state).toBe('noDevice');
    const failed = await driver.transmit(SELECT_EPORT);
    expect(failed).toMatchObject({ ok: false, error: { kind: 'noReader' } });
    await pcscd.restart();
    // The transport reconnects with backoff; the driver re-opens its PC/SC context.
    await waitFor(status, (v) => v.state === 'present', 'present after pcscd restarted', 20_000);
    expect(await driver.transmit(SELECT_EPORT)).toEqual({ ok: true, value: Buffer.from([0x90, 0x00]) });
  });
});

describe.skipIf(!haveStack)('kiosk sim card serve over pcscd + vpcd', () => {
  const kiosk = join(import.meta.dirname, '..', '..', 'bin', 'kiosk.mjs');
  let pcscd: Pcscd;
  let driver: PcscCardReader;
  let stateDir: string;
  const status = (): CardReaderStatus => driver.status();

  beforeAll(async () => {
    pcscd = await startPcscd();
    driver = new PcscCardReader({ readerName: VPCD_READER, retryIntervalMs: 200 });
    await driver.start();
    stateDir = mkdtempSync(join(tmpdir(), 'kiosk-sim-serve-'));
  });

  afterAll(async () => {
    await driver.stop();
    await pcscd.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('holds the fixture card in the vpcd reader, where opensc-tool sees it, until SIGTERM', async () => {
    await waitFor(status, (v) => v.state === 'noCard', 'an empty vpcd reader');
    const child = spawn(process.execPath, [kiosk, 'sim', 'card', 'serve', '--fixture', 'legal-person', '--state-dir', stateDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    try {
      await waitFor(() => stderr, (text) => text.includes('inserted') || child.exitCode !== null, 'the serve command to connect', 20_000);
      expect(stderr).toContain(`inserted: connected to vpcd at 127.0.0.1:${VPCD_PORT}, reader "${VPCD_READER}"; quick ACK on`);
      const atrHex = virtualCardAtr.toString('hex').toUpperCase();
      expect(await waitFor(status, (v) => v.state === 'present', 'the served card')).toMatchObject({ atr: atrHex });
      const info = await driver.withSession('readInfo', async (session) => {
        const eport = new EportCard(session.sendApdu);
        const selected = await eport.select();
        return selected.ok ? eport.readInfo() : selected;
      });
      expect(info.ok && info.value.ok && info.value.value.cardNo).toBe(cardFixture('legal-person')?.cardNo);

      if (findOnPath('opensc-tool') !== null || process.env.CI === 'true') {
        const atr = await run('opensc-tool', ['--reader', VPCD_READER, '--atr']);
        expect(atr.stdout.trim().replaceAll(':', '').toUpperCase()).toBe(atrHex);
        // SELECT with P2=00 answers the FCI behind 61xx; opensc-tool fetches it with GET RESPONSE.
        const select = await run('opensc-tool', ['--reader', VPCD_READER, '--send-apdu', '00:A4:04:00:07:F0:45:50:4F:52:54:01']);
        expect(select.stdout).toContain('SW1=0x90, SW2=0x00');
      }

      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(stderr).toContain('stopped on SIGTERM');
      await waitFor(status, (v) => v.state === 'noCard', 'the card to leave the reader');
      // The card's state stays for the next run.
      expect(existsSync(join(simCardsDir(stateDir), `${cardFixture('legal-person')?.cardNo}.json`))).toBe(true);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});

/** A personalisation record with a fresh P-256 key and a self-signed certificate. */
async function testRecord(cardNo: string): Promise<PersonalisationRecord> {
  const webcrypto = globalThis.crypto;
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']));
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${cardNo}`,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 365 * 86_400_000),
    keys,
    signingAlgorithm: algorithm,
  }, webcrypto);
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    cardNo,
    cardType: 'operator',
    holderName: '测试持卡人',
    holderIdNumber: '110101199003070011',
    enterpriseName: '测试进出口有限公司',
    uscc: '91110000MA0000000X',
    lifecycle: 'active',
    pin: '13572468',
    unblockKey: new Uint8Array(16),
    currentKeyPair: { pkcs8Der: new Uint8Array(pkcs8) },
    currentCertificateDer: new Uint8Array(certificate.rawData),
  };
}

// The daemon's card services over real PC/SC: certificate writes of more than 255 bytes,
// GET RESPONSE, exclusive sessions, all through pcscd and vpcd.
describe.skipIf(!haveStack)('card services over pcscd + vpcd', () => {
  let pcscd: Pcscd;
  let harness: CardHarness;

  beforeAll(async () => {
    pcscd = await startPcscd();
    harness = await cardHarness('pcsc');
  });

  afterAll(async () => {
    await harness.close();
    await pcscd.stop();
  });

  it('unlocks a locked card', async () => {
    await harness.insert('locked-operator');
    harness.sessions.start('unlock');
    const locked = cardFixture('locked-operator')!;
    const result = await harness.service.unlock(
      { agentName: '许文彬', agentIdNumber: '35020419800109011X', introductionLetter: true, enterpriseUscc: locked.enterpriseUscc, identitySource: 'typed' },
      '73918264',
      '73918264',
    );
    expect(result.ok).toBe(true);
    expect((await harness.service.verifyPin('73918264')).ok).toBe(true);
  });

  it('renews the legal-person card, and the new certificate reads back through pcscd', async () => {
    await harness.insert('legal-person');
    harness.sessions.start('renewal');
    const result = await harness.service.renew(cardFixture('legal-person')!.pin);
    expect(result.ok).toBe(true);
    const lookup = await harness.authority.lookupCard(cardFixture('legal-person')!.cardNo);
    expect(result.ok && lookup.ok && lookup.value.card.certificateSerial).toBe(result.ok ? result.value.certificateSerial : null);
  });
});
