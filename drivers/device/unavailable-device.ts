import type { DeviceKind, DeviceSource, NoDevice } from '../../contract/devices/device.ts';
import { StatusHolder } from './status-holder.ts';

/**
 * A device with nothing behind it yet: it honestly reports noDevice with the reason, so the
 * kiosk never shows a fake "online" for a driver or simulator that has not been written.
 */
export class UnavailableDevice<Status extends { state: string }> extends StatusHolder<Status | NoDevice> {
  constructor(kind: DeviceKind, source: DeviceSource, reason: string) {
    super(kind, source, { state: 'noDevice', reason });
  }
}
