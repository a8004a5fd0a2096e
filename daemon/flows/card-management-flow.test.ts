// Operator-card management on the simulated devices: the list in every status, an operation
// confirmed with the PIN on the card, a wrong PIN, the authority out of reach (the retry sends the
// same idempotency key and the registry changes once), a card that is not the legal-person card,
// the legal-person card pulled on the list; no PIN in any screen or journal entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err } from '../../basics/result.ts';
import type { ManageCardRequest } from '../../contract/authority/authority.ts';
import type { FlowScreen } from '../../contract/flow-view.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { act, openFlowKit, recordingHooks, screenOf, until, type FlowKit, type RecordedHooks } from '../../tests/support/flow-test-kit.ts';
import { createCardManagementFlow } from './card-management-flow.ts';
import type { Flow } from './flow.ts';

const legal = cardFixture('legal-person')!;
const taxClerk = cardFixture('tax-clerk')!;

let kit: FlowKit;
let hooks: RecordedHooks;
let flow: Flow;
const pushed: FlowScreen[] = [];

async function openList(): Promise<void> {
  kit.startSession('card_management');
  const recorded = recordingHooks();
  hooks = { ...recorded, changed: () => (recorded.changed(), pushed.push(flow.screen())) };
  flow = createCardManagementFlow(kit.deps, hooks);
  kit.attach(flow);
  await kit.insert(legal.name);
  await screenOf(flow, 'enterPin');
  await act(flow, { action: 'pin', pin: legal.pin });
  await screenOf(flow, 'enterpriseCards');
}

beforeEach(async () => {
  kit = await openFlowKit();
  pushed.length = 0;
});

afterEach(async () => {
  await kit.close();
});

describe('operator-card management', () => {
  it('freezes a card with the PIN on the card, and a retry after the authority was out of reach sends the same key', async () => {
    await openList();
    const list = flow.screen();
    if (list.screen !== 'enterpriseCards') throw new Error('no list');
    expect(new Set(list.cards.map((c) => c.status))).toEqual(new Set(['active', 'locked', 'expired', 'frozen', 'reportedLost', 'invalidated']));

    expect(await act(flow, { action: 'pickCard', cardNo: taxClerk.cardNo })).toMatchObject({ screen: 'manageCard', card: { cardNo: taxClerk.cardNo, operations: ['reportLoss', 'freeze'] } });
    expect(await act(flow, { action: 'manage', operation: 'freeze' })).toMatchObject({ screen: 'enterPin', purpose: 'authorise', authorise: { operation: 'freeze', target: { cardNo: taxClerk.cardNo } } });
    expect(await act(flow, { action: 'pin', pin: '00000000' })).toMatchObject({ screen: 'enterPin', problem: { kind: 'wrongPin', triesLeft: 2 } });

    const real = kit.authority.manageCard.bind(kit.authority);
    const keys: string[] = [];
    kit.authority.manageCard = async (request: ManageCardRequest) => {
      keys.push(request.idempotencyKey);
      // The first attempt is done by the registry, and its answer is lost on the way back.
      const answer = await real(request);
      return keys.length === 1 ? err({ kind: 'unreachable', detail: 'the test cut the line' }) : answer;
    };
    expect(await act(flow, { action: 'pin', pin: legal.pin })).toMatchObject({ screen: 'enterPin', problem: { kind: 'authorityUnreachable' } });
    const done = await act(flow, { action: 'pin', pin: legal.pin });
    expect(done).toMatchObject({ screen: 'done', outcome: { flow: 'cardManagement', change: { operation: 'freeze', card: { cardNo: taxClerk.cardNo, status: 'frozen' } } } });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(kit.authority.audit(taxClerk.cardNo).filter((row) => row.operation === 'manageCard' && row.outcome === 'granted')).toHaveLength(1);
    await until(() => {
      const screen = flow.screen();
      return screen.screen === 'done' && screen.receipt.state !== 'printing';
    }, 'the receipt');
    expect(flow.screen()).toMatchObject({ receipt: { state: 'printed' } });
    expect(JSON.stringify(pushed)).not.toContain(legal.pin);
    expect(JSON.stringify(hooks.journaled)).not.toContain(legal.pin);
    expect(hooks.journaled.map((j) => j.step)).toEqual(expect.arrayContaining(['management.legalPersonVerified', 'management.listed', 'management.chosen', 'management.done']));

    // Back to the list: the registry's new status.
    const again = await act(flow, { action: 'next' });
    const refreshed = again.screen === 'enterpriseCards' ? again : await screenOf(flow, 'enterpriseCards');
    expect(refreshed.cards.find((c) => c.cardNo === taxClerk.cardNo)).toMatchObject({ status: 'frozen', advice: 'unfreezeHere', operations: ['unfreeze', 'reportLoss'] });
  }, 60_000);

  it('refuses a card that is not the legal-person card, and asks for the card again when it is pulled on the list', async () => {
    kit.startSession('card_management');
    hooks = recordingHooks();
    flow = createCardManagementFlow(kit.deps, hooks);
    kit.attach(flow);
    await kit.insert(taxClerk.name);
    await expect.poll(() => flow.screen()).toMatchObject({ screen: 'insertCard', problem: { kind: 'wrongCardType', expected: ['legal_person'] } });
    kit.remove();
    await kit.insert(legal.name);
    await screenOf(flow, 'enterPin');
    await act(flow, { action: 'pin', pin: legal.pin });
    await screenOf(flow, 'enterpriseCards');
    expect(await act(flow, { action: 'manage', operation: 'freeze' })).toMatchObject({ screen: 'enterpriseCards' });
    kit.remove();
    await expect.poll(() => flow.screen()).toMatchObject({ screen: 'insertCard', problem: { kind: 'cardRemoved' } });
  }, 60_000);
});
