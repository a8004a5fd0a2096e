// Renders the one FlowView the daemon pushed, with back and cancel under it, and is the one place
// that sends what the agent does: every screen (and the paper elements) dispatches `flow-action`,
// this element sends Kiosk.FlowAction for the view's flow and says so plainly when it fails.
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LitElement } from 'lit';
import type { FlowView } from '../../../contract/flow-view.ts';
import type { FlowLink } from '../flow-link.ts';
import { say, sendFailureWords, type Words } from '../flow-words.ts';
import { defaultLanguage, type Language } from '../i18n.ts';
import { baseStyles } from '../theme.ts';
import { cardShownScreen, cardStatusScreen, consentScreen, insertCardScreen, placeIdCardScreen, readingCardScreen, removePreviousCardScreen, renewEarlyScreen } from './flow-card-screens.ts';
import { flowScreenStyles, screenContext, type FlowActionDetail, type ScreenContext } from './flow-kit.ts';
import { cancelChoice, cancelDialog, flowNav, navStyles } from './flow-nav.ts';
import { enterpriseCardsScreen, manageCardScreen, managementStyles } from './flow-management-screens.ts';
import { doneScreen, failedScreen, renewalCanceledScreen, renewalNextScreen, workingScreen } from './flow-result-screens.ts';
import './flow-pin-screen.ts';
import './flow-take-card.ts';
import './intake-verdict.ts';
import './paper-checklist.ts';
import './paper-fields.ts';
import './paper-scan.ts';
import './registry-mismatch.ts';

export class FlowHost extends LitElement {
  static override properties = {
    language: { type: String },
    view: { attribute: false },
    busy: { type: Boolean },
    link: { attribute: false },
    sendProblem: { state: true },
    confirming: { state: true },
  };

  static override styles = [
    baseStyles,
    flowScreenStyles,
    navStyles,
    managementStyles,
    css`
      /*
       * The screen fills the space between the header and the status strip, back and cancel
       * under it; a screen taller than that shrinks its scroll areas (lists, forms), so its
       * actions stay in view. The section scrolls only as a last resort.
       */
      :host {
        display: flex;
        flex-direction: column;
        gap: 24px;
        flex: 1 1 auto;
        min-height: 0;
        padding: 24px 48px;
      }
      section {
        flex: 1 1 auto;
        min-height: 0;
        display: flex;
        flex-direction: column;
        justify-content: safe center;
        overflow-y: auto;
      }
      section > *,
      .flow-nav {
        flex-shrink: 0;
      }
      section > scroll-area,
      section > paper-checklist,
      section > paper-scan,
      section > paper-fields,
      section > registry-mismatch,
      section > intake-verdict {
        flex-shrink: 1;
        min-height: 0;
      }
      .send-problem {
        align-self: center;
      }
      .progress {
        width: 100%;
        max-width: 800px;
        height: 32px;
        border-radius: 16px;
        border: 2px solid #8a94a3;
        background: #ffffff;
        overflow: hidden;
      }
      .progress-fill {
        height: 100%;
        background: #0a3a6b;
        transition: width 0.3s ease-out;
      }
      .spinner {
        width: 96px;
        height: 96px;
        border-radius: 50%;
        border: 10px solid #d5dbe3;
        border-top-color: #0a3a6b;
        animation: spin 1s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation: none;
        }
      }
      .renewed {
        display: flex;
        flex-direction: column;
        gap: 12px;
        width: 100%;
        max-width: 900px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      /* Fixed columns: card numbers and dates line up from one card to the next. */
      .renewed li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 10.5em 14em;
        align-items: baseline;
        gap: 8px 24px;
        padding: 16px 24px;
        border-radius: 14px;
        border: 1px solid #d5dbe3;
        background: #ffffff;
        text-align: left;
      }
      .renewed-name {
        font-weight: 700;
      }
      .ticket {
        display: flex;
        flex-direction: column;
        gap: 4px;
        padding: 20px 48px;
        border-radius: 18px;
        border: 2px solid #0a3a6b;
        background: #ffffff;
      }
      .ticket-label {
        font-size: 22px;
        color: #374151;
      }
      .ticket-number {
        font-size: 64px;
        font-weight: 700;
        color: #0a3a6b;
        letter-spacing: 0.06em;
      }
      .receipt {
        font-size: 24px;
        color: #14532d;
      }
      .receipt-failed,
      .advice {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 16px;
        width: 100%;
      }
    `,
  ];

  declare language: Language;
  declare view: FlowView | null;
  declare busy: boolean;
  declare link: FlowLink | null;
  declare sendProblem: Words | null;
  declare confirming: boolean;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.view = null;
    this.busy = false;
    this.link = null;
    this.sendProblem = null;
    this.confirming = false;
    this.addEventListener('flow-action', (event) => {
      event.stopPropagation();
      void this.#act(event.detail);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new screen answers the last problem; a new flow never inherits a question.
    if (changed.has('view')) {
      this.sendProblem = null;
      if (this.view === null || changed.get('view')?.flowId !== this.view.flowId) this.confirming = false;
    }
  }

  async #act(detail: FlowActionDetail): Promise<void> {
    const link = this.link;
    if (link === null) return;
    this.sendProblem = null;
    const failure = await link.act(detail.action);
    if (failure !== null) this.sendProblem = sendFailureWords(failure);
  }

