// What every device driver has in common: a status that is a discriminated union with a
// `state` tag, change notifications, and a lifecycle owned by the daemon.

export type DeviceKind = 'cardReader' | 'printer' | 'scanner' | 'gpio';

export const deviceKinds: readonly DeviceKind[] = ['cardReader', 'printer', 'scanner', 'gpio'];

/** Where a device's implementation comes from, chosen per device by configuration. */
export type DeviceSource = 'sim' | 'hardware';

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

/** The status every device reports when there is nothing there to talk to. */
export interface NoDevice {
  state: 'noDevice';
  /** Why: unplugged, not configured, or its implementation does not exist yet. */
  reason: string;
}

/** How the kiosk can use a device in a given state, for health and the status strip. */
export type Serviceability = 'ready' | 'attention' | 'unavailable';
