// Simulator mode over the system stacks (`kiosk run --sim --sim-stacks system`): the daemon's
// real PC/SC driver on pcscd's vpcd reader, its real ESC/POS driver on a socat pty and scanimage
// with SANE's pnm backend, while the dev dock's Sim.* commands still insert fixture cards, run the
// printer out of paper and jam the scanner. Also: socat goes with the daemon, whether it stops
// cleanly or is killed. And KIOSK_FAULT_INJECT's pull takes the card out of vpcd mid-renewal,
// ending as it does with the in-process reader.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewalSteps } from '../../daemon/cards/renewal.ts';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { pcscStackTools, startPcscd, VPCD_PORT, VPCD_READER, type Pcscd } from '../support/pcscd.ts';
import { requireSystemTool, requireSystemTools } from '../support/system-stack.ts';
import { connect, type Received, type TestClient } from '../support/ws-client.ts';
import { completeReceiptsOf } from '../printer/receipt-check.ts';

const haveStacks = requireSystemTools([...pcscStackTools, ['socat', 'socat']]);
const haveSane = requireSystemTool('scanimage', 'sane-utils');
const legalPerson = cardFixtures.find((f) => f.name === 'legal-person')!;
const taxClerk = cardFixtures.find((f) => f.name === 'tax-clerk')!;

/** The daemon's socat children (setpriv execs into it, so each is socat itself): the printer's and the ID-card reader's ptys. */
function socatChildrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid …; comm may hold spaces, so split after the last ')'.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (comm === 'socat' && ppid === pid) children.push(Number(entry));
  }
  return children;
}

