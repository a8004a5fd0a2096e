// The real driver (node-serialport) on one end of a socat pty pair, the virtual printer on the
// other: receipts decoded back from the rendered PNG, and faults mid-job — paper out, cover
// open, the device vanishing — each reported, recovered and reprinted, ending with exactly one
// complete receipt per job.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../daemon/log/logger.ts';
import { PrintService } from '../../daemon/printing/print-service.ts';
import { unlockReceipt } from '../../daemon/printing/sample-receipt.ts';
import { openStore, type Store } from '../../daemon/store/store.ts';
import { EscPosPrinter } from '../../drivers/printer/escpos-printer.ts';
import type { PrinterStatus } from '../../contract/devices/printer.ts';
import { serialLink } from '../../drivers/serial/serial-link.ts';
import { ReceiptFiles } from '../../sim/printer/receipt-files.ts';
import { SerialAttachment } from '../../sim/serial/serial-attachment.ts';
import { VirtualPrinter } from '../../sim/printer/virtual-printer.ts';
import { requireSystemTool } from '../support/system-stack.ts';
import { completeReceiptsOf, decodeQrFromPng, receiptsIn } from './receipt-check.ts';

const haveSocat = requireSystemTool('socat', 'socat');

interface Rig {
  dir: string;
  out: string;
  hostPath: string;
  printerPath: string;
  socat: ChildProcess;
  virtual: VirtualPrinter;
  files: ReceiptFiles;
  attachment: SerialAttachment;
  driver: EscPosPrinter;
  store: Store;
  service: PrintService;
  statuses: PrinterStatus['state'][];
}

let rig: Rig | null = null;

