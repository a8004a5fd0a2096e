// The PIN change on the simulated devices: a new card's forced first-use change (current PIN
// 88888888, a new PIN the policy refuses as the holder's phone number, a mismatch, then the
// change and its receipt), a wrong current PIN, the enterprise contact's phone refused, a card
// pulled on the pad, a locked card sent elsewhere, the registry out of reach. And the first-use
// gate: a card on its initial PIN is refused by the renewal and the unlock, the query advises the
// PIN change, and the card service refuses to renew it or to verify its PIN for use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err } from '../../basics/result.ts';
import { cardFixture, fixtureEnterprise } from '../../sim/registry/sim-registry.ts';
import type { Flow } from './flow.ts';
import type { FlowScreen } from '../../contract/flow-view.ts';
import type { Business } from '../../contract/businesses.ts';
import { act, openFlowKit, recordingHooks, screenOf, until, type FlowKit, type RecordedHooks } from '../../tests/support/flow-test-kit.ts';
import { createPinChangeFlow } from './pin-change-flow.ts';
import { createQueryFlow } from './query-flow.ts';
import { createRenewalFlow } from './renewal-flow.ts';
import { createUnlockFlow } from './unlock-flow.ts';

const fresh = cardFixture('new-operator')!;
const operator = cardFixture('operator')!;
const newPin = '73918264';

let kit: FlowKit;
let hooks: RecordedHooks;
let flow: Flow;
let pushed: FlowScreen[];

function open(create: typeof createPinChangeFlow = createPinChangeFlow, business: Business = 'pin_change'): void {
  kit.startSession(business);
  pushed = [];
  const recorded = recordingHooks();
  hooks = {
    ...recorded,
    changed: () => {
      recorded.changed();
      pushed.push(flow.screen());
    },
  };
  flow = create(kit.deps, hooks);
  kit.attach(flow);
}

beforeEach(async () => {
  kit = await openFlowKit();
});

afterEach(async () => {
  await kit.close();
});

