// APDU round trip over the real stack (our driver → pcsclite → pcscd → vpcd → our vpcd transport
// → a test card), beside scriptor (pcsc-tools) sending the same SELECT on the same stack, with
// TCP_QUICKACK on and off. Prints figures; not a test. Run as root (pcscd): `node bench/card-apdu.ts [N]`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcscCardReader } from '../drivers/card/pcsc-card-reader.ts';
import { VpcdTransport } from '../sim/card/vpcd-transport.ts';
import { VPCD_PORT, VPCD_READER, startPcscd } from '../tests/support/pcscd.ts';
import { findOnPath } from '../tests/support/system-stack.ts';
import { SELECT_EPORT, TestCard } from '../tests/support/test-card.ts';

const count = Number.parseInt(process.argv[2] ?? '2000', 10);
/** Without quick ACK every APDU waits ~40 ms: fewer rounds tell the same story. */
const slowCount = Math.min(count, 100);

interface Figures {
  median: number;
  p95: number;
  mean: number;
}

function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

const ms = (value: number): string => `${value.toFixed(3)} ms`;

async function waitPresent(driver: PcscCardReader): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (driver.status().state !== 'present') {
    if (Date.now() > deadline) throw new Error(`card not present: ${JSON.stringify(driver.status())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** All APDUs in one exclusive session: the APDU round trip itself. */
async function driverRoundTrips(driver: PcscCardReader, n: number): Promise<number[]> {
  const samples: number[] = [];
  const result = await driver.withSession('bench', async (session) => {
    for (let i = 0; i < n; i++) {
      const start = process.hrtime.bigint();
      const response = await session.transmit(SELECT_EPORT);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!response.ok || response.value.toString('hex') !== '9000') throw new Error(`SELECT failed: ${JSON.stringify(response)}`);
    }
  });
  if (!result.ok) throw new Error(`session failed: ${result.error.message}`);
  return samples;
}

/** Each APDU in its own session (connect exclusive + transmit + disconnect), as `driver.transmit` does. */
async function driverSessions(driver: PcscCardReader, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    const response = await driver.transmit(SELECT_EPORT);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!response.ok) throw new Error(`transmit failed: ${response.error.message}`);
  }
  return samples;
}

const run = promisify(execFile);

/** scriptor's time per APDU: (time for n APDUs − time for 1) / (n − 1), so its start-up cancels out. */
// Asynchronous on purpose: the card answering scriptor lives in this process's event loop.
async function scriptorPerApdu(n: number): Promise<number | null> {
  if (findOnPath('scriptor') === null) return null;
  const dir = mkdtempSync(join(tmpdir(), 'bench-card-'));
  const line = `${[...SELECT_EPORT].map((b) => b.toString(16).padStart(2, '0')).join(' ')}\n`;
  const timed = async (lines: number): Promise<number> => {
    const file = join(dir, `batch-${lines}.apdu`);
    writeFileSync(file, line.repeat(lines));
    const start = process.hrtime.bigint();
    const out = await run('scriptor', ['-r', VPCD_READER, file], { maxBuffer: 64 * 1024 * 1024 });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    const answered = out.stdout.split('\n').filter((l) => l.startsWith('< 90 00')).length;
    if (answered !== lines) throw new Error(`scriptor answered ${answered}/${lines}: ${out.stderr}`);
    return elapsed;
  };
  try {
    // Best of three for each, against start-up noise.
    const one = Math.min(await timed(1), await timed(1), await timed(1));
    const many = Math.min(await timed(n), await timed(n), await timed(n));
    return (many - one) / (n - 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(driver: PcscCardReader, quickAck: boolean): Promise<void> {
  const n = quickAck ? count : slowCount;
  const transport = new VpcdTransport(new TestCard(), { port: VPCD_PORT, quickAck });
  const connected = await transport.connect();
  if (!connected.ok) throw new Error(connected.error);
  try {
    await waitPresent(driver);
    await driverRoundTrips(driver, Math.min(50, n)); // warm-up
    const ours = figures(await driverRoundTrips(driver, n));
    const sessions = figures(await driverSessions(driver, Math.min(n, 200)));
    const scriptor = await scriptorPerApdu(n);
    const quick = JSON.stringify(transport.status.state === 'connected' ? transport.status.quickAck : null);
    console.log(`\nTCP_QUICKACK ${quickAck ? 'on' : 'off'} (${quick}), ${n} SELECTs`);
    console.log(`  driver, one session:       median ${ms(ours.median)}  p95 ${ms(ours.p95)}  mean ${ms(ours.mean)}`);
    console.log(`  driver, session per APDU:  median ${ms(sessions.median)}  p95 ${ms(sessions.p95)}`);
    if (scriptor === null) console.log('  scriptor: not installed (pcsc-tools)');
    else console.log(`  scriptor (batch file):     ${ms(scriptor)} per APDU; driver/scriptor ratio ${(ours.median / scriptor).toFixed(2)}`);
    if (quickAck) console.log(`  target median ≤ 1 ms: ${ours.median <= 1 ? 'met' : 'MISSED'}`);
  } finally {
    await transport.disconnect();
    const deadline = Date.now() + 10_000;
    while (driver.status().state === 'present' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pcscd = await startPcscd();
const driver = new PcscCardReader({ readerName: VPCD_READER });
try {
  await driver.start();
  console.log(`card APDU round trip over pcscd + vpcd (${VPCD_READER}), Node ${process.version}`);
  await measure(driver, true);
  await measure(driver, false);
} finally {
  await driver.stop();
  await pcscd.stop();
}
