// The kiosk's status as the UI knows it: fetched with Common.Status on every (re)connect, then
// kept current by Common.StatusChangedEvent and Kiosk.ServiceStateChanged. While the connection is
// down it is stale.
import type { DeviceStatuses, KioskStatus, UnsolicitedPayloads } from '../../contract/protocol/catalogue.ts';
import { deviceKinds } from '../../contract/devices/device.ts';
import type { WsClient } from './ws-client.ts';

export interface StatusSnapshot {
  /** Null until the first Common.Status answer arrives. */
  status: KioskStatus | null;
  /** True while the connection is down or the status has not been fetched since it came back. */
  stale: boolean;
}

/** How long the feed waits before it asks again when Common.Status failed on an open connection. */
export const statusRetryMs = 3_000;

export function applyStatusChange(status: KioskStatus, change: UnsolicitedPayloads['Common.StatusChangedEvent']): KioskStatus {
  const devices: DeviceStatuses = { ...status.devices, ...change.devices };
  return { ...status, state: change.state, devices };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasState = (value: unknown): boolean => isRecord(value) && typeof value.state === 'string';

/** A sanity check of the shape the UI renders; the daemon builds it from the same catalogue. */
export function isKioskStatus(value: unknown): value is KioskStatus {
  if (!isRecord(value) || typeof value.state !== 'string' || !isRecord(value.devices)) return false;
  const devices = value.devices;
  return deviceKinds.every((kind) => hasState(devices[kind]));
}

export function applyServiceChange(status: KioskStatus, change: UnsolicitedPayloads['Kiosk.ServiceStateChanged']): KioskStatus {
  return { ...status, state: change.state, service: change.service };
}

function isServiceChange(value: unknown): value is UnsolicitedPayloads['Kiosk.ServiceStateChanged'] {
  return isRecord(value) && typeof value.state === 'string' && hasState(value.service);
}

function isStatusChange(value: unknown): value is UnsolicitedPayloads['Common.StatusChangedEvent'] {
  if (!isRecord(value) || typeof value.state !== 'string' || !isRecord(value.devices)) return false;
  return Object.values(value.devices).every(hasState);
}

export class StatusFeed {
  #client: WsClient;
  #snapshot: StatusSnapshot = { status: null, stale: true };
  #listeners = new Set<(snapshot: StatusSnapshot) => void>();
  #unsubscribe: (() => void)[] = [];
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts connections, so an answer that arrives after a reconnect is not mistaken as fresh. */
  #connectionCount = 0;

  constructor(client: WsClient) {
    this.#client = client;
  }

  get snapshot(): StatusSnapshot {
    return this.#snapshot;
  }

  start(): void {
    this.#unsubscribe.push(
      this.#client.onConnectionChange((connection) => {
        clearTimeout(this.#retryTimer);
        if (connection.state === 'open') {
          this.#connectionCount += 1;
          void this.#refresh(this.#connectionCount);
        } else if (!this.#snapshot.stale) {
          this.#update({ status: this.#snapshot.status, stale: true });
        }
      }),
      this.#client.onUnsolicited('Common.StatusChangedEvent', (change) => {
        if (!isStatusChange(change)) {
          console.warn('status-feed: ignoring a malformed status change', change);
          return;
        }
        const status = this.#snapshot.status;
        // Before the first full status there is nothing to apply the change to; it will come.
        if (status !== null) this.#update({ status: applyStatusChange(status, change), stale: this.#snapshot.stale });
      }),
      this.#client.onUnsolicited('Kiosk.ServiceStateChanged', (change) => {
        if (!isServiceChange(change)) {
          console.warn('status-feed: ignoring a malformed service change', change);
          return;
        }
        const status = this.#snapshot.status;
        if (status !== null) this.#update({ status: applyServiceChange(status, change), stale: this.#snapshot.stale });
        // The event does not say who is logged in (technician mode starts and ends with a
        // service change): ask for the whole status again.
        if (this.#client.connection.state === 'open') void this.#refresh(this.#connectionCount);
      }),
    );
  }

  stop(): void {
    clearTimeout(this.#retryTimer);
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }

  /** Calls `listener` now and on every change. Returns an unsubscribe function. */
  onChange(listener: (snapshot: StatusSnapshot) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#snapshot);
    return () => this.#listeners.delete(listener);
  }

  async #refresh(connection: number): Promise<void> {
    const outcome = await this.#client.send('Common.Status', {});
    if (connection !== this.#connectionCount || this.#client.connection.state !== 'open') return;
    if (outcome.kind === 'success' && isKioskStatus(outcome.payload)) {
      this.#update({ status: outcome.payload, stale: false });
      return;
    }
    console.warn('status-feed: Common.Status failed, retrying', outcome);
    this.#retryTimer = setTimeout(() => void this.#refresh(connection), statusRetryMs);
  }

  #update(snapshot: StatusSnapshot): void {
    this.#snapshot = snapshot;
    for (const listener of this.#listeners) listener(snapshot);
  }
}
