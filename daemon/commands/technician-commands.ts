// Technician.* commands. Login is open to any connection; everything else only to the
// connection that logged in, and every action is audited.
import { loadSharp } from '../imaging/load-sharp.ts';
import type { Gpio } from '../../drivers/gpio/gpio.ts';
import type { IdCardReader } from '../../drivers/idcard/id-card-reader.ts';
import type { IdCardReadFailure } from '../../contract/devices/id-card-reader.ts';
import { maskIdNumber } from '../../basics/redact.ts';
import type { ScannedPages } from '../imaging/scanned-pages.ts';
import type { CardService } from '../cards/card-service.ts';
import { completionCodeOf, describeCardServiceError } from '../cards/card-service-error.ts';
import type { KioskConfig } from '../config/config.ts';
import type { DeviceCounters } from '../kiosk/counters.ts';
import { exportBundle } from '../kiosk/export-bundle.ts';
import type { KioskServiceState } from '../kiosk/service-state.ts';
import type { LogTail } from '../log/log-tail.ts';
import type { PrintService } from '../printing/print-service.ts';
import { readinessReceipt } from '../printing/readiness-report.ts';
import type { KioskStatus } from '../../contract/protocol/catalogue.ts';
import { printJobFailure } from './printer-commands.ts';
import type { TechnicianMode } from '../kiosk/technician-mode.ts';
import type { TechnicianRefusal } from '../../contract/card-service-error.ts';
import { err, ok } from '../../basics/result.ts';
import type { Store } from '../store/store.ts';
import type { CommandContext, CommandFailure, CommandHandlers } from '../server/commands.ts';
import { withoutHolders } from '../server/http-app.ts';

type TechnicianCommands =
  | 'Technician.Login'
  | 'Technician.Logout'
  | 'Technician.SetOutOfService'
  | 'Technician.Audit'
  | 'Technician.TestLight'
  | 'Technician.TestCard'
  | 'Technician.TestIdCardReader'
  | 'Technician.Counters'
  | 'Technician.LogTail'
  | 'Technician.ExportBundle'
  | 'Technician.PrintReadiness'
  | 'Technician.ScanPreview';

export interface TechnicianDeps {
  technician: TechnicianMode;
  /** The session's scanned pages, for the test scan's preview. */
  scannedPages: ScannedPages;
  cards: CardService;
  service: KioskServiceState;
  store: Store;
  gpio: Gpio;
  idCardReader: IdCardReader;
  counters: DeviceCounters;
  logTail: LogTail;
  printing: PrintService;
  status: () => KioskStatus;
  config: KioskConfig;
  now?: () => Date;
}

function describeRefusal(refusal: TechnicianRefusal): string {
  switch (refusal.kind) {
    case 'lockedOut':
      return `too many failed attempts: try again in ${refusal.retryInSeconds} s`;
    case 'wrongPin':
      return 'wrong PIN';
    case 'notATechnicianCard':
      return 'the card in the reader is not a technician card';
    case 'pinMustChange':
      return "the technician card is still on its initial PIN: change the card's PIN first";
    case 'serviceSwitchOff':
      return 'turn the service switch in the cabinet first';
    case 'noTechnicianPinConfigured':
      return 'no technician PIN is configured on this kiosk: use the technician card';
    case 'card':
      return `the technician card could not be read: ${refusal.error.kind}`;
    case 'alreadyActive':
      return `technician mode is already active (${refusal.actor})`;
  }
}

function idCardFailure(failure: IdCardReadFailure): CommandFailure {
  switch (failure.reason) {
    case 'noCard':
    case 'noDevice':
      return { completionCode: 'deviceNotReady', errorDescription: failure.message };
    case 'timeout':
      return { completionCode: 'timeOut', errorDescription: failure.message };
    case 'samError':
    case 'badData':
      return { completionCode: 'hardwareError', errorDescription: failure.message };
  }
}

const notTechnician: CommandFailure = { completionCode: 'authorisationRequired', errorDescription: 'technician mode required' };

