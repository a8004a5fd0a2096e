// Every message the daemon understands or sends, with its payload schema. One module for the
// daemon and the UI: a command that is not here is answered with unsupportedCommand.
import { z } from 'zod';
import { secretField, secretFieldNames } from './secret.ts';
import { businesses, rulebookBusinesses, type Business } from '../businesses.ts';
import type { CardInfo, CardReaderStatus } from '../devices/card-reader.ts';
import type { DeviceKind, DeviceSource } from '../devices/device.ts';
import { inputNames, lightNames, type GpioStatus } from '../devices/gpio.ts';
import type { PrinterStatus } from '../devices/printer.ts';
import type { ScannerStatus } from '../devices/scanner.ts';
import type { IdCardHolderMasked, IdCardReaderStatus } from '../devices/id-card-reader.ts';
import { idCardFixtureNames } from '../sim-fixture-names.ts';
import { identitySources } from '../authority/authority.ts';
import { printerCommandSchemas, type PrinterCommandResults } from './printer-messages.ts';
import { scannerCommandSchemas, type ScannerCommandResults } from './scanner-messages.ts';
import { intakeCommandSchemas, type IntakeCommandResults } from './intake-messages.ts';
import { flowCommandSchemas, type FlowCommandResults, type FlowUnsolicitedPayloads } from './flow-messages.ts';
import { documentForms, documentKinds, idCardRoles } from '../intake/package-schema.ts';

export const protocolVersion = '1.0';

export interface DeviceStatuses {
  cardReader: CardReaderStatus;
  printer: PrinterStatus;
  scanner: ScannerStatus;
  gpio: GpioStatus;
  idCardReader: IdCardReaderStatus;
}

/** ready: every device usable; degraded: some business cannot be offered; outOfService: none. */
export type OverallState = 'ready' | 'degraded' | 'outOfService';

/** Whether the kiosk serves agents (daemon/kiosk/service-state.ts). */
export type ServiceState =
  | { state: 'inService' }
  | { state: 'outOfService'; reasons: ('tamper' | 'technician' | 'maintenance')[]; since: string };

export interface KioskStatus {
  kioskId: string;
  version: string;
  state: OverallState;
  service: ServiceState;
  technician: { active: false } | { active: true; actor: string; since: string };
  uptimeSeconds: number;
  devices: DeviceStatuses;
  sources: Record<DeviceKind, DeviceSource>;
}

export interface Capabilities {
  protocolVersion: string;
  maxFrameBytes: number;
  interfaces: { name: string; commands: string[]; unsolicited: string[] }[];
}


// A PIN travels only in the one command that needs it; the daemon never logs or stores it.
const pin = secretField;

