// Renewal stops here: the business licence differs from what E-Port has registered, and a
// certificate is only renewed for the registered enterprise. The screen shows each difference
// side by side and the way on (a change of information first); "understood" ends the flow.
import { css, html, LitElement } from 'lit';
import type { FlowScreen, RegistryDifference } from '../../../daemon/flows/flow-view.ts';
import type { FlowAction } from '../../../daemon/protocol/flow-messages.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import { paperScreenStyles } from './paper-checklist.ts';

type MismatchScreen = Extract<FlowScreen, { screen: 'registryMismatch' }>;

const fieldWords: Readonly<Record<RegistryDifference['field'], MessageKey>> = {
  name: 'registry.field.name',
  uscc: 'registry.field.uscc',
  legalRepresentative: 'registry.field.legalRepresentative',
  address: 'registry.field.address',
};

export class RegistryMismatch extends LitElement {
  static override properties = {
    language: { type: String },
    screen: { attribute: false },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    paperScreenStyles,
    css`
      .head {
        display: flex;
        align-items: flex-start;
        gap: 24px;
        padding: 24px 28px;
        border-radius: 20px;
        border: 2px solid var(--level-border);
        background: var(--level-bg);
        color: var(--level-fg);
      }
      .head h1 {
        color: inherit;
      }
      .head-text {
        display: flex;
        flex-direction: column;
        gap: 10px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: #ffffff;
        font-size: 26px;
      }
      caption {
        padding-bottom: 12px;
        text-align: left;
        font-size: 28px;
        font-weight: 700;
        color: #0f2540;
      }
      th,
      td {
        padding: 16px 20px;
        border: 2px solid #d5dbe3;
        text-align: left;
        vertical-align: top;
        overflow-wrap: anywhere;
      }
      thead th {
        background: #eef1f5;
        font-size: 24px;
        color: #374151;
      }
      tbody th {
        width: 22%;
        font-weight: 700;
      }
      td {
        width: 39%;
      }
      .next {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      ol {
        display: flex;
        flex-direction: column;
        gap: 10px;
        margin: 0;
        padding-left: 1.4em;
        font-size: 26px;
      }
      .reassure {
        color: #374151;
      }
    `,
  ];

  declare language: Language;
  declare screen: MismatchScreen | null;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.screen = null;
  }

  #act(action: FlowAction): void {
    this.dispatchEvent(new CustomEvent('flow-action', { detail: { action }, bubbles: true, composed: true }));
  }

  protected override render() {
    const screen = this.screen;
    if (screen === null) return html``;
    const t = (key: MessageKey) => translate(this.language, key);
    const shown = (value: string) => (value.trim() === '' ? t('registry.empty') : value);
    return html`
      <div class="head" data-level="attention">
        ${levelIcon('attention', 56)}
        <div class="head-text">
          <h1>${t('registry.title')}</h1>
          <p class="lead">${t('registry.intro')}</p>
        </div>
      </div>
      <table>
        <caption>
          ${t('registry.tableCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('registry.column.field')}</th>
            <th scope="col">${t('registry.column.onPaper')}</th>
            <th scope="col">${t('registry.column.inRegistry')}</th>
          </tr>
        </thead>
        <tbody>
          ${screen.differences.map(
            (difference) => html`<tr data-testid="registry-difference" data-field=${difference.field}>
              <th scope="row">${t(fieldWords[difference.field])}</th>
              <td>${shown(difference.onPaper)}</td>
              <td>${shown(difference.inRegistry)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="next">
        <h2>${t('registry.nextTitle')}</h2>
        <ol>
          <li>${t('registry.next1')}</li>
          <li>${t('registry.next2')}</li>
        </ol>
        <p class="reassure">${t('registry.cardUnchanged')}</p>
      </div>
      <div class="actions">
        <button type="button" class="primary" data-testid="flow-next" @click=${() => this.#act({ action: 'next' })}>${t('registry.understood')}</button>
      </div>
    `;
  }
}

customElements.define('registry-mismatch', RegistryMismatch);

declare global {
  interface HTMLElementTagNameMap {
    'registry-mismatch': RegistryMismatch;
  }
}