async function until(what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function startSocat(hostPath: string, printerPath: string): Promise<ChildProcess> {
  const socat = spawn('socat', [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${printerPath}`], { stdio: 'ignore' });
  await until('socat links', () => existsSync(hostPath) && existsSync(printerPath), 5000);
  return socat;
}

async function stopSocat(socat: ChildProcess): Promise<void> {
  if (socat.exitCode !== null || socat.signalCode !== null) return;
  const exited = new Promise((resolve) => socat.once('exit', resolve));
  socat.kill('SIGTERM');
  await exited;
}

async function startRig(baud: number): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pty-'));
  const hostPath = join(dir, 'printer-host');
  const printerPath = join(dir, 'printer-device');
  const socat = await startSocat(hostPath, printerPath);
  const out = join(dir, 'out');
  const virtual = new VirtualPrinter({ baud, feedMmPerSecond: 350 });
  const files = new ReceiptFiles(out);
  virtual.onEvent((event) => {
    if (event.kind === 'page') files.write(event.page);
  });
  const attachment = new SerialAttachment(virtual, printerPath, { retryMs: 100 });
  const driver = new EscPosPrinter({ source: 'hardware', device: hostPath, baud, open: serialLink(hostPath, baud), pollIntervalMs: 250, reopenIntervalMs: 100 });
  const statuses: PrinterStatus['state'][] = [];
  driver.onStatusChange((status) => statuses.push(status.state));
  const store = openStore(join(dir, 'kiosk.sqlite'));
  const service = new PrintService({ printer: driver, jobs: store.printJobs, logger: silentLogger, kioskId: 'KIOSK-PTY-01' });
  await driver.start();
  await until('the printer online', () => driver.status().state === 'online');
  rig = { dir, out, hostPath, printerPath, socat, virtual, files, attachment, driver, store, service, statuses };
  return rig;
}

afterEach(async () => {
  if (rig === null) return;
  const { driver, attachment, files, virtual, socat, store, dir } = rig;
  rig = null;
  await driver.stop();
  await attachment.close();
  await files.flushed();
  virtual.close();
  await stopSocat(socat);
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const receipt = (n: number) => unlockReceipt({ ticket: `XM-20261122-00${n}`, verifyUrl: `https://eport.example.cn/r/${n}?k=KIOSK-PTY-01` });

/** Each business job — the original and its reprints — ends with exactly one complete receipt. */
function expectOneCompleteReceipt(out: string, jobIds: string[]): void {
  expect(jobIds.flatMap((jobId) => completeReceiptsOf(out, jobId))).toHaveLength(1);
}

describe.skipIf(!haveSocat)('receipt printer over a real pty pair (socat)', () => {
  it('prints a receipt whose QR code, decoded from the PNG, is what was sent', async () => {
    const { service, files, out } = await startRig(115200);
    const result = await service.print(receipt(1));
    expect(result.ok && result.value.state).toBe('printed');
    await files.flushed();
    const [printed] = completeReceiptsOf(out, 'P000001');
    expect(printed).toBeDefined();
    expect(printed?.text).toContain('350204********011X');
    expect(await decodeQrFromPng(readFileSync(printed!.file.replace(/\.txt$/, '.png')))).toEqual(['https://eport.example.cn/r/1?k=KIOSK-PTY-01']);
  });

  it('paper out mid-job: failed, paperOut pushed, reprinted after a new roll', async () => {
    const { service, virtual, driver, files, out, statuses } = await startRig(38400);
    virtual.setPaperLeft(80);
    const failed = await service.print(receipt(2));
    expect(!failed.ok && failed.error).toMatchObject({ kind: 'printFailed', failure: { reason: 'paperOut' } });
    expect(statuses).toContain('paperOut');
    virtual.loadPaper();
    await until('online after a new roll', () => driver.status().state === 'online');
    const reprint = await service.reprint('P000001');
    expect(reprint.ok && reprint.value).toMatchObject({ state: 'printed', reprintOf: 'P000001' });
    await files.flushed();
    expectOneCompleteReceipt(out, ['P000001', 'P000002']);
    expect(completeReceiptsOf(out, 'P000002')[0]?.text).toContain('重打 REPRINT');
  });

  it('cover opened mid-job: failed, the fragment cut off as void, reprinted once the cover is shut', async () => {
    const { service, virtual, driver, files, out } = await startRig(38400);
    const stop = virtual.onEvent((event) => {
      if (event.kind === 'line' && event.text.includes('企业信息')) virtual.openCover();
    });
    const failed = await service.print(receipt(3));
    stop();
    expect(!failed.ok && failed.error).toMatchObject({ failure: { reason: 'coverOpen' } });
    expect(driver.status().state).toBe('coverOpen');
    virtual.closeCover();
    await until('online with the cover shut', () => driver.status().state === 'online');
    expect((await service.reprint('P000001')).ok).toBe(true);
    await files.flushed();
    expectOneCompleteReceipt(out, ['P000001', 'P000002']);
    const fragment = receiptsIn(out).find((r) => r.text.includes('VOID'));
    expect(fragment?.text).toContain('IC卡解锁回执');
    expect(fragment?.text).toContain('打印中断 Interrupted: P000001');
    expect(fragment?.text).not.toContain('完 END');
  });

  it('device vanished mid-job (pty closed): failed disconnected, reopened when it is back, reprinted', async () => {
    const r = await startRig(38400);
    // A third of the way through the receipt's bytes, the device goes away.
    const kill: { done: Promise<void> | null } = { done: null };
    const stop = r.virtual.onEvent((event) => {
      if (event.kind === 'received' && event.bytes > 2500 && kill.done === null) kill.done = stopSocat(r.socat);
    });
    const failed = await r.service.print(receipt(4));
    stop();
    expect(kill.done).not.toBeNull();
    await kill.done;
    expect(!failed.ok && failed.error).toMatchObject({ failure: { reason: 'disconnected' } });
    expect(r.driver.status().state).toBe('disconnected');
    r.socat = await startSocat(r.hostPath, r.printerPath);
    await until('reconnected', () => r.driver.status().state === 'online');
    const reprint = await r.service.reprint('P000001');
    expect(reprint.ok).toBe(true);
    await r.files.flushed();
    expectOneCompleteReceipt(r.out, ['P000001', 'P000002']);
    expect(receiptsIn(r.out).some((receipt) => receipt.text.includes('VOID'))).toBe(true);
  });
});
