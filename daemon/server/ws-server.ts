// The /ws endpoint: XFS4IoT-style commands in, acknowledge + completion out, unsolicited pushes.
// A bad message gets a clear error and never disturbs other clients.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from '../log/logger.ts';
import type { CommandName, UnsolicitedName, UnsolicitedPayloads } from '../../contract/protocol/catalogue.ts';
import { closeCodes, maxFrameBytes, type CompletionHeader, type OutboundMessage } from '../../contract/protocol/envelope.ts';
import { parseHeaderOnly, parseInbound } from '../../contract/protocol/parse.ts';
import { defaultCommandTimeoutMs, type CommandContext, type CommandFailure, type CommandHandlers } from './commands.ts';
import { TokenBucket } from './token-bucket.ts';
import { truncateUtf8 } from '../../basics/utf8.ts';
import { timingSafeEqual } from 'node:crypto';
import { mayCall, pageInstancePattern, pageRoles, toolTokenHeader, unsolicitedRoles, type ConnectionRole, type PageRole } from '../../contract/protocol/roles.ts';

/** RFC 6455: a close frame's reason fits in 123 bytes. */
const maxCloseReasonBytes = 123;

export interface WsServerOptions {
  /** A command without a handler is answered with unsupportedCommand. */
  handlers: Partial<CommandHandlers>;
  logger: Logger;
  /** Origins allowed to open /ws (the daemon's own); requests without Origin are not browsers and pass. */
  isAllowedOrigin: (origin: string) => boolean;
  /**
   * The per-boot tool token (`<stateDir>/tool-token`): a client without Origin that shows it in
   * the x-kiosk-tool-token header is a `tool`; one that shows a wrong one is refused at the upgrade.
   */
  toolToken: string;
  /** The pages served on this kiosk (the dev dock only in simulator mode). */
  pages: readonly PageRole[];
  /** Whether a technician is logged in on this connection (the technician page's commands need it). */
  isTechnician: (connectionId: number) => boolean;
  onOutcome?: (outcome: 'success' | 'error' | 'closed') => void;
  /** A connection opened, with the role it proved. */
  onConnect?: (client: ClientInfo) => void;
  /** A connection closed (technician mode and, after a grace, the agent's flow end with it). */
  onDisconnect?: (connectionId: number) => void;
  /** Budget per connection; a burst beyond it gets tooManyRequests. */
  budget?: { capacity: number; perSecond: number };
  /** Backlog of unsent bytes after which a client that does not read is dropped. */
  maxBufferedBytes?: number;
  /** A ping every this often; a connection that has not answered the previous one is dropped. */
  pingIntervalMs?: number;
  /** Connections open at once: in all, and of each role. */
  maxConnections?: { total: number; perRole: Record<ConnectionRole, number> };
}

/** A connection as the daemon knows it: its id, the role it proved, the page load it belongs to. */
export interface ClientInfo {
  connectionId: number;
  role: ConnectionRole;
  /** The page load's random id (a reload keeps it): how a page reconnecting finds its flow again. */
  pageInstance: string | null;
}

/** Per role: a kiosk page and a reload's overlap, one technician page, … (issue 13, item 5). */
export const defaultMaxConnections: { total: number; perRole: Record<ConnectionRole, number> } = {
  total: 32,
  perRole: { kiosk: 3, technician: 2, dock: 2, tool: 8, anonymous: 16 },
};

export interface WsServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** To every connection whose role hears `name` (unsolicitedRoles), and that `to` accepts. */
  broadcast<N extends UnsolicitedName>(name: N, payload: UnsolicitedPayloads[N], to?: (client: ClientInfo) => boolean): void;
  clientCount(): number;
  close(reason: string): Promise<void>;
}

interface InFlight {
  name: CommandName;
  controller: AbortController;
}

