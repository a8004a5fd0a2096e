// Technician mode: entered with the technician card and its PIN, or with the cabinet's service
// switch and the technician PIN. Wrong PINs lock out for growing delays (kept across restarts);
// every attempt and action is audited. Logins are evaluated one at a time and each is counted as
// a failure before its PIN is checked, so a burst of guesses in one write gets at most the free
// attempts evaluated; only a wrong PIN stays counted (a switch left off or a missing card is not
// a guess). The lockout runs on the monotonic clock and never exceeds its cap, whatever the wall
// clock does. While a technician works the kiosk is out of service
// for agents; leaving technician mode returns it to service (unless the cabinet is still open).
import type { CardService } from '../cards/card-service.ts';
import type { CardServiceError } from '../cards/card-service-error.ts';
import type { TechnicianRefusal } from '../../contract/card-service-error.ts';
import type { Gpio } from '../../drivers/gpio/gpio.ts';
import type { Logger } from '../log/logger.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { Store } from '../store/store.ts';
import type { KioskServiceState } from './service-state.ts';
import { technicianPinMatches } from './technician-pin.ts';

export type TechnicianLogin = { method: 'card'; pin: string } | { method: 'serviceSwitch'; pin: string };

export interface TechnicianSession {
  actor: string;
  since: string;
  connectionId: number;
  method: TechnicianLogin['method'];
}

/** As kept in the store: the wall-clock end is only a hint for the next start, capped there. */
interface Lockout {
  failures: number;
  lockedUntil: number;
}

const lockoutKey = 'technician.lockout';
/** Free attempts before the first delay; then 30 s, doubling, at most 15 minutes. */
const freeAttempts = 3;
const firstDelayMs = 30_000;
const maxDelayMs = 15 * 60_000;

export function lockoutDelayMs(failures: number): number {
  if (failures < freeAttempts) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - freeAttempts));
}

/** A failed technician-card login in technician-mode terms. */
function refusalOf(error: CardServiceError): TechnicianRefusal {
  switch (error.kind) {
    case 'wrongPin':
    case 'pinBlocked':
    case 'pinPolicy':
      return { kind: 'wrongPin' };
    case 'notAllowed':
      return error.reason === 'pinMustChange' ? { kind: 'pinMustChange' } : { kind: 'notATechnicianCard' };
    case 'noCard':
    case 'cardRemoved':
    case 'readerUnavailable':
    case 'cardState':
    case 'authority':
    case 'card':
    case 'verificationFailed':
    case 'interrupted':
      return { kind: 'card', error };
  }
}

export interface TechnicianModeOptions {
  store: Store;
  logger: Logger;
  service: KioskServiceState;
  cards: CardService;
  gpio: Gpio;
  /** scrypt hash from the configuration (`technician.pinHash`); null disables the switch path. */
  technicianPinHash: string | null;
  now?: () => number;
  /** A monotonic clock in ms (performance.now); the lockout and the session limits are measured on it. */
  monotonic?: () => number;
  /** Technician mode ends after this long without a technician command (ms) … */
  idleLimitMs?: number;
  /** … and after this long in all (ms). */
  sessionLimitMs?: number;
}

/** How often the session limits are looked at. */
const limitCheckMs = 5_000;

export class TechnicianMode {
  readonly #options: TechnicianModeOptions;
  readonly #now: () => number;
  readonly #monotonic: () => number;
  #session: TechnicianSession | null = null;
  #failures: number;
  /** On the monotonic clock. */
  #lockedUntil: number;
  /** Logins one after another: the next starts when the one before has been counted. */
  #queue: Promise<unknown> = Promise.resolve();
  /** On the monotonic clock: when the session began and when its technician last did anything. */
  #sessionStarted = 0;
  #lastActivity = 0;
  #limitTimer: NodeJS.Timeout | null = null;
  #stopWatchingSwitch: (() => void) | null = null;