export const commandPayloadSchemas = {
  'Common.Status': z.strictObject({}),
  'Common.Capabilities': z.strictObject({}),
  'Common.Cancel': z.strictObject({
    /** The requests to cancel on this connection; absent cancels every request in flight. */
    requestIds: z.array(z.int().min(1)).max(256).optional(),
  }),
  'CardReader.ReadCard': z.strictObject({}),
  'CardReader.VerifyPin': z.strictObject({ pin }),
  'CardReader.ChangePin': z.strictObject({ oldPin: pin, newPin: pin, confirmation: pin }),
  'Kiosk.StartSession': z.strictObject({ business: z.enum(businesses) }),
  'Kiosk.EndSession': z.strictObject({ outcome: z.enum(['completed', 'canceled', 'timedOut', 'failed']).optional() }),
  'Kiosk.Unlock': z.strictObject({
    /** For now carried in the command; the scanner fills it in a later issue. */
    evidence: z.strictObject({
      agentName: z.string().min(1).max(64),
      agentIdNumber: z.string().min(1).max(32),
      introductionLetter: z.boolean(),
      enterpriseUscc: z.string().min(1).max(32),
      /** Evidence a tool sends was typed by a person unless it says otherwise. */
      identitySource: z.enum(identitySources).default('typed'),
    }),
    newPin: pin,
    confirmation: pin,
  }),
  /** The PIN of the card to renew, verified in the same card session as the renewal. */
  'Kiosk.Renew': z.strictObject({ pin }),
  'Technician.Login': z.strictObject({ method: z.enum(['card', 'serviceSwitch']), pin }),
  'Technician.Logout': z.strictObject({}),
  /** Only on the technician's connection: take the kiosk out of service, or back. */
  'Technician.SetOutOfService': z.strictObject({ outOfService: z.boolean() }),
  'Technician.Audit': z.strictObject({ limit: z.int().min(1).max(500).optional() }),
  'Technician.TestLight': z.strictObject({ light: z.enum(lightNames), pattern: z.enum(['off', 'on', 'slow', 'fast']) }),
  'Technician.TestCard': z.strictObject({}),
  /** One read of the resident ID card on the reader: the SAM's id and the holder, masked. */
  'Technician.TestIdCardReader': z.strictObject({}),
  /** Device counters since the kiosk was installed (kept across restarts). */
  'Technician.Counters': z.strictObject({}),
  /** The daemon's most recent log lines (already redacted: no PIN, ID numbers masked). */
  'Technician.LogTail': z.strictObject({ lines: z.int().min(1).max(1000).optional() }),
  /** Everything a remote engineer needs, as one JSON document (no secrets, no personal data). */
  'Technician.ExportBundle': z.strictObject({}),
  /** The readiness report on the receipt printer: each device's state and counters. */
  'Technician.PrintReadiness': z.strictObject({}),
  /** A small JPEG of a scanned page for the test scan (scans are personal data: technician only). */
  'Technician.ScanPreview': z.strictObject({ pageId: z.string().min(1).max(64), width: z.int().min(64).max(800).optional() }),
  /** Simulator mode only: the dev dock's hands. */
  'Sim.SetInput': z.strictObject({ input: z.enum(inputNames), active: z.boolean() }),
  /** Loads the simulated scanner's feeder with a generated document set for a business. */
  'Sim.ScannerLoad': z.strictObject({
    business: z.enum(rulebookBusinesses),
    /** A bad page knob for the whole set (see sim/scanner). */
    defect: z.enum(['none', 'blank', 'noSeal', 'heavySkew', 'lowResolution', 'differentName']).optional(),
    /** Only this paper of the set, as an agent feeds what the kiosk asks for (PaperRequest.wanted). */
    paper: z
      .strictObject({ kind: z.enum(documentKinds), form: z.enum(documentForms).nullable().optional(), role: z.enum(idCardRoles).nullable().optional() })
      .optional(),
  }),
  /** Unplugs the simulated card reader (noDevice) or plugs it back in. */
  'Sim.CardReaderPlug': z.strictObject({ plugged: z.boolean() }),
  /** Jams the simulated scanner, opens its cover, or clears both. */
  'Sim.ScannerFault': z.strictObject({ fault: z.enum(['jam', 'coverOpen', 'clear']) }),
  'Sim.InsertCard': z.strictObject({ fixture: z.string().min(1).max(64) }),
  'Sim.RemoveCard': z.strictObject({}),
  /** Puts a resident ID card of the simulator's (sim/idcard/id-card-fixtures.ts) on the simulated reader. */
  'Sim.IdCardPlace': z.strictObject({ fixture: z.enum(idCardFixtureNames) }),
  'Sim.IdCardRemove': z.strictObject({}),
  ...printerCommandSchemas,
  ...scannerCommandSchemas,
  ...intakeCommandSchemas,
  ...flowCommandSchemas,
} as const;

/** Every field of a command that carries a PIN, by name: the daemon redacts each wherever it appears. */
export const secretPayloadFields: ReadonlySet<string> = secretFieldNames(Object.values(commandPayloadSchemas));

export type CommandName = keyof typeof commandPayloadSchemas;
export type CommandPayload<N extends CommandName> = z.infer<(typeof commandPayloadSchemas)[N]>;

/** What the technician page counts (daemon/kiosk/counters.ts). */
export const counterNames = ['cardsRead', 'apdus', 'receiptsPrinted', 'printFailures', 'cuts', 'paperUsedMm', 'pagesScanned', 'scannerJams', 'tamperEvents'] as const;
export type CounterName = (typeof counterNames)[number];