/** Running, not gone and not a zombie waiting for a reaper (a container's init may not reap). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(join('/proc', String(pid), 'stat'), 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a daemon's journal holds of its sessions and card operations (read beside the running daemon). */
function bookkeeping(stateDir: string): { journal: { step: string; data: Record<string, unknown> }[]; operations: { step: string; state: string }[] } {
  const db = new Database(join(stateDir, 'kiosk.sqlite'), { readonly: true });
  try {
    const journal = (db.prepare('SELECT step, data FROM session_journal ORDER BY at, seq').all() as { step: string; data: string }[]).map((row) => ({
      step: row.step,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
    const operations = db.prepare('SELECT step, state FROM card_operations ORDER BY started_at').all() as { step: string; state: string }[];
    return { journal, operations };
  } finally {
    db.close();
  }
}

/** The step the pull comes after: the pending certificate is on the card, not yet active. */
const pullStep = 'pendingCertificateWritten';

interface PulledRenewal {
  /** The Kiosk.Renew completion: code and error. */
  renew: { code: string | undefined; error: unknown };
  /** The progress the command reported, in order. */
  progress: string[];
  readerAfterPull: string;
  /** The journal's renewal lines and the operation, before the card came back. */
  journalBefore: string[];
  operationBefore: { step: string; state: string }[];
  /** After the card came back and was read. */
  settled: { completed: unknown; rolledBack: unknown; open: unknown };
  journalAfter: string[];
  reconciled: unknown[];
  operationAfter: { step: string; state: string }[];
  certificateKept: boolean;
  renewedAgain: string | undefined;
}

/**
 * A renewal of the legal-person card with the card pulled (KIOSK_FAULT_INJECT) after `pullStep`,
 * then the card inserted again and renewed once more, on a daemon started with `args`.
 */
async function pulledRenewal(args: string[]): Promise<PulledRenewal> {
  const daemon = await startDaemon({ args, env: { KIOSK_FAULT_INJECT: `renewal:${pullStep}:pull` } });
  const client = await connect(daemon.wsUrl);
  try {
    let nextId = 1;
    const call = async (name: string, payload: Record<string, unknown> = {}): Promise<Received> => {
      const requestId = nextId++;
      client.command(name, requestId, payload, 20_000);
      return client.completion(requestId, 20_000);
    };
    const readerState = async (): Promise<string> => {
      const { payload } = await call('Common.Status');
      return (payload as { devices: { cardReader: { state: string } } }).devices.cardReader.state;
    };
    expect((await call('Sim.InsertCard', { fixture: 'legal-person' })).header.completionCode).toBe('success');
    const before = await call('CardReader.ReadCard');
    const notAfterBefore = (before.payload as { info: { certificateNotAfter: string } }).info.certificateNotAfter;
    expect((await call('Kiosk.StartSession', { business: 'renewal' })).header.completionCode).toBe('success');
    const requestId = nextId++;
    client.command('Kiosk.Renew', requestId, { pin: legalPerson.pin }, 20_000);
    const renewed = await client.completion(requestId, 20_000);
    const progress = client.received.filter((m) => m.header.requestId === requestId && m.header.type === 'event').map((m) => String(m.payload.step));
    const readerAfterPull = await readerState();
    const renewalLines = (journal: { step: string }[]): string[] => journal.map((line) => line.step).filter((step) => step.startsWith('renewal.'));
    const first = bookkeeping(daemon.stateDir);

    // The first read of the card back settles what the pull left open.
    const settledCount = (): number => daemon.logs.filter((line) => line.name === 'card.settled').length;
    const settledBefore = settledCount();
    const settledLog = daemon.waitForLog((line) => line.name === 'card.settled' && settledCount() > settledBefore);
    expect((await call('Sim.InsertCard', { fixture: 'legal-person' })).header.completionCode).toBe('success');
    const read = await call('CardReader.ReadCard');
    const settled = await settledLog;
    const after = bookkeeping(daemon.stateDir);
    const again = await call('Kiosk.Renew', { pin: legalPerson.pin });
    return {
      renew: { code: renewed.header.completionCode, error: renewed.payload.error },
      progress,
      readerAfterPull,
      journalBefore: renewalLines(first.journal),
      operationBefore: first.operations,
      settled: { completed: settled.completed, rolledBack: settled.rolledBack, open: settled.open },
      journalAfter: renewalLines(after.journal),
      reconciled: after.journal.filter((line) => line.step === 'renewal.reconciled').map((line) => line.data.outcome),
      operationAfter: after.operations,
      certificateKept: (read.payload as { info: { certificateNotAfter: string } }).info.certificateNotAfter === notAfterBefore,
      renewedAgain: again.header.completionCode,
    };
  } finally {
    client.close();
    await daemon.stop();
  }
}

describe.skipIf(!haveStacks)('simulator mode over the system stacks (pcscd + vpcd, socat pty)', () => {
  let pcscd: Pcscd;
  let daemon: RunningDaemon;
  let client: TestClient;
  let nextId = 1;

  async function call(name: string, payload: Record<string, unknown> = {}): Promise<Received> {
    const requestId = nextId++;
    client.command(name, requestId, payload, 20_000);
    return client.completion(requestId, 20_000);
  }

  async function cardReader(): Promise<{ state: string; source: string; status: Record<string, unknown> }> {
    const { payload } = await call('Common.Status');
    const status = payload as { devices: { cardReader: { state: string } }; sources: { cardReader: string } };
    return { state: status.devices.cardReader.state, source: status.sources.cardReader, status: status.devices.cardReader };
  }

  async function readerBecomes(state: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const now = await cardReader();
      if (now.state === state) return;
      if (Date.now() > deadline) throw new Error(`card reader not ${state}: ${JSON.stringify(now.status)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function printerBecomes(state: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { payload } = await call('Printer.Status');
      const now = (payload as { status: { state: string } }).status;
      if (now.state === state) return;
      if (Date.now() > deadline) throw new Error(`printer not ${state}: ${JSON.stringify(now)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    pcscd = await startPcscd();
    daemon = await startDaemon({ args: ['--sim-stacks', 'system'], env: { KIOSK_ID: 'KIOSK-SYS-01' } });
    client = await connect(daemon.wsUrl);
  }, 60_000);

  afterAll(async () => {
    client.close();
    await daemon.stop();
    await pcscd.stop();
  });

  it('follows the vpcd reader through the PC/SC driver, empty at start', async () => {
    await readerBecomes('noCard');
    const reader = await cardReader();
    expect(reader.source).toBe('hardware');
    expect(reader.status).toMatchObject({ state: 'noCard', reader: expect.stringContaining(VPCD_READER) });
    expect(VPCD_PORT).toBe(35963);
  });

  it('reads a placed ID card through the SAM driver on the pty, the holder masked', async () => {
    const idCard = async () => {
      const { payload } = await call('Common.Status');
      const status = payload as { devices: { idCardReader: { state: string; holder?: { idNumberMasked: string } } }; sources: { idCardReader: string } };
      return { ...status.devices.idCardReader, source: status.sources.idCardReader };
    };
    await expect.poll(async () => (await idCard()).state, { timeout: 10_000 }).toBe('noCard');
    expect((await idCard()).source).toBe('hardware');
    expect((await call('Sim.IdCardPlace', { fixture: 'agent' })).header.completionCode).toBe('success');
    await expect.poll(async () => (await idCard()).state, { timeout: 10_000 }).toBe('cardPresent');
    expect((await idCard()).holder).toMatchObject({ idNumberMasked: '350204********011X' });
    expect((await call('Sim.IdCardRemove')).header.completionCode).toBe('success');
    await expect.poll(async () => (await idCard()).state, { timeout: 10_000 }).toBe('noCard');
  });

  it('Sim.InsertCard connects the fixture card to vpcd: present, read, PIN verified', async () => {
    const inserted = await call('Sim.InsertCard', { fixture: 'legal-person' });
    expect(inserted.header.completionCode).toBe('success');
    expect(inserted.payload).toEqual({ fixture: 'legal-person', cardNo: legalPerson.cardNo });
    expect(['present', 'busy']).toContain((await cardReader()).state);
    const read = await call('CardReader.ReadCard');
    expect(read.header.completionCode).toBe('success');
    expect(read.payload).toMatchObject({ info: { cardNo: legalPerson.cardNo } });
    const verified = await call('CardReader.VerifyPin', { pin: legalPerson.pin });
    expect(verified.header.completionCode).toBe('success');
  });

  it('swapping cards: pcscd sees the first go and the second come, and the daemon reads the new one', async () => {
    const swapped = await call('Sim.InsertCard', { fixture: 'tax-clerk' });
    expect(swapped.payload).toEqual({ fixture: 'tax-clerk', cardNo: taxClerk.cardNo });
    const read = await call('CardReader.ReadCard');
    expect(read.payload).toMatchObject({ info: { cardNo: taxClerk.cardNo } });
  });

  it('Sim.RemoveCard pulls it out; Sim.CardReaderPlug is not offered over pcscd', async () => {
    const removed = await call('Sim.RemoveCard');
    expect(removed.header.completionCode).toBe('success');
    expect(removed.payload).toEqual({ removed: true });
    expect((await cardReader()).state).toBe('noCard');
    expect((await call('Sim.RemoveCard')).payload).toEqual({ removed: false });
    expect((await call('Sim.CardReaderPlug', { plugged: false })).header.completionCode).toBe('unsupportedCommand');
  });

  it('prints over the pty; paper out fails a job with its reason; a new roll prints again', async () => {
    const status = await call('Printer.Status');
    expect(status.payload).toMatchObject({ status: { state: 'online' }, source: 'hardware' });
    const printed = await call('Printer.PrintTestPage');
    expect(printed.header.completionCode).toBe('success');
    expect(printed.payload).toMatchObject({ jobId: 'P000001', state: 'printed' });
    const out = join(daemon.stateDir, 'sim-printer');
    await until('the receipt file', () => completeReceiptsOf(out, 'P000001').length === 1);
    expect(completeReceiptsOf(out, 'P000001')[0]?.text).toContain('KIOSK-SYS-01');

    expect((await call('Sim.PrinterPaper', { paper: 'out' })).header.completionCode).toBe('success');
    // The sensor's change travels back over the pty as an Automatic Status Back.
    await printerBecomes('paperOut');
    const failed = await call('Printer.PrintTestPage');
    expect(failed.header.completionCode).toBe('deviceNotReady');
    expect(failed.payload).toMatchObject({ error: { kind: 'paperOut' }, job: { state: 'failed', reason: 'paperOut' } });

    expect((await call('Sim.PrinterPaper', { paper: 'full' })).header.completionCode).toBe('success');
    await printerBecomes('online');
    const again = await call('Printer.PrintTestPage');
    expect(again.header.completionCode).toBe('success');
    expect(again.payload).toMatchObject({ state: 'printed' });
  });

  it('runs out of paper mid-receipt over the pty: paperOut, and the fragment is voided on the next job', async () => {
    const requestId = nextId++;
    client.command('Printer.PrintTestPage', requestId, {}, 20_000);
    // The test page takes a few hundred ms on the wire and under the print head.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await call('Sim.PrinterPaper', { paper: 'out' })).header.completionCode).toBe('success');
    const failed = await client.completion(requestId, 20_000);
    expect(failed.header.completionCode).toBe('deviceNotReady');
    expect(failed.payload).toMatchObject({ error: { kind: 'paperOut' } });
    expect((await call('Sim.PrinterPaper', { paper: 'full' })).header.completionCode).toBe('success');
    await printerBecomes('online');
    const jobId = (failed.payload as { job: { jobId: string } }).job.jobId;
    const reprint = await call('Printer.Reprint', { jobId });
    expect(reprint.header.completionCode).toBe('success');
    const out = join(daemon.stateDir, 'sim-printer');
    // The half-printed page went with the old roll (torn-*) or was cut off as void before the reprint.
    await until('the interrupted page accounted for', () =>
      readdirSync(out).some((name) => name.startsWith('torn-')) ||
      readdirSync(out).some((name) => name.endsWith('.txt') && readFileSync(join(out, name), 'utf8').includes(`Interrupted: ${jobId}`)),
    );
  });

  it.skipIf(!haveSane)('scans the dock documents through scanimage and the pnm backend; a jam comes back from SANE', async () => {
    const status = await call('Scanner.Status');
    expect(status.payload).toMatchObject({ status: { state: 'idle', device: 'pnm:0' } });
    const loaded = await call('Sim.ScannerLoad', { business: 'unlock' });
    expect(loaded.header.completionCode).toBe('success');
    const count = (loaded.payload as { pages: number }).pages;
    const scanned = await call('Scanner.Scan', { source: 'adf' });
    expect(scanned.header.completionCode).toBe('success');
    expect((scanned.payload as { pages: unknown[] }).pages).toHaveLength(count);
    await call('Sim.ScannerLoad', { business: 'unlock' });
    expect((await call('Sim.ScannerFault', { fault: 'jam' })).header.completionCode).toBe('success');
    const jammed = await call('Scanner.Scan', { source: 'adf' });
    expect(jammed.header.completionCode).toBe('deviceNotReady');
    expect(jammed.payload).toMatchObject({ error: { kind: 'jammed' } });
    await call('Sim.ScannerFault', { fault: 'clear' });
  });

  it('stops socat with the daemon', async () => {
    const socats = socatChildrenOf(daemon.child.pid ?? -1);
    expect(socats).toHaveLength(2);
    client.close();
    await daemon.stop();
    await until('socat to exit', () => socats.every((socat) => !alive(socat)));
  });

  it('socat does not outlive a daemon killed outright (parent-death signal)', async () => {
    const killed = await startDaemon({ args: ['--sim-stacks', 'system'] });
    const socats = socatChildrenOf(killed.child.pid ?? -1);
    expect(socats).toHaveLength(2);
    await killed.stop('SIGKILL');
    await until('socat to exit', () => socats.every((socat) => !alive(socat)));
  });

  it(`KIOSK_FAULT_INJECT=renewal:${pullStep}:pull takes the card out of vpcd: cardRemoved, settled on reinsertion, as in-process`, async () => {
    // The main daemon is stopped (the tests above): this one has vpcd to itself.
    const system = await pulledRenewal(['--sim-stacks', 'system']);
    const steps = renewalSteps.slice(0, renewalSteps.indexOf(pullStep) + 1);
    expect(system.renew).toEqual({ code: 'userError', error: { kind: 'cardRemoved', step: 'activate' } });
    expect(system.progress).toEqual(steps);
    expect(system.readerAfterPull).toBe('noCard');
    // Cut before ACTIVATE: the operation stays open until the card is back…
    expect(system.journalBefore).toEqual(steps.map((step) => `renewal.${step}`));
    expect(system.operationBefore).toEqual([{ step: pullStep, state: 'open' }]);
    // …then is rolled back: the card kept its certificate, and renews again.
    expect(system.settled).toEqual({ completed: 0, rolledBack: 1, open: 0 });
    expect(system.reconciled).toEqual(['rolledBack']);
    expect(system.operationAfter[0]).toEqual({ step: pullStep, state: 'rolledBack' });
    expect(system.certificateKept).toBe(true);
    expect(system.renewedAgain).toBe('success');
    // The in-process reader, pulled at the same step, tells the same story.
    const inProcess = await pulledRenewal([]);
    expect(system).toEqual(inProcess);
  }, 60_000);
});