describe('the PIN change', () => {
  it("changes a new card's initial PIN on first use, refusing the holder's phone number and a mismatch first, with a receipt and no PIN anywhere", async () => {
    open();
    expect(flow.screen()).toEqual({ screen: 'insertCard', wanted: 'cardForPinChange', problem: null });
    await kit.insert(fresh.name);
    const pad = await screenOf(flow, 'changePin');
    expect(pad).toMatchObject({ entry: 'current', firstUse: true, problem: null, card: { cardNo: fresh.cardNo, pinMustChange: true } });
    expect(flow.canBack()).toBe(false);

    // The current PIN is verified at once.
    expect(await act(flow, { action: 'pin', pin: '88888888' })).toMatchObject({ screen: 'changePin', entry: 'first', problem: null });
    // The last 8 digits of the holder's mobile number, as the registry holds it.
    const phonePin = fresh.holderPhone!.slice(-8);
    expect(await act(flow, { action: 'checkNewPin', pin: phonePin })).toMatchObject({
      screen: 'changePin',
      entry: 'first',
      problem: { kind: 'pinPolicy', refusal: 'phoneNumber' },
    });
    expect(await act(flow, { action: 'checkNewPin', pin: newPin })).toMatchObject({ screen: 'changePin', entry: 'again', problem: null });
    expect(flow.canBack()).toBe(true);
    expect(await act(flow, { action: 'changePin', oldPin: '88888888', pin: newPin, confirmation: '73918265' })).toMatchObject({
      screen: 'changePin',
      entry: 'first',
      problem: { kind: 'pinPolicy', refusal: 'mismatch' },
    });
    const done = await act(flow, { action: 'changePin', oldPin: '88888888', pin: newPin, confirmation: newPin });
    expect(done).toMatchObject({ screen: 'done', outcome: { flow: 'pinChange', card: { cardNo: fresh.cardNo, pinMustChange: false } } });
    expect(pushed.some((s) => s.screen === 'working' && s.task === 'changingPin')).toBe(true);
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'done' && screen.receipt.state === 'printed';
    }, 'the receipt');
    await act(flow, { action: 'finish' });
    expect(flow.ended()).toEqual({ outcome: 'completed' });

    // The card took the new PIN and no longer asks for a change.
    expect((await kit.deps.cards.verifyPin(newPin)).ok).toBe(true);
    const read = await kit.deps.cards.readCard();
    expect(read.ok && read.value.pinMustChange).toBe(false);
    expect(hooks.journaled.map((j) => j.step)).toEqual(['pinChange.cardRead', 'pinChange.currentVerified', 'pinChange.refused', 'pinChange.refused', 'pinChange.done']);
    expect(hooks.journaled.at(-1)?.data).toEqual({ cardNo: fresh.cardNo, firstUse: true });
    const everything = JSON.stringify([pushed, hooks.journaled, kit.store.journalOf(kit.deps.sessions.current()?.id ?? '')]);
    for (const pin of [newPin, phonePin, '88888888', '73918265']) expect(everything).not.toContain(pin);
    expect(everything).not.toContain(fresh.holderPhone!);
    expect(everything).not.toContain(fresh.holder.idNumber);
  }, 60_000);

  it("answers a wrong current PIN at once with the tries left, and refuses the enterprise contact's phone", async () => {
    open();
    await kit.insert(operator.name);
    expect(await screenOf(flow, 'changePin')).toMatchObject({ entry: 'current', firstUse: false });
    expect(await act(flow, { action: 'pin', pin: '11223344' })).toMatchObject({ screen: 'changePin', entry: 'current', problem: { kind: 'wrongPin', triesLeft: 2 } });
    // Nothing but the current PIN is taken before it is verified.
    expect((await flow.handle({ action: 'checkNewPin', pin: newPin }, new AbortController().signal)).ok).toBe(false);
    expect(await act(flow, { action: 'pin', pin: operator.pin })).toMatchObject({ entry: 'first', problem: null });
    const contact = fixtureEnterprise.contact.phone.replace(/\D/g, '').slice(-8);
    expect(await act(flow, { action: 'checkNewPin', pin: contact })).toMatchObject({ entry: 'first', problem: { kind: 'pinPolicy', refusal: 'phoneNumber' } });
    // The current PIN again (the same as the new) is refused when all three come together.
    expect(await act(flow, { action: 'checkNewPin', pin: operator.pin })).toMatchObject({ entry: 'again' });
    expect(await act(flow, { action: 'changePin', oldPin: operator.pin, pin: operator.pin, confirmation: operator.pin })).toMatchObject({
      entry: 'first',
      problem: { kind: 'pinPolicy', refusal: 'sameAsOld' },
    });
    // Back: the current PIN from the start.
    await act(flow, { action: 'back' });
    expect(flow.screen()).toMatchObject({ screen: 'changePin', entry: 'current' });
  }, 60_000);

  it('sends a locked card to the unlock, asks again for a card pulled on the pad, and stops without the registry', async () => {
    open();
    await kit.insert('locked-operator');
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'insertCard' && screen.problem !== null;
    }, 'the refusal');
    expect(flow.screen()).toMatchObject({ screen: 'insertCard', problem: { kind: 'wrongCardState', lifecycle: 'locked' } });
    kit.remove();

    await kit.insert(operator.name);
    await screenOf(flow, 'changePin');
    kit.remove();
    await until(() => flow.screen().screen === 'insertCard', 'the insert screen');
    expect(flow.screen()).toMatchObject({ screen: 'insertCard', problem: { kind: 'cardRemoved' } });

    await kit.insert(operator.name);
    await screenOf(flow, 'changePin');
    await act(flow, { action: 'pin', pin: operator.pin });
    kit.authority.phoneNumbersOnRecord = async () => err({ kind: 'unreachable', detail: 'the test cut the line' });
    expect(await act(flow, { action: 'checkNewPin', pin: newPin })).toMatchObject({ screen: 'failed', problem: { kind: 'authorityUnreachable' } });
    // Try again: the current PIN first, the card still in.
    expect(await act(flow, { action: 'next' })).toMatchObject({ screen: 'changePin', entry: 'current' });
  }, 60_000);
});

