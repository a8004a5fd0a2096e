// What every device driver has in common: a status that is a discriminated union with a
// `state` tag, change notifications, and a lifecycle owned by the daemon.
import type { DeviceKind, DeviceSource } from '../../contract/devices/device.ts';

/**
 * `Kind` is the kind the device reports; it defaults to the daemon's device kinds. A device not yet
 * wired into the daemon (the resident ID-card reader) names its own kind until it joins them.
 */
export interface Device<Status extends { state: string }, Kind extends string = DeviceKind> {
  readonly kind: Kind;
  readonly source: DeviceSource;
  /** The current status; cheap, never does I/O. */
  status(): Status;
  /** Called on every change of status (not on repeats). Returns an unsubscribe function. */
  onStatusChange(listener: (status: Status) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}
