// Generated pages through the real SANE stack: scanimage → libsane-pnm → our driver → checks.
// SANE_CONFIG_DIR points at a private dll.conf naming only `pnm`; /etc/sane.d is left alone.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage } from '../../daemon/imaging/check-page.ts';
import { parseLicenceQr } from '../../contract/intake/licence-qr.ts';
import { SaneScanner } from '../../drivers/scanner/sane-scanner.ts';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import { generatePage } from '../../sim/scanner/generate-page.ts';
import { preparePnmBackend, writePnmPage, type PnmBackend } from '../../sim/scanner/pnm-backend.ts';
import { requireSystemTool } from '../support/system-stack.ts';

const haveSane = requireSystemTool('scanimage', 'sane-utils');
const date = '2026-11-22';

describe.skipIf(!haveSane)('the pnm backend serves generated pages to scanimage', () => {
  let backend: PnmBackend;
  let licencePath: string;
  let blankPath: string;
  beforeAll(async () => {
    backend = preparePnmBackend();
    const spec = documentSpecs('new_enrolment', { date }).find((s) => s.kind === 'business_licence');
    if (spec === undefined) throw new Error('no licence');
    licencePath = await writePnmPage(backend, await generatePage(spec, { date, dpi: 200 }), 'licence');
    blankPath = await writePnmPage(backend, await generatePage(spec, { date, dpi: 200, defects: { blank: true } }), 'blank');
  });
  afterAll(() => rmSync(backend.dir, { recursive: true, force: true }));

  const scanner = (file: string, ...extra: string[]): SaneScanner =>
    new SaneScanner({ deviceName: 'pnm:0', timeoutMs: 30_000, env: backend.env, extraArgs: [`--filename=${file}`, ...extra] });

  it('lists the pnm devices and is idle on start', async () => {
    const s = scanner(licencePath);
    const devices = await s.listDevices();
    expect(devices.ok && devices.value.map((d) => d.name)).toEqual(expect.arrayContaining(['pnm:0', 'pnm:1']));
    await s.start();
    expect(s.status()).toEqual({ state: 'idle', device: 'pnm:0' });
  });

  it('scans the licence page through SANE and the checks read its stamps and QR', async () => {
    const result = await scanner(licencePath).scan({ source: 'flatbed', resolutionDpi: 200, mode: 'color' });
    if (!result.ok) throw new Error(result.error.message);
    const [page] = result.value;
    expect(page).toMatchObject({ width: 1654, height: 2339, channels: 3, dpi: 200 });
    const report = await checkPage({ image: page!, dpi: page!.dpi });
    expect(report.ok && report.value.dpiSource).toBe('scanner');
    expect(report.ok && report.value.seals.map((s) => s.kind).sort()).toEqual(['company_seal', 'eport_review']);
    expect(parseLicenceQr(report.ok ? (report.value.qr ?? '') : '')).toMatchObject({ name: '厦门海韵进出口贸易有限公司' });
  });

  it('scans an ADF batch (the pnm backend feeds one sheet, then reports the feeder empty)', async () => {
    const result = await scanner(blankPath).scan({ source: 'adf', resolutionDpi: 200, mode: 'color' });
    expect(result.ok && result.value.length).toBe(1);
    const report = result.ok && result.value[0] ? await checkPage({ image: result.value[0] }) : null;
    expect(report?.ok && report.value.blank).toBe(true);
  });

  it.each([
    ['--status-jammed=yes', 'jammed', 'jammed'],
    ['--status-nodocs=yes', 'noPaper', 'noPaper'],
    ['--status-coveropen=yes', 'coverOpen', 'coverOpen'],
    ['--status-ioerror=yes', 'error', 'error'],
  ] as const)('maps the backend’s %s to %s', async (option, kind, state) => {
    const s = scanner(licencePath, option);
    const result = await s.scan({ source: 'flatbed', resolutionDpi: 200, mode: 'color' });
    expect(result).toMatchObject({ ok: false, error: { kind } });
    expect(s.status().state).toBe(state);
  });

  it('reports noDevice for a device SANE does not have', async () => {
    const s = new SaneScanner({ deviceName: 'fujitsu:fi-7160', timeoutMs: 10_000, env: backend.env });
    await s.start();
    expect(s.status()).toMatchObject({ state: 'noDevice' });
  });
});
