// The technician page, read-only for now: one tile per device with its state as the daemon
// reports it. Technician mode (tests, counters, logs, out of service) is issue 7; until then
// this page offers no action at all and says so.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { KioskStatus, OverallState } from '../../../daemon/protocol/catalogue.ts';
import { deviceKinds, type DeviceKind, type DeviceSource } from '../../../drivers/device/device.ts';
import { deviceDetails } from '../device-details.ts';
import { describeDevice } from '../device-view.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import type { StatusSnapshot } from '../status-feed.ts';
import { DaemonLink } from '../daemon-link.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { ConnectionState } from '../ws-client.ts';
import './connection-badge.ts';
import './language-toggle.ts';

function overallKey(state: OverallState): MessageKey {
  switch (state) {
    case 'ready':
      return 'tech.overall.ready';
    case 'degraded':
      return 'tech.overall.degraded';
    case 'outOfService':
      return 'tech.overall.outOfService';
  }
}

function sourceKey(source: DeviceSource): MessageKey {
  switch (source) {
    case 'sim':
      return 'tech.source.sim';
    case 'hardware':
      return 'tech.source.hardware';
  }
}

export class TechnicianPage extends LitElement {
  static override properties = {
    language: { state: true },
    connection: { state: true },
    snapshot: { state: true },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: #f3f5f8;
      }
      header {
        display: flex;
        align-items: center;
        gap: 24px;
        padding: 20px 40px;
        background: #1f2937;
        color: #ffffff;
      }
      h1 {
        margin: 0 auto 0 0;
        font-size: 32px;
        font-weight: 700;
      }
      main {
        display: flex;
        flex-direction: column;
        gap: 28px;
        max-width: 1600px;
        margin: 0 auto;
        padding: 32px 40px 48px;
      }
      .banner {
        display: flex;
        gap: 20px;
        align-items: flex-start;
        padding: 24px 28px;
        border-radius: 16px;
        border: 2px solid #e0b44c;
        background: #fef3c7;
        color: #713f12;
      }
      .banner h2 {
        margin: 0 0 6px;
        font-size: 26px;
      }
      .banner p {
        margin: 0;
        font-size: 22px;
      }
      dl {
        margin: 0;
      }
      .summary {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 16px;
      }
      .summary div {
        padding: 16px 20px;
        border-radius: 14px;
        background: #ffffff;
        border: 1px solid #d5dbe3;
      }
      dt {
        font-size: 20px;
        color: #4a5563;
      }
      dd {
        margin: 0;
        font-size: 24px;
        font-weight: 600;
        color: #1c2530;
        overflow-wrap: anywhere;
      }
      .waiting {
        font-size: 24px;
        color: #4a5563;
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(340px, 1fr));
        gap: 24px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .tile {
        display: flex;
        flex-direction: column;
        gap: 16px;
        padding: 24px;
        border-radius: 18px;
        background: #ffffff;
        border: 1px solid #d5dbe3;
        border-top: 8px solid var(--level-border);
      }
      .tile h3 {
        margin: 0;
        font-size: 28px;
      }
      .level {
        display: inline-flex;
        align-self: flex-start;
        align-items: center;
        gap: 0.4em;
        padding: 0.3em 0.9em 0.3em 0.6em;
        border-radius: 999px;
        color: var(--level-fg);
        background: var(--level-bg);
        font-size: 22px;
        font-weight: 600;
      }
      .level {
        white-space: nowrap;
      }
      .tag {
        align-self: flex-start;
        margin-top: -8px;
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 20px;
        color: #4a5563;
      }
      .tile dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 16px;
      }
      .tile dd {
        font-size: 20px;
        font-weight: 400;
        white-space: pre-line;
      }
    `,
  ];

  declare language: Language;
  declare connection: ConnectionState;
  declare snapshot: StatusSnapshot;

  constructor() {
    super();
    this.language = defaultLanguage;
    // Registers itself with this element: connects and disconnects with it.
    new DaemonLink(this);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('language')) {
      document.documentElement.lang = this.language;
      document.title = translate(this.language, 'tech.title');
    }
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  #summary(status: KioskStatus) {
    const hours = Math.floor(status.uptimeSeconds / 3600);
    const minutes = Math.floor((status.uptimeSeconds % 3600) / 60);
    return html`<dl class="summary" data-testid="kiosk-summary">
      <div><dt>${this.#t('tech.kioskId')}</dt><dd>${status.kioskId}</dd></div>
      <div><dt>${this.#t('tech.version')}</dt><dd>${status.version}</dd></div>
      <div><dt>${this.#t('tech.overall')}</dt><dd data-state=${status.state}>${this.#t(overallKey(status.state))}</dd></div>
      <div><dt>${this.#t('tech.uptime')}</dt><dd>${this.#t('tech.uptimeValue', { hours, minutes })}</dd></div>
    </dl>`;
  }

  #tile(kind: DeviceKind, status: KioskStatus | null, stale: boolean) {
    const view = describeDevice(kind, status?.devices ?? null, stale);
    // Stale details would contradict the unknown state shown above them.
    const details = status === null || stale ? [] : deviceDetails(kind, status.devices);
    const source = status?.sources[kind];
    return html`<li class="tile" data-testid="device-tile" data-device=${kind} data-level=${view.level} data-state=${view.state ?? 'unknown'}>
      <h3>${this.#t(view.nameKey)}</h3>
      <span class="level">${levelIcon(view.level, 24)}${this.#t(view.stateKey)}</span>
      ${view.state === null ? nothing : html`<code class="tag" title="state">${view.state}</code>`}
      <dl>
        ${source === undefined ? nothing : html`<dt>${this.#t('tech.source')}</dt><dd>${this.#t(sourceKey(source))}</dd>`}
        ${details.map((entry) => html`<dt>${this.#t(entry.labelKey)}</dt><dd>${entry.value}</dd>`)}
      </dl>
    </li>`;
  }

  protected override render() {
    const { status, stale } = this.snapshot;
    return html`
      <header>
        <h1>${this.#t('tech.title')}</h1>
        <connection-badge data-testid="header-connection" .language=${this.language} .connection=${this.connection}></connection-badge>
        <language-toggle .language=${this.language} @language-change=${(event: CustomEvent<{ language: Language }>) => (this.language = event.detail.language)}></language-toggle>
      </header>
      <main>
        <section class="banner" role="note" data-testid="technician-banner">
          ${levelIcon('attention', 36)}
          <div>
            <h2>${this.#t('tech.bannerTitle')}</h2>
            <p>${this.#t('tech.bannerBody')}</p>
          </div>
        </section>
        ${status === null ? html`<p class="waiting">${this.#t('tech.waiting')}</p>` : this.#summary(status)}
        <ul class="tiles">
          ${deviceKinds.map((kind) => this.#tile(kind, status, stale))}
        </ul>
      </main>
    `;
  }
}

customElements.define('technician-page', TechnicianPage);

declare global {
  interface HTMLElementTagNameMap {
    'technician-page': TechnicianPage;
  }
}
