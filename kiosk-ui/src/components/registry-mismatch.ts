// Renewal stops here: the business licence differs from what E-Port has registered, and a
// certificate is only renewed for the registered enterprise. The screen shows each difference
// side by side and the way on (a change of information first); "understood" ends the flow.
import { css, html } from 'lit';
import type { FlowScreen, RegistryDifference } from '../../../contract/flow-view.ts';
import type { MessageKey } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import { PaperScreen } from './paper-screen.ts';

type MismatchScreen = Extract<FlowScreen, { screen: 'registryMismatch' }>;

const fieldWords: Readonly<Record<RegistryDifference['field'], MessageKey>> = {
  name: 'registry.field.name',
  uscc: 'registry.field.uscc',
  legalRepresentative: 'registry.field.legalRepresentative',
  address: 'registry.field.address',
};

export class RegistryMismatch extends PaperScreen<MismatchScreen> {
  static override styles = [
    PaperScreen.styles,
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


  protected override render() {
    const screen = this.screen;
    if (screen === null) return html``;
    const shown = (value: string) => (value.trim() === '' ? this.t('registry.empty') : value);
    return html`
      <div class="head" data-level="attention">
        ${levelIcon('attention', 56)}
        <div class="head-text">
          <h1>${this.t('registry.title')}</h1>
          <p class="lead">${this.t('registry.intro')}</p>
        </div>
      </div>
      <table>
        <caption>
          ${this.t('registry.tableCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('registry.column.field')}</th>
            <th scope="col">${this.t('registry.column.onPaper')}</th>
            <th scope="col">${this.t('registry.column.inRegistry')}</th>
          </tr>
        </thead>
        <tbody>
          ${screen.differences.map(
            (difference) => html`<tr data-testid="registry-difference" data-field=${difference.field}>
              <th scope="row">${this.t(fieldWords[difference.field])}</th>
              <td>${shown(difference.onPaper)}</td>
              <td>${shown(difference.inRegistry)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="next">
        <h2>${this.t('registry.nextTitle')}</h2>
        <ol>
          <li>${this.t('registry.next1', { tile: this.t('service.intake.title') })}</li>
          <li>${this.t('registry.next2')}</li>
        </ol>
        <p class="reassure">${this.t('registry.cardUnchanged')}</p>
        <p>${this.t('registry.rescanHint')}</p>
      </div>
      <div class="actions">
        <button type="button" class="secondary" data-testid="registry-rescan" @click=${() => this.act({ action: 'rescan' })}>${this.t('registry.rescan')}</button>
        <button type="button" class="primary" data-testid="flow-next" @click=${() => this.act({ action: 'next' })}>${this.t('registry.understood')}</button>
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
