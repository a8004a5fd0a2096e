// The unlock flow on the simulated devices: consent, the locked card, the agent's ID card copy and
// the introduction letter, the checks before the PIN, the unlock with progress, the receipt; a
// wrong card, a card pulled (before and during the write), a PIN the policy refuses, the
// authority unreachable, an agent the enterprise does not have on record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Authority } from '../../contract/authority/authority.ts';
import { residentIdCheckCharacter } from '../../basics/identifiers/resident-id.ts';
import { err } from '../../basics/result.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import { generatedPage } from '../../tests/support/generated-pages.ts';
import type { Flow } from './flow.ts';
import type { FlowScreen } from '../../contract/flow-view.ts';
import { act, openFlowKit, recordingHooks, screenOf, until, type FlowKit, type RecordedHooks } from '../../tests/support/flow-test-kit.ts';
import { createUnlockFlow } from './unlock-flow.ts';

const locked = cardFixture('locked-operator')!;
const agent = { name: '许文彬', idNumber: '35020419800109011X' };
const newPin = '73918264';

let kit: FlowKit;
let hooks: RecordedHooks;
let flow: Flow;
let pushed: FlowScreen[];

async function feed(kind: 'id_card' | 'introduction_letter'): Promise<void> {
  const spec = documentSpecs('unlock', { date: kit.date }).find((s) => s.kind === kind && (kind !== 'id_card' || s.form === 'copy'));
  if (spec === undefined) throw new Error(kind);
  kit.scanner.loadFeeder([await generatedPage(spec, { date: kit.date, dpi: kit.scanDpi })]);
}

function open(authority: Authority = kit.deps.authority): void {
  kit.startSession('unlock');
  pushed = [];
  const recorded = recordingHooks();
  hooks = {
    ...recorded,
    changed: () => {
      recorded.changed();
      pushed.push(flow.screen());
    },
  };
  flow = createUnlockFlow({ ...kit.deps, authority }, hooks);
  kit.attach(flow);
}

beforeEach(async () => {
  kit = await openFlowKit();
});

afterEach(async () => {
  await kit.close();
});

/** Consent, the locked card in: the card shown. */
async function toCardShown(): Promise<void> {
  expect(flow.screen()).toEqual({ screen: 'consent' });
  expect(await act(flow, { action: 'next' })).toEqual({ screen: 'insertCard', wanted: 'lockedCard', problem: null });
  await kit.insert('locked-operator');
  const shown = await screenOf(flow, 'cardShown');
  expect(shown.card).toMatchObject({ cardNo: locked.cardNo, lifecycle: 'locked', holderIdNumberMasked: '350211********0041', pinTriesLeft: 0 });
}

/** From the card shown through both papers, confirmed as the agent reads them: the PIN pad. */
async function toNewPin(person = agent): Promise<FlowScreen> {
  await toCardShown();
  expect(await act(flow, { action: 'next' })).toMatchObject({
    screen: 'scanPaper',
    paper: { position: { index: 0, of: 2 }, wanted: { kind: 'id_card', form: 'copy', role: 'agent' } },
    scanning: false,
    problem: null,
  });
  await feed('id_card');
  const idFields = await act(flow, { action: 'scan' });
  expect(idFields).toMatchObject({ screen: 'confirmFields', fields: [{ key: 'name', value: '', source: 'none' }, { key: 'idNumber', value: '', input: 'idNumber' }] });
  expect(await act(flow, { action: 'confirmFields', fields: { name: person.name, idNumber: person.idNumber } })).toMatchObject({
    screen: 'scanPaper',
    paper: { position: { index: 1, of: 2 } },
  });
  await feed('introduction_letter');
  const letter = await act(flow, { action: 'scan' });
  // Pre-filled from the ID card just confirmed (masked) and from the card.
  expect(letter).toMatchObject({
    screen: 'confirmFields',
    fields: [
      { key: 'agentName', value: person.name, source: 'agent' },
      { key: 'agentIdNumber', value: `${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`, source: 'agent' },
      { key: 'uscc', value: locked.enterpriseUscc, source: 'card' },
      { key: 'name', source: 'card' },
    ],
  });
  // Unchanged (the masked number sent back as shown) means as confirmed on the ID card.
  const fields = Object.fromEntries((letter as Extract<FlowScreen, { screen: 'confirmFields' }>).fields.map((f) => [f.key, f.value]));
  return act(flow, { action: 'confirmFields', fields });
}