export function createWsServer(options: WsServerOptions): WsServer {
  const { handlers, logger } = options;
  const budget = options.budget ?? { capacity: 200, perSecond: 100 };
  const maxBuffered = options.maxBufferedBytes ?? 4 * 1024 * 1024;
  // ws itself cuts anything over 1 MiB (close 1009, no reason); between 64 KiB and that, the
  // handler below closes with a reason the client can read.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024, clientTracking: true });
  let nextConnectionId = 1;
  const maxConnections = options.maxConnections ?? defaultMaxConnections;
  const clientInfo = new WeakMap<WebSocket, ClientInfo>();
  const expectedToken = Buffer.from(options.toolToken, 'utf8');
  const roleOf = (request: IncomingMessage): ConnectionRole | 'badToken' => {
    const token = request.headers[toolTokenHeader];
    if (token !== undefined) {
      const shown = Buffer.from(Array.isArray(token) ? token.join(',') : token, 'utf8');
      return shown.length === expectedToken.length && timingSafeEqual(shown, expectedToken) ? 'tool' : 'badToken';
    }
    // A page role only with the daemon's own Origin (checked before this): a local program can
    // forge both, which is why a page role grants no more than a person at the screen has.
    if (request.headers.origin === undefined) return 'anonymous';
    const page = new URL(request.url ?? '/', 'http://localhost').searchParams.get('page');
    return (pageRoles as readonly string[]).includes(page ?? '') && options.pages.includes(page as PageRole) ? (page as PageRole) : 'anonymous';
  };
  const pageInstanceOf = (request: IncomingMessage): string | null => {
    const instance = new URL(request.url ?? '/', 'http://localhost').searchParams.get('instance');
    return instance !== null && pageInstancePattern.test(instance) ? instance : null;
  };
  let lastRefusalLogged = 0;
  // A page that hung or a cable pulled leaves a socket open for good: ping, and drop what does
  // not pong (its technician mode and its requests end with it).
  const alive = new WeakMap<WebSocket, boolean>();
  const pinger = setInterval(() => {
    for (const client of wss.clients) {
      if (alive.get(client) === false) {
        client.terminate();
        continue;
      }
      alive.set(client, false);
      client.ping();
    }
  }, options.pingIntervalMs ?? 15_000);
  pinger.unref();

  const send = (ws: WebSocket, message: OutboundMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > maxBuffered) {
      ws.close(closeCodes.policyViolation, 'client is not reading its messages');
      return;
    }
    ws.send(JSON.stringify(message));
  };

  const complete = (ws: WebSocket, header: Omit<CompletionHeader, 'type'>, payload: unknown = {}): void => {
    const { requestId, ...rest } = header;
    send(ws, { header: { ...rest, ...(requestId !== undefined && { requestId }), type: 'completion' }, payload });
    options.onOutcome?.(header.completionCode === 'success' ? 'success' : 'error');
  };

  const onConnection = (ws: WebSocket, request: IncomingMessage): void => {
    const connectionId = nextConnectionId++;
    const proved = roleOf(request);
    const role: ConnectionRole = proved === 'badToken' ? 'anonymous' : proved;
    const pageInstance = role === 'kiosk' || role === 'technician' || role === 'dock' ? pageInstanceOf(request) : null;
    const info: ClientInfo = { connectionId, role, pageInstance };
    clientInfo.set(ws, info);
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const log = logger.child({ connection: connectionId });
    const inFlight = new Map<number, InFlight>();
    const bucket = new TokenBucket(budget.capacity, budget.perSecond);
    let overBudgetLogged = false;
    log.event('ws.connected', { remote: request.socket.remoteAddress, origin: request.headers.origin ?? null, role });
    options.onConnect?.(info);

    const cancel = (ids: readonly number[] | undefined): number[] => {
      const targets = ids ?? [...inFlight.keys()];
      const canceled: number[] = [];
      for (const id of targets) {
        const entry = inFlight.get(id);
        if (!entry) continue;
        entry.controller.abort(new CancelReason('canceled', `canceled by Common.Cancel`));
        canceled.push(id);
      }
      return canceled;
    };

    const runCommand = async (name: CommandName, requestId: number, timeoutMs: number | undefined, payload: unknown): Promise<void> => {
      const controller = new AbortController();
      inFlight.set(requestId, { name, controller });
      send(ws, { header: { name, requestId, type: 'acknowledge' }, payload: {} });
      const limit = timeoutMs ?? defaultCommandTimeoutMs;
      const timer = setTimeout(() => controller.abort(new CancelReason('timeOut', `no completion within ${limit} ms`)), limit);
      // Common.Cancel without ids cancels everything else in flight, never itself.
      const context: CommandContext = {
        signal: controller.signal,
        connectionId,
        role,
        pageInstance,
        cancel: (ids) => cancel((ids ?? [...inFlight.keys()]).filter((id) => id !== requestId)),
        emit: (eventPayload) => {
          if (!controller.signal.aborted) send(ws, { header: { name, requestId, type: 'event' }, payload: eventPayload });
        },
      };
      const aborted = new Promise<CancelReason>((resolve) =>
        controller.signal.addEventListener('abort', () => resolve(controller.signal.reason as CancelReason), { once: true }),
      );
      try {
        const handler = handlers[name] as ((p: unknown, c: CommandContext) => ReturnType<CommandHandlers[CommandName]>) | undefined;
        if (handler === undefined) {
          complete(ws, { name, requestId, completionCode: 'unsupportedCommand', errorDescription: `${name} is not available on this kiosk` });
          return;
        }
        const outcome = await Promise.race([handler(payload, context), aborted]);
        if (outcome instanceof CancelReason) {
          complete(ws, { name, requestId, completionCode: outcome.code, errorDescription: outcome.message });
        } else if (outcome.ok) {
          complete(ws, { name, requestId, completionCode: 'success' }, outcome.value);
          log.event('ws.command', { command: name, requestId });
        } else {
          const failure: CommandFailure = outcome.error;
          complete(ws, { name, requestId, completionCode: failure.completionCode, errorDescription: failure.errorDescription }, failure.payload ?? {});
        }
      } catch (e) {
        log.event('ws.commandFailed', { command: name, requestId, error: (e as Error).stack ?? String(e) });
        complete(ws, { name, requestId, completionCode: 'internalError', errorDescription: 'the daemon failed to run this command; it has been logged' });
      } finally {
        clearTimeout(timer);
        inFlight.delete(requestId);
      }
    };

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        log.event('ws.closedUnparseable', { reason: 'binary frame' });
        options.onOutcome?.('closed');
        ws.close(closeCodes.unsupportedData, 'binary frames are not accepted: send JSON text');
        return;
      }
      const bytes = Buffer.isBuffer(data) ? data : Buffer.concat(data as Buffer[]);
      if (bytes.length > maxFrameBytes) {
        log.event('ws.closedUnparseable', { reason: `frame of ${bytes.length} bytes` });
        options.onOutcome?.('closed');
        ws.close(closeCodes.tooBig, `frame of ${bytes.length} bytes exceeds the ${maxFrameBytes}-byte limit`);
        return;
      }
      const text = bytes.toString('utf8');
      // The budget first, then the work: a frame over it is answered from its header alone.
      if (!bucket.take()) {
        const { name, requestId } = parseHeaderOnly(text);
        if (!overBudgetLogged) {
          overBudgetLogged = true;
          log.event('ws.rateLimited', { capacity: budget.capacity, perSecond: budget.perSecond });
        }
        complete(ws, { name, requestId, completionCode: 'tooManyRequests', errorDescription: `more than ${budget.capacity} messages at once or ${budget.perSecond} per second: slow down` });
        return;
      }
      const parsed = parseInbound(text);
      switch (parsed.kind) {
        case 'unparseable':
          log.event('ws.closedUnparseable', { reason: parsed.description });
          options.onOutcome?.('closed');
          ws.close(closeCodes.invalidPayload, truncateUtf8(parsed.description, maxCloseReasonBytes));
          return;
        case 'reject':
          log.event('ws.badMessage', { command: parsed.name, requestId: parsed.requestId ?? null, completionCode: parsed.completionCode, reason: parsed.description });
          complete(ws, { name: parsed.name, requestId: parsed.requestId, completionCode: parsed.completionCode, errorDescription: parsed.description });
          return;
        case 'command':
          // The role the connection proved when it opened, never anything the message says.
          if (!mayCall(parsed.name, role, options.isTechnician(connectionId))) {
            log.event('ws.notAuthorised', { command: parsed.name, requestId: parsed.requestId, role });
            complete(ws, { name: parsed.name, requestId: parsed.requestId, completionCode: 'authorisationRequired', errorDescription: `${parsed.name} is not for a ${role} connection` });
            return;
          }
          if (inFlight.has(parsed.requestId)) {
            log.event('ws.badMessage', { command: parsed.name, requestId: parsed.requestId, completionCode: 'sequenceError', reason: 'duplicate requestId' });
            complete(ws, { name: parsed.name, requestId: parsed.requestId, completionCode: 'sequenceError', errorDescription: `requestId ${parsed.requestId} is already in flight on this connection` });
            return;
          }
          void runCommand(parsed.name, parsed.requestId, parsed.timeoutMs, parsed.payload);
          return;
      }
    });

    ws.on('error', () => {
      // ws reports protocol violations (oversized frames, bad UTF-8) here and then closes with
      // the matching code (1009, 1007); nothing else to do.
    });

    ws.on('close', (code: number, reason: Buffer) => {
      cancel(undefined);
      options.onDisconnect?.(connectionId);
      log.event('ws.disconnected', { code, reason: reason.toString('utf8') });
    });
  };

  wss.on('connection', onConnection);

  return {
    handleUpgrade(request, socket, head) {
      const origin = request.headers.origin;
      if (origin !== undefined && !options.isAllowedOrigin(origin)) {
        logger.event('ws.originRejected', { origin });
        socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nforeign origin may not open /ws\n');
        return;
      }
      const role = roleOf(request);
      if (role === 'badToken') {
        logger.event('ws.badToolToken', { remote: request.socket.remoteAddress ?? null });
        socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nwrong tool token\n');
        return;
      }
      // A kiosk has three pages and a tool or two: a crowd of sockets is someone else's doing.
      const sameRole = [...wss.clients].filter((client) => clientInfo.get(client)?.role === role).length;
      if (wss.clients.size >= maxConnections.total || sameRole >= maxConnections.perRole[role]) {
        const now = Date.now();
        if (now - lastRefusalLogged >= 10_000) {
          lastRefusalLogged = now;
          logger.event('ws.connectionRefused', { open: wss.clients.size, role, ofRole: sameRole });
        }
        socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\ntoo many connections\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    broadcast(name, payload, to) {
      const message: OutboundMessage = { header: { name, type: 'unsolicited' }, payload };
      const roles: readonly ConnectionRole[] = unsolicitedRoles[name];
      for (const client of wss.clients) {
        const info = clientInfo.get(client);
        if (info === undefined || !roles.includes(info.role) || (to !== undefined && !to(info))) continue;
        send(client, message);
      }
    },
    clientCount: () => wss.clients.size,
    close(reason) {
      clearInterval(pinger);
      for (const client of wss.clients) client.close(closeCodes.goingAway, truncateUtf8(reason, maxCloseReasonBytes));
      return new Promise<void>((resolve) => {
        // Give clients a moment to receive the close frame, then cut whoever is left.
        const timer = setTimeout(() => {
          for (const client of wss.clients) client.terminate();
        }, 1000);
        timer.unref();
        wss.close(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

class CancelReason {
  readonly code: 'canceled' | 'timeOut';
  readonly message: string;
  constructor(code: 'canceled' | 'timeOut', message: string) {
    this.code = code;
    this.message = message;
  }
}
