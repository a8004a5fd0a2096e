// Every message the daemon understands or sends, with its payload schema. One module for the
// daemon and the UI: a command that is not here is answered with unsupportedCommand.
import { z } from 'zod';
import type { CardReaderStatus } from '../../drivers/card/card-reader.ts';
import type { DeviceKind, DeviceSource } from '../../drivers/device/device.ts';
import type { GpioStatus } from '../../drivers/gpio/gpio.ts';
import type { PrinterStatus } from '../../drivers/printer/printer.ts';
import type { ScannerStatus } from '../../drivers/scanner/scanner.ts';

export const protocolVersion = '1.0';

export interface DeviceStatuses {
  cardReader: CardReaderStatus;
  printer: PrinterStatus;
  scanner: ScannerStatus;
  gpio: GpioStatus;
}

/** ready: every device usable; degraded: some business cannot be offered; outOfService: none. */
export type OverallState = 'ready' | 'degraded' | 'outOfService';

export interface KioskStatus {
  kioskId: string;
  version: string;
  state: OverallState;
  uptimeSeconds: number;
  devices: DeviceStatuses;
  sources: Record<DeviceKind, DeviceSource>;
}

export interface Capabilities {
  protocolVersion: string;
  maxFrameBytes: number;
  interfaces: { name: string; commands: string[]; unsolicited: string[] }[];
}

export const commandPayloadSchemas = {
  'Common.Status': z.strictObject({}),
  'Common.Capabilities': z.strictObject({}),
  'Common.Cancel': z.strictObject({
    /** The requests to cancel on this connection; absent cancels every request in flight. */
    requestIds: z.array(z.int().min(1)).max(256).optional(),
  }),
} as const;

export type CommandName = keyof typeof commandPayloadSchemas;
export type CommandPayload<N extends CommandName> = z.infer<(typeof commandPayloadSchemas)[N]>;

export interface CommandResults {
  'Common.Status': KioskStatus;
  'Common.Capabilities': Capabilities;
  'Common.Cancel': { canceled: number[] };
}

export interface UnsolicitedPayloads {
  'Common.StatusChangedEvent': { state: OverallState; devices: Partial<DeviceStatuses> };
}

export type UnsolicitedName = keyof UnsolicitedPayloads;

export const unsolicitedNames: readonly UnsolicitedName[] = ['Common.StatusChangedEvent'];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandPayloadSchemas, name);
}
