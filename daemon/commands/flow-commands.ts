// Kiosk.* commands of the agent's flows over the FlowHost: refusals become completion codes with
// the typed refusal in the payload. The PIN an action may carry goes to the flow and nowhere else.
import type { ActRefusal, FlowClient, FlowHost, StartRefusal } from '../flows/flow-host.ts';
import { err, ok } from '../../basics/result.ts';
import type { CommandContext, CommandFailure, CommandHandlers } from '../server/commands.ts';

type FlowCommands = 'Kiosk.StartFlow' | 'Kiosk.FlowAction' | 'Kiosk.Flow' | 'Kiosk.EndFlow' | 'Kiosk.StillHere';

const notYours: CommandFailure = {
  completionCode: 'authorisationRequired',
  errorDescription: 'the flow on the screen belongs to the page that started it',
  payload: { error: { kind: 'notYours' } },
};

/** Who asks, as the flow host judges it: the connection, its page load, whether it is a tool. */
export function flowClient(context: Pick<CommandContext, 'connectionId' | 'pageInstance' | 'role'>): FlowClient {
  // The dock (simulator only) sees the flow as a tool does; its grants keep it from acting on it.
  return { connectionId: context.connectionId, pageInstance: context.pageInstance, tool: context.role === 'tool' || context.role === 'dock' };
}

export function startFailure(refusal: StartRefusal): CommandFailure {
  switch (refusal.kind) {
    case 'outOfService':
      return { completionCode: 'deviceNotReady', errorDescription: 'the kiosk is out of service', payload: { error: refusal } };
    case 'businessRequired':
      return { completionCode: 'invalidData', errorDescription: 'an intake flow needs its business', payload: { error: refusal } };
    case 'notYours':
      return notYours;
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
    case 'notYours':
      return notYours;
    case 'notOnThisScreen':
      return { completionCode: 'sequenceError', errorDescription: `${refusal.action} does not belong on the ${refusal.screen} screen`, payload: { error: refusal } };
  }
}

export function flowHandlers(host: FlowHost): Pick<CommandHandlers, FlowCommands> {
  return {
    'Kiosk.StartFlow': async ({ flow, business }, context) => {
      const started = host.startFlow(flow, business, flowClient(context));
      return started.ok ? ok(started.value) : err(startFailure(started.error));
    },
    'Kiosk.FlowAction': async ({ flowId, action }, context) => {
      const acted = await host.act(flowId, action, flowClient(context));
      return acted.ok ? ok(acted.value) : err(actFailure(acted.error));
    },
    'Kiosk.Flow': async (_payload, context) => ok(host.current(flowClient(context))),
    'Kiosk.EndFlow': async ({ reason }, context) => {
      const ended = host.endFor(reason, flowClient(context));
      return ended.ok ? ok(ended.value) : err(actFailure(ended.error));
    },
    'Kiosk.StillHere': async ({ flowId }, context) => {
      const kept = host.stillHere(flowId, flowClient(context));
      return kept.ok ? ok(kept.value) : err(actFailure(kept.error));
    },
  };
}
