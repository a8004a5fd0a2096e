// The ID-card reader test (Technician.TestIdCardReader): the SAM module's id and one read of the
// resident ID card on the reader — the holder's name masked and the number as the status masks it
// (first 6, last 4). Never the full number, the address or the photo.
import { html, LitElement, nothing } from 'lit';
import type { CommandResults } from '../../../contract/protocol/catalogue.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { panelStyles } from '../panel-styles.ts';
import { maskName, problemDetail, problemWords, type Words } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { WsClient } from '../ws-client.ts';

type TestResult = CommandResults['Technician.TestIdCardReader'];

type Outcome = { kind: 'passed'; result: TestResult } | { kind: 'failed'; words: Words; detail: string | null };

/** The SAM id in groups of four hex digits, for reading aloud over the phone. */
const grouped = (hex: string): string => hex.replace(/(....)(?=.)/g, '$1 ').toUpperCase();

export class IdCardTestPanel extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    busy: { state: true },
    outcome: { state: true },
  };

  static override styles = [baseStyles, levelStyles, panelStyles];

  declare language: Language;
  declare client: WsClient | null;
  declare busy: boolean;
  declare outcome: Outcome | null;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.busy = false;
    this.outcome = null;
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  async #run(): Promise<void> {
    if (this.client === null || this.busy) return;
    this.busy = true;
    const outcome = await this.client.send('Technician.TestIdCardReader', {}, { timeoutMs: 30_000 });
    this.busy = false;
    this.outcome = outcome.kind === 'success' ? { kind: 'passed', result: outcome.payload } : { kind: 'failed', words: problemWords(outcome), detail: problemDetail(outcome) };
    this.dispatchEvent(new CustomEvent('technician-action', { bubbles: true, composed: true }));
  }

  #result() {
    const outcome = this.outcome;
    if (outcome === null) return nothing;
    switch (outcome.kind) {
      case 'failed':
        return html`<div class="result" data-level="unavailable" role="alert" data-testid="idcard-test-result" data-outcome="failed">
          <strong>${this.#t(outcome.words.key, outcome.words.params)}</strong>
          ${outcome.detail === null ? nothing : html`<span class="detail">${outcome.detail}</span>`}
        </div>`;
      case 'passed': {
        const { result } = outcome;
        const until = result.holder.validity.until;
        return html`<div class="result" data-level="ready" data-testid="idcard-test-result" data-outcome="passed">
          <strong>${this.#t('idCardTest.passed', { ms: result.elapsedMs })}</strong>
          <dl class="facts">
            <dt>${this.#t('tech.detail.device')}</dt>
            <dd>${result.device}</dd>
            <dt>${this.#t('idCardTest.samId')}</dt>
            <dd class="detail" data-testid="idcard-test-sam">${grouped(result.samId)}</dd>
            <dt>${this.#t('idCardTest.holder')}</dt>
            <dd data-testid="idcard-test-holder">${maskName(result.holder.name)} · ${result.holder.idNumberMasked}</dd>
            <dt>${this.#t('tech.detail.idCardValidUntil')}</dt>
            <dd>${until.kind === 'date' ? until.date : this.#t('idCardTest.longTerm')}</dd>
          </dl>
        </div>`;
      }
    }
  }

  protected override render() {
    return html`<section class="panel" data-testid="idcard-test">
      <h2>${this.#t('idCardTest.title')}</h2>
      <p class="hint">${this.#t('idCardTest.hint')}</p>
      <div class="row">
        <button type="button" class="primary" data-testid="idcard-test-run" ?disabled=${this.busy || this.client === null} @click=${() => void this.#run()}>
          ${this.#t(this.busy ? 'idCardTest.running' : 'idCardTest.run')}
        </button>
      </div>
      ${this.#result()}
    </section>`;
  }
}

customElements.define('idcard-test-panel', IdCardTestPanel);

declare global {
  interface HTMLElementTagNameMap {
    'idcard-test-panel': IdCardTestPanel;
  }
}