  constructor(options: TechnicianModeOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#monotonic = options.monotonic ?? (() => performance.now());
    // A lockout survives a restart, but no longer than its own delay: a wall clock set forward or
    // back cannot stretch it.
    const kept = (options.store.getState(lockoutKey) as Lockout | undefined) ?? { failures: 0, lockedUntil: 0 };
    this.#failures = kept.failures;
    const remaining = Math.min(Math.max(0, kept.lockedUntil - this.#now()), lockoutDelayMs(kept.failures));
    this.#lockedUntil = this.#monotonic() + remaining;
  }

  current(): TechnicianSession | null {
    return this.#session;
  }

  isTechnician(connectionId: number): boolean {
    return this.#session?.connectionId === connectionId;
  }

  /** The technician did something: the idle limit starts again. */
  touch(connectionId: number): void {
    if (this.isTechnician(connectionId)) this.#lastActivity = this.#monotonic();
  }

  /** Ends the session when it has been idle or open too long (also run every few seconds). */
  checkLimits(): void {
    if (this.#session === null) return;
    const now = this.#monotonic();
    const idleLimit = this.#options.idleLimitMs ?? 600_000;
    const sessionLimit = this.#options.sessionLimitMs ?? 7_200_000;
    if (now - this.#lastActivity >= idleLimit) this.logout(`no technician action for ${Math.round(idleLimit / 1000)} s`);
    else if (now - this.#sessionStarted >= sessionLimit) this.logout(`the ${Math.round(sessionLimit / 60_000)}-minute limit of technician mode`);
  }

  /** Stops the limit timer (the daemon is closing). */
  stop(): void {
    if (this.#limitTimer !== null) clearInterval(this.#limitTimer);
    this.#limitTimer = null;
    this.#stopWatchingSwitch?.();
    this.#stopWatchingSwitch = null;
  }

  login(request: TechnicianLogin, connectionId: number): Promise<Result<TechnicianSession, TechnicianRefusal>> {
    const attempt = this.#queue.then(() => this.#attempt(request, connectionId));
    this.#queue = attempt.catch(() => undefined);
    return attempt;
  }

  async #attempt(request: TechnicianLogin, connectionId: number): Promise<Result<TechnicianSession, TechnicianRefusal>> {
    const { store, logger } = this.#options;
    if (this.#session !== null) return err({ kind: 'alreadyActive', actor: this.#session.actor });
    const now = this.#monotonic();
    if (this.#lockedUntil > now) {
      const retryInSeconds = Math.ceil(Math.min(this.#lockedUntil - now, maxDelayMs) / 1000);
      const refusal = { kind: 'lockedOut' as const, retryInSeconds };
      store.audit('technician:unknown', 'technician.loginRefused', { method: request.method, refusal });
      return err(refusal);
    }
    // Counted before the check: whatever happens to this attempt, it was one.
    const before = this.#failures;
    this.#setFailures(before + 1);
    const identified = await this.#identify(request);
    if (!identified.ok) {
      // Only a wrong PIN is a guess; a switch left off, a missing card or a reader error is not.
      if (identified.error.kind !== 'wrongPin') this.#setFailures(before);
      const failures = this.#failures;
      store.audit('technician:unknown', 'technician.loginRefused', { method: request.method, refusal: identified.error, failures });
      logger.event('technician.loginRefused', { method: request.method, refusal: identified.error.kind, failures });
      return identified;
    }
    this.#setFailures(0);
    this.#session = { actor: identified.value, since: new Date(this.#now()).toISOString(), connectionId, method: request.method };
    this.#sessionStarted = this.#monotonic();
    this.#lastActivity = this.#sessionStarted;
    this.#limitTimer ??= setInterval(() => this.checkLimits(), limitCheckMs).unref();
    // Entered through the service switch: turning it off is leaving.
    if (request.method === 'serviceSwitch') {
      this.#stopWatchingSwitch = this.#options.gpio.onStatusChange((status) => {
        if (status.state === 'online' && !status.inputs.serviceSwitch) this.logout('the service switch was turned off');
      });
    }
    store.audit(identified.value, 'technician.login', { method: request.method });
    logger.event('technician.login', { actor: identified.value, method: request.method });
    this.#options.service.set('maintenance', identified.value);
    return ok(this.#session);
  }

  #setFailures(failures: number): void {
    const delay = lockoutDelayMs(failures);
    this.#failures = failures;
    this.#lockedUntil = this.#monotonic() + delay;
    this.#options.store.setState(lockoutKey, { failures, lockedUntil: delay === 0 ? 0 : this.#now() + delay } satisfies Lockout);
  }

  /** Leaves technician mode and returns the kiosk to service (a still-open cabinet keeps the tamper). */
  logout(why: string): void {
    const session = this.#session;
    if (session === null) return;
    this.#session = null;
    this.stop();
    const { store, logger, service, gpio } = this.#options;
    store.audit(session.actor, 'technician.logout', { why });
    logger.event('technician.logout', { actor: session.actor, why });
    service.clear('technician', session.actor);
    const status = gpio.status();
    if (!(status.state === 'online' && status.inputs.tamper)) service.clear('tamper', session.actor, { note: 'checked by the technician' });
    service.clear('maintenance', session.actor);
  }

  /** Records an action of the technician in the audit log. */
  audit(action: string, detail: Record<string, unknown> = {}): void {
    const actor = this.#session?.actor ?? 'technician:unknown';
    this.#options.store.audit(actor, action, detail);
    this.#options.logger.event('technician.action', { actor, action, ...detail });
  }

  async #identify(request: TechnicianLogin): Promise<Result<string, TechnicianRefusal>> {
    switch (request.method) {
      case 'card': {
        const card = await this.#options.cards.authenticateTechnician(request.pin);
        if (card.ok) return ok(`technician:${card.value.cardNo}`);
        return err(refusalOf(card.error));
      }
      case 'serviceSwitch': {
        const status = this.#options.gpio.status();
        if (status.state !== 'online' || !status.inputs.serviceSwitch) return err({ kind: 'serviceSwitchOff' });
        if (this.#options.technicianPinHash === null) return err({ kind: 'noTechnicianPinConfigured' });
        return (await technicianPinMatches(request.pin, this.#options.technicianPinHash)) ? ok('technician:service-switch') : err({ kind: 'wrongPin' });
      }
    }
  }
}
