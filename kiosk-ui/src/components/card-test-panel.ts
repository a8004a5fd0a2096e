// The card reader test (Technician.TestCard): the reader, the card's ATR, whether the E-Port
// application answers SELECT, and what the card says about itself, the holder masked.
import { cardTypeKey } from '../words/domain.ts';
import { html, LitElement, nothing } from 'lit';
import type { CommandResults } from '../../../contract/protocol/catalogue.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { panelStyles } from '../panel-styles.ts';
import { cardProblemWords, maskName, problemDetail, type Words } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { WsClient } from '../ws-client.ts';

type TestCardResult = CommandResults['Technician.TestCard'];

type Outcome = { kind: 'passed'; result: TestCardResult } | { kind: 'failed'; words: Words; detail: string | null };

/** The E-Port application answered SELECT. */
const selectOk = '9000';

/** ATR bytes in pairs, for reading aloud over the phone. */
const spacedHex = (hex: string): string => hex.replace(/(..)(?=.)/g, '$1 ').toUpperCase();

export class CardTestPanel extends LitElement {
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
    const outcome = await this.client.send('Technician.TestCard', {}, { timeoutMs: 30_000 });
    this.busy = false;
    this.outcome = outcome.kind === 'success' ? { kind: 'passed', result: outcome.payload } : { kind: 'failed', words: cardProblemWords(outcome), detail: problemDetail(outcome) };
    this.dispatchEvent(new CustomEvent('technician-action', { bubbles: true, composed: true }));
  }

  #result() {
    const outcome = this.outcome;
    if (outcome === null) return nothing;
    switch (outcome.kind) {
      case 'failed':
        return html`<div class="result" data-level="unavailable" role="alert" data-testid="card-test-result" data-outcome="failed">
          <strong>${this.#t(outcome.words.key, outcome.words.params)}</strong>
          ${outcome.detail === null ? nothing : html`<span class="detail">${outcome.detail}</span>`}
        </div>`;
      case 'passed': {
        const { result } = outcome;
        const answered = result.select === selectOk;
        const info = result.info;
        return html`<div class="result" data-level=${answered ? 'ready' : 'attention'} data-testid="card-test-result" data-outcome="passed" data-select=${result.select}>
          <strong>${this.#t(answered ? 'cardTest.passed' : 'cardTest.noApplication')}</strong>
          <dl class="facts">
            <dt>${this.#t('cardTest.reader')}</dt>
            <dd>${result.reader}</dd>
            <dt>ATR</dt>
            <dd class="detail" data-testid="card-test-atr">${spacedHex(result.atr)}</dd>
            <dt>SELECT</dt>
            <dd class="detail">${result.select}</dd>
            ${info === null
              ? nothing
              : html`<dt>${this.#t('cardTest.cardType')}</dt>
                  <dd data-testid="card-test-type">${this.#t(cardTypeKey(info.cardType))}</dd>
                  <dt>${this.#t('tech.detail.cardNo')}</dt>
                  <dd>${info.cardNo}</dd>
                  <dt>${this.#t('cardTest.holder')}</dt>
                  <dd data-testid="card-test-holder">${maskName(info.holderName)} · ${info.holderIdNumberMasked}</dd>
                  <dt>${this.#t('tech.detail.lifecycle')}</dt>
                  <dd>${info.lifecycle}</dd>
                  <dt>${this.#t('cardTest.pinTries')}</dt>
                  <dd>${info.pinTriesLeft}</dd>`}
          </dl>
        </div>`;
      }
    }
  }

  protected override render() {
    return html`<section class="panel" data-testid="card-test">
      <h2>${this.#t('cardTest.title')}</h2>
      <p class="hint">${this.#t('cardTest.hint')}</p>
      <div class="row">
        <button type="button" class="primary" data-testid="card-test-run" ?disabled=${this.busy || this.client === null} @click=${() => void this.#run()}>
          ${this.#t(this.busy ? 'cardTest.running' : 'cardTest.run')}
        </button>
      </div>
      ${this.#result()}
    </section>`;
  }
}

customElements.define('card-test-panel', CardTestPanel);

declare global {
  interface HTMLElementTagNameMap {
    'card-test-panel': CardTestPanel;
  }
}
