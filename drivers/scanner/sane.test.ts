import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePnm, encodePnm } from './pnm.ts';
import { SaneScanner } from './sane-scanner.ts';
import { classifySaneFailure } from './sane-status.ts';
import { parseDeviceOptions, scanArguments } from './scanimage-options.ts';

describe('PNM', () => {
  it('round-trips PPM and PGM and refuses truncated or foreign data', () => {
    const rgb = { width: 3, height: 2, channels: 3 as const, data: Buffer.from([...Array(18).keys()]) };
    const back = decodePnm(encodePnm(rgb));
    expect(back.ok && { ...back.value, data: [...back.value.data] }).toEqual({ ...rgb, data: [...rgb.data] });
    const withComment = Buffer.concat([Buffer.from('P5\n# SANE data follows\n2 2\n255\n'), Buffer.from([1, 2, 3, 4])]);
    expect(decodePnm(withComment)).toMatchObject({ ok: true, value: { width: 2, height: 2, channels: 1 } });
    expect(decodePnm(encodePnm(rgb).subarray(0, 20))).toMatchObject({ ok: false, error: expect.stringMatching(/truncated/) });
    expect(decodePnm(Buffer.from('\x89PNG'))).toMatchObject({ ok: false });
  });
});

describe('SANE status mapping', () => {
  it.each([
    ['scanimage: sane_read: Document feeder jammed', 6, 'jammed'],
    ['scanimage: sane_start: Document feeder out of documents', 7, 'noPaper'],
    ['scanimage: sane_read: Scanner cover is open', 8, 'coverOpen'],
    ['scanimage: open of device fujitsu:0 failed: Device busy', 1, 'busy'],
    ['scanimage: sane_start: Invalid argument', 4, 'error'],
    ['scanimage: sane_read: Error during device I/O', 9, 'error'],
    ['scanimage: open of device foo:0 failed: Invalid argument', 1, 'noDevice'],
    ['scanimage: no SANE devices found', 6, 'jammed'],
    ['', 3, 'busy'],
    ['something else', 1, 'error'],
  ] as const)('%s (exit %i) → %s', (stderr, code, kind) => {
    expect(classifySaneFailure(`Output format is not set, using pnm as a default.\n${stderr}\n`, code).kind).toBe(kind);
  });
});

describe('device options', () => {
  const help = [
    '  Scan Mode:',
    '    --mode Lineart|Gray|Color [Color]',
    '    --source Flatbed|ADF Front|ADF Duplex [Flatbed]',
    '    --resolution 75|150|300|600dpi [150]',
  ].join('\n');
  it('picks the device’s own names and the nearest resolution', () => {
    const options = parseDeviceOptions(help);
    expect(scanArguments(options, { source: 'adf', resolutionDpi: 200, mode: 'gray' })).toEqual({ args: ['--resolution=150', '--mode=Gray', '--source=ADF Front'], dpi: 150 });
    expect(scanArguments(parseDeviceOptions('    --resolution 50..1200dpi (in steps of 1) [300]'), { source: 'flatbed', resolutionDpi: 200, mode: 'color' })).toEqual({ args: ['--resolution=200'], dpi: 200 });
    expect(scanArguments(parseDeviceOptions(''), { source: 'flatbed', resolutionDpi: 200, mode: 'color' }).args).toEqual([]);
  });
});

