// A typical receipt (an IC card unlock: about 40 lines, the logo and a QR code) through the real
// driver and the virtual printer at 115200 baud, over a socat pty pair (the real serial stack)
// and over the in-process link, against the line's physical limit (bytes × 10 / baud).
// Prints figures; not a test. `node bench/printer.ts [RUNS]` (needs socat for the pty rows).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eportLogo } from '../daemon/printing/logo.ts';
import { encodeReceipt } from '../daemon/printing/receipt-layout.ts';
import { unlockReceipt } from '../daemon/printing/sample-receipt.ts';
import { EscPosPrinter } from '../drivers/printer/escpos-printer.ts';
import type { OpenLink } from '../drivers/serial/byte-link.ts';
import { serialLink } from '../drivers/serial/serial-link.ts';
import { inProcessLink } from '../sim/printer/in-process-link.ts';
import { dotsPerMm } from '../sim/printer/printed-page.ts';
import { SerialAttachment } from '../sim/serial/serial-attachment.ts';
import { VirtualPrinter } from '../sim/printer/virtual-printer.ts';

const runs = Number.parseInt(process.argv[2] ?? '5', 10);
const baud = 115200;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function until(predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

interface Figures {
  bytes: number;
  received: number;
  confirmed: number;
  pageRows: number;
}

async function measure(open: (printer: VirtualPrinter) => Promise<{ link: OpenLink; device: string; close: () => Promise<void> }>, feedMmPerSecond: number): Promise<Figures[]> {
  const printer = new VirtualPrinter({ baud, feedMmPerSecond });
  const { link, device, close } = await open(printer);
  const driver = new EscPosPrinter({ source: 'sim', device, baud, open: link, pollIntervalMs: 60_000 });
  await driver.start();
  await until(() => driver.status().state === 'online');
  const logo = await eportLogo();
  const figures: Figures[] = [];
  for (let i = 0; i < runs; i++) {
    const jobId = `P${String(i + 1).padStart(6, '0')}`;
    const bytes = encodeReceipt(unlockReceipt({ ticket: `XM-20261122-${i}`, verifyUrl: `https://eport.example.cn/r/${jobId}?k=KIOSK-DEV-01&c=7F3A` }), {
      jobId,
      kioskId: 'KIOSK-DEV-01',
      printedAt: new Date(),
      logo,
    });
    const before = printer.stats().bytesReceived;
    let received = NaN;
    let pageRows = NaN;
    const start = performance.now();
    const stop = printer.onEvent((event) => {
      // The job's own bytes plus the 11-byte GS ( H that follows it.
      if (event.kind === 'received' && Number.isNaN(received) && event.bytes - before >= bytes.length + 11) received = performance.now() - start;
      if (event.kind === 'page') pageRows = event.page.heightDots;
    });
    const result = await driver.print({ id: jobId, bytes });
    stop();
    if (!result.ok) throw new Error(`job failed: ${result.error.message}`);
    figures.push({ bytes: result.value.bytes, received, confirmed: result.value.elapsedMs, pageRows });
    await sleep(50);
  }
  await driver.stop();
  await close();
  printer.close();
  return figures;
}

async function overPty(printer: VirtualPrinter): Promise<{ link: OpenLink; device: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-printer-'));
  const host = join(dir, 'host');
  const far = join(dir, 'printer');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${far}`], { stdio: 'ignore' });
  await until(() => existsSync(host) && existsSync(far));
  const attachment = new SerialAttachment(printer, far);
  return {
    link: serialLink(host, baud),
    device: host,
    close: async () => {
      await attachment.close();
      socat.kill('SIGTERM');
      await new Promise((resolve) => socat.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const inProcess = async (printer: VirtualPrinter) => ({ link: inProcessLink(printer), device: 'in-process', close: async () => undefined });

function report(label: string, feed: number, figures: Figures[]): void {
  const bytes = figures[0]?.bytes ?? 0;
  const line = (bytes * 10 * 1000) / baud;
  const paper = ((figures[0]?.pageRows ?? 0) / (feed * dotsPerMm)) * 1000;
  const received = median(figures.map((f) => f.received));
  const confirmed = median(figures.map((f) => f.confirmed));
  console.log(
    `${label.padEnd(34)} ${String(bytes).padStart(6)} B  line ${line.toFixed(0).padStart(4)} ms  paper ${paper.toFixed(0).padStart(4)} ms  ` +
      `received ${received.toFixed(0).padStart(4)} ms (×${(received / line).toFixed(3)} line)  ` +
      `on paper ${confirmed.toFixed(0).padStart(4)} ms (×${(confirmed / line).toFixed(3)} line, ×${(confirmed / Math.max(line, paper)).toFixed(3)} max(line, paper))`,
  );
}

console.log(`printer benchmark: unlock receipt, ${baud} baud, median of ${runs} runs`);
console.log('  line  = bytes × 10 / baud (the line\'s physical limit); paper = receipt length / feed speed');
console.log('  received = last byte parsed by the printer; on paper = the printer\'s GS ( H confirmation at the driver\n');
const haveSocat = ['/usr/bin/socat', '/bin/socat', '/usr/local/bin/socat'].some((path) => existsSync(path));
for (const feed of [350, 10_000]) {
  const feedLabel = feed === 350 ? '350 mm/s' : 'paper not limiting';
  if (haveSocat) report(`pty (socat), ${feedLabel}`, feed, await measure(overPty, feed));
  else console.log('pty rows skipped: socat is not installed');
  report(`in-process, ${feedLabel}`, feed, await measure(inProcess, feed));
}
