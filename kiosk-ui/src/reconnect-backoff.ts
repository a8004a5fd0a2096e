// How long the UI waits before it tries the daemon again: exponential, capped, with jitter.

export const reconnectBaseMs = 500;
export const reconnectMaxMs = 10_000;

/**
 * The delay before retry number `attempt` (1 for the first retry): 0.5 s doubling up to 10 s,
 * of which the upper half is random ("equal jitter"), so retries never fall into step with a
 * daemon that restarts on a fixed cycle, yet never come back instantly.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(reconnectMaxMs, reconnectBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
