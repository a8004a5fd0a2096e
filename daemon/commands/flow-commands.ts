// Kiosk.* commands of the agent's flows over the FlowHost: refusals become completion codes with
// the typed refusal in the payload. The PIN an action may carry goes to the flow and nowhere else.
import type { ActRefusal, FlowHost, StartRefusal } from '../flows/flow-host.ts';
import { err, ok } from '../../basics/result.ts';
import type { CommandFailure, CommandHandlers } from '../server/commands.ts';

type FlowCommands = 'Kiosk.StartFlow' | 'Kiosk.FlowAction' | 'Kiosk.Flow' | 'Kiosk.EndFlow';

export function startFailure(refusal: StartRefusal): CommandFailure {
  switch (refusal.kind) {
    case 'outOfService':
      return { completionCode: 'deviceNotReady', errorDescription: 'the kiosk is out of service', payload: { error: refusal } };
    case 'businessRequired':
      return { completionCode: 'invalidData', errorDescription: 'an intake flow needs its business', payload: { error: refusal } };
  }
}

export function actFailure(refusal: ActRefusal): CommandFailure {
  switch (refusal.kind) {
    case 'noFlow':
      return { completionCode: 'sequenceError', errorDescription: 'no flow is running: send Kiosk.StartFlow first', payload: { error: refusal } };
    case 'staleFlow':
      return { completionCode: 'sequenceError', errorDescription: `flow ${refusal.flowId} is not the one showing`, payload: { error: refusal } };
    case 'busy':
      return { completionCode: 'userError', errorDescription: 'the previous action of this flow is still running', payload: { error: refusal } };
    case 'notOnThisScreen':
      return { completionCode: 'sequenceError', errorDescription: `${refusal.action} does not belong on the ${refusal.screen} screen`, payload: { error: refusal } };
  }
}

export function flowHandlers(host: FlowHost): Pick<CommandHandlers, FlowCommands> {
  return {
    'Kiosk.StartFlow': async ({ flow, business }) => {
      const started = host.startFlow(flow, business);
      return started.ok ? ok(started.value) : err(startFailure(started.error));
    },
    'Kiosk.FlowAction': async ({ flowId, action }) => {
      const acted = await host.act(flowId, action);
      return acted.ok ? ok(acted.value) : err(actFailure(acted.error));
    },
    'Kiosk.Flow': async () => ok(host.current()),
    'Kiosk.EndFlow': async ({ reason }) => ok(host.end(reason)),
  };
}
