// The attract screen's groups of services (its first level) and which group each flow's tile
// sits in: the screen lays them out, the browser tests' agent finds a flow's tile through them.
import type { FlowKind } from '../../contract/flow-view.ts';

export type ServiceGroup = 'cards' | 'management' | 'papers';

export function groupOf(flow: FlowKind): ServiceGroup {
  switch (flow) {
    case 'unlock':
    case 'renewal':
    case 'query':
    case 'pinChange':
      return 'cards';
    case 'cardManagement':
      return 'management';
    case 'intake':
      return 'papers';
  }
}
