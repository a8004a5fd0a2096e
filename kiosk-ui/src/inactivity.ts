// Returns the kiosk to its attract screen when nobody has touched it for a while, so the next
// agent never sees the previous one's session or language.

/** How long the kiosk waits without a touch, key or pointer before it resets. */
export const inactivityTimeoutMs = 60_000;

/** What counts as someone at the kiosk. */
export const activityEvents: readonly string[] = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'];

export interface InactivityTimer {
  /** Starts the countdown again, as any activity does. */
  reset(): void;
  /** Removes the listeners and the pending timer. */
  stop(): void;
}

export interface InactivityOptions {
  /** Where activity events are heard, normally `window`. */
  target: EventTarget;
  onIdle: () => void;
  timeoutMs?: number;
}

/**
 * Calls `onIdle` once after `timeoutMs` without activity, then waits for the next activity
 * before it counts again (an empty kiosk is reset once, not every minute).
 */
export function startInactivityTimer({ target, onIdle, timeoutMs = inactivityTimeoutMs }: InactivityOptions): InactivityTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reset = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onIdle();
    }, timeoutMs);
  };
  const options: AddEventListenerOptions = { capture: true, passive: true };
  for (const name of activityEvents) target.addEventListener(name, reset, options);
  reset();
  return {
    reset,
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      for (const name of activityEvents) target.removeEventListener(name, reset, options);
    },
  };
}

/**
 * The timeout a page asks for with `?idle=SECONDS` (tests and demos use a short one);
 * anything missing or not a positive number gives the default.
 */
export function inactivityTimeoutFromQuery(search: string): number {
  const raw = new URLSearchParams(search).get('idle');
  if (raw === null || raw.trim() === '') return inactivityTimeoutMs;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : inactivityTimeoutMs;
}
