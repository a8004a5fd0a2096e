// The unlock with an ID-card reader fitted (the SAM driver on an in-process simulated module): the
// agent's name and ID number come from the chip of the ID card placed on it, the copy is still
// scanned and compared with the chip, the evidence says `idCardChip`; an expired ID card is
// refused; a card the reader cannot read lets the copy and typing stand in. Privacy: the full
// number never reaches a view, and nothing of the chip remains once the session ends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../basics/redact.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import { generatedPage } from '../../tests/support/generated-pages.ts';
import type { Flow } from './flow.ts';
import type { FlowScreen } from '../../contract/flow-view.ts';
import { act, openFlowKit, recordingHooks, screenOf, until, type FlowKit, type RecordedHooks } from '../../tests/support/flow-test-kit.ts';
import { createUnlockFlow } from './unlock-flow.ts';

const locked = cardFixture('locked-operator')!;
/** The simulator's agent: the ID card fixture 'agent' (sim/idcard/id-card-fixtures.ts). */
const agent = { name: '许文彬', idNumber: '35020419800109011X' };
const newPin = '73918264';

let kit: FlowKit;
let hooks: RecordedHooks;
let flow: Flow;
let pushed: FlowScreen[];
let sessionId: string;

async function feed(kind: 'id_card' | 'introduction_letter'): Promise<void> {
  const spec = documentSpecs('unlock', { date: kit.date }).find((s) => s.kind === kind && (kind !== 'id_card' || s.form === 'copy'));
  if (spec === undefined) throw new Error(kind);
  kit.scanner.loadFeeder([await generatedPage(spec, { date: kit.date, dpi: kit.scanDpi })]);
}

function open(): void {
  sessionId = kit.startSession('unlock');
  pushed = [];
  const recorded = recordingHooks();
  hooks = {
    ...recorded,
    changed: () => {
      recorded.changed();
      pushed.push(flow.screen());
    },
  };
  flow = createUnlockFlow(kit.deps, hooks);
  kit.attach(flow);
}

const shownValues = (screen: FlowScreen): Record<string, string> =>
  Object.fromEntries((screen as Extract<FlowScreen, { screen: 'confirmFields' }>).fields.map((f) => [f.key, f.value]));

beforeEach(async () => {
  kit = await openFlowKit({ idCardReader: true });
});

afterEach(async () => {
  await kit.close();
});

/** Consent, the locked card shown, next: the place-ID-card screen. */
async function toPlaceIdCard(): Promise<FlowScreen> {
  await act(flow, { action: 'next' });
  await kit.insert('locked-operator');
  await screenOf(flow, 'cardShown');
  return act(flow, { action: 'next' });
}

