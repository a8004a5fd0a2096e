// CardReader.* and Kiosk.* commands: the card services over the WebSocket protocol.
import type { CardService } from '../cards/card-service.ts';
import { completionCodeOf, describeCardServiceError, type CardServiceError } from '../cards/card-service-error.ts';
import type { AgentSessions } from '../cards/agent-session.ts';
import { renewalSteps } from '../cards/renewal.ts';
import { unlockSteps } from '../cards/unlock.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { CommandContext, CommandFailure, CommandHandlers } from '../server/commands.ts';

type CardCommands = 'CardReader.ReadCard' | 'CardReader.VerifyPin' | 'CardReader.ChangePin' | 'Kiosk.StartSession' | 'Kiosk.EndSession' | 'Kiosk.Unlock' | 'Kiosk.Renew';

/** Progress of the one unlock or renewal running now, routed to the command that started it. */
export interface ProgressRouter {
  listen(listener: ((operation: 'unlock' | 'renewal', step: string) => void) | null): void;
}

function failure(error: CardServiceError): CommandFailure {
  return { completionCode: completionCodeOf(error), errorDescription: describeCardServiceError(error), payload: { error } };
}

function answer<T>(result: Result<T, CardServiceError>): Result<T, CommandFailure> {
  return result.ok ? ok(result.value) : err(failure(result.error));
}

export function cardHandlers(cards: CardService, sessions: AgentSessions, progress: ProgressRouter): Pick<CommandHandlers, CardCommands> {
  const withProgress = async <T>(context: CommandContext<'Kiosk.Unlock' | 'Kiosk.Renew'>, steps: readonly string[], run: () => Promise<T>): Promise<T> => {
    progress.listen((_operation, step) => {
      context.emit({ step, index: steps.indexOf(step) + 1, of: steps.length });
    });
    try {
      return await run();
    } finally {
      progress.listen(null);
    }
  };
  return {
    'CardReader.ReadCard': async () => answer(await cards.readCard()),
    // The command's signal goes with the work: once it completed timeOut or canceled, no card
    // command of it reaches the card (issue 13, item 5).
    'CardReader.VerifyPin': async ({ pin }, context) => answer(await cards.verifyPin(pin, context.signal)),
    'CardReader.ChangePin': async ({ oldPin, newPin, confirmation }, context) => answer(await cards.changePin(oldPin, newPin, confirmation, context.signal)),
    'Kiosk.StartSession': async ({ business }) => {
      const session = sessions.start(business);
      return ok({ sessionId: session.id, business });
    },
    'Kiosk.EndSession': async ({ outcome }) => {
      const id = sessions.current()?.id ?? null;
      sessions.end(outcome ?? 'completed');
      return ok({ sessionId: id });
    },
    'Kiosk.Unlock': async ({ evidence, newPin, confirmation }, context) =>
      answer(await withProgress(context, unlockSteps, () => cards.unlock(evidence, newPin, confirmation, context.signal))),
    'Kiosk.Renew': async ({ pin }, context) => answer(await withProgress(context, renewalSteps, () => cards.renew(pin, context.signal))),
  };
}
