// The real driver (node-serialport) on one end of a socat pty pair, the simulated SAM module on the
// other: reads, no card, line noise, corrupt and truncated answers, a SAM that does not answer.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SamIdCardReader } from '../../drivers/idcard/sam-id-card-reader.ts';
import { serialLink } from '../../drivers/serial/serial-link.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import type { IdCardFixtureName } from '../../sim/idcard/id-card-fixtures.ts';
import { PtySimIdCardReader } from '../../sim/idcard/pty-sim-id-card-reader.ts';
import { SerialAttachment } from '../../sim/serial/serial-attachment.ts';
import { VirtualSamModule } from '../../sim/idcard/virtual-sam-module.ts';
import { requireSystemTool } from '../support/system-stack.ts';

const haveSocat = requireSystemTool('socat', 'socat');

interface Rig {
  dir: string;
  socat: ChildProcess;
  module: VirtualSamModule;
  attachment: SerialAttachment;
  driver: SamIdCardReader;
  states: IdCardReaderStatus['state'][];
}

let rig: Rig | null = null;

async function until(what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function startRig(fixture: IdCardFixtureName, options: { cardPlaced?: boolean; pollIntervalMs?: number; replyTimeoutMs?: number } = {}): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-idcard-pty-'));
  const hostPath = join(dir, 'idcard-host');
  const devicePath = join(dir, 'idcard-device');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], { stdio: 'ignore' });
  await until('socat links', () => existsSync(hostPath) && existsSync(devicePath), 5000);
  const module = new VirtualSamModule({ fixture, cardPlaced: options.cardPlaced ?? true });
  let attached = false;
  const attachment = new SerialAttachment(module, devicePath, { retryMs: 50, onState: (s) => (attached = s.state === 'attached') });
  await until('the module attached', () => attached);
  const driver = new SamIdCardReader({
    source: 'hardware',
    device: hostPath,
    baud: 115200,
    open: serialLink(hostPath, 115200),
    pollIntervalMs: options.pollIntervalMs ?? 100,
    replyTimeoutMs: options.replyTimeoutMs ?? 300,
    reopenIntervalMs: 100,
  });
  const states: IdCardReaderStatus['state'][] = [];
  driver.onStatusChange((status) => states.push(status.state));
  await driver.start();
  rig = { dir, socat, module, attachment, driver, states };
  return rig;
}

afterEach(async () => {
  if (rig === null) return;
  const { driver, attachment, socat, dir } = rig;
  rig = null;
  await driver.stop();
  await attachment.close();
  if (socat.exitCode === null && socat.signalCode === null) {
    const exited = new Promise((resolve) => socat.once('exit', resolve));
    socat.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveSocat)('ID-card reader over a real pty pair (socat)', () => {
  it("finds, selects and reads 许文彬's card; the status shows him masked", async () => {
    const { driver } = await startRig('agent');
    await until('card present', () => driver.status().state === 'cardPresent');
    expect(driver.status()).toMatchObject({ state: 'cardPresent', holder: { name: '许文彬', idNumberMasked: '350204********011X' } });
    const read = await driver.read();
    expect(read.ok && read.value.text).toEqual({
      name: '许文彬',
      sex: { code: '1', label: '男' },
      nation: { code: '01', label: '汉族' },
      birthDate: '1980-01-09',
      address: '福建省厦门市思明区湖滨南路101号',
      idNumber: '35020419800109011X',
      issuingAuthority: '厦门市公安局思明分局',
      validFrom: '2015-03-20',
      validUntil: { kind: 'date', date: '2035-03-20' },
    });
    expect(read.ok && read.value.elapsedMs).toBeLessThan(2000);
  });

  it('no card: noCard, a read says so; placing the expired card shows its end date', async () => {
    const { driver, module } = await startRig('agent', { cardPlaced: false });
    await until('no card', () => driver.status().state === 'noCard');
    expect(await driver.read()).toMatchObject({ ok: false, error: { reason: 'noCard' } });
    module.place('expired');
    await until('card present', () => driver.status().state === 'cardPresent');
    const status = driver.status();
    expect(status.state === 'cardPresent' && status.holder).toMatchObject({ name: '林晓燕', validity: { until: { kind: 'date', date: '2024-07-15' } } });
  });

  it('garbage on the line before an answer: resynchronised; a corrupt or truncated answer: a value, then reads go on', async () => {
    const { driver, module } = await startRig('agent', { pollIntervalMs: 60_000 });
    await until('card present', () => driver.status().state === 'cardPresent');
    module.interfere({ garbageBefore: Uint8Array.of(0x55, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0xaa, 0xaa) });
    expect(await driver.read()).toMatchObject({ ok: true, value: { text: { idNumber: '35020419800109011X' } } });
    module.interfere({ corruptChecksum: true });
    expect(await driver.read()).toMatchObject({ ok: false, error: { reason: 'badData', message: expect.stringContaining('checksum') } });
    module.interfere({ truncateTo: 10 });
    expect(await driver.read()).toMatchObject({ ok: false, error: { reason: 'timeout', message: expect.stringContaining('truncated') } });
    expect(await driver.read()).toMatchObject({ ok: true });
  });

  it('a card that fails to read: samError 0x41, the status in error', async () => {
    const { driver } = await startRig('unreadable');
    await until('error', () => driver.status().state === 'error');
    expect(await driver.read()).toMatchObject({ ok: false, error: { reason: 'samError', message: expect.stringContaining('0x41') } });
  });

  it('a SAM that does not answer: timeout as a value, error in the status', async () => {
    const { driver } = await startRig('sam-silent', { replyTimeoutMs: 150 });
    await until('error', () => driver.status().state === 'error');
    const started = Date.now();
    expect(await driver.read()).toMatchObject({ ok: false, error: { reason: 'timeout', message: expect.stringContaining('no answer') } });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe.skipIf(!haveSocat)('PtySimIdCardReader (the system stack of simulator mode)', () => {
  it('spawns socat, reads the card placed on the virtual module, and takes socat down on stop', async () => {
    const ptyDir = mkdtempSync(join(tmpdir(), 'kiosk-idcard-sys-'));
    const reader = new PtySimIdCardReader({ ptyDir, fixture: 'agent', cardPlaced: false, pollIntervalMs: 100 });
    try {
      await reader.start();
      await until('no card', () => reader.status().state === 'noCard');
      reader.virtual.place('legal-representative');
      await until('card present', () => reader.status().state === 'cardPresent');
      expect(reader.status()).toMatchObject({ device: reader.hostPath, holder: { name: '陈海峰', idNumberMasked: '350203********4517' } });
      expect((await reader.read()).ok).toBe(true);
    } finally {
      await reader.stop();
    }
    expect(reader.status()).toEqual({ state: 'noDevice', reason: 'stopped' });
    // socat, stopped with SIGTERM, removed its links.
    expect(existsSync(reader.hostPath)).toBe(false);
    rmSync(ptyDir, { recursive: true, force: true });
  });
});
