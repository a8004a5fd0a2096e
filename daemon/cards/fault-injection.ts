// Cuts for the crash tests: `KIOSK_FAULT_INJECT=<operation>:<step>:<kill|pull|tamper>` makes the
// daemon SIGKILL itself, pull the simulated card, or open the simulated cabinet, right after that
// step of an unlock or renewal is recorded. Honoured only in simulator mode, so a kiosk in the
// hall can never be told to do it.
import type { StepHook } from './card-operation.ts';

export interface FaultTarget {
  /** Pulls the simulated card out of the in-process reader. */
  pullCard(): void;
  /** Opens the simulated cabinet (the tamper switch). */
  openCabinet(): void;
}

export function faultInjectionHook(spec: string | undefined, target: FaultTarget | null): StepHook {
  const match = spec === undefined ? null : /^(unlock|renewal):([A-Za-z]+):(kill|pull|tamper)$/.exec(spec);
  if (match === null || target === null) return async () => undefined;
  const [, operation, step, action] = match;
  return async (atOperation, atStep) => {
    if (atOperation !== operation || atStep !== step) return;
    if (action === 'kill') process.kill(process.pid, 'SIGKILL');
    else if (action === 'pull') target.pullCard();
    else target.openCabinet();
    // Let the kill land before anything else runs.
    await new Promise((resolve) => setTimeout(resolve, action === 'kill' ? 1000 : 0));
  };
}
