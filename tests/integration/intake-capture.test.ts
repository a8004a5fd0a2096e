// A short guided capture over WebSocket against the real daemon in --sim mode: start, the paper
// asked for, an empty glass, a scan pre-filled from the licence's QR, the agent's confirmation,
// the check (papers still missing), a refused submission, and the draft gone with the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { connect, type TestClient } from '../support/ws-client.ts';

const agentIdNumber = '35020419800109011X';

let daemon: RunningDaemon;
let client: TestClient;
let nextId = 1;

async function call(name: string, payload: Record<string, unknown> = {}, timeoutMs = 20_000) {
  const requestId = nextId++;
  client.command(name, requestId, payload, timeoutMs);
  const completion = await client.completion(requestId, timeoutMs + 5_000);
  return { code: completion.header.completionCode, payload: completion.payload as Record<string, unknown> & { error?: { kind: string } } };
}

beforeAll(async () => {
  daemon = await startDaemon();
  client = await connect(daemon.wsUrl);
});

afterAll(async () => {
  client.close();
  await daemon.stop();
});

describe('guided capture over WebSocket', () => {
  it('captures the business licence, checks the draft and refuses to submit it incomplete', async () => {
    expect((await call('Kiosk.IntakeState')).code).toBe('sequenceError');

    const started = await call('Kiosk.StartIntake', { business: 'new_enrolment' });
    expect(started.code).toBe('success');
    expect(started.payload).toMatchObject({ draft: { version: 1, business: 'new_enrolment', documents: [] }, next: { kinds: ['business_licence'], form: 'copy' } });

    const noPaper = await call('Kiosk.CaptureDocument', { kind: 'business_licence', form: 'copy', source: 'flatbed' });
    expect(noPaper).toMatchObject({ code: 'deviceNotReady', payload: { error: { kind: 'scan', error: { kind: 'noPaper' } } } });
    expect((await call('Kiosk.CaptureDocument', { kind: 'passport', form: 'copy' })).code).toBe('invalidData');

    // The demo feeder holds a new-enrolment set: one scan, one paper, the licence's QR among its pages.
    const captured = await call('Kiosk.CaptureDocument', { kind: 'business_licence', form: 'copy' }, 120_000);
    expect(captured.code).toBe('success');
    expect(captured.payload).toMatchObject({
      index: 0,
      prefilledFromQr: true,
      document: { kind: 'business_licence', form: 'copy', fields: { name: '厦门海韵进出口贸易有限公司', uscc: '91350200MA2Y7K3Q6F' } },
    });
    expect((captured.payload as { document: { stamps: string[] } }).document.stamps).toEqual(expect.arrayContaining(['company_seal', 'eport_review']));

    const tooLong = await call('Kiosk.ConfirmDocument', { index: 0, fields: { address: 'x'.repeat(301) } });
    expect(tooLong.code).toBe('invalidData');
    const confirmed = await call('Kiosk.ConfirmDocument', { index: 0, fields: { annualInspection: '2026-03-01' } });
    expect(confirmed).toMatchObject({ code: 'success', payload: { document: { fields: { annualInspection: '2026-03-01', name: '厦门海韵进出口贸易有限公司' } } } });

    const parties = await call('Kiosk.SetIntakeParties', { agent: { name: '许文彬', idNumber: agentIdNumber } });
    // 三证合一: after the licence the kiosk asks for the trade qualification, not the org code certificate.
    expect(parties).toMatchObject({ code: 'success', payload: { documents: [{ status: 'confirmed' }], next: { kinds: ['trade_qualification'], form: 'copy' } } });

    const verdict = await call('Kiosk.CheckIntake');
    expect(verdict.code).toBe('success');
    expect(verdict.payload).toMatchObject({ acceptable: false, business: 'new_enrolment' });
    expect(JSON.stringify(verdict.payload)).toContain('R-DOC-MISSING');

    const submitted = await call('Kiosk.SubmitIntake');
    expect(submitted).toMatchObject({ code: 'userError', payload: { error: { kind: 'notAcceptable' } } });

    await call('Kiosk.EndSession', { outcome: 'canceled' });
    expect((await call('Kiosk.IntakeState')).code).toBe('sequenceError');
    expect((await call('Scanner.Pages')).payload).toEqual({ pages: [] });
  }, 120_000);

  it('never logs the full ID number', () => {
    expect(JSON.stringify(daemon.logs)).not.toContain(agentIdNumber);
    expect(daemon.logs.length).toBeGreaterThan(0);
  });
});
