// Covers the screen while the daemon is unreachable: nothing on the kiosk works without it, so
// the agent sees a calm notice rather than buttons that would do nothing.
import { css, html, LitElement } from 'lit';
import { defaultLanguage, translate, type Language } from '../i18n.ts';
import { disconnectedIcon } from '../icons.ts';
import { baseStyles } from '../theme.ts';
import type { ConnectionState } from '../ws-client.ts';
import './connection-badge.ts';

export class DisconnectedOverlay extends LitElement {
  static override properties = {
    language: { type: String },
    connection: { attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 100;
        display: grid;
        place-items: center;
        background: rgb(10 32 60 / 0.88);
        animation: fade-in 0.3s ease-out;
      }
      .card {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 20px;
        max-width: 880px;
        margin: 32px;
        padding: 56px 72px;
        border-radius: 24px;
        background: #ffffff;
        color: #1c2530;
        text-align: center;
        box-shadow: 0 24px 64px rgb(0 0 0 / 0.3);
      }
      .icon {
        display: grid;
        place-items: center;
        width: 112px;
        height: 112px;
        border-radius: 50%;
        background: #fef3c7;
        color: #92400e;
      }
      h2 {
        margin: 0;
        font-size: 44px;
        font-weight: 700;
      }
      p {
        margin: 0;
        font-size: 26px;
        color: #374151;
      }
      .help {
        font-size: 22px;
        color: #4a5563;
      }
      @keyframes fade-in {
        from {
          opacity: 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        :host {
          animation: none;
        }
      }
    `,
  ];

  declare language: Language;
  declare connection: ConnectionState;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.connection = { state: 'connecting', attempt: 0 };
  }

  protected override render() {
    return html`<div class="card" role="alertdialog" aria-modal="true" aria-labelledby="title" aria-describedby="body" data-testid="disconnected-overlay">
      <div class="icon">${disconnectedIcon(64)}</div>
      <h2 id="title">${translate(this.language, 'overlay.title')}</h2>
      <p id="body">${translate(this.language, 'overlay.body')}</p>
      <connection-badge .language=${this.language} .connection=${this.connection}></connection-badge>
      <p class="help">${translate(this.language, 'overlay.help')}</p>
    </div>`;
  }
}

customElements.define('disconnected-overlay', DisconnectedOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'disconnected-overlay': DisconnectedOverlay;
  }
}
