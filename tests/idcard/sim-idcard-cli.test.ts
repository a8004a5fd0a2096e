// `kiosk sim idcard serve` as a user runs it, on one end of a socat pty pair, read by a SAM host
// program written independently from the public protocol description (sam_host.py, Python's
// standard library only): frames, checksums, status codes and the 256-byte text layout. Then the
// kiosk's own driver on the same line, and stdin working the card.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SamIdCardReader } from '../../drivers/idcard/sam-id-card-reader.ts';
import { serialLink } from '../../drivers/serial/serial-link.ts';
import { requireSystemTools } from '../support/system-stack.ts';

const haveTools = requireSystemTools([
  ['socat', 'socat'],
  ['python3', 'python3'],
]);
const kiosk = join(import.meta.dirname, '..', '..', 'bin', 'kiosk.mjs');
const hostProgram = join(import.meta.dirname, 'sam_host.py');
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
  dir = '';
});

async function serve(...flags: string[]): Promise<{ host: string; serve: ChildProcess; stderr: () => string }> {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-sim-idcard-'));
  const host = join(dir, 'host');
  const device = join(dir, 'device');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: 'ignore' });
  children.push(socat);
  await until('socat', () => existsSync(host) && existsSync(device));
  const child = spawn(process.execPath, [kiosk, 'sim', 'idcard', 'serve', '--device', device, ...flags], { stdio: ['pipe', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  await until('serve attached', () => stderr.includes('Stop with Ctrl-C'));
  return { host, serve: child, stderr: () => stderr };
}

function hostRead(host: string, mode: 'read' | 'find'): unknown {
  return JSON.parse(execFileSync('python3', [hostProgram, host, mode], { encoding: 'utf8', timeout: 10_000 }));
}

describe.skipIf(!haveTools)('kiosk sim idcard serve', () => {
  it("an independent SAM host program reads 许文彬's card: frames, checksums, status codes, the text layout", async () => {
    const { host } = await serve('--fixture', 'agent');
    expect(hostRead(host, 'read')).toEqual({
      // 7 header bytes + SW 3 + lengths 4 + text 256 + photo 1024 + checksum 1
      frameLength: 1295,
      textLength: 256,
      photoLength: 1024,
      name: '许文彬',
      sex: '1',
      nation: '01',
      birthDate: '19800109',
      address: '福建省厦门市思明区湖滨南路101号',
      idNumber: '35020419800109011X',
      issuingAuthority: '厦门市公安局思明分局',
      validFrom: '20150320',
      validUntil: '20350320',
      reservedBlank: true,
    });
  });

  it('stdin: remove, place NAME; the driver and the host program follow', async () => {
    const { host, serve: child, stderr } = await serve('--fixture', 'agent', '--no-card');
    expect(hostRead(host, 'find')).toEqual({ sw3: 0x80, data: '' });
    child.stdin?.write('place long-term\n');
    await until('placed', () => stderr().includes('card long-term on the reader'));
    expect(hostRead(host, 'read')).toMatchObject({ name: '周建华', validUntil: '长期' });
    const driver = new SamIdCardReader({ source: 'hardware', device: host, baud: 115200, open: serialLink(host, 115200), pollIntervalMs: 100 });
    await driver.start();
    try {
      await until('card present', () => driver.status().state === 'cardPresent');
      expect(driver.status()).toMatchObject({ holder: { name: '周建华', idNumberMasked: '350206********003X', validity: { until: { kind: 'longTerm' } } } });
      child.stdin?.write('remove\n');
      await until('no card', () => driver.status().state === 'noCard');
    } finally {
      await driver.stop();
    }
    child.stdin?.write('place nobody\n');
    await until('refused', () => stderr().includes('unknown fixture "nobody"'));
  });

  it('list --json: every fixture with its decoded fields', () => {
    const listed = JSON.parse(execFileSync(process.execPath, [kiosk, 'sim', 'idcard', 'list', '--json'], { encoding: 'utf8' })) as { fixture: string; name: string; idNumber: string; validUntil: string }[];
    expect(listed.map((f) => f.fixture)).toEqual(['agent', 'legal-representative', 'expired', 'long-term', 'unreadable', 'sam-silent']);
    expect(listed[0]).toMatchObject({ name: '许文彬', sex: '男', nation: '汉族', birthDate: '1980-01-09', idNumber: '35020419800109011X', validUntil: '2035-03-20' });
    expect(listed.find((f) => f.fixture === 'long-term')?.validUntil).toBe('长期');
  });
});

describe('kiosk sim idcard: usage errors exit 2', () => {
  const fails = (...args: string[]): { status: number | null; stderr: string } => {
    const result = spawnSync(process.execPath, [kiosk, 'sim', 'idcard', ...args], { encoding: 'utf8', timeout: 10_000 });
    return { status: result.status, stderr: result.stderr };
  };

  it('names the fixtures when the one asked for does not exist; refuses missing flags, unknown options and verbs', () => {
    const unknown = fails('serve', '--device', '/nonexistent', '--fixture', 'nobody');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown fixture "nobody"; fixtures: agent, legal-representative, expired, long-term, unreadable, sam-silent');
    expect(fails('serve', '--fixture', 'agent').status).toBe(2);
    expect(fails('serve', '--device', '/x', '--fixture', 'agent', '--baud', 'fast').status).toBe(2);
    const bogus = fails('serve', '--device', '/x', '--fixture', 'agent', '--bogus');
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).not.toContain('    at ');
    expect(fails('eject').status).toBe(2);
    expect(fails().stderr).toContain('sim idcard serve --device PATH --fixture NAME');
  });
});
