// The composition root: configuration in, a running kiosk daemon out.
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { deviceKinds } from '../contract/devices/device.ts';
import { openAuthority } from './devices/authority.ts';
import { createSimDock } from '../sim/dock/sim-dock.ts';
import { AgentSessions } from './cards/agent-session.ts';
import { CardService } from './cards/card-service.ts';
import { faultInjectionHook } from './cards/fault-injection.ts';
import { cardHandlers } from './commands/card-commands.ts';
import { commonHandlers } from './commands/common.ts';
import { scannerHandlers } from './commands/scanner-commands.ts';
import { intakeHandlers } from './commands/intake-commands.ts';
import { flowHandlers } from './commands/flow-commands.ts';
import { flowFactories } from './flows/flow-factories.ts';
import { FlowHost } from './flows/flow-host.ts';
import { IntakeCapture } from './intake/capture-session.ts';
import { ScannedPages } from './imaging/scanned-pages.ts';
import { printerHandlers } from './commands/printer-commands.ts';
import { PrintService } from './printing/print-service.ts';
import { DeviceCounters } from './kiosk/counters.ts';
import { LogTail } from './log/log-tail.ts';
import { technicianHandlers } from './commands/technician-commands.ts';
import { watchGpio } from './kiosk/gpio-reactions.ts';
import { KioskServiceState } from './kiosk/service-state.ts';
import { TechnicianMode } from './kiosk/technician-mode.ts';
import type { KioskConfig } from './config/config.ts';
import { allDevices, createDevices, deviceStatuses, overallState, type Devices } from './devices/devices.ts';
import type { Logger } from './log/logger.ts';
import type { KioskStatus } from '../contract/protocol/catalogue.ts';
import { createHttpApp } from './server/http-app.ts';
import { createMetrics } from './server/metrics.ts';
import { createWsServer } from './server/ws-server.ts';
import { flowClient } from './commands/flow-commands.ts';
import { toolTokenFileName, type PageRole } from '../contract/protocol/roles.ts';
import { keepRetention } from './store/retention.ts';
import { openStore, type Store } from './store/store.ts';
import { ProcessOcrEngine } from '../drivers/ocr/process-ocr-engine.ts';

export interface RunningKiosk {
  url: string;
  port: number;
  store: Store;
  devices: Devices;
  cards: CardService;
  status(): KioskStatus;
  /** Closes clients, stops devices, flushes the store. Safe to call twice. */
  close(reason: string): Promise<void>;
}

const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface StartOptions {
  /** The lines `logger` wrote (for Technician.LogTail); without it the tail stays empty. */
  logTail?: LogTail;
}

