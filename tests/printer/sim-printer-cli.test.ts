// `kiosk sim printer serve` as a user runs it: on one end of a socat pty pair, the driver on the
// other; a cut receipt appears in --out as PNG and text, and stdin works the paper sensor.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as escpos from '../../drivers/printer/escpos.ts';
import { EscPosPrinter } from '../../drivers/printer/escpos-printer.ts';
import { serialLink } from '../../drivers/serial/serial-link.ts';
import { requireSystemTool } from '../support/system-stack.ts';

const haveSocat = requireSystemTool('socat', 'socat');
const kiosk = join(import.meta.dirname, '..', '..', 'bin', 'kiosk.mjs');
const children: ChildProcess[] = [];
let dir = '';

async function until(what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveSocat)('kiosk sim printer serve', () => {
  it('prints what the driver sends into --out, and takes paper out from stdin', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-sim-printer-'));
    const host = join(dir, 'host');
    const device = join(dir, 'device');
    const out = join(dir, 'out');
    const socat = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: 'ignore' });
    children.push(socat);
    await until('socat', () => existsSync(host) && existsSync(device));
    const serve = spawn(process.execPath, [kiosk, 'sim', 'printer', 'serve', '--device', device, '--out', out, '--baud', '57600'], { stdio: ['pipe', 'ignore', 'pipe'] });
    children.push(serve);
    let stderr = '';
    serve.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await until('serve attached', () => stderr.includes('Stop with Ctrl-C'));

    const driver = new EscPosPrinter({ source: 'hardware', device: host, baud: 57600, open: serialLink(host, 57600), pollIntervalMs: 200 });
    await driver.start();
    try {
      await until('online', () => driver.status().state === 'online');
      const job = new escpos.EscPosWriter().add(escpos.initialise()).line('中文 and English').add(escpos.qrCode('hello'), escpos.cut()).bytes();
      expect((await driver.print({ id: 'P000001', bytes: job })).ok).toBe(true);
      await until('the PNG', () => existsSync(join(out, 'receipt-0001.png')));
      expect(readdirSync(out).sort()).toEqual(['receipt-0001.png', 'receipt-0001.txt']);
      serve.stdin.write('paper out\n');
      await until('paper out', () => driver.status().state === 'paperOut');
      expect(await driver.print({ id: 'P000002', bytes: job })).toMatchObject({ ok: false, error: { reason: 'paperOut' } });
    } finally {
      await driver.stop();
    }
  });
});