describe('a card taken out during the change itself, put back', () => {
  /**
   * The card service's change, with the card taken out during CHANGE REFERENCE DATA: after the
   * card's atomic write (`took`) or before it. The card's own all-or-nothing write is the virtual
   * card's test (powerLossAtWrite); here the flow must settle which of the two it was.
   */
  function pullDuringChange(took: boolean): void {
    const cards = kit.deps.cards;
    const change = cards.changePin.bind(cards);
    cards.changePin = async (oldPin, pin, confirmation, signal) => {
      if (took) await change(oldPin, pin, confirmation, signal);
      kit.remove();
      return err({ kind: 'cardRemoved', step: 'change PIN' });
    };
  }

  async function toTheChange(fixture: string, currentPin: string, took: boolean): Promise<void> {
    open();
    await kit.insert(fixture);
    await screenOf(flow, 'changePin');
    await act(flow, { action: 'pin', pin: currentPin });
    await act(flow, { action: 'checkNewPin', pin: newPin });
    pullDuringChange(took);
    expect(await act(flow, { action: 'changePin', oldPin: currentPin, pin: newPin, confirmation: newPin })).toMatchObject({ screen: 'insertCard', problem: { kind: 'cardRemoved' } });
    expect(hooks.journaled.map((j) => j.step)).toContain('pinChange.unsettled');
  }

  it('a first use that took is told by the card itself: done, with its receipt, no PIN asked', async () => {
    await toTheChange(fresh.name, '88888888', true);
    await kit.insert(fresh.name);
    const done = await screenOf(flow, 'done');
    expect(done).toMatchObject({ outcome: { flow: 'pinChange', card: { cardNo: fresh.cardNo, pinMustChange: false } } });
    expect(hooks.journaled).toContainEqual({ step: 'pinChange.settled', data: { cardNo: fresh.cardNo, outcome: 'changed' } });
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'done' && screen.receipt.state === 'printed';
    }, 'the receipt');
    expect((await kit.deps.cards.verifyPin(newPin)).ok).toBe(true);
  }, 60_000);

  it('a first use that did not take is told by the card too: the old PIN again, saying so', async () => {
    await toTheChange(fresh.name, '88888888', false);
    await kit.insert(fresh.name);
    expect(await screenOf(flow, 'changePin')).toMatchObject({ entry: 'current', firstUse: true, problem: { kind: 'pinChangeNotDone', triesLeft: 3 } });
  }, 60_000);

  it('any other card is asked for the new PIN: accepted, the change took', async () => {
    await toTheChange(operator.name, operator.pin, true);
    await kit.insert(operator.name);
    expect(await screenOf(flow, 'changePin')).toMatchObject({ entry: 'settle', firstUse: false, problem: null });
    // Only the new PIN is taken here: nothing else goes on before the card is settled.
    expect((await flow.handle({ action: 'checkNewPin', pin: newPin }, new AbortController().signal)).ok).toBe(false);
    expect(await act(flow, { action: 'pin', pin: newPin })).toMatchObject({ screen: 'done', outcome: { flow: 'pinChange', card: { cardNo: operator.cardNo } } });
    expect(hooks.journaled).toContainEqual({ step: 'pinChange.settled', data: { cardNo: operator.cardNo, outcome: 'changed' } });
  }, 60_000);

  it('any other card is asked for the new PIN: refused, the change did not take and the old PIN is asked, its try given back', async () => {
    await toTheChange(operator.name, operator.pin, false);
    await kit.insert(operator.name);
    await screenOf(flow, 'changePin');
    expect(await act(flow, { action: 'pin', pin: newPin })).toMatchObject({ screen: 'changePin', entry: 'current', problem: { kind: 'pinChangeNotDone', triesLeft: 2 } });
    expect(hooks.journaled).toContainEqual({ step: 'pinChange.settled', data: { cardNo: operator.cardNo, outcome: 'notChanged' } });
    expect(await act(flow, { action: 'pin', pin: operator.pin })).toMatchObject({ screen: 'changePin', entry: 'first', problem: null });
    const read = await kit.deps.cards.readCard();
    // The old PIN verified: the card gave back the try the new PIN spent.
    expect(read.ok && read.value.pin).toEqual({ state: 'notVerified', triesLeft: 3 });
    const everything = JSON.stringify([pushed, hooks.journaled]);
    for (const pin of [newPin, operator.pin]) expect(everything).not.toContain(pin);
  }, 60_000);
});

describe('the first-use gate: a card on its initial PIN is good for a PIN change only', () => {
  it('the renewal refuses it when it is read', async () => {
    open(createRenewalFlow, 'renewal');
    await kit.insert(fresh.name);
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'insertCard' && screen.problem !== null;
    }, 'the refusal');
    expect(flow.screen()).toEqual({ screen: 'insertCard', wanted: 'legalPersonCard', problem: { kind: 'pinMustChange' } });
    expect(hooks.journaled.map((j) => j.step)).toContain('renewal.pinMustChange');
  });

  it('the unlock refuses it (it is not blocked: its PIN is to be changed, not unlocked)', async () => {
    open(createUnlockFlow, 'unlock');
    await act(flow, { action: 'next' });
    await kit.insert(fresh.name);
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'insertCard' && screen.problem !== null;
    }, 'the refusal');
    expect(flow.screen()).toMatchObject({ screen: 'insertCard', wanted: 'lockedCard', problem: { kind: 'pinMustChange' } });
  });

  it('the query says so in its advice', async () => {
    open(createQueryFlow, 'card_query');
    await kit.insert(fresh.name);
    expect(await screenOf(flow, 'cardStatus')).toMatchObject({ advice: 'changePin', card: { cardNo: fresh.cardNo, pinMustChange: true } });
  });

  it('the card service neither verifies its PIN for use nor renews it, and spends no try', async () => {
    kit.startSession('renewal');
    await kit.insert(fresh.name);
    expect(await kit.deps.cards.verifyPin('88888888')).toMatchObject({ ok: false, error: { kind: 'notAllowed', reason: 'pinMustChange' } });
    expect(await kit.deps.cards.renew('88888888')).toMatchObject({ ok: false, error: { kind: 'notAllowed', reason: 'pinMustChange' } });
    const read = await kit.deps.cards.readCard();
    expect(read.ok && read.value.pin).toEqual({ state: 'notVerified', triesLeft: 3 });
    // Verified for a PIN change, it is still not recorded as verified for anything else.
    expect((await kit.deps.cards.verifyPin('88888888', undefined, 'pinChange')).ok).toBe(true);
    expect(kit.deps.sessions.current()?.verified.size).toBe(0);
  });
});
