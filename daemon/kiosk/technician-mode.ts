// Technician mode: entered with the technician card and its PIN, or with the cabinet's service
// switch and the technician PIN. Failures lock out for growing delays (kept across restarts);
// every attempt and action is audited. While a technician works the kiosk is out of service
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
}

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
      return { kind: 'notATechnicianCard' };
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
}

export class TechnicianMode {
  readonly #options: TechnicianModeOptions;
  readonly #now: () => number;
  #session: TechnicianSession | null = null;

  constructor(options: TechnicianModeOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  current(): TechnicianSession | null {
    return this.#session;
  }

  isTechnician(connectionId: number): boolean {
    return this.#session?.connectionId === connectionId;
  }

  async login(request: TechnicianLogin, connectionId: number): Promise<Result<TechnicianSession, TechnicianRefusal>> {
    const { store, logger } = this.#options;
    if (this.#session !== null) return err({ kind: 'alreadyActive', actor: this.#session.actor });
    const lockout = (store.getState(lockoutKey) as Lockout | undefined) ?? { failures: 0, lockedUntil: 0 };
    const now = this.#now();
    if (lockout.lockedUntil > now) {
      const refusal = { kind: 'lockedOut' as const, retryInSeconds: Math.ceil((lockout.lockedUntil - now) / 1000) };
      store.audit('technician:unknown', 'technician.loginRefused', { method: request.method, refusal });
      return err(refusal);
    }
    const identified = await this.#identify(request);
    if (!identified.ok) {
      const failures = lockout.failures + 1;
      store.setState(lockoutKey, { failures, lockedUntil: now + lockoutDelayMs(failures) } satisfies Lockout);
      store.audit('technician:unknown', 'technician.loginRefused', { method: request.method, refusal: identified.error, failures });
      logger.event('technician.loginRefused', { method: request.method, refusal: identified.error.kind, failures });
      return identified;
    }
    store.setState(lockoutKey, { failures: 0, lockedUntil: 0 } satisfies Lockout);
    this.#session = { actor: identified.value, since: new Date(now).toISOString(), connectionId };
    store.audit(identified.value, 'technician.login', { method: request.method });
    logger.event('technician.login', { actor: identified.value, method: request.method });
    this.#options.service.set('maintenance', identified.value);
    return ok(this.#session);
  }

  /** Leaves technician mode and returns the kiosk to service (a still-open cabinet keeps the tamper). */
  logout(why: string): void {
    const session = this.#session;
    if (session === null) return;
    this.#session = null;
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
        return technicianPinMatches(request.pin, this.#options.technicianPinHash) ? ok('technician:service-switch') : err({ kind: 'wrongPin' });
      }
    }
  }
}
