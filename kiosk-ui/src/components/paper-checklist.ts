// The intake check's first screen: the papers the business needs, each with how far it got
// (to scan, to check, checked), and one button on to the scanner.
import { css, html, nothing, type SVGTemplateResult } from 'lit';
import './scroll-area.ts';
import type { ChecklistItemView, FlowScreen } from '../../../contract/flow-view.ts';
import { inLanguage } from '../paper-words.ts';
import { businessKey, cardTypeKey } from '../words/domain.ts';
import type { MessageKey } from '../i18n.ts';
import { intakeIcon, levelIcon } from '../icons.ts';
import { PaperScreen } from './paper-screen.ts';

type ChecklistScreen = Extract<FlowScreen, { screen: 'checklist' }>;
type ItemStatus = ChecklistItemView['status'];

const statusWords: Readonly<Record<ItemStatus, MessageKey>> = {
  missing: 'checklist.status.missing',
  pendingConfirmation: 'checklist.status.pendingConfirmation',
  confirmed: 'checklist.status.confirmed',
};

function statusIcon(status: ItemStatus): SVGTemplateResult {
  switch (status) {
    case 'missing':
      return levelIcon('unknown', 32);
    case 'pendingConfirmation':
      return levelIcon('attention', 32);
    case 'confirmed':
      return levelIcon('ready', 32);
  }
}

function statusLevel(status: ItemStatus): 'unknown' | 'attention' | 'ready' {
  switch (status) {
    case 'missing':
      return 'unknown';
    case 'pendingConfirmation':
      return 'attention';
    case 'confirmed':
      return 'ready';
  }
}

/** "Start" before any paper is in, "continue" halfway, "check" once every paper is checked. */
export function checklistButton(items: readonly ChecklistItemView[]): MessageKey {
  if (items.every((item) => item.status === 'confirmed')) return 'checklist.check';
  if (items.every((item) => item.status === 'missing')) return 'checklist.start';
  return 'checklist.continue';
}

export class PaperChecklist extends PaperScreen<ChecklistScreen> {
  static override styles = [
    PaperScreen.styles,
    css`
      .head {
        display: flex;
        align-items: center;
        gap: 24px;
      }
      .head-icon {
        display: grid;
        place-items: center;
        width: 88px;
        height: 88px;
        border-radius: 22px;
        background: #e0ecfa;
        color: #0a3a6b;
      }
      .head-text {
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      ol {
        display: flex;
        flex-direction: column;
        gap: 12px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: grid;
        grid-template-columns: 48px 1fr auto;
        align-items: center;
        gap: 20px;
        min-height: 72px;
        padding: 12px 24px;
        border-radius: 16px;
        border: 2px solid #d5dbe3;
        background: #ffffff;
      }
      .number {
        font-size: 26px;
        font-weight: 700;
        color: #4a5563;
        text-align: center;
      }
      .label {
        font-size: 28px;
        font-weight: 600;
      }
      .status {
        display: inline-flex;
        align-items: center;
        gap: 10px;
        padding: 6px 18px;
        border-radius: 999px;
        border: 2px solid var(--level-border);
        background: var(--level-bg);
        color: var(--level-fg);
        font-size: 22px;
        font-weight: 600;
        white-space: nowrap;
      }
      .summary {
        color: #374151;
      }
    `,
  ];


  protected override render() {
    const screen = this.screen;
    if (screen === null) return html``;
    const done = screen.items.filter((item) => item.status === 'confirmed').length;
    return html`
      <div class="head">
        <span class="head-icon">${intakeIcon(56)}</span>
        <div class="head-text">
          <h1>${this.t('checklist.title', { business: this.t(businessKey(screen.business)) })}</h1>
          <p class="lead">${this.t('checklist.intro')}</p>
        </div>
      </div>
      <scroll-area .language=${this.language}>
      <ol aria-label=${this.t('checklist.listLabel')}>
        ${screen.items.map(
          (item, index) => html`<li data-testid="checklist-item" data-status=${item.status} data-level=${statusLevel(item.status)}>
            <span class="number">${index + 1}</span>
            <span class="label">${inLanguage(this.language, item.label)}</span>
            <span class="status">${statusIcon(item.status)}${this.t(statusWords[item.status])}</span>
          </li>`,
        )}
      </ol>
      ${screen.cards === null
        ? nothing
        : html`<section data-testid="checklist-cards" data-named=${screen.cards.cards.length > 0 ? 'true' : 'false'}>
            <h2>${this.t('checklist.cardsTitle')}</h2>
            <p>${this.t(screen.cards.cards.length === 0 ? 'checklist.cardsAll' : 'checklist.cardsNamed')}</p>
            ${screen.cards.cards.length === 0
              ? nothing
              : html`<ul>
                  ${screen.cards.cards.map(
                    (card) => html`<li data-testid="checklist-card" data-card=${card.cardNo} data-read=${card.read ? 'true' : 'false'}>
                      ${this.t(cardTypeKey(card.cardType))} · ${card.holderName} · ${card.cardNo}${card.read ? html` · ${this.t('checklist.cardRead')}` : nothing}
                    </li>`,
                  )}
                </ul>`}
          </section>`}
      </scroll-area>
      <p class="summary">${this.t('checklist.summary', { done, of: screen.items.length })}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="flow-next" @click=${() => this.act({ action: 'next' })}>
          ${this.t(checklistButton(screen.items))}
        </button>
      </div>
    `;
  }
}

customElements.define('paper-checklist', PaperChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'paper-checklist': PaperChecklist;
  }
}
