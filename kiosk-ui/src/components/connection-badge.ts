// The daemon connection in a few words: connected, connecting, or reconnecting in N s.
import { css, html, LitElement, type PropertyValues } from 'lit';
import { defaultLanguage, translate, type Language } from '../i18n.ts';
import { baseStyles } from '../theme.ts';
import type { ConnectionState } from '../ws-client.ts';

export class ConnectionBadge extends LitElement {
  static override properties = {
    language: { type: String },
    connection: { attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-flex;
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 0.5em;
        padding: 0.3em 0.9em;
        border-radius: 999px;
        font-size: 20px;
        font-weight: 500;
        white-space: nowrap;
        color: var(--badge-fg);
        background: var(--badge-bg);
        border: 2px solid var(--badge-dot);
      }
      .dot {
        width: 0.7em;
        height: 0.7em;
        border-radius: 50%;
        background: var(--badge-dot);
      }
      [data-state='open'] {
        --badge-fg: #14532d;
        --badge-bg: #dcfce7;
        --badge-dot: #15803d;
      }
      [data-state='connecting'] {
        --badge-fg: #1e3a5f;
        --badge-bg: #e0ecfa;
        --badge-dot: #2563eb;
      }
      [data-state='reconnecting'] {
        --badge-fg: #713f12;
        --badge-bg: #fef3c7;
        --badge-dot: #b45309;
      }
      [data-state='closed'] {
        --badge-fg: #7f1d1d;
        --badge-bg: #fee2e2;
        --badge-dot: #b91c1c;
      }
      [data-state='connecting'] .dot,
      [data-state='reconnecting'] .dot {
        animation: pulse 1.6s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          opacity: 0.35;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .dot {
          animation: none !important;
        }
      }
    `,
  ];

  declare language: Language;
  declare connection: ConnectionState;
  /** Re-renders the countdown while a retry is pending. */
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.connection = { state: 'connecting', attempt: 0 };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicker();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('connection')) return;
    if (this.connection.state === 'reconnecting') {
      this.#ticker ??= setInterval(() => this.requestUpdate(), 250);
    } else {
      this.#stopTicker();
    }
  }

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  #text(): string {
    const connection = this.connection;
    switch (connection.state) {
      case 'open':
        return translate(this.language, 'connection.open');
      case 'connecting':
        return translate(this.language, 'connection.connecting');
      case 'reconnecting': {
        const seconds = Math.ceil((connection.at - Date.now()) / 1000);
        return seconds > 0 ? translate(this.language, 'connection.reconnecting', { seconds }) : translate(this.language, 'connection.connecting');
      }
      case 'closed':
        return translate(this.language, 'connection.closed');
    }
  }

  protected override render() {
    return html`<span class="badge" data-testid="connection-badge" data-state=${this.connection.state} role="status">
      <span class="dot" aria-hidden="true"></span>${this.#text()}
    </span>`;
  }
}

customElements.define('connection-badge', ConnectionBadge);

declare global {
  interface HTMLElementTagNameMap {
    'connection-badge': ConnectionBadge;
  }
}
