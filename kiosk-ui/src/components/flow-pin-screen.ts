// The PIN screens on the on-screen pad: the card's PIN (enterPin), and a new PIN typed twice
// (newPin) with the policy spelled out and the daemon's refusal shown. The first entry of a new
// PIN waits in a private field until the second is typed; both are forgotten once sent.
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { FlowScreen } from '../../../contract/flow-view.ts';
import { defaultLanguage, type Language } from '../i18n.ts';
import { baseStyles } from '../theme.ts';
import { cardFacts, flowActionEvent, flowScreenStyles, problemBlock, screenContext } from './flow-kit.ts';
import type { PinPad, PinSubmitDetail } from './pin-pad.ts';
import './pin-pad.ts';

/** The E-Port PIN is 8 digits. */
export const flowPinLength = 8;

export type PinScreen = Extract<FlowScreen, { screen: 'enterPin' | 'newPin' }>;
type Stage = 'first' | 'again';

export class FlowPinScreen extends LitElement {
  static override properties = {
    language: { type: String },
    screen: { attribute: false },
    busy: { type: Boolean },
    stage: { state: true },
  };

  static override styles = [
    baseStyles,
    flowScreenStyles,
    css`
      :host {
        display: block;
      }
      .pad-row {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        align-items: flex-start;
        gap: 40px;
        width: 100%;
      }
      .screen {
        gap: 20px;
      }
      .side {
        display: flex;
        flex-direction: column;
        gap: 20px;
        max-width: 520px;
        text-align: left;
      }
      .policy {
        padding: 16px 20px;
        border-radius: 14px;
        background: #e0ecfa;
        color: #0f2540;
        font-size: 22px;
      }
      .facts {
        grid-template-columns: 1fr;
        padding: 20px 24px;
      }
      pin-pad {
        flex: none;
      }
    `,
  ];

  declare language: Language;
  declare screen: PinScreen | null;
  declare busy: boolean;
  declare stage: Stage;
  #first = '';

  constructor() {
    super();
    this.language = defaultLanguage;
    this.screen = null;
    this.busy = false;
    this.stage = 'first';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#restart();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new screen from the daemon (a refusal, a wrong PIN) starts the entry over.
    if (changed.has('screen')) this.#restart();
  }

  #restart(): void {
    this.#first = '';
    this.stage = 'first';
    this.renderRoot.querySelector<PinPad>('pin-pad')?.clear();
  }

  #submit(event: CustomEvent<PinSubmitDetail>): void {
    event.stopPropagation();
    const screen = this.screen;
    if (screen === null || this.busy) return;
    const { pin } = event.detail;
    switch (screen.screen) {
      case 'enterPin':
        this.dispatchEvent(flowActionEvent({ action: 'pin', pin }));
        return;
      case 'newPin':
        if (this.stage === 'first') {
          this.#first = pin;
          this.stage = 'again';
          return;
        }
        this.dispatchEvent(flowActionEvent({ action: 'newPin', pin: this.#first, confirmation: pin }));
        this.#first = '';
        this.stage = 'first';
        return;
    }
  }

  protected override render() {
    const screen = this.screen;
    if (screen === null) return html``;
    const context = screenContext(this.language, this.busy, (action) => this.dispatchEvent(flowActionEvent(action)));
    const isNew = screen.screen === 'newPin';
    const prompt = isNew ? context.t(this.stage === 'first' ? 'newPin.first' : 'newPin.again') : context.t('pinEntry.hint');
    const renewing = screen.screen === 'enterPin' && screen.purpose === 'renew';
    const title = isNew ? 'newPin.title' : renewing ? 'pinEntry.titleRenew' : 'pinEntry.title';
    return html`
      <div class="screen">
        <h1 id="screen-title">${context.t(title)}</h1>
        <p class="lead" aria-live="polite" data-testid="pin-stage" data-stage=${isNew ? this.stage : 'pin'}>${prompt}</p>
        <div class="pad-row">
          <div class="side">
            ${problemBlock(context, screen.problem)}
            ${cardFacts(context, screen.card, ['holder', 'cardNo'])}
            ${isNew ? html`<p class="policy" data-testid="pin-policy">${context.t('newPin.policy')}</p>` : html``}
            ${renewing
              ? html`<button type="button" class="secondary" data-testid="pin-skip-card" ?disabled=${this.busy} @click=${() => context.act({ action: 'next' })}>
                  ${context.t('pinEntry.skipCard')}
                </button>`
              : html``}
            ${isNew && this.stage === 'again'
              ? html`<button type="button" class="secondary" data-testid="pin-restart" @click=${() => this.#restart()}>${context.t('newPin.restart')}</button>`
              : html``}
          </div>
          <pin-pad
            .language=${this.language}
            .minLength=${flowPinLength}
            .maxLength=${flowPinLength}
            .keyboard=${true}
            .submitTestId=${'pin-ok'}
            ?disabled=${this.busy}
            @pin-submit=${(event: CustomEvent<PinSubmitDetail>) => this.#submit(event)}
          ></pin-pad>
        </div>
      </div>
    `;
  }
}

customElements.define('flow-pin-screen', FlowPinScreen);

declare global {
  interface HTMLElementTagNameMap {
    'flow-pin-screen': FlowPinScreen;
  }
}
