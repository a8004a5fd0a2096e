// The intake flow with the real OCR engine (its own process, as the daemon runs it) on pages the
// document generator draws at the product's 200 dpi: a wrong paper is refused with what it looks
// like, the right one comes to the confirm screen with its fields read off the scan, and the agent
// types only what OCR marked uncertain and got wrong. One engine serves the whole file.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import type { DocumentSpec } from '../../sim/scanner/documents.ts';
import { generatePage } from '../../sim/scanner/generate-page.ts';
import { ProcessOcrEngine } from '../../drivers/ocr/process-ocr-engine.ts';
import type { CaptureItem } from '../../contract/intake/capture.ts';
import { act, openFlowKit, recordingHooks, until, type FlowKit, type RecordedHooks } from '../../tests/support/flow-test-kit.ts';
import { createIntakeFlow } from './intake-flow.ts';

const engine = new ProcessOcrEngine({ idleMs: 1500 });
let kit: FlowKit;
let hooks: RecordedHooks;

afterAll(async () => {
  await engine.close();
});

beforeEach(async () => {
  kit = await openFlowKit({ scanDpi: 200, ocr: engine });
  hooks = recordingHooks();
});

afterEach(async () => {
  await kit.close();
});

function specFor(specs: readonly DocumentSpec[], item: Pick<CaptureItem, 'kinds' | 'form' | 'roles'>): DocumentSpec {
  const spec = specs.find((s) => item.kinds.includes(s.kind) && (item.form === null || item.form === s.form) && (item.roles === undefined || item.roles.includes(s.role ?? 'agent')));
  if (spec === undefined) throw new Error(`no generated page for ${item.kinds.join()}`);
  return spec;
}

describe('intake with OCR', () => {
  it('change of information: a wrong paper is refused by what it says; the letter and the ID copy are read, only what is flagged is typed', async () => {
    const sessionId = kit.startSession('change');
    expect(engine.running).toBe(false);
    const flow = createIntakeFlow(kit.deps, hooks, 'change');
    kit.attach(flow);
    // The engine starts with the business, before the first paper: its cold start is not the agent's wait.
    expect(engine.running).toBe(true);
    await act(flow, { action: 'next' });
    const specs = documentSpecs('change', { date: kit.date, seed: 11 });
    const page = (spec: DocumentSpec) => generatePage(spec, { date: kit.date, dpi: kit.scanDpi, seed: 11 });

    const done = new Set<string>();
    for (let guard = 0; guard < 30 && done.size < 2; guard++) {
      const screen = flow.screen();
      if (screen.screen !== 'scanPaper') throw new Error(JSON.stringify(screen));
      const asked = screen.paper.wanted;
      const wanted = specFor(specs, { kinds: [asked.kind], form: asked.form, ...(asked.role !== null && { roles: [asked.role] }) });
      // The certificates come first: skipped here (the agent lacks them), the letter and the ID copy are read.
      if (wanted.kind !== 'introduction_letter' && !(wanted.kind === 'id_card' && wanted.form === 'copy')) {
        await act(flow, { action: 'next' });
        continue;
      }
      done.add(wanted.kind);
      // The other paper of the two: the letter where the ID copy is asked for, and back.
      const other = specs.find((s) => s.kind !== wanted.kind && (s.kind === 'introduction_letter' || s.form === 'copy'));
      if (other === undefined) throw new Error('no other paper');
      kit.scanner.loadFeeder([await page(other)]);
      const refused = await act(flow, { action: 'scan' });
      expect(refused).toMatchObject({ screen: 'scanPaper', problem: { kind: 'wrongPaper' } });
      expect(hooks.journaled).toContainEqual({ step: 'intake.wrongPaper', data: expect.objectContaining({ asked: wanted.kind, looksLike: other.kind, evidence: expect.stringMatching(/^ocr:/) }) });

      kit.scanner.loadFeeder([await page(wanted)]);
      const read = await act(flow, { action: 'scan' });
      if (read.screen !== 'confirmFields') throw new Error(JSON.stringify(read));
      const expected: Record<string, string | undefined> =
        wanted.kind === 'introduction_letter'
          ? { name: wanted.fields.name, agentName: wanted.fields.agentName, agentIdNumber: wanted.fields.agentIdNumber }
          : { name: wanted.fields.name, idNumber: wanted.fields.idNumber };
      const corrections: Record<string, string> = {};
      for (const field of read.fields) {
        expect(field.source, field.key).toBe('ocr');
        // ID numbers are masked on screen (first 6, last 4) and kept in full behind it.
        const right = expected[field.key] ?? '';
        const shown = field.input === 'idNumber' ? `${right.slice(0, 6)}********${right.slice(-4)}` : right;
        // A value read wrong (a character under the company seal) is never shown as certain.
        if (field.value !== shown) {
          expect(field.uncertain, `${field.key} read as ${field.value}`).toBe(true);
          corrections[field.key] = right;
        }
      }
      // The ID copy has no seal over its values: nothing to type there.
      if (wanted.kind === 'id_card') expect(corrections).toEqual({});
      const after = await act(flow, { action: 'confirmFields', fields: corrections });
      expect(after.screen).not.toBe('confirmFields');
    }
    const draft = kit.deps.capture.state();
    expect(draft.ok && draft.value.draft.agent).toEqual({ name: specs[1]?.fields.name, idNumber: specs[1]?.fields.idNumber });
    // The journal says which fields were read, never their values.
    const journal = JSON.stringify(kit.store.journalOf(sessionId));
    expect(journal).toContain('intake.read');
    expect(journal).not.toContain(specs[1]?.fields.idNumber);
    expect(journal).not.toContain(specs[1]?.fields.name);
    // Idle, the engine's process ends and its memory goes with it.
    expect(engine.running).toBe(true);
    await until(() => !engine.running, 'the OCR process to end when idle', 10_000);
  }, 120_000);
});
