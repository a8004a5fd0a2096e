// What every device driver has in common: a status that is a discriminated union with a
// `state` tag, change notifications, and a lifecycle owned by the daemon.
import type { DeviceKind, DeviceSource } from '../../contract/devices/device.ts';

export interface Device<Status extends { state: string }> {
  readonly kind: DeviceKind;
  readonly source: DeviceSource;
  /** The current status; cheap, never does I/O. */
  status(): Status;
  /** Called on every change of status (not on repeats). Returns an unsubscribe function. */
  onStatusChange(listener: (status: Status) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}
