// "Still there?": nobody touched the kiosk during a flow. Counts down to a deadline and then fires
// `idle-expired`; any touch before that (the page listens) takes the dialog away.
import { css, html, LitElement } from 'lit';
import type { FlowKind } from '../../../contract/flow-view.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { baseStyles } from '../theme.ts';
import { flowScreenStyles } from './flow-kit.ts';
import { navStyles } from './flow-nav.ts';

/** The countdown after the inactivity timeout: 15 s for the usual 60 s, a quarter of a short one. */
export function idleWarningMs(timeoutMs: number): number {
  return Math.max(1_000, Math.min(15_000, Math.round(timeoutMs / 4)));
}

/** What the warning says ends with the session, for the business running. */
export function idleBodyKey(flow: FlowKind): MessageKey {
  switch (flow) {
    case 'query':
      return 'idle.body.query';
    case 'pinChange':
      return 'idle.body.pinChange';
    case 'cardManagement':
      return 'idle.body.cardManagement';
    case 'renewal':
      return 'idle.body.renewal';
    case 'unlock':
    case 'intake':
      return 'idle.body.papers';
  }
}

const tickMs = 250;

export class FlowIdleWarning extends LitElement {
  static override properties = {
    language: { type: String },
    deadline: { type: Number },
    flow: { type: String },
    now: { state: true },
  };

  static override styles = [
    baseStyles,
    flowScreenStyles,
    navStyles,
    css`
      .seconds {
        font-size: 64px;
        font-weight: 700;
        color: #0a3a6b;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  declare language: Language;
  /** Epoch ms when the session ends. */
  declare deadline: number;
  declare flow: FlowKind;
  declare now: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #fired = false;

  constructor() {
    super();
    this.flow = 'intake';
    this.language = defaultLanguage;
    this.deadline = Date.now();
    this.now = Date.now();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#fired = false;
    this.#timer = setInterval(() => this.#tick(), tickMs);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus();
  }

  #tick(): void {
    this.now = Date.now();
    if (this.now < this.deadline || this.#fired) return;
    this.#fired = true;
    clearInterval(this.#timer);
    this.dispatchEvent(new CustomEvent('idle-expired', { bubbles: true, composed: true }));
  }

  protected override render() {
    const seconds = Math.max(0, Math.ceil((this.deadline - this.now) / 1000));
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, number>) => translate(this.language, key, params);
    return html`<div class="scrim">
      <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" data-testid="idle-warning">
        <h2 id="idle-title">${t('idle.title')}</h2>
        <p class="seconds" aria-hidden="true">${seconds}</p>
        <p id="idle-body">${t(idleBodyKey(this.flow), { seconds })}</p>
        <div class="actions">
          <button type="button" class="primary" data-testid="idle-continue" @click=${() => this.dispatchEvent(new CustomEvent('idle-continue', { bubbles: true, composed: true }))}>
            ${t('idle.continue')}
          </button>
        </div>
      </div>
    </div>`;
  }
}

customElements.define('flow-idle-warning', FlowIdleWarning);

declare global {
  interface HTMLElementTagNameMap {
    'flow-idle-warning': FlowIdleWarning;
  }
}
