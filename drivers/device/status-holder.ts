import type { Device } from './device.ts';
import type { DeviceKind, DeviceSource } from '../../contract/devices/device.ts';

/**
 * Holds a device's status and tells listeners when it changes. Drivers extend it so that
 * repeats (the same state reported twice by the OS) never reach the UI as events.
 */
export class StatusHolder<Status extends { state: string }> implements Device<Status> {
  readonly kind: DeviceKind;
  readonly source: DeviceSource;
  #status: Status;
  #listeners = new Set<(status: Status) => void>();

  constructor(kind: DeviceKind, source: DeviceSource, initial: Status) {
    this.kind = kind;
    this.source = source;
    this.#status = initial;
  }

  status(): Status {
    return this.#status;
  }

  onStatusChange(listener: (status: Status) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected setStatus(next: Status): void {
    if (JSON.stringify(next) === JSON.stringify(this.#status)) return;
    this.#status = next;
    for (const listener of this.#listeners) listener(next);
  }

  async start(): Promise<void> {
    // Nothing to open by default.
  }

  async stop(): Promise<void> {
    this.#listeners.clear();
  }
}
