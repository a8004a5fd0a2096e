// The UI's one connection to the daemon (WebSocket /ws, XFS4IoT-style envelope): reconnects by
// itself, matches completions to commands by requestId, and hands unsolicited messages to
// listeners. Expected failures (not connected, connection lost, no reply) are values.
import type { CommandEvent, CommandName, CommandPayload, CommandResults, UnsolicitedName, UnsolicitedPayloads } from '../../contract/protocol/catalogue.ts';
import { outboundMessageSchema, type CompletionCode } from '../../contract/protocol/envelope.ts';
import { reconnectDelayMs } from './reconnect-backoff.ts';

export type ConnectionState =
  | { state: 'connecting'; attempt: number }
  | { state: 'open' }
  /** `at` is the wall-clock time (ms) of the next try, for a countdown. */
  | { state: 'reconnecting'; inMs: number; attempt: number; at: number }
  | { state: 'closed' };

export type LocalFailure = 'notConnected' | 'connectionLost' | 'noReply' | 'badReply';

export type SendOutcome<P> =
  | { kind: 'success'; payload: P }
  | { kind: 'error'; completionCode: Exclude<CompletionCode, 'success'>; errorDescription: string | undefined; payload: unknown }
  | { kind: 'failed'; reason: LocalFailure };

export interface SendOptions<N extends CommandName = CommandName> {
  /** Sent as the command's timeout; the daemon completes with timeOut after it. */
  timeoutMs?: number;
  /** Intermediate events the daemon sends for this request before its completion. */
  onEvent?: (name: string, payload: CommandEvent<N>) => void;
}

/** What the client needs from a socket; the factory wires the socket's events to `handlers`. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export interface SocketHandlers {
  open(): void;
  close(code: number, reason: string): void;
  message(data: unknown): void;
}
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

export interface WsClientOptions {
  url: string;
  createSocket?: SocketFactory;
  random?: () => number;
  /** A socket that has not opened by then is abandoned and retried. */
  connectTimeoutMs?: number;
}

export const defaultCommandTimeoutMs = 5_000;
/** How much longer than the command's own timeout the client waits for its completion. */
export const replyGraceMs = 2_000;
export const defaultConnectTimeoutMs = 5_000;

export const browserSocketFactory: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.open();
  socket.onclose = (event) => handlers.close(event.code, event.reason);
  socket.onmessage = (event: MessageEvent<unknown>) => handlers.message(event.data);
  return socket;
};

/** True once a connection was lost or the first try failed: the UI covers itself then. */
export function connectionLost(connection: ConnectionState): boolean {
  switch (connection.state) {
    case 'open':
      return false;
    case 'connecting':
      return connection.attempt > 0;
    case 'reconnecting':
    case 'closed':
      return true;
  }
}

/** `ws://host/ws` or `wss://host/ws` for the page's own origin. */
export function daemonSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

interface Pending {
  resolve: (outcome: SendOutcome<unknown>) => void;
  onEvent: ((name: string, payload: unknown) => void) | undefined;
  timer: ReturnType<typeof setTimeout>;
}