describe('unlock flow with an ID-card reader', () => {
  it('takes the agent from the chip, compares the copy with it and tells the authority: nothing typed', async () => {
    open();
    expect(await toPlaceIdCard()).toEqual({ screen: 'placeIdCard', problem: null, reading: false, canSkip: false });
    // No copy instead while the reader works: the agent has the original in hand.
    expect(await flow.handle({ action: 'useCopy' }, new AbortController().signal)).toMatchObject({ ok: false });
    await kit.placeIdCard('agent');
    const copy = await screenOf(flow, 'scanPaper');
    expect(copy).toMatchObject({ paper: { wanted: { kind: 'id_card', form: 'copy', role: 'agent' } } });
    expect(kit.deps.sessions.idCard()).toMatchObject({ name: agent.name, idNumber: agent.idNumber });

    await feed('id_card');
    const idFields = await act(flow, { action: 'scan' });
    expect(idFields).toMatchObject({
      screen: 'confirmFields',
      fields: [
        { key: 'name', value: agent.name, source: 'idCard' },
        { key: 'idNumber', value: maskIdNumber(agent.idNumber), source: 'idCard' },
      ],
    });
    expect(await act(flow, { action: 'confirmFields', fields: shownValues(idFields) })).toMatchObject({ screen: 'scanPaper', paper: { position: { index: 1 } } });
    await feed('introduction_letter');
    const letter = await act(flow, { action: 'scan' });
    expect(letter).toMatchObject({
      screen: 'confirmFields',
      fields: [
        { key: 'agentName', value: agent.name, source: 'idCard' },
        { key: 'agentIdNumber', value: maskIdNumber(agent.idNumber), source: 'idCard' },
        { key: 'uscc', value: locked.enterpriseUscc, source: 'card' },
        { key: 'name', source: 'card' },
      ],
    });
    expect(await act(flow, { action: 'confirmFields', fields: shownValues(letter) })).toMatchObject({ screen: 'newPin' });
    expect(await act(flow, { action: 'newPin', pin: newPin, confirmation: newPin })).toMatchObject({ screen: 'done', outcome: { flow: 'unlock', card: { lifecycle: 'active' } } });
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'done' && screen.receipt.state === 'printed';
    }, 'the receipt');

    // The authority was told where the identity came from, and keeps the number masked.
    const audit = kit.authority.audit(locked.cardNo).filter((row) => row.operation === 'authoriseUnlock');
    expect(audit.at(-1)?.detail).toMatchObject({ agentName: agent.name, agentIdNumber: maskIdNumber(agent.idNumber), identitySource: 'idCardChip' });
    expect(hooks.journaled.map((j) => j.step)).toContain('unlock.idCardRead');
    // Every view pushed carries the number masked only.
    expect(JSON.stringify(pushed)).not.toContain(agent.idNumber);
    expect(JSON.stringify(pushed)).toContain(maskIdNumber(agent.idNumber));
  }, 60_000);

  it('keeps nothing of the chip once the session ends: not in the session, the journal or the store', async () => {
    open();
    await toPlaceIdCard();
    await kit.placeIdCard('agent');
    await screenOf(flow, 'scanPaper');
    const session = kit.deps.sessions.current();
    expect(session?.idCard?.address).toBeTruthy();
    const address = session?.idCard?.address ?? '';
    kit.deps.sessions.end('canceled');
    expect(kit.deps.sessions.idCard()).toBeNull();
    expect(kit.deps.sessions.current()).toBeNull();
    // The session object itself (still held by whoever had it) no longer carries the text.
    expect(session?.idCard).toBeNull();
    const journal = JSON.stringify([hooks.journaled, kit.store.journalOf(sessionId)]);
    expect(journal).not.toContain(agent.idNumber);
    expect(journal).not.toContain(address);
    const database = readFileSync(join(kit.dir, 'kiosk.sqlite'));
    expect(database.includes(Buffer.from(agent.idNumber))).toBe(false);
    expect(database.includes(Buffer.from(address))).toBe(false);
    // The capture's draft (the copy was not confirmed yet) holds nothing either.
    const state = kit.deps.capture.state();
    expect(state.ok ? JSON.stringify(state.value) : '').not.toContain(agent.idNumber);
  }, 60_000);

  it('refuses an expired ID card in plain terms, with no way round it but another card', async () => {
    open();
    await toPlaceIdCard();
    await kit.placeIdCard('expired');
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'placeIdCard' && screen.problem !== null;
    }, 'the refusal');
    expect(flow.screen()).toEqual({ screen: 'placeIdCard', problem: { kind: 'idCardExpired', validUntil: '2024-07-15' }, reading: false, canSkip: false });
    expect(kit.deps.sessions.idCard()).toBeNull();
    // Another ID card placed is read.
    await kit.removeIdCard();
    await kit.placeIdCard('agent');
    await screenOf(flow, 'scanPaper');
  }, 60_000);

  it('lets the copy and typing stand in when the reader cannot read the card', async () => {
    open();
    await toPlaceIdCard();
    await kit.placeIdCard('unreadable');
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'placeIdCard' && screen.canSkip;
    }, 'the copy offered');
    expect(flow.screen()).toMatchObject({ screen: 'placeIdCard', problem: { kind: 'idCardUnreadable' }, canSkip: true });
    expect(await act(flow, { action: 'useCopy' })).toMatchObject({ screen: 'scanPaper' });
    await feed('id_card');
    expect(await act(flow, { action: 'scan' })).toMatchObject({ screen: 'confirmFields', fields: [{ key: 'name', value: '', source: 'none' }, { key: 'idNumber', value: '' }] });
  }, 60_000);

  it('refuses a copy confirmed with another name or number than the chip', async () => {
    open();
    await toPlaceIdCard();
    await kit.placeIdCard('agent');
    await screenOf(flow, 'scanPaper');
    await feed('id_card');
    await act(flow, { action: 'scan' });
    const refused = await act(flow, { action: 'confirmFields', fields: { name: '许文斌', idNumber: agent.idNumber } });
    expect(refused).toMatchObject({ screen: 'confirmFields', problem: { kind: 'idCardMismatch', fields: ['name'] } });
  }, 60_000);
});
