// The page's link to the daemon as a Lit reactive controller: one WebSocket client and the status
// feed on it, started and stopped with the host element, mirrored into the host's reactive
// `connection` and `snapshot` properties. Both pages (kiosk and technician) use it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StatusFeed, type StatusSnapshot } from './status-feed.ts';
import { daemonSocketUrl, WsClient, type ConnectionState } from './ws-client.ts';
import { pageSocketUrl } from './page-identity.ts';

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export interface DaemonLinkHost extends ReactiveControllerHost {
  connection: ConnectionState;
  snapshot: StatusSnapshot;
}

export class DaemonLink implements ReactiveController {
  // The page says which page it is and which load of it (page-identity.ts); the daemon gives the
  // connection that page's role and nothing more.
  readonly client = new WsClient({ url: pageSocketUrl(daemonSocketUrl(location), location.pathname, sessionStorageOrNull()) });
  readonly feed = new StatusFeed(this.client);
  readonly #host: DaemonLinkHost;
  #unsubscribe: (() => void)[] = [];

  constructor(host: DaemonLinkHost) {
    this.#host = host;
    host.connection = this.client.connection;
    host.snapshot = this.feed.snapshot;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe.push(
      this.client.onConnectionChange((connection) => (this.#host.connection = connection)),
      this.feed.onChange((snapshot) => (this.#host.snapshot = snapshot)),
    );
    this.feed.start();
    this.client.start();
  }

  hostDisconnected(): void {
    this.feed.stop();
    this.client.stop();
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }
}