export class WsClient {
  readonly url: string;
  #createSocket: SocketFactory;
  #random: () => number;
  #connectTimeoutMs: number;
  #socket: SocketLike | null = null;
  /** Bumped for every socket, so events of an abandoned socket are ignored. */
  #generation = 0;
  /** Failed tries since the last successful open. */
  #attempt = 0;
  #started = false;
  #state: ConnectionState = { state: 'closed' };
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #connectTimer: ReturnType<typeof setTimeout> | undefined;
  #nextRequestId = 1;
  #pending = new Map<number, Pending>();
  #stateListeners = new Set<(state: ConnectionState) => void>();
  #unsolicitedListeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(options: WsClientOptions) {
    this.url = options.url;
    this.#createSocket = options.createSocket ?? browserSocketFactory;
    this.#random = options.random ?? Math.random;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? defaultConnectTimeoutMs;
  }

  get connection(): ConnectionState {
    return this.#state;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#connect();
  }

  stop(): void {
    this.#started = false;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#connectTimer);
    const socket = this.#socket;
    this.#socket = null;
    this.#generation += 1;
    socket?.close(1000, 'client stopped');
    this.#failPending('connectionLost');
    this.#setState({ state: 'closed' });
  }

  /** Calls `listener` now and on every change. Returns an unsubscribe function. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    listener(this.#state);
    return () => this.#stateListeners.delete(listener);
  }

  onUnsolicited<N extends UnsolicitedName>(name: N, listener: (payload: UnsolicitedPayloads[N]) => void): () => void {
    let listeners = this.#unsolicitedListeners.get(name);
    if (listeners === undefined) {
      listeners = new Set();
      this.#unsolicitedListeners.set(name, listeners);
    }
    // The envelope is validated; payloads are the daemon's, built from the same catalogue.
    const untyped = listener as (payload: unknown) => void;
    listeners.add(untyped);
    return () => listeners.delete(untyped);
  }

  send<N extends CommandName>(name: N, payload: CommandPayload<N>, options: SendOptions<N> = {}): Promise<SendOutcome<CommandResults[N]>> {
    const socket = this.#socket;
    if (socket === null || this.#state.state !== 'open') return Promise.resolve({ kind: 'failed', reason: 'notConnected' });
    const requestId = this.#nextRequestId++;
    const timeout = options.timeoutMs ?? defaultCommandTimeoutMs;
    const frame = JSON.stringify({ header: { name, requestId, type: 'command', timeout }, payload });
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#settle(requestId, { kind: 'failed', reason: 'noReply' }), timeout + replyGraceMs);
      this.#pending.set(requestId, { resolve: resolve as (outcome: SendOutcome<unknown>) => void, onEvent: options.onEvent as ((name: string, payload: unknown) => void) | undefined, timer });
      try {
        socket.send(frame);
      } catch {
        this.#settle(requestId, { kind: 'failed', reason: 'notConnected' });
      }
    });
  }

  #connect(): void {
    clearTimeout(this.#retryTimer);
    const generation = ++this.#generation;
    const current = (): boolean => generation === this.#generation;
    this.#setState({ state: 'connecting', attempt: this.#attempt });
    let socket: SocketLike;
    try {
      socket = this.#createSocket(this.url, {
        open: () => {
          if (current()) this.#opened();
        },
        close: () => {
          if (current()) this.#lost();
        },
        message: (data) => {
          if (current()) this.#receive(data);
        },
      });
    } catch (error) {
      console.warn('ws-client: cannot create socket', error);
      this.#lost();
      return;
    }
    // A factory may report open or close at once; only a socket still current is kept.
    if (!current()) return;
    this.#socket = socket;
    this.#connectTimer = setTimeout(() => {
      if (!current() || this.#state.state !== 'connecting') return;
      this.#socket?.close(4000, 'connect timeout');
      this.#lost();
    }, this.#connectTimeoutMs);
  }

  #opened(): void {
    clearTimeout(this.#connectTimer);
    this.#attempt = 0;
    this.#setState({ state: 'open' });
  }

  #lost(): void {
    clearTimeout(this.#connectTimer);
    this.#generation += 1;
    this.#socket = null;
    this.#failPending('connectionLost');
    if (!this.#started) return;
    this.#attempt += 1;
    const inMs = reconnectDelayMs(this.#attempt, this.#random);
    this.#setState({ state: 'reconnecting', inMs, attempt: this.#attempt, at: Date.now() + inMs });
    this.#retryTimer = setTimeout(() => this.#connect(), inMs);
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') {
      console.warn('ws-client: ignoring a binary frame');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      console.warn('ws-client: ignoring a frame that is not JSON');
      return;
    }
    const parsed = outboundMessageSchema.safeParse(json);
    if (!parsed.success) {
      console.warn('ws-client: ignoring an invalid message', parsed.error.issues);
      return;
    }
    const { header, payload } = parsed.data;
    switch (header.type) {
      case 'acknowledge':
        // The daemon accepted the command; the completion settles it.
        return;
      case 'event':
        if (header.requestId !== undefined) this.#pending.get(header.requestId)?.onEvent?.(header.name, payload);
        return;
      case 'completion':
        this.#complete(header.requestId, header.completionCode, header.errorDescription, payload);
        return;
      case 'unsolicited':
        for (const listener of this.#unsolicitedListeners.get(header.name) ?? []) {
          try {
            listener(payload);
          } catch (error) {
            console.error('ws-client: unsolicited listener failed', error);
          }
        }
        return;
    }
  }

  #complete(requestId: number | undefined, code: CompletionCode | undefined, errorDescription: string | undefined, payload: unknown): void {
    if (requestId === undefined) {
      // The daemon could not read a requestId: a bug on our side, not a reply to anything.
      console.warn('ws-client: completion without requestId', code, errorDescription);
      return;
    }
    if (code === undefined) {
      this.#settle(requestId, { kind: 'failed', reason: 'badReply' });
    } else if (code === 'success') {
      this.#settle(requestId, { kind: 'success', payload });
    } else {
      this.#settle(requestId, { kind: 'error', completionCode: code, errorDescription, payload });
    }
  }

  #settle(requestId: number, outcome: SendOutcome<unknown>): void {
    const pending = this.#pending.get(requestId);
    if (pending === undefined) return;
    this.#pending.delete(requestId);
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }

  #failPending(reason: LocalFailure): void {
    for (const requestId of [...this.#pending.keys()]) this.#settle(requestId, { kind: 'failed', reason });
  }

  #setState(state: ConnectionState): void {
    this.#state = state;
    for (const listener of this.#stateListeners) listener(state);
  }
}
