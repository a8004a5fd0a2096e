// The kiosk's service state and the technician's out-of-service switch
// (Technician.SetOutOfService). The state shown is the daemon's: Common.Status, then
// Kiosk.ServiceStateChanged through the status feed.
import { css, html, LitElement } from 'lit';
import type { ServiceState } from '../../../contract/protocol/catalogue.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import { panelStyles } from '../panel-styles.ts';
import { formatTime, problemDetail, problemWords, reasonKey } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { WsClient } from '../ws-client.ts';
import { problemAlert, type Problem } from './problem-alert.ts';

export class ServicePanel extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    service: { attribute: false },
    busy: { state: true },
    problem: { state: true },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    panelStyles,
    css`
      .state {
        display: flex;
        align-items: center;
        gap: 14px;
        padding: 16px 20px;
        border-radius: 14px;
        color: var(--level-fg);
        background: var(--level-bg);
        border: 2px solid var(--level-border);
      }
      .state strong {
        font-size: 26px;
      }
      ul {
        margin: 4px 0 0;
        padding-left: 1.2em;
        font-size: 20px;
      }
      button {
        min-height: 64px;
      }
    `,
  ];

  declare language: Language;
  declare client: WsClient | null;
  declare service: ServiceState | null;
  declare busy: boolean;
  declare problem: Problem | null;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.service = null;
    this.busy = false;
    this.problem = null;
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  async #set(outOfService: boolean): Promise<void> {
    if (this.client === null || this.busy) return;
    this.busy = true;
    const outcome = await this.client.send('Technician.SetOutOfService', { outOfService });
    this.busy = false;
    if (outcome.kind === 'success') {
      this.service = outcome.payload.service;
      this.problem = null;
    } else {
      this.problem = { words: problemWords(outcome), detail: problemDetail(outcome) };
    }
    this.dispatchEvent(new CustomEvent('technician-action', { bubbles: true, composed: true }));
  }

  #state(service: ServiceState) {
    switch (service.state) {
      case 'inService':
        return html`<div class="state" data-level="ready" data-testid="service-state" data-state="inService">
          ${levelIcon('ready', 32)}<strong>${this.#t('serviceState.inService')}</strong>
        </div>`;
      case 'outOfService':
        return html`<div class="state" data-level="unavailable" data-testid="service-state" data-state="outOfService" data-reasons=${service.reasons.join(' ')}>
          ${levelIcon('unavailable', 32)}
          <div>
            <strong>${this.#t('serviceState.outOfService', { since: formatTime(service.since, this.language) })}</strong>
            <ul>
              ${service.reasons.map((reason) => html`<li>${this.#t(reasonKey(reason))}</li>`)}
            </ul>
          </div>
        </div>`;
    }
  }

  protected override render() {
    const service = this.service;
    const byTechnician = service?.state === 'outOfService' && service.reasons.includes('technician');
    return html`<section class="panel" data-testid="service-panel">
      <h2>${this.#t('serviceState.title')}</h2>
      ${service === null ? html`<p class="hint">${this.#t('tech.waiting')}</p>` : this.#state(service)}
      <p class="hint">${this.#t('serviceState.hint')}</p>
      <div class="row">
        <button
          type="button"
          class=${byTechnician ? 'primary' : 'danger'}
          data-testid="out-of-service-toggle"
          data-out-of-service=${byTechnician ? 'true' : 'false'}
          ?disabled=${this.busy || this.client === null || service === null}
          @click=${() => void this.#set(!byTechnician)}
        >
          ${this.#t(byTechnician ? 'serviceState.return' : 'serviceState.takeOut')}
        </button>
      </div>
      ${problemAlert(this.language, this.problem)}
    </section>`;
  }
}

customElements.define('service-panel', ServicePanel);

declare global {
  interface HTMLElementTagNameMap {
    'service-panel': ServicePanel;
  }
}