describe('SaneScanner over a fake scanimage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fake-sane-'));
  const fake = join(dir, 'scanimage');
  // Behaves like scanimage for -f, -A and a scan; FAKE_SANE picks the outcome.
  writeFileSync(
    fake,
    `#!/bin/sh
[ "$1" = "-f" ] && { printf 'fake:0\\tAcme\\tDocuScan\\tsheetfed scanner\\n'; exit 0; }
[ "$3" = "-A" ] && { printf '    --mode Gray|Color [Color]\\n    --source ADF|Flatbed [ADF]\\n    --resolution 100|200|300dpi [200]\\n'; exit 0; }
echo "Output format is not set, using pnm as a default." >&2
case "$FAKE_SANE" in
  jam) echo "scanimage: sane_read: Document feeder jammed" >&2; exit 6 ;;
  cover) echo "scanimage: sane_read: Scanner cover is open" >&2; exit 8 ;;
  empty) echo "scanimage: sane_start: Document feeder out of documents" >&2; exit 7 ;;
  busy) echo "scanimage: open of device fake:0 failed: Device busy" >&2; exit 1 ;;
  hang) trap 'echo "scanimage: received signal" >&2; exit 2' INT; while :; do sleep 0.05; done ;;
  batch) for a in "$@"; do case "$a" in --batch=*) f=$(printf "\${a#--batch=}" 1); printf 'P5\\n2 1\\n255\\nAB' > "$f"; f=$(printf "\${a#--batch=}" 2); printf 'P5\\n2 1\\n255\\nCD' > "$f";; esac; done; exit 0 ;;
  *) echo "args: $*" >&2; printf 'P6\\n1 1\\n255\\nxyz'; exit 0 ;;
esac
`,
  );
  chmodSync(fake, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const scanner = (mode: string, timeoutMs = 10_000): SaneScanner =>
    new SaneScanner({ deviceName: '', timeoutMs, scanimage: fake, env: { ...process.env, FAKE_SANE: mode }, killGraceMs: 200 });

  it('finds the device, scans one page with the device’s option names, and is idle after', async () => {
    const s = scanner('ok');
    await s.start();
    expect(s.status()).toEqual({ state: 'idle', device: 'fake:0' });
    const result = await s.scan({ source: 'flatbed', resolutionDpi: 200, mode: 'color' });
    expect(result).toMatchObject({ ok: true, value: [{ width: 1, height: 1, channels: 3, dpi: 200 }] });
    expect(s.status().state).toBe('idle');
  });

  it('reads every page of an ADF batch', async () => {
    const result = await scanner('batch').scan({ source: 'adf', resolutionDpi: 300, mode: 'gray' });
    expect(result.ok && result.value.map((page) => page.data.toString())).toEqual(['AB', 'CD']);
  });

  it('hands an ADF batch over page by page, each off the disk before the caller gets it', async () => {
    const workDir = mkdtempSync(join(dir, 'work-'));
    const s = new SaneScanner({ deviceName: '', timeoutMs: 10_000, scanimage: fake, env: { ...process.env, FAKE_SANE: 'batch' }, killGraceMs: 200, workDir });
    const seen: { text: string; page: number; of: number; filesLeft: number }[] = [];
    const result = await s.scanPages({ source: 'adf', resolutionDpi: 300, mode: 'gray' }, async (page, position) => {
      const filesLeft = readdirSync(workDir).reduce((sum, batch) => sum + readdirSync(join(workDir, batch)).length, 0);
      seen.push({ text: page.data.toString(), ...position, filesLeft });
    });
    expect(result).toEqual({ ok: true, value: 2 });
    // The first page is in memory alone: its file is gone, the second still waits on disk.
    expect(seen).toEqual([
      { text: 'AB', page: 1, of: 2, filesLeft: 1 },
      { text: 'CD', page: 2, of: 2, filesLeft: 0 },
    ]);
    expect(readdirSync(workDir)).toEqual([]);
  });

  it.each([
    ['jam', 'jammed', 'jammed'],
    ['cover', 'coverOpen', 'coverOpen'],
    ['empty', 'noPaper', 'noPaper'],
    ['busy', 'busy', 'idle'],
  ] as const)('%s → %s, device state %s', async (mode, kind, state) => {
    const s = scanner(mode);
    const result = await s.scan({ source: 'adf', resolutionDpi: 200, mode: 'color' });
    expect(result).toMatchObject({ ok: false, error: { kind } });
    expect(s.status().state).toBe(state);
  });

  it('times out and cancels a hanging scan with SIGINT', async () => {
    expect(await scanner('hang', 300).scan({ source: 'flatbed', resolutionDpi: 200, mode: 'color' })).toMatchObject({ ok: false, error: { kind: 'timedOut' } });
    const s = scanner('hang');
    const pending = s.scan({ source: 'flatbed', resolutionDpi: 200, mode: 'color' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await s.scan({ source: 'flatbed', resolutionDpi: 200, mode: 'color' })).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(s.cancel()).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'canceled' } });
    expect(s.status().state).toBe('idle');
  });

  it('reports noDevice when scanimage is missing', async () => {
    const s = new SaneScanner({ deviceName: '', timeoutMs: 1000, scanimage: join(dir, 'missing') });
    await s.start();
    expect(s.status()).toMatchObject({ state: 'noDevice', reason: expect.stringMatching(/cannot run/) });
  });
});
