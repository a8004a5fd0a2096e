// A small test client for the daemon's /ws: sends commands, collects everything that comes back.
import WebSocket from 'ws';

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

export async function connect(url: string, options: { origin?: string } = {}): Promise<TestClient> {
  const ws = new WebSocket(url, { ...(options.origin !== undefined && { origin: options.origin }) });
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
