// The agent's kiosk screen: owns the daemon connection, the status feed, the session language
// and the inactivity reset; renders the attract screen, the status strip and, while the daemon
// is unreachable, the disconnected overlay.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { defaultLanguage, translate, type Language } from '../i18n.ts';
import { cardIcon } from '../icons.ts';
import { inactivityTimeoutFromQuery, startInactivityTimer, type InactivityTimer } from '../inactivity.ts';
import type { StatusSnapshot } from '../status-feed.ts';
import { DaemonLink } from '../daemon-link.ts';
import { baseStyles } from '../theme.ts';
import { connectionLost, type ConnectionState } from '../ws-client.ts';
import type { AttractScreen } from './attract-screen.ts';
import './attract-screen.ts';
import './connection-badge.ts';
import './disconnected-overlay.ts';
import './language-toggle.ts';
import './status-strip.ts';

export class KioskApp extends LitElement {
  static override properties = {
    language: { state: true },
    connection: { state: true },
    snapshot: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr auto;
        height: 100vh;
        height: 100dvh;
        background: linear-gradient(180deg, #eef2f7 0%, #f7f8fa 40%);
      }
      header {
        display: flex;
        align-items: center;
        gap: 24px;
        padding: 20px 48px;
        background: #0a3a6b;
        color: #ffffff;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 20px;
        margin-right: auto;
      }
      .emblem {
        display: grid;
        place-items: center;
        width: 64px;
        height: 64px;
        border-radius: 16px;
        background: #ffffff;
        color: #0a3a6b;
      }
      .brand-name {
        font-size: 32px;
        font-weight: 700;
        letter-spacing: 0.04em;
      }
      .brand-product {
        padding-left: 20px;
        border-left: 2px solid rgb(255 255 255 / 0.45);
        font-size: 24px;
        color: #dbe7f5;
      }
      main {
        display: flex;
        flex-direction: column;
        /* Centred while it fits; scrolls from the top (never cut off) when it does not. */
        justify-content: safe center;
        overflow-y: auto;
      }
      footer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 16px 32px;
        padding: 20px 48px;
        background: #ffffff;
        border-top: 1px solid #d5dbe3;
      }
      .help {
        font-size: 22px;
        color: #4a5563;
      }
    `,
  ];

  declare language: Language;
  declare connection: ConnectionState;
  declare snapshot: StatusSnapshot;
  #idle: InactivityTimer | null = null;

  constructor() {
    super();
    this.language = defaultLanguage;
    // Registers itself with this element: connects and disconnects with it.
    new DaemonLink(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#idle = startInactivityTimer({ target: window, timeoutMs: inactivityTimeoutFromQuery(location.search), onIdle: () => this.#resetSession() });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#idle?.stop();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('language')) {
      document.documentElement.lang = this.language;
      document.title = translate(this.language, 'app.title');
    }
  }

  /** Nobody is at the kiosk: the next agent starts from the attract screen, in Chinese. */
  #resetSession(): void {
    this.language = defaultLanguage;
    this.renderRoot.querySelector<AttractScreen>('attract-screen')?.reset();
  }

  protected override render() {
    const { status } = this.snapshot;
    return html`
      <header>
        <div class="brand">
          <span class="emblem">${cardIcon(40)}</span>
          <span class="brand-name">${translate(this.language, 'header.brand')}</span>
          <span class="brand-product">${translate(this.language, 'header.product')}</span>
        </div>
        <connection-badge data-testid="header-connection" .language=${this.language} .connection=${this.connection}></connection-badge>
        <language-toggle .language=${this.language} @language-change=${(event: CustomEvent<{ language: Language }>) => (this.language = event.detail.language)}></language-toggle>
      </header>
      <main>
        <attract-screen .language=${this.language} .overall=${this.snapshot.stale ? null : (status?.state ?? null)}></attract-screen>
      </main>
      <footer>
        <status-strip .language=${this.language} .snapshot=${this.snapshot}></status-strip>
        <span class="help">${translate(this.language, 'attract.help')}</span>
      </footer>
      ${connectionLost(this.connection) ? html`<disconnected-overlay .language=${this.language} .connection=${this.connection}></disconnected-overlay>` : nothing}
    `;
  }
}

customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
