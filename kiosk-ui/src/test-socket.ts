// A scripted stand-in for the daemon's WebSocket, for unit tests of the client and the feeds.
import type { SocketFactory, SocketHandlers, SocketLike } from './ws-client.ts';

export interface SentCommand {
  header: { name: string; requestId: number; type: string; timeout?: number };
  payload: unknown;
}

export class TestSocket implements SocketLike {
  readonly url: string;
  readonly handlers: SocketHandlers;
  readonly sent: SentCommand[] = [];
  closedWith: { code: number | undefined; reason: string | undefined } | null = null;

  constructor(url: string, handlers: SocketHandlers) {
    this.url = url;
    this.handlers = handlers;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as SentCommand);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
  }

  open(): void {
    this.handlers.open();
  }

  /** The daemon went away. */
  drop(code = 1006): void {
    this.handlers.close(code, '');
  }

  receive(message: unknown): void {
    this.handlers.message(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Acknowledges and completes the last command sent. */
  complete(payload: unknown, completionCode = 'success', errorDescription?: string): void {
    const command = this.sent.at(-1);
    if (command === undefined) throw new Error('no command to complete');
    const { name, requestId } = command.header;
    this.receive({ header: { name, requestId, type: 'acknowledge' }, payload: {} });
    this.receive({ header: { name, requestId, type: 'completion', completionCode, errorDescription }, payload });
  }
}

export function testSockets(): { sockets: TestSocket[]; factory: SocketFactory; last: () => TestSocket } {
  const sockets: TestSocket[] = [];
  const factory: SocketFactory = (url, handlers) => {
    const socket = new TestSocket(url, handlers);
    sockets.push(socket);
    return socket;
  };
  const last = (): TestSocket => {
    const socket = sockets.at(-1);
    if (socket === undefined) throw new Error('no socket created yet');
    return socket;
  };
  return { sockets, factory, last };
}
