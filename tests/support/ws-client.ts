// A small test client for the daemon's /ws: sends commands, collects everything that comes back.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { pageSocketQuery, toolTokenHeader, type PageRole } from '../../contract/protocol/roles.ts';

export interface Received {
  header: { name: string; type: string; requestId?: number; completionCode?: string; errorDescription?: string };
  payload: Record<string, unknown>;
}

export interface TestClient {
  ws: WebSocket;
  received: Received[];
  sendRaw(data: string | Buffer, options?: { binary?: boolean }): void;
  command(name: string, requestId: number, payload?: unknown, timeout?: number): void;
  /** Resolves with the completion for requestId. */
  completion(requestId: number, timeoutMs?: number): Promise<Received>;
  /** Resolves when the daemon closes the connection. */
  closed(): Promise<{ code: number; reason: string }>;
  waitFor(predicate: (message: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): void;
}

/** The tool token of each daemon started by tests/support/daemon-process.ts, by its /ws URL. */
const toolTokens = new Map<string, string>();

/** startDaemon registers the token it read from the state directory: `connect` then shows it. */
export function registerToolToken(wsUrl: string, token: string | null): void {
  if (token === null) toolTokens.delete(wsUrl);
  else toolTokens.set(wsUrl, token);
}

export interface ConnectOptions {
  /** Sent as the Origin header (a browser page sends its own; a local program may forge it). */
  origin?: string;
  /**
   * The tool token (x-kiosk-tool-token). Default: with no `origin` and no `page`, the token of
   * the daemon at `url` if startDaemon registered one — a local tool such as `kiosk diag`, or the
   * browser tests' hands. `null`: none, as an attacker without the token file connects.
   */
  token?: string | null;
  /** Open as this page (`?page=`), with the daemon's own Origin unless `origin` says otherwise. */
  page?: PageRole;
  /** The page load's id (a reload keeps it); default a fresh random one. */
  instance?: string;
}

/** A fresh page load id, as the pages make one. */
export function newPageInstance(): string {
  return randomBytes(16).toString('hex');
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<TestClient> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? (options.origin === undefined && options.page === undefined ? toolTokens.get(url) : undefined) : options.token;
  if (token !== undefined && token !== null) headers[toolTokenHeader] = token;
  let origin = options.origin;
  let target = url;
  if (options.page !== undefined) {
    const parsed = new URL(url);
    origin ??= `http://${parsed.host}`;
    target = `${url}?${pageSocketQuery(options.page, options.instance ?? newPageInstance())}`;
  }
  const ws = new WebSocket(target, { headers, ...(origin !== undefined && { origin }) });
  const received: Received[] = [];
  const listeners = new Set<() => void>();
  ws.on('message', (data) => {
    received.push(JSON.parse((data as Buffer).toString('utf8')) as Received);
    for (const listener of listeners) listener();
  });
  const closedPromise = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: HTTP ${response.statusCode}`)));
  });

  const waitFor = (predicate: (message: Received) => boolean, timeoutMs = 10_000): Promise<Received> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = received.find(predicate);
        if (found) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no matching message within ${timeoutMs} ms; received: ${JSON.stringify(received.slice(-5))}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  return {
    ws,
    received,
    sendRaw: (data, sendOptions = {}) => ws.send(data, { binary: sendOptions.binary ?? false }),
    command: (name, requestId, payload = {}, timeout) =>
      ws.send(JSON.stringify({ header: { name, requestId, type: 'command', ...(timeout !== undefined && { timeout }) }, payload })),
    completion: (requestId, timeoutMs) => waitFor((m) => m.header.type === 'completion' && m.header.requestId === requestId, timeoutMs),
    closed: () => closedPromise,
    waitFor,
    close: () => ws.close(),
  };
}
