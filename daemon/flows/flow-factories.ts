// Which Flow each FlowKind is: the host builds flows only through this map, so a test can put
// stubs in their place and a new business is one entry here.
import type { Flow, FlowDeps, FlowHooks } from './flow.ts';
import type { IntakeBusiness } from '../../contract/businesses.ts';
import { createCardManagementFlow } from './card-management-flow.ts';
import { createIntakeFlow } from './intake-flow.ts';
import { createPinChangeFlow } from './pin-change-flow.ts';
import { createQueryFlow } from './query-flow.ts';
import { createRenewalFlow } from './renewal-flow.ts';
import { createUnlockFlow } from './unlock-flow.ts';

type Simple = (deps: FlowDeps, hooks: FlowHooks) => Flow;

export interface FlowFactories {
  unlock: Simple;
  renewal: Simple;
  query: Simple;
  pinChange: Simple;
  cardManagement: Simple;
  intake: (deps: FlowDeps, hooks: FlowHooks, business: IntakeBusiness) => Flow;
}

export const flowFactories: FlowFactories = {
  unlock: createUnlockFlow,
  renewal: createRenewalFlow,
  query: createQueryFlow,
  pinChange: createPinChangeFlow,
  cardManagement: createCardManagementFlow,
  intake: createIntakeFlow,
};
