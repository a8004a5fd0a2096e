// The technician page: device tiles (read-only) and the login panel until this connection is in
// technician mode; then the tests, the live sensors, the service state, the counters, the export
// bundle and readiness report, the log tail and the audit log.
// Technician mode belongs to the WebSocket that logged in, so it ends here when that drops.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { KioskStatus, OverallState } from '../../../contract/protocol/catalogue.ts';
import { deviceKinds, type DeviceKind, type DeviceSource } from '../../../contract/devices/device.ts';
import { offeredCommands } from '../capabilities.ts';
import { deviceDetails } from '../device-details.ts';
import { describeDevice } from '../device-view.ts';
import { DaemonLink } from '../daemon-link.ts';
import { defaultLanguage, translate, type Language, type MessageKey, showPageIn } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import type { StatusSnapshot } from '../status-feed.ts';
import { formatTime, problemDetail, problemWords, type Words } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { ConnectionState } from '../ws-client.ts';
import './audit-log.ts';
import './card-test-panel.ts';
import './idcard-test-panel.ts';
import './connection-badge.ts';
import './counters-panel.ts';
import './device-test-panel.ts';
import './gpio-panels.ts';
import './language-toggle.ts';
import './log-tail.ts';
import './reports-panel.ts';
import './service-panel.ts';
import './technician-login.ts';
import type { LoginMethod, MethodChangeDetail, TechnicianLoginDetail } from './technician-login.ts';

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
    session: { state: true },
    method: { state: true },
    commands: { state: true },
    auditRevision: { state: true },
    logoutProblem: { state: true },
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
        gap: 20px;
        padding: 16px 40px;
        background: #1f2937;
        color: #ffffff;
      }
      h1 {
        margin: 0 auto 0 0;
        font-size: 32px;
        font-weight: 700;
      }
      .actor {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        font-size: 20px;
        line-height: 1.3;
      }
      .actor strong {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 20px;
      }
      .logout {
        min-height: 64px;
        padding: 0 24px;
        border-radius: 14px;
        border: 2px solid #fca5a5;
        background: #7f1d1d;
        color: #ffffff;
        font-size: 22px;
        font-weight: 600;
      }
      .logout:focus-visible {
        outline-color: #ffd24d;
      }
      main {
        display: flex;
        flex-direction: column;
        gap: 28px;
        max-width: 1760px;
        margin: 0 auto;
        padding: 28px 40px 48px;
      }
      h2.section {
        margin: 0 0 -12px;
        font-size: 26px;
        color: #1c2530;
      }
      .note {
        margin: 0;
        font-size: 20px;
        color: #4a5563;
      }
      .problem {
        padding: 14px 18px;
        border-radius: 12px;
        color: #7f1d1d;
        background: #fee2e2;
        font-size: 20px;
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
        padding: 14px 20px;
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
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 20px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .tile {
        display: flex;
        flex-direction: column;
        gap: 14px;
        padding: 20px 22px;
        border-radius: 18px;
        background: #ffffff;
        border: 1px solid #d5dbe3;
        border-top: 8px solid var(--level-border);
      }
      .tile h3 {
        margin: 0;
        font-size: 26px;
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
      .grid {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 24px;
        align-items: stretch;
      }
      .grid device-test-panel {
        grid-column: 1 / -1;
      }
      @media (max-width: 1200px) {
        .tiles {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  declare language: Language;
  declare connection: ConnectionState;
  declare snapshot: StatusSnapshot;
  /** This connection's technician session; null until Technician.Login succeeds here. */
  declare session: TechnicianLoginDetail | null;
  declare method: LoginMethod;
  declare commands: ReadonlySet<string> | null;
  /** Bumped after every technician action so the audit log reloads. */
  declare auditRevision: number;
  declare logoutProblem: Words & { detail: string | null } | null;
  readonly #link: DaemonLink;
  #unsubscribe: (() => void)[] = [];

  constructor() {
    super();
    this.language = defaultLanguage;
    this.session = null;
    this.method = 'card';
    this.commands = null;
    this.auditRevision = 0;
    this.logoutProblem = null;
    // Registers itself with this element: connects and disconnects with it.
    this.#link = new DaemonLink(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const { client } = this.#link;
    this.#unsubscribe.push(
      // The cabinet's service switch was turned: the technician will type the technician PIN.
      client.onUnsolicited('Kiosk.TechnicianRequested', () => {
        if (this.session === null) this.method = 'serviceSwitch';
      }),
      client.onConnectionChange((connection) => {
        if (connection.state === 'open') {
          void offeredCommands(client).then((commands) => (this.commands = commands));
        } else {
          // The daemon ends technician mode with the connection.
          this.session = null;
        }
      }),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('language')) showPageIn(this.language, 'tech.title');
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  async #logout(): Promise<void> {
    const outcome = await this.#link.client.send('Technician.Logout', {});
    // Refused means this connection is not (or no longer) in technician mode: nothing to leave.
    if (outcome.kind === 'success' || (outcome.kind === 'error' && outcome.completionCode === 'authorisationRequired')) {
      this.session = null;
      this.logoutProblem = null;
      this.method = 'card';
      return;
    }
    this.logoutProblem = { ...problemWords(outcome), detail: problemDetail(outcome) };
  }

  #summary(status: KioskStatus) {
    const hours = Math.floor(status.uptimeSeconds / 3600);
    const minutes = Math.floor((status.uptimeSeconds % 3600) / 60);
    return html`<dl class="summary" data-testid="kiosk-summary">
      <div><dt>${this.#t('tech.kioskId')}</dt><dd>${status.kioskId}</dd></div>
      <div><dt>${this.#t('tech.version')}</dt><dd>${status.version}</dd></div>
      <div><dt>${this.#t('tech.overall')}</dt><dd data-testid="overall-state" data-state=${status.state}>${this.#t(overallKey(status.state))}</dd></div>
      <div><dt>${this.#t('tech.uptime')}</dt><dd>${this.#t('tech.uptimeValue', { hours, minutes })}</dd></div>
    </dl>`;
  }

  #tile(kind: DeviceKind, status: KioskStatus | null, stale: boolean) {
    const view = describeDevice(kind, status?.devices ?? null, stale);
    // Stale details would contradict the unknown state shown above them.
    const details = status === null || stale ? [] : deviceDetails(kind, status.devices, this.language);
    const source = status?.sources[kind];
    return html`<li class="tile" data-testid="device-tile" data-device=${kind} data-level=${view.level} data-state=${view.state ?? 'unknown'}>
      <h3>${this.#t(view.nameKey)}</h3>
      <span class="level">${levelIcon(view.level, 24)}${this.#t(view.stateKey)}</span>
      <dl>
        ${source === undefined ? nothing : html`<dt>${this.#t('tech.source')}</dt><dd>${this.#t(sourceKey(source))}</dd>`}
        ${details.map((entry) => html`<dt>${this.#t(entry.labelKey)}</dt><dd>${entry.value}</dd>`)}
      </dl>
    </li>`;
  }

  #console(status: KioskStatus | null) {
    const client = this.#link.client;
    const gpio = status === null || this.snapshot.stale ? null : status.devices.gpio;
    return html`<div class="grid" data-testid="technician-console" @technician-action=${() => (this.auditRevision += 1)}>
        <card-test-panel .language=${this.language} .client=${client}></card-test-panel>
        <idcard-test-panel .language=${this.language} .client=${client}></idcard-test-panel>
        <light-test-panel .language=${this.language} .client=${client} .gpio=${gpio}></light-test-panel>
        <sensor-readout .language=${this.language} .gpio=${gpio}></sensor-readout>
        <service-panel .language=${this.language} .client=${client} .service=${status?.service ?? null}></service-panel>
        <device-test-panel .language=${this.language} .client=${client} .commands=${this.commands}></device-test-panel>
        <counters-panel .language=${this.language} .client=${client} .commands=${this.commands} .revision=${this.auditRevision}></counters-panel>
        <reports-panel .language=${this.language} .client=${client} .commands=${this.commands}></reports-panel>
      </div>
      <log-tail .language=${this.language} .client=${client} .commands=${this.commands}></log-tail>
      <audit-log .language=${this.language} .client=${client} .revision=${this.auditRevision}></audit-log>`;
  }

  #header() {
    const session = this.session;
    return html`<header>
      <h1>${this.#t('tech.title')}</h1>
      ${session === null
        ? nothing
        : html`<div class="actor" data-testid="technician-actor">
              <span>${this.#t('tech.loggedInAs')}</span>
              <strong>${session.actor}</strong>
              <span>${this.#t('tech.since', { since: formatTime(session.since, this.language) })}</span>
            </div>
            <button type="button" class="logout" data-testid="logout" @click=${() => void this.#logout()}>${this.#t('tech.logout')}</button>`}
      <connection-badge data-testid="header-connection" .language=${this.language} .connection=${this.connection}></connection-badge>
      <language-toggle .language=${this.language} @language-change=${(event: CustomEvent<{ language: Language }>) => (this.language = event.detail.language)}></language-toggle>
    </header>`;
  }

  protected override render() {
    const { status, stale } = this.snapshot;
    const inMode = this.session !== null;
    return html`
      ${this.#header()}
      <main data-mode=${inMode ? 'technician' : 'login'}>
        ${status === null ? html`<p class="waiting">${this.#t('tech.waiting')}</p>` : this.#summary(status)}
        ${this.logoutProblem === null
          ? nothing
          : html`<p class="problem" role="alert">${this.#t(this.logoutProblem.key, this.logoutProblem.params)} ${this.logoutProblem.detail ?? ''}</p>`}
        ${inMode
          ? nothing
          : html`<technician-login
              .language=${this.language}
              .client=${this.#link.client}
              .status=${stale ? null : status}
              .method=${this.method}
              ?connected=${this.connection.state === 'open'}
              @method-change=${(event: CustomEvent<MethodChangeDetail>) => (this.method = event.detail.method)}
              @technician-login=${(event: CustomEvent<TechnicianLoginDetail>) => {
                this.session = event.detail;
                this.auditRevision += 1;
              }}
            ></technician-login>`}
        <h2 class="section">${this.#t('tech.devices')}</h2>
        ${inMode ? nothing : html`<p class="note" data-testid="technician-banner">${this.#t('tech.readOnly')}</p>`}
        <ul class="tiles">
          ${deviceKinds.map((kind) => this.#tile(kind, status, stale))}
        </ul>
        ${inMode ? this.#console(status) : nothing}
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
