// The intake's paper check on a kiosk with an ID-card reader: the agent's ID card copy and the
// introduction letter take the agent's name and ID number from the chip of the ID card on the
// reader (source idCard, the number masked on screen); an expired ID card gives nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../basics/redact.ts';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import type { GeneratedPage } from '../../sim/scanner/documents.ts';
import { generatedPage } from '../../tests/support/generated-pages.ts';
import type { Flow } from './flow.ts';
import type { FlowScreen } from '../../contract/flow-view.ts';
import { act, openFlowKit, recordingHooks, type FlowKit, type RecordedHooks } from '../../tests/support/flow-test-kit.ts';
import { createIntakeFlow } from './intake-flow.ts';

const agent = { name: '许文彬', idNumber: '35020419800109011X' };
let kit: FlowKit;
let hooks: RecordedHooks;

beforeEach(async () => {
  kit = await openFlowKit({ idCardReader: true });
  hooks = recordingHooks();
});

afterEach(async () => {
  await kit.close();
});

/** A card replacement on the scan screen of the agent's ID card copy. */
async function toAgentCopy(): Promise<{ flow: Flow; copy: () => Promise<GeneratedPage> }> {
  kit.startSession('card_replacement');
  const flow = createIntakeFlow(kit.deps, hooks, 'card_replacement');
  kit.attach(flow);
  await act(flow, { action: 'next' });
  for (let guard = 0; guard < 20; guard++) {
    const screen = flow.screen();
    if (screen.screen === 'scanPaper' && screen.paper.wanted.kind === 'id_card' && screen.paper.wanted.form === 'copy') break;
    await act(flow, { action: 'next' });
  }
  const spec = documentSpecs('card_replacement', { date: kit.date }).find((s) => s.kind === 'id_card' && s.form === 'copy' && (s.role ?? 'agent') === 'agent');
  if (spec === undefined) throw new Error('no agent ID copy');
  return { flow, copy: () => generatedPage(spec, { date: kit.date, dpi: kit.scanDpi }) };
}

describe('intake with an ID-card reader', () => {
  it("pre-fills the agent's ID card copy from the chip of the ID card on the reader", async () => {
    const { flow, copy } = await toAgentCopy();
    await kit.placeIdCard('agent');
    kit.scanner.loadFeeder([await copy()]);
    const fields = await act(flow, { action: 'scan' });
    expect(fields).toMatchObject({
      screen: 'confirmFields',
      fields: [
        { key: 'name', value: agent.name, source: 'idCard' },
        { key: 'idNumber', value: maskIdNumber(agent.idNumber), source: 'idCard' },
      ],
    });
    expect(kit.deps.sessions.idCard()).toMatchObject({ idNumber: agent.idNumber });
    expect(hooks.journaled.map((j) => j.step)).toContain('intake.idCardRead');
    expect(JSON.stringify(fields satisfies FlowScreen)).not.toContain(agent.idNumber);
  }, 60_000);

  it('says an expired ID card on the reader on the copy\'s screen and leaves the fields to the paper', async () => {
    const { flow, copy } = await toAgentCopy();
    await kit.placeIdCard('expired');
    kit.scanner.loadFeeder([await copy()]);
    const fields = await act(flow, { action: 'scan' });
    expect(fields).toMatchObject({ screen: 'confirmFields', problem: { kind: 'idCardExpired', validUntil: '2024-07-15' } });
    expect(JSON.stringify(fields)).not.toContain('"idCard"');
    expect(kit.deps.sessions.idCard()).toBeNull();
    expect(hooks.journaled).toContainEqual({ step: 'intake.idCardRefused', data: { problem: 'idCardExpired' } });
  }, 60_000);
});