  #cancel(): void {
    const view = this.view;
    if (view === null) return;
    switch (cancelChoice(view)) {
      case 'action':
        void this.#act({ action: { action: 'cancel' } });
        return;
      case 'confirm':
        this.confirming = true;
        return;
      case 'end':
        void this.#end();
        return;
    }
  }

  async #end(): Promise<void> {
    this.confirming = false;
    // The link shows the attract screen at once; a lost connection does not keep the agent here.
    await this.link?.end('canceled');
  }

  /** The screen itself; the paper screens are the other engineer's elements, same contract. */
  #screen(view: FlowView, context: ScreenContext): TemplateResult {
    const screen = view.screen;
    switch (screen.screen) {
      case 'consent':
        return consentScreen(context, () => void this.#end());
      case 'insertCard':
        return insertCardScreen(context, screen, view.flow);
      case 'readingCard':
        return readingCardScreen(context);
      case 'cardShown':
        return cardShownScreen(context, screen);
      case 'enterPin':
      case 'newPin':
      case 'changePin':
        return html`<flow-pin-screen .language=${this.language} .screen=${screen} .busy=${this.busy}></flow-pin-screen>`;
      case 'checklist':
        return html`<paper-checklist .language=${this.language} .screen=${screen}></paper-checklist>`;
      case 'scanPaper':
        return html`<paper-scan .language=${this.language} .screen=${screen} .flow=${view.flow}></paper-scan>`;
      case 'confirmFields':
        return html`<paper-fields .language=${this.language} .screen=${screen}></paper-fields>`;
      case 'registryMismatch':
        return html`<registry-mismatch .language=${this.language} .screen=${screen}></registry-mismatch>`;
      case 'verdict':
        return html`<intake-verdict .language=${this.language} .screen=${screen}></intake-verdict>`;
      case 'working':
        return workingScreen(context, screen);
      case 'renewEarly':
        return renewEarlyScreen(context, screen);
      case 'renewalNext':
        return renewalNextScreen(context, screen);
      case 'removePreviousCard':
        return removePreviousCardScreen(context);
      case 'renewalCanceled':
        return renewalCanceledScreen(context, screen);
      case 'cardStatus':
        return cardStatusScreen(context, screen);
      case 'enterpriseCards':
        return enterpriseCardsScreen(context, screen);
      case 'manageCard':
        return manageCardScreen(context, screen);
      case 'done':
        return doneScreen(context, screen);
      case 'takeCard':
        return html`<flow-take-card .language=${this.language} .ended=${screen.ended}></flow-take-card>`;
      case 'failed':
        return failedScreen(context, screen, () => void this.#end());
      case 'placeIdCard':
        return placeIdCardScreen(context, screen);
    }
  }

  protected override render() {
    const view = this.view;
    if (view === null) return nothing;
    const context = screenContext(this.language, this.busy, (action) => void this.#act({ action }));
    const templated = !['enterPin', 'newPin', 'changePin', 'takeCard', 'checklist', 'scanPaper', 'confirmFields', 'registryMismatch', 'verdict'].includes(view.screen.screen);
    return html`
      <section class=${templated ? 'screen' : ''} data-testid="flow-screen" data-screen=${view.screen.screen} data-flow=${view.flow} data-revision=${view.revision}>
        ${this.#screen(view, context)}
      </section>
      ${this.sendProblem === null
        ? nothing
        : html`<div class="problem send-problem" role="alert" data-testid="send-problem"><p class="problem-what">${say(this.language, this.sendProblem)}</p></div>`}
      ${flowNav(context, view, { back: () => context.act({ action: 'back' }), cancel: () => this.#cancel() })}
      ${this.confirming ? cancelDialog(context, { confirm: () => void this.#end(), keep: () => (this.confirming = false) }, view.flow) : nothing}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('confirming') && this.confirming) this.renderRoot.querySelector<HTMLButtonElement>('[data-testid="cancel-keep"]')?.focus();
    if (changed.has('view') && this.view !== null) void this.#markRendered(this.view);
  }

  /**
   * A `flow-rendered` performance mark once the screen and the elements inside it have updated,
   * at the next frame: bench/flows.ts compares it with the view's `pushedAt`. Bounded, so a
   * kiosk that runs for weeks does not collect marks.
   */
  async #markRendered(view: FlowView): Promise<void> {
    const inner = [...this.renderRoot.querySelectorAll('*')].filter((element): element is LitElement => element instanceof LitElement);
    await Promise.all(inner.map((element) => element.updateComplete));
    requestAnimationFrame(() => {
      if (performance.getEntriesByName('flow-rendered').length >= 1000) performance.clearMarks('flow-rendered');
      performance.mark('flow-rendered', { detail: { flowId: view.flowId, revision: view.revision, pushedAt: view.pushedAt } });
    });
  }
}

customElements.define('flow-host', FlowHost);

declare global {
  interface HTMLElementTagNameMap {
    'flow-host': FlowHost;
  }
  interface HTMLElementEventMap {
    'flow-action': CustomEvent<FlowActionDetail>;
  }
}