describe('unlock flow', () => {
  it('unlocks the card from consent to the printed receipt, with progress, and never journals the PIN', async () => {
    open();
    expect(await toNewPin()).toMatchObject({ screen: 'newPin', card: { cardNo: locked.cardNo }, problem: null });
    expect(pushed.some((s) => s.screen === 'working' && s.task === 'authorising')).toBe(true);
    const done = await act(flow, { action: 'newPin', pin: newPin, confirmation: newPin });
    expect(done).toMatchObject({ screen: 'done', outcome: { flow: 'unlock', card: { cardNo: locked.cardNo, lifecycle: 'active' } } });
    const progress = pushed.flatMap((s) => (s.screen === 'working' && s.task === 'unlocking' && s.progress !== null ? [s.progress] : []));
    expect(progress.map((p) => p.step)).toEqual(['started', 'challenged', 'authorised', 'authenticated', 'pinReset', 'pinVerified', 'reported']);
    expect(progress[0]).toEqual({ step: 'started', index: 0, of: 7 });
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'done' && screen.receipt.state === 'printed';
    }, 'the receipt');
    expect(flow.ended()).toBeNull();
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'completed' });

    const state = kit.deps.capture.state();
    expect(state.ok && state.value.documents.map((d) => d.status)).toEqual(['confirmed', 'confirmed']);
    expect(state.ok && state.value.draft.agent).toEqual(agent);
    const everything = JSON.stringify([pushed, hooks.journaled, kit.store.journalOf(kit.deps.sessions.current()?.id ?? '')]);
    expect(everything).not.toContain(newPin);
    expect(JSON.stringify(pushed)).not.toContain(agent.idNumber);
  }, 60_000);

  it('asks for another card when the one inserted is not locked, and again when the card shown is pulled', async () => {
    open();
    await act(flow, { action: 'next' });
    await kit.insert('operator');
    await until(() => flow.screen().screen === 'insertCard' && (flow.screen() as { problem: unknown }).problem !== null, 'the refusal');
    expect(flow.screen()).toEqual({ screen: 'insertCard', wanted: 'lockedCard', problem: { kind: 'wrongCardState', lifecycle: 'active' } });
    kit.remove();
    await kit.insert('locked-operator');
    await screenOf(flow, 'cardShown');
    kit.remove();
    expect(await screenOf(flow, 'insertCard')).toEqual({ screen: 'insertCard', wanted: 'lockedCard', problem: { kind: 'cardRemoved' } });
  });

  it('reads a card already in the reader once consent is given; back returns screen by screen', async () => {
    await kit.insert('locked-operator');
    open();
    expect(flow.canBack()).toBe(false);
    await act(flow, { action: 'next' });
    await screenOf(flow, 'cardShown');
    expect(flow.canBack()).toBe(true);
    await act(flow, { action: 'next' });
    expect(await act(flow, { action: 'back' })).toMatchObject({ screen: 'cardShown' });
    const refused = await flow.handle({ action: 'scan' }, new AbortController().signal);
    expect(refused).toEqual({ ok: false, error: { kind: 'notOnThisScreen', screen: 'cardShown', action: 'scan' } });
  });

  it('refuses an invalid ID number on the ID card; feeding it again drops the scan', async () => {
    open();
    await toCardShown();
    await act(flow, { action: 'next' });
    await feed('id_card');
    await act(flow, { action: 'scan' });
    expect(await act(flow, { action: 'confirmFields', fields: { name: agent.name, idNumber: '350204198001090110' } })).toMatchObject({
      screen: 'confirmFields',
      problem: { kind: 'fieldsInvalid', fields: ['idNumber'] },
    });
    // Feeding it again drops the paper scanned.
    expect(await act(flow, { action: 'rescan' })).toMatchObject({ screen: 'scanPaper', problem: null });
    const state = kit.deps.capture.state();
    expect(state.ok && state.value.documents).toEqual([]);
  });

  it('sends the agent back to the PIN pad when the policy refuses the PIN', async () => {
    open();
    await toNewPin();
    expect(await act(flow, { action: 'newPin', pin: '12345678', confirmation: '12345678' })).toMatchObject({ screen: 'newPin', problem: { kind: 'pinPolicy', refusal: 'sequence' } });
    expect(await act(flow, { action: 'newPin', pin: newPin, confirmation: '73918265' })).toMatchObject({ screen: 'newPin', problem: { kind: 'pinPolicy', refusal: 'mismatch' } });
    expect(await act(flow, { action: 'newPin', pin: newPin, confirmation: newPin })).toMatchObject({ screen: 'done' });
  }, 60_000);

  it("checks the new PIN's first entry against the policy at once (the holder's birth date included), then asks it again", async () => {
    open();
    expect(await toNewPin()).toMatchObject({ screen: 'newPin', entry: 'first', problem: null });
    // The locked card's holder was born on 1992-04-18: only the card knows, the screen shows no birth date.
    expect(await act(flow, { action: 'checkNewPin', pin: '19920418' })).toMatchObject({ screen: 'newPin', entry: 'first', problem: { kind: 'pinPolicy', refusal: 'birthDate' } });
    expect(await act(flow, { action: 'checkNewPin', pin: '12345678' })).toMatchObject({ screen: 'newPin', entry: 'first', problem: { kind: 'pinPolicy', refusal: 'sequence' } });
    expect(await act(flow, { action: 'checkNewPin', pin: newPin })).toMatchObject({ screen: 'newPin', entry: 'again', problem: null });
    // A second entry that differs: both entries again.
    expect(await act(flow, { action: 'newPin', pin: newPin, confirmation: '73918265' })).toMatchObject({ screen: 'newPin', entry: 'first', problem: { kind: 'pinPolicy', refusal: 'mismatch' } });
    await act(flow, { action: 'checkNewPin', pin: newPin });
    expect(await act(flow, { action: 'newPin', pin: newPin, confirmation: newPin })).toMatchObject({ screen: 'done' });
    const everything = JSON.stringify(hooks.journaled) + JSON.stringify(pushed);
    for (const pin of ['19920418', newPin]) expect(everything).not.toContain(pin);
  }, 60_000);

  it('shows the authority unreachable with a retry', async () => {
    let reachable = false;
    const authority: Authority = {
      ...kit.deps.authority,
      lookupCard: async (cardNo) => (reachable ? kit.deps.authority.lookupCard(cardNo) : err({ kind: 'unreachable', detail: 'network down' })),
    };
    open(authority);
    expect(await toNewPin()).toEqual({ screen: 'failed', problem: { kind: 'authorityUnreachable' }, next: 'retry' });
    reachable = true;
    expect(await act(flow, { action: 'next' })).toMatchObject({ screen: 'newPin', problem: null });
  }, 60_000);

  it('returns to the letter when the authority does not have the agent on record', async () => {
    const body = '11010119900307123';
    const stranger = { name: '赵六', idNumber: body + residentIdCheckCharacter(body) };
    open();
    await toNewPin(stranger);
    expect(await act(flow, { action: 'newPin', pin: newPin, confirmation: newPin })).toMatchObject({
      screen: 'confirmFields',
      paper: { position: { index: 1 } },
      problem: { kind: 'authorityRefused', reason: 'agentNotOnRecord' },
    });
  }, 60_000);

  it('carries on after the card was pulled mid-write: reconciliation settles it when it comes back', async () => {
    open();
    await toNewPin();
    kit.onStep = async (_operation, step) => {
      if (step === 'pinReset') kit.remove();
    };
    expect(await act(flow, { action: 'newPin', pin: newPin, confirmation: newPin })).toEqual({ screen: 'failed', problem: { kind: 'cardRemoved' }, next: null });
    kit.onStep = async () => undefined;
    await kit.insert('locked-operator');
    // The PIN was reset before the cut: the card comes back unlocked, and the business is done.
    const done = await screenOf(flow, 'done');
    expect(done.outcome).toMatchObject({ flow: 'unlock', card: { cardNo: locked.cardNo, lifecycle: 'active' } });
  }, 60_000);

  it('asks for the new PIN again when the cut came before the card changed', async () => {
    open();
    await toNewPin();
    kit.onStep = async (_operation, step) => {
      if (step === 'authorised') kit.remove();
    };
    expect(await act(flow, { action: 'newPin', pin: newPin, confirmation: newPin })).toEqual({ screen: 'failed', problem: { kind: 'cardRemoved' }, next: null });
    kit.onStep = async () => undefined;
    await kit.insert('locked-operator');
    await screenOf(flow, 'newPin');
    expect(await act(flow, { action: 'newPin', pin: newPin, confirmation: newPin })).toMatchObject({ screen: 'done' });
  }, 60_000);
});
