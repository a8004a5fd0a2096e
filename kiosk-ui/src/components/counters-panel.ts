// The device counters (Technician.Counters): cards read, APDUs, receipts, cuts, paper in metres,
// pages, jams, cabinet openings, since the kiosk was installed. Reloaded on request and whenever
// the page bumps `revision` (after each test). Offered only when the daemon has the command.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { counterNames, type CommandResults } from '../../../contract/protocol/catalogue.ts';
import { offerOf } from '../capabilities.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { panelStyles } from '../panel-styles.ts';
import { counterKeys, formatCounter } from '../technician-tools.ts';
import { formatTime, problemDetail, problemWords } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { WsClient } from '../ws-client.ts';
import { problemAlert, type Problem } from './problem-alert.ts';

type Counters = CommandResults['Technician.Counters'];

export class CountersPanel extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    commands: { attribute: false },
    revision: { type: Number },
    counters: { state: true },
    loading: { state: true },
    problem: { state: true },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    panelStyles,
    css`
      dl.counters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        gap: 12px;
        margin: 0;
      }
      .counter {
        display: flex;
        flex-direction: column;
        gap: 4px;
        padding: 12px 16px;
        border-radius: 12px;
        background: #f6f7f9;
        border: 1px solid #d5dbe3;
      }
      dt {
        font-size: 20px;
        color: #4a5563;
      }
      dd {
        margin: 0;
        font-size: 26px;
        font-weight: 700;
        color: #1c2530;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  declare language: Language;
  declare client: WsClient | null;
  declare commands: ReadonlySet<string> | null;
  declare revision: number;
  declare counters: Counters | null;
  declare loading: boolean;
  declare problem: Problem | null;
  /** Answers to an older request are dropped. */
  #request = 0;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.commands = null;
    this.revision = 0;
    this.counters = null;
    this.loading = false;
    this.problem = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('revision') || changed.has('client') || changed.has('commands')) void this.reload();
  }

  async reload(): Promise<void> {
    if (this.client === null || offerOf(this.commands, 'Technician.Counters') !== 'offered') return;
    const request = ++this.#request;
    this.loading = true;
    const outcome = await this.client.send('Technician.Counters', {});
    if (request !== this.#request) return;
    this.loading = false;
    if (outcome.kind === 'success') {
      this.counters = outcome.payload;
      this.problem = null;
    } else {
      this.problem = { words: problemWords(outcome), detail: problemDetail(outcome) };
    }
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  #counters(counters: Counters) {
    return html`<p class="hint" data-testid="counters-since">${this.#t('counters.since', { since: formatTime(counters.since, this.language) })}</p>
      <dl class="counters">
        ${counterNames.map((name) => {
          const keys = counterKeys(name);
          const raw = counters.counters[name];
          return html`<div class="counter" data-testid="counter" data-counter=${name} data-value=${String(raw)}>
            <dt>${this.#t(keys.label)}</dt>
            <dd>${this.#t(keys.value, { value: formatCounter(name, raw, this.language) })}</dd>
          </div>`;
        })}
      </dl>`;
  }

  #body() {
    switch (offerOf(this.commands, 'Technician.Counters')) {
      case 'checking':
        return html`<p class="unavailable" data-testid="not-available">${this.#t('deviceTest.checking')}</p>`;
      case 'notYet':
        return html`<p class="unavailable" data-testid="not-available">${this.#t('deviceTest.notYet')}</p>`;
      case 'offered':
        return this.counters === null ? html`<p class="hint">${this.#t('counters.loading')}</p>` : this.#counters(this.counters);
    }
  }

  protected override render() {
    const offered = offerOf(this.commands, 'Technician.Counters') === 'offered';
    return html`<section class="panel" data-testid="counters-panel" data-offered=${offered ? 'true' : 'false'}>
      <div class="head">
        <h2>${this.#t('counters.title')}</h2>
        ${offered
          ? html`<button type="button" data-testid="counters-reload" ?disabled=${this.loading} @click=${() => void this.reload()}>${this.#t('counters.reload')}</button>`
          : nothing}
      </div>
      <p class="hint">${this.#t('counters.hint')}</p>
      ${problemAlert(this.language, this.problem)}
      ${this.#body()}
    </section>`;
  }
}

customElements.define('counters-panel', CountersPanel);

declare global {
  interface HTMLElementTagNameMap {
    'counters-panel': CountersPanel;
  }
}