export function technicianHandlers(deps: TechnicianDeps): Pick<CommandHandlers, TechnicianCommands> {
  const { technician, service, store, gpio, cards, counters, logTail, printing, status, config } = deps;
  const now = deps.now ?? (() => new Date());
  // Every technician command is activity: it keeps technician mode from ending as idle.
  const allowed = (context: CommandContext) => {
    technician.touch(context.connectionId);
    return technician.isTechnician(context.connectionId);
  };
  // The checks may also come from a shell on the kiosk (`kiosk diag card`): a local tool that
  // showed the daemon's tool token. Pages need technician mode.
  const mayCheck = (context: CommandContext) => allowed(context) || context.role === 'tool';
  // Audit actions from a shell are told apart from the technician page's.
  const action = (context: CommandContext, name: string) => (allowed(context) ? name : `shell.${name}`);
  return {
    'Technician.Login': async (request, context) => {
      const session = await technician.login(request, context.connectionId);
      if (session.ok) return ok({ actor: session.value.actor, since: session.value.since });
      return err({ completionCode: 'authorisationRequired', errorDescription: describeRefusal(session.error), payload: { error: session.error } });
    },
    'Technician.Logout': async (_payload, context) => {
      if (!allowed(context)) return err(notTechnician);
      technician.logout('logged out');
      return ok({ loggedOut: true });
    },
    'Technician.SetOutOfService': async ({ outOfService }, context) => {
      if (!allowed(context)) return err(notTechnician);
      const actor = technician.current()?.actor ?? 'technician:unknown';
      if (outOfService) service.set('technician', actor);
      else service.clear('technician', actor);
      return ok({ service: service.state() });
    },
    'Technician.Audit': async ({ limit }, context) => {
      if (!allowed(context)) return err(notTechnician);
      return ok({ entries: store.recentAudit(limit ?? 100) });
    },
    'Technician.TestLight': async ({ light, pattern }, context) => {
      if (!allowed(context)) return err(notTechnician);
      technician.audit('testLight', { light, pattern });
      gpio.setLight(light, pattern);
      return ok({ light, pattern });
    },
    'Technician.TestCard': async (_payload, context) => {
      if (!mayCheck(context)) return err(notTechnician);
      const test = await cards.testCard();
      technician.audit(allowed(context) ? 'testCard' : 'shell.testCard', test.ok ? { atr: test.value.atr, select: test.value.select } : { error: test.error.kind });
      if (test.ok) return ok(test.value);
      return err({ completionCode: completionCodeOf(test.error), errorDescription: describeCardServiceError(test.error), payload: { error: test.error } });
    },
    'Technician.TestIdCardReader': async (_payload, context) => {
      if (!mayCheck(context)) return err(notTechnician);
      const reader = deps.idCardReader;
      const samId = await reader.samId();
      if (!samId.ok) {
        technician.audit(action(context, 'testIdCardReader'), { error: samId.error.reason });
        return err(idCardFailure(samId.error));
      }
      const read = await reader.read();
      technician.audit(action(context, 'testIdCardReader'), read.ok ? { samId: samId.value } : { samId: samId.value, error: read.error.reason });
      if (!read.ok) return err(idCardFailure(read.error));
      // The holder as the status shows it: name, number masked (first 6, last 4), validity. The
      // full text read (address, full number) is dropped here.
      const { text, elapsedMs } = read.value;
      return ok({
        device: reader.device,
        samId: samId.value,
        holder: { name: text.name, idNumberMasked: maskIdNumber(text.idNumber), validity: { from: text.validFrom, until: text.validUntil } },
        elapsedMs: Math.round(elapsedMs),
      });
    },
    'Technician.ScanPreview': async ({ pageId, width }, context) => {
      if (!allowed(context)) return err(notTechnician);
      const image = deps.scannedPages.image(pageId);
      if (image === null) return err({ completionCode: 'invalidData', errorDescription: `no scanned page ${pageId} (pages are discarded when their session ends)` });
      technician.audit('scanPreview', { pageId });
      const sharp = await loadSharp();
      const preview = await sharp(image).resize({ width: width ?? 480, withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer({ resolveWithObject: true });
      return ok({ pageId, width: preview.info.width, height: preview.info.height, jpegBase64: preview.data.toString('base64') });
    },
    'Technician.Counters': async (_payload, context) => {
      if (!mayCheck(context)) return err(notTechnician);
      // A read of numbers, refreshed after every test: not audited, or it would bury the actions.
      return ok(counters.snapshot());
    },
    'Technician.LogTail': async ({ lines }, context) => {
      if (!mayCheck(context)) return err(notTechnician);
      const count = lines ?? 200;
      technician.audit(action(context, 'logTail'), { lines: count });
      return ok({ lines: logTail.last(count) });
    },
    'Technician.ExportBundle': async (_payload, context) => {
      if (!allowed(context)) return err(notTechnician);
      const exported = exportBundle({ status: withoutHolders(status()), config, counters: counters.snapshot(), audit: store.recentAudit(200), logTail: logTail.last(1000), at: now() });
      technician.audit('exportBundle', { fileName: exported.fileName });
      return ok(exported);
    },
    'Technician.PrintReadiness': async (_payload, context) => {
      if (!mayCheck(context)) return err(notTechnician);
      const printed = await printing.print(readinessReceipt({ status: status(), counters: counters.snapshot(), at: now() }));
      technician.audit(action(context, 'printReadiness'), printed.ok ? { jobId: printed.value.jobId } : { error: printed.error.kind });
      return printed.ok ? ok({ jobId: printed.value.jobId }) : err(printJobFailure(printed.error));
    },
  };
}
