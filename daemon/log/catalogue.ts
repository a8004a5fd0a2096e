// Every log event the daemon writes, with its stable id. Operators alert and search on the id;
// never reuse or renumber one. Add new events at the end of their block.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

interface EventDefinition {
  id: string;
  level: LogLevel;
  message: string;
}

export const logEvents = {
  // daemon lifecycle: K1xxx
  'daemon.starting': { id: 'K1001', level: 'info', message: 'daemon starting' },
  'daemon.ready': { id: 'K1002', level: 'info', message: 'daemon ready: health answers and the UI is served' },
  'daemon.stopping': { id: 'K1003', level: 'info', message: 'daemon stopping' },
  'daemon.stopped': { id: 'K1004', level: 'info', message: 'daemon stopped cleanly' },
  'daemon.startFailed': { id: 'K1005', level: 'error', message: 'daemon failed to start' },
  'daemon.uncaught': { id: 'K1006', level: 'error', message: 'uncaught exception: a bug' },
  'daemon.uiMissing': { id: 'K1007', level: 'warn', message: 'the kiosk UI is not built; run npm run build:ui' },
  'daemon.nonLoopback': { id: 'K1008', level: 'warn', message: 'HTTP is listening beyond loopback' },
  // store: K2xxx
  'store.opened': { id: 'K2001', level: 'info', message: 'store opened' },
  'store.migrated': { id: 'K2002', level: 'info', message: 'store migration applied' },
  'store.closed': { id: 'K2003', level: 'info', message: 'store flushed and closed' },
  'store.purged': { id: 'K2004', level: 'info', message: 'records past their retention period deleted' },
  // WebSocket protocol: K3xxx
  'ws.connected': { id: 'K3001', level: 'info', message: 'WebSocket client connected' },
  'ws.disconnected': { id: 'K3002', level: 'info', message: 'WebSocket client disconnected' },
  'ws.originRejected': { id: 'K3003', level: 'warn', message: 'WebSocket upgrade refused: foreign origin' },
  'ws.badMessage': { id: 'K3004', level: 'warn', message: 'inbound message rejected' },
  'ws.closedUnparseable': { id: 'K3005', level: 'warn', message: 'connection closed: nothing could be parsed' },
  'ws.rateLimited': { id: 'K3006', level: 'warn', message: 'connection over its request budget' },
  'ws.commandFailed': { id: 'K3007', level: 'error', message: 'command handler threw: a bug' },
  'ws.command': { id: 'K3008', level: 'debug', message: 'command completed' },
  'ws.connectionRefused': { id: 'K3009', level: 'warn', message: 'WebSocket upgrade refused: too many connections (logged at most every 10 s)' },
  'ws.notAuthorised': { id: 'K3010', level: 'warn', message: 'command refused: not for the role this connection proved' },
  'ws.badToolToken': { id: 'K3011', level: 'warn', message: 'WebSocket upgrade refused: wrong tool token' },
  // devices: K4xxx
  'device.statusChanged': { id: 'K4001', level: 'info', message: 'device status changed' },
  'device.startFailed': { id: 'K4002', level: 'error', message: 'device failed to start' },
  // card services: K6xxx
  'card.inserted': { id: 'K6001', level: 'info', message: 'card read' },
  'card.removed': { id: 'K6002', level: 'info', message: 'card removed' },
  'card.readFailed': { id: 'K6003', level: 'warn', message: 'the card in the reader could not be read' },
  'card.operationReconciled': { id: 'K6004', level: 'info', message: 'an unfinished card operation was finished or rolled back' },
  'card.operationsOpen': { id: 'K6005', level: 'warn', message: 'card operations left open by a crash or a pulled card, waiting for their card' },
  'card.pinVerified': { id: 'K6006', level: 'info', message: 'PIN verified' },
  'card.pinRefused': { id: 'K6007', level: 'info', message: 'PIN verification refused' },
  'card.unlocked': { id: 'K6008', level: 'info', message: 'card unlocked' },
  'card.renewed': { id: 'K6009', level: 'info', message: 'card certificate renewed' },
  'card.operationFailed': { id: 'K6010', level: 'warn', message: 'card operation did not complete' },
  'card.pinChanged': { id: 'K6011', level: 'info', message: 'PIN changed' },
  'card.settled': { id: 'K6012', level: 'info', message: 'card read and its unfinished operations settled' },
  'card.registryChanged': { id: 'K6013', level: 'info', message: "registry operation done with the legal-person card's proof" },
  'card.registryRefused': { id: 'K6014', level: 'info', message: 'registry operation not done' },
  'authority.opened': { id: 'K6101', level: 'info', message: 'authority ready' },
  // kiosk service and technician mode: K8xxx
  'kiosk.serviceState': { id: 'K8001', level: 'warn', message: 'service state changed' },
  'kiosk.tamper': { id: 'K8002', level: 'error', message: 'cabinet opened without a technician' },
  'kiosk.presence': { id: 'K8003', level: 'debug', message: 'presence sensor changed' },
  'technician.login': { id: 'K8004', level: 'info', message: 'technician mode entered' },
  'technician.loginRefused': { id: 'K8005', level: 'warn', message: 'technician mode refused' },
  'technician.logout': { id: 'K8006', level: 'info', message: 'technician mode left' },
  'technician.action': { id: 'K8007', level: 'info', message: 'technician action' },
  // printer: K7xxx
  'printer.jobPrinted': { id: 'K7001', level: 'info', message: 'receipt printed and confirmed by the printer' },
  'printer.jobFailed': { id: 'K7002', level: 'warn', message: 'receipt not printed in full' },
  'printer.jobsInterrupted': { id: 'K7003', level: 'warn', message: 'print jobs left pending by a stop or crash marked failed' },
  'printer.reprintRefused': { id: 'K7004', level: 'info', message: 'reprint refused' },
  // agent flows: K9xxx
  'flow.started': { id: 'K9001', level: 'info', message: 'agent flow started' },
  'flow.ended': { id: 'K9002', level: 'info', message: 'agent flow ended' },
  'flow.idleTimeout': { id: 'K9003', level: 'info', message: 'agent flow ended by the daemon: no action within its inactivity deadline' },
  'flow.ownerBack': { id: 'K9005', level: 'info', message: 'the page that started the flow reconnected and took it back' },
  'flow.ownerGone': { id: 'K9006', level: 'info', message: 'the page that started the flow stayed away past its grace: session ended as abandoned' },
  'session.abandonedAtStart': { id: 'K9003', level: 'warn', message: 'agent sessions left open by the previous run ended as abandoned' },
  // systemd: K5xxx
  'systemd.notifyFailed': { id: 'K5001', level: 'warn', message: 'sd_notify could not be sent' },
} as const satisfies Record<string, EventDefinition>;

export type LogEventName = keyof typeof logEvents;