export async function startKiosk(config: KioskConfig, logger: Logger, options: StartOptions = {}): Promise<RunningKiosk> {
  const startedAt = Date.now();
  mkdirSync(config.stateDir, { recursive: true, mode: 0o700 });
  const store = openStore(join(config.stateDir, 'kiosk.sqlite'), {
    onMigrated: (migration) => logger.event('store.migrated', { version: migration.version, migration: migration.name }),
  });
  logger.event('store.opened', { path: store.path, schemaVersion: store.schemaVersion() });
  const stopRetention = keepRetention(store, config.retention, logger);

  const { authority, simAuthority } = await openAuthority(config);
  logger.event('authority.opened', { kind: config.authority.kind });

  const { devices, simulated } = await createDevices(config);
  const dock = createSimDock(simulated, { authority: simAuthority, stateDir: config.stateDir });
  const counters = new DeviceCounters({ store });
  const sessions = new AgentSessions(store);
  const leftOpen = sessions.closeLeftOpen();
  if (leftOpen.length > 0) logger.event('session.abandonedAtStart', { sessions: leftOpen });
  // Scans are personal data: kept in memory for the session only (docs/scanner.md, retention).
  const scannedPages = new ScannedPages({ onAdded: () => counters.add('pagesScanned') });
  sessions.onEnd(() => scannedPages.discardAllBut(null));
  const service = new KioskServiceState(store, logger);
  const printing = new PrintService({
    printer: devices.printer,
    jobs: store.printJobs,
    logger,
    kioskId: config.kioskId,
    onJob: (outcome) => {
      switch (outcome.state) {
        case 'printed':
          // The printer confirms a job only once it is cut: one receipt, one cut.
          counters.add('receiptsPrinted');
          counters.add('cuts');
          counters.add('paperUsedMm', outcome.paperMm);
          break;
        case 'failed':
          counters.add('printFailures');
          break;
      }
    },
  });
  const faults = faultInjectionHook(process.env.KIOSK_FAULT_INJECT, dock.faultHands);
  let progressListener: ((operation: 'unlock' | 'renewal', step: string) => void) | null = null;
  const cards = new CardService({
    reader: devices.cardReader,
    authority,
    store,
    logger,
    sessions,
    kioskId: config.kioskId,
    onStep: async (operation, step) => {
      progressListener?.(operation, step);
      await faults(operation, step);
    },
    interrupted: () => (service.has('tamper') ? 'the cabinet was opened' : null),
    onCardRead: () => counters.add('cardsRead'),
    onApdu: () => counters.add('apdus'),
  });
  // One guided capture for the flows and the Kiosk.*Intake commands: the draft of the session open now.
  // The OCR engine forks its process on the first page; until then onnxruntime is not loaded.
  const ocr = config.ocr.enabled ? new ProcessOcrEngine({ idleMs: config.ocr.idleSeconds * 1000 }) : undefined;
  const capture = new IntakeCapture({ sessions, scanner: devices.scanner, pages: scannedPages, authority, kioskId: config.kioskId, scan: config.scanner, ...(ocr !== undefined && { ocr }) });
  const progress = { listen: (listener: typeof progressListener) => (progressListener = listener) };
  const flows = new FlowHost({
    flow: { cards, reader: devices.cardReader, idCards: devices.idCardReader, capture, authority, printer: printing, sessions, logger, kioskId: config.kioskId, now: () => new Date(), progress },
    factories: flowFactories,
    service,
    gpio: devices.gpio,
    idleLimits: { ms: config.session.idleSeconds * 1000, paperMs: config.session.paperIdleSeconds * 1000 },
    reconnectGraceMs: config.session.reconnectGraceSeconds * 1000,
    // The agent's screen to the page whose flow it is (and the tools); the attract screen to all.
    push: (view, owner) =>
      ws.broadcast('Kiosk.FlowChanged', { view }, (client) => owner === null || client.role === 'tool' || client.role === 'dock' || client.connectionId === owner.connectionId),
  });
  const technician = new TechnicianMode({
    store,
    logger,
    service,
    cards,
    gpio: devices.gpio,
    technicianPinHash: config.technician.pinHash,
    idleLimitMs: config.technician.idleSeconds * 1000,
    sessionLimitMs: config.technician.maxSeconds * 1000,
  });
  const sources = Object.fromEntries(deviceKinds.map((kind) => [kind, devices[kind].source])) as KioskStatus['sources'];
  const status = (): KioskStatus => {
    const statuses = deviceStatuses(devices);
    const serviceState = service.state();
    const technicianSession = technician.current();
    return {
      kioskId: config.kioskId,
      version,
      state: overallState(statuses, serviceState),
      service: serviceState,
      technician: technicianSession === null ? { active: false } : { active: true, actor: technicianSession.actor, since: technicianSession.since },
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      devices: statuses,
      sources,
    };
  };

  const metrics = createMetrics(config.kioskId, startedAt);
  let port = config.http.port;
  const hostNames = new Set([...loopbackNames, config.http.host]);
  const isAllowedHost = (host: string | undefined): boolean => {
    if (host === undefined) return false;
    const match = /^(.*):(\d+)$/.exec(host);
    return match !== null && hostNames.has(match[1] ?? '') && Number(match[2]) === port;
  };
  const isAllowedOrigin = (origin: string): boolean => {
    try {
      const url = new URL(origin);
      return url.protocol === 'http:' && isAllowedHost(url.host);
    } catch {
      return false;
    }
  };

  // The tools' proof (issue 13, item 1): a new random token at every start, in a file only the
  // daemon's user can read (the state directory is 0700, the file 0600). `kiosk diag` reads it.
  const toolToken = randomBytes(32).toString('hex');
  const toolTokenPath = join(config.stateDir, toolTokenFileName);
  rmSync(toolTokenPath, { force: true });
  writeFileSync(toolTokenPath, `${toolToken}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(toolTokenPath, 0o600);
  // The dev dock is a page only where there is something simulated to drive.
  const simulatedSomething = Object.values(simulated).some((part) => part !== null);
  const pages: readonly PageRole[] = simulatedSomething ? ['kiosk', 'technician', 'dock'] : ['kiosk', 'technician'];

  const ws = createWsServer({
    handlers: {
      ...commonHandlers(status),
      ...cardHandlers(cards, sessions, progress),
      ...technicianHandlers({ technician, scannedPages, service, store, gpio: devices.gpio, idCardReader: devices.idCardReader, cards, counters, logTail: options.logTail ?? new LogTail(), printing, status, config }),
      ...dock.handlers,
      ...printerHandlers(printing),
      ...scannerHandlers({ scanner: devices.scanner, pages: scannedPages, sessionId: () => sessions.current()?.id ?? null, defaults: config.scanner }),
      ...intakeHandlers(capture),
      ...flowHandlers(flows),
    },
    logger,
    isAllowedOrigin,
    toolToken,
    pages,
    isTechnician: (connectionId) => technician.isTechnician(connectionId),
    onOutcome: (outcome) => metrics.wsMessages.inc({ outcome }),
    onConnect: (client) => {
      if (client.role === 'kiosk') flows.connected(flowClient(client));
    },
    onDisconnect: (connectionId) => {
      if (technician.isTechnician(connectionId)) technician.logout('the technician page disconnected');
      flows.disconnected(connectionId);
    },
  });

  const stopCounting = watchCounterTransitions(devices, counters);
  for (const device of allDevices(devices)) {
    device.onStatusChange((deviceStatus) => {
      logger.event('device.statusChanged', { device: device.kind, state: deviceStatus.state });
      ws.broadcast('Common.StatusChangedEvent', { state: status().state, devices: { [device.kind]: deviceStatus } });
    });
  }
  await Promise.all(
    allDevices(devices).map((device) =>
      device.start().catch((e: unknown) => logger.event('device.startFailed', { device: device.kind, error: String(e) })),
    ),
  );

  cards.start();
  printing.start();
  flows.start();
  service.onChange((serviceState) => ws.broadcast('Kiosk.ServiceStateChanged', { state: status().state, service: serviceState }));
  const stopGpioReactions = watchGpio({
    gpio: devices.gpio,
    service,
    technician,
    store,
    logger,
    notify: {
      presence: (present) => ws.broadcast('Kiosk.PresenceEvent', { present }),
      technicianRequested: () => ws.broadcast('Kiosk.TechnicianRequested', {}),
    },
    // The flow shows why it stopped (or asks for the card back); then the session ends.
    endAgentSession: () => {
      flows.outOfService();
      sessions.end('failed');
    },
  });

  if (!existsSync(join(config.uiDir, 'index.html'))) logger.event('daemon.uiMissing', { uiDir: config.uiDir });
  const app = createHttpApp({ uiDir: config.uiDir, status, metrics, isAllowedHost, beforeScrape: () => metrics.wsClients.set(ws.clientCount()) });
  const server: Server = createServer(app);
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    ws.handleUpgrade(request, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.http.port, config.http.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  if (!loopbackNames.has(config.http.host)) logger.event('daemon.nonLoopback', { host: config.http.host });
  const hostForUrl = config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${port}/`,
    port,
    store,
    devices,
    cards,
    status,
    close(reason) {
      closing ??= (async () => {
        server.close();
        await ws.close(reason);
        server.closeAllConnections();
        stopGpioReactions();
        technician.stop();
        stopRetention();
        flows.stop();
        cards.stop();
        stopCounting();
        rmSync(toolTokenPath, { force: true });
        await Promise.all(allDevices(devices).map((device) => device.stop().catch(() => undefined)));
        await ocr?.close();
        await dock.close();
        counters.close();
        simAuthority?.close();
        store.close();
        logger.event('store.closed', { path: store.path });
      })();
      return closing;
    },
  };
}

/** Counts transitions into a jam and the cabinet opening (rising edge of the tamper input). */
function watchCounterTransitions(devices: Devices, counters: DeviceCounters): () => void {
  let scannerState = devices.scanner.status().state;
  const initialGpio = devices.gpio.status();
  let tamper = initialGpio.state === 'online' && initialGpio.inputs.tamper;
  const stops = [
    devices.scanner.onStatusChange((next) => {
      if (next.state === 'jammed' && scannerState !== 'jammed') counters.add('scannerJams');
      scannerState = next.state;
    }),
    devices.gpio.onStatusChange((next) => {
      const open = next.state === 'online' && next.inputs.tamper;
      if (open && !tamper) counters.add('tamperEvents');
      tamper = open;
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
