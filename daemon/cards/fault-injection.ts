// Cuts for the crash tests: `KIOSK_FAULT_INJECT=<operation>:<step>:<kill|pull|tamper|stall>[:<ms>]`
// makes the daemon SIGKILL itself, pull the simulated card, or open the simulated cabinet, right
// after that step of an unlock or renewal is recorded — or `<ms>` milliseconds later, the step on
// show meanwhile (a browser test's screenshot of the progress bar needs it to stay a moment; an
// agent pulling the card is never as quick as the simulated card). Once per run: the card put
// back is renewed or unlocked again without a cut. Honoured only in simulator mode, so a kiosk in
// the hall can never be told to do it.
import type { StepHook } from './card-operation.ts';

export interface FaultTarget {
  /**
   * Pulls the simulated card out: of the in-process reader, or out of pcscd's vpcd reader (over
   * the system stacks), resolving once the daemon's reader has seen it go — so that the step's
   * next APDU finds the card gone, as it does in-process.
   */
  pullCard(): Promise<void>;
  /** Opens the simulated cabinet (the tamper switch). */
  openCabinet(): void;
}

/** Longest wait before acting: a typo must not hang a test for hours. */
const maxDelayMs = 60_000;

export function faultInjectionHook(spec: string | undefined, target: FaultTarget | null): StepHook {
  const match = spec === undefined ? null : /^(unlock|renewal):([A-Za-z]+):(kill|pull|tamper|stall)(?::(\d{1,5}))?$/.exec(spec);
  if (match === null || target === null) return async () => undefined;
  const [, operation, step, action, delay] = match;
  const delayMs = Math.min(Number(delay ?? 0), maxDelayMs);
  let done = false;
  return async (atOperation, atStep) => {
    if (done || atOperation !== operation || atStep !== step) return;
    done = true;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (action === 'kill') process.kill(process.pid, 'SIGKILL');
    else if (action === 'pull') await target.pullCard();
    else if (action === 'tamper') target.openCabinet();
    // stall: only the wait — a slow authority or a slow card, as the next step meets it.
    // Let the kill land before anything else runs.
    await new Promise((resolve) => setTimeout(resolve, action === 'kill' ? 1000 : 0));
  };
}
