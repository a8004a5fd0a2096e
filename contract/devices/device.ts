// What every device reports, in words the daemon and its clients share: which device, where its
// implementation comes from, the status every device has when nothing is there, and how usable it is.

export type DeviceKind = 'cardReader' | 'printer' | 'scanner' | 'gpio' | 'idCardReader';

export const deviceKinds: readonly DeviceKind[] = ['cardReader', 'printer', 'scanner', 'gpio', 'idCardReader'];

/** Where a device's implementation comes from, chosen per device by configuration. */
export type DeviceSource = 'sim' | 'hardware';

/** The status every device reports when there is nothing there to talk to. */
export interface NoDevice {
  state: 'noDevice';
  /** Why: unplugged, not configured, or its implementation does not exist yet. */
  reason: string;
}

/** How the kiosk can use a device in a given state, for health and the status strip. */
export type Serviceability = 'ready' | 'attention' | 'unavailable';