export interface CardSummary {
  info: CardInfo;
  certificateDaysLeft: number;
  pin: { state: 'verified' } | { state: 'notVerified'; triesLeft: number } | { state: 'blocked' };
  pinMustChange: boolean;
}

export interface CommandResults extends PrinterCommandResults, ScannerCommandResults, IntakeCommandResults, FlowCommandResults {
  'Common.Status': KioskStatus;
  'Common.Capabilities': Capabilities;
  'Common.Cancel': { canceled: number[] };
  'CardReader.ReadCard': CardSummary;
  'CardReader.VerifyPin': { cardNo: string; verified: true };
  'CardReader.ChangePin': { cardNo: string };
  'Kiosk.StartSession': { sessionId: string; business: Business };
  'Kiosk.EndSession': { sessionId: string | null };
  'Kiosk.Unlock': { operationId: string; cardNo: string };
  'Kiosk.Renew': { operationId: string; cardNo: string; certificateSerial: string; notAfter: string };
  'Technician.Login': { actor: string; since: string };
  'Technician.Logout': { loggedOut: boolean };
  'Technician.SetOutOfService': { service: ServiceState };
  'Technician.Audit': { entries: { id: number; at: string; actor: string; action: string; detail: unknown }[] };
  'Technician.TestLight': { light: string; pattern: string };
  'Technician.Counters': { counters: Record<CounterName, number>; since: string };
  'Technician.LogTail': { lines: string[] };
  'Technician.ExportBundle': { fileName: string; bundle: Record<string, unknown> };
  'Technician.PrintReadiness': { jobId: string };
  'Technician.ScanPreview': { pageId: string; width: number; height: number; jpegBase64: string };
  'Sim.CardReaderPlug': { plugged: boolean };
  'Sim.ScannerLoad': { pages: number };
  'Sim.ScannerFault': { fault: 'jam' | 'coverOpen' | 'clear' };
  /** `select` is "9000" when the E-Port application answered, else the status word or failure. */
  'Technician.TestCard': { reader: string; atr: string; select: string; info: CardInfo | null };
  'Sim.SetInput': { input: string; active: boolean };
  'Sim.InsertCard': { fixture: string; cardNo: string };
  'Sim.RemoveCard': { removed: boolean };
  /** `samId` as hex; the holder masked as in the status (never the full number, never the photo). */
  'Technician.TestIdCardReader': { device: string; samId: string; holder: IdCardHolderMasked; elapsedMs: number };
  'Sim.IdCardPlace': { fixture: string };
  'Sim.IdCardRemove': { removed: boolean };
}

/** A card operation's progress: the step it has reached, the how-manyth of how many. */
export interface CardOperationProgress {
  step: string;
  index: number;
  of: number;
}

/**
 * Intermediate `event` messages of a command (the command's name, type `event`, its requestId),
 * sent before its completion. A command not named here sends none.
 */
export interface CommandEvents {
  'Kiosk.Unlock': CardOperationProgress;
  'Kiosk.Renew': CardOperationProgress;
  /** A feeder batch: each page as it is checked. */
  'Scanner.Scan': { page: number; of: number };
}

/** The progress payload command N may send (never, for a command that sends none). */
export type CommandEvent<N extends CommandName> = N extends keyof CommandEvents ? CommandEvents[N] : never;

export interface UnsolicitedPayloads extends FlowUnsolicitedPayloads {
  'Common.StatusChangedEvent': { state: OverallState; devices: Partial<DeviceStatuses> };
  'Kiosk.ServiceStateChanged': { state: OverallState; service: ServiceState };
  /** The presence sensor: someone walked up (wake the attract screen) or left. */
  'Kiosk.PresenceEvent': { present: boolean };
  /** The cabinet's service switch was turned: ask for the technician PIN. */
  'Kiosk.TechnicianRequested': Record<string, never>;
}

export type UnsolicitedName = keyof UnsolicitedPayloads;

export const unsolicitedNames: readonly UnsolicitedName[] = ['Common.StatusChangedEvent', 'Kiosk.ServiceStateChanged', 'Kiosk.PresenceEvent', 'Kiosk.TechnicianRequested', 'Kiosk.FlowChanged'];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandPayloadSchemas, name);
}
