// The intake check's first screen: the papers the business needs, each with how far it got
// (to scan, to check, checked), and one button on to the scanner.
import { css, html, LitElement, type SVGTemplateResult } from 'lit';
import type { ChecklistItemView, FlowScreen } from '../../../daemon/flows/flow-view.ts';
import type { FlowAction } from '../../../daemon/protocol/flow-messages.ts';
import { businessKey, inLanguage } from '../i18n-documents.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { intakeIcon, levelIcon } from '../icons.ts';
import { baseStyles, levelStyles } from '../theme.ts';

type ChecklistScreen = Extract<FlowScreen, { screen: 'checklist' }>;
type ItemStatus = ChecklistItemView['status'];

/**
 * The look the five paper screens share (headline, lead text, the primary and secondary
 * buttons, a problem box), read at arm's length: nothing under 20 px, targets of 80 px.
 */
export const paperScreenStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 28px;
    width: 100%;
    max-width: 1400px;
    margin: 0 auto;
    padding: 32px 48px;
    color: #1c2530;
    font-size: 24px;
    line-height: 1.45;
  }
  h1 {
    margin: 0;
    font-size: 44px;
    line-height: 1.25;
    font-weight: 700;
    color: #0f2540;
  }
  h2 {
    margin: 0;
    font-size: 30px;
    line-height: 1.3;
    color: #0f2540;
  }
  p {
    margin: 0;
  }
  .lead {
    font-size: 26px;
    color: #374151;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 24px;
  }
  .primary {
    min-width: 280px;
    min-height: 80px;
    padding: 0 48px;
    border: 0;
    border-radius: 16px;
    background: #0a3a6b;
    color: #ffffff;
    font-size: 30px;
    font-weight: 700;
  }
  .primary:active {
    background: #082c52;
  }
  .secondary {
    min-height: 80px;
    padding: 0 40px;
    border: 2px solid #0a3a6b;
    border-radius: 16px;
    background: #ffffff;
    color: #0a3a6b;
    font-size: 26px;
    font-weight: 600;
  }
  .secondary:active {
    background: #e0ecfa;
  }
  .problem {
    display: flex;
    align-items: flex-start;
    gap: 16px;
    padding: 20px 24px;
    border-radius: 16px;
    border: 2px solid var(--level-border);
    background: var(--level-bg);
    color: var(--level-fg);
  }
  .problem-text {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .problem-what {
    font-size: 28px;
    font-weight: 700;
  }
  .problem ul {
    margin: 0;
    padding-left: 1.2em;
  }
  @media (max-width: 1500px) and (max-height: 1200px) {
    :host {
      gap: 20px;
      padding: 24px 32px;
    }
    h1 {
      font-size: 38px;
    }
  }
`;

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

export class PaperChecklist extends LitElement {
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

  declare language: Language;
  declare screen: ChecklistScreen | null;

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
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(this.language, key, params);
    const done = screen.items.filter((item) => item.status === 'confirmed').length;
    return html`
      <div class="head">
        <span class="head-icon">${intakeIcon(56)}</span>
        <div class="head-text">
          <h1>${t('checklist.title', { business: t(businessKey(screen.business)) })}</h1>
          <p class="lead">${t('checklist.intro')}</p>
        </div>
      </div>
      <ol aria-label=${t('checklist.listLabel')}>
        ${screen.items.map(
          (item, index) => html`<li data-testid="checklist-item" data-status=${item.status} data-level=${statusLevel(item.status)}>
            <span class="number">${index + 1}</span>
            <span class="label">${inLanguage(this.language, item.label)}</span>
            <span class="status">${statusIcon(item.status)}${t(statusWords[item.status])}</span>
          </li>`,
        )}
      </ol>
      <p class="summary">${t('checklist.summary', { done, of: screen.items.length })}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="flow-next" @click=${() => this.#act({ action: 'next' })}>
          ${t(checklistButton(screen.items))}
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
