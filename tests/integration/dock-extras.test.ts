// The dev dock unplugging the card reader, feeding the one paper the kiosk asks for, and the
// technician's preview of a test scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFixtures } from '../../sim/registry/sim-registry.ts';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

const technicianCard = cardFixtures.find((f) => f.name === 'technician')!;
let daemon: RunningDaemon;
let client: TestClient;
let nextId = 1;

async function call(name: string, payload: Record<string, unknown> = {}) {
  const requestId = nextId++;
  client.command(name, requestId, payload, 60_000);
  const done = await client.completion(requestId, 60_000);
  return { code: done.header.completionCode, payload: done.payload, description: done.header.errorDescription };
}

const readerState = async () => ((await (await fetch(new URL('/api/health', daemon.url))).json()) as { devices: { cardReader: { state: string } } }).devices.cardReader.state;

beforeAll(async () => {
  daemon = await startDaemon();
  client = await connect(daemon.wsUrl);
});

afterAll(async () => {
  client.close();
  await daemon.stop();
});

describe('dev dock and scan preview', () => {
  it('unplugs the card reader (noDevice, the card goes with it) and plugs it back in', async () => {
    await call('Sim.InsertCard', { fixture: 'operator' });
    expect((await call('Sim.CardReaderPlug', { plugged: false })).code).toBe('success');
    await expect.poll(readerState).toBe('noDevice');
    expect((await call('CardReader.ReadCard')).payload).toMatchObject({ error: { kind: 'readerUnavailable' } });
    expect((await call('Sim.CardReaderPlug', { plugged: true })).code).toBe('success');
    await expect.poll(readerState).toBe('noCard');
  });

  it('shows the technician a small JPEG of a scanned page, and nobody else', async () => {
    expect((await call('Sim.ScannerLoad', { business: 'unlock' })).code).toBe('success');
    const scan = await call('Scanner.Scan', { source: 'adf' });
    expect(scan.code).toBe('success');
    const pageId = (scan.payload as { pages: { pageId: string }[] }).pages[0]!.pageId;
    expect((await call('Technician.ScanPreview', { pageId })).code).toBe('authorisationRequired');
    await call('Sim.InsertCard', { fixture: 'technician' });
    expect((await call('Technician.Login', { method: 'card', pin: technicianCard.pin })).code).toBe('success');
    const preview = await call('Technician.ScanPreview', { pageId, width: 320 });
    expect(preview.code).toBe('success');
    const jpeg = Buffer.from((preview.payload as { jpegBase64: string }).jpegBase64, 'base64');
    expect(jpeg.subarray(0, 3).toString('hex')).toBe('ffd8ff');
    expect(preview.payload).toMatchObject({ width: 320 });
    expect((await call('Technician.ScanPreview', { pageId: 'no-such-page' })).code).toBe('invalidData');
  });

  it('feeds only the paper the kiosk asks for, and refuses one the business does not need', async () => {
    const load = await call('Sim.ScannerLoad', { business: 'unlock', paper: { kind: 'id_card', form: 'copy', role: 'agent' } });
    expect(load).toMatchObject({ code: 'success', payload: { pages: 1 } });
    // One scan of the feeder takes exactly that sheet, as a real agent's single paper.
    const scan = await call('Scanner.Scan', { source: 'adf' });
    expect(scan.code).toBe('success');
    expect((scan.payload as { pages: unknown[] }).pages).toHaveLength(1);
    // The kiosk's own shape (PaperRequest.wanted, nulls for "any") is accepted as it is.
    expect(await call('Sim.ScannerLoad', { business: 'unlock', defect: 'noSeal', paper: { kind: 'introduction_letter', form: 'original', role: null } })).toMatchObject({ code: 'success', payload: { pages: 1 } });
    const missing = await call('Sim.ScannerLoad', { business: 'unlock', paper: { kind: 'business_licence', form: 'original' } });
    expect(missing.code).toBe('invalidData');
    expect(missing.description).toMatch(/unlock document set has no business_licence \(original\)/);
    expect((await call('Sim.ScannerLoad', { business: 'unlock', paper: { kind: 'passport' } })).code).toBe('invalidData');
  });
});
