// The screen an agent walks up to: a welcome and the five businesses (the PIN change the fifth). A tile asks the page to
// start the flow (`start-flow`); the intake check first asks which of its four businesses. Out
// of service, the tiles are disabled and say why.
import { css, html, LitElement, nothing, type PropertyValues, type SVGTemplateResult } from 'lit';
import { type FlowKind } from '../../../contract/flow-view.ts';
import { intakeBusinesses, type IntakeBusiness } from '../../../contract/businesses.ts';
import type { OverallState } from '../../../contract/protocol/catalogue.ts';
import { businessKey } from '../words/domain.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { cardQueryIcon, intakeIcon, pinChangeIcon, renewalIcon, unlockIcon } from '../icons.ts';
import { baseStyles } from '../theme.ts';

export type ServiceId = FlowKind;

export interface StartFlowDetail {
  flow: FlowKind;
  business?: IntakeBusiness;
}

interface Service {
  id: ServiceId;
  titleKey: MessageKey;
  descriptionKey: MessageKey;
  icon: (size: number) => SVGTemplateResult;
}

const services: readonly Service[] = [
  { id: 'unlock', titleKey: businessKey('unlock'), descriptionKey: 'service.unlock.description', icon: unlockIcon },
  { id: 'renewal', titleKey: businessKey('renewal'), descriptionKey: 'service.renewal.description', icon: renewalIcon },
  { id: 'intake', titleKey: 'service.intake.title', descriptionKey: 'service.intake.description', icon: intakeIcon },
  { id: 'query', titleKey: businessKey('card_query'), descriptionKey: 'service.query.description', icon: cardQueryIcon },
  { id: 'pinChange', titleKey: 'service.pinChange.title', descriptionKey: 'service.pinChange.description', icon: pinChangeIcon },
];

export class AttractScreen extends LitElement {
  static override properties = {
    language: { type: String },
    overall: { attribute: false },
    receipts: { attribute: false },
    choosing: { state: true },
    problem: { attribute: false },
    busy: { type: Boolean },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 40px;
        padding: 32px 64px;
        text-align: center;
      }
      .welcome {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .eyebrow {
        margin: 0;
        font-size: 28px;
        color: #0a3a6b;
        font-weight: 600;
        letter-spacing: 0.08em;
      }
      h1 {
        margin: 0;
        font-size: 60px;
        line-height: 1.2;
        font-weight: 700;
        color: #0f2540;
      }
      .prompt {
        margin: 0;
        font-size: 30px;
        color: #4a5563;
      }
      .kiosk-state {
        margin: 0;
        padding: 16px 28px;
        border-radius: 14px;
        font-size: 24px;
        font-weight: 500;
      }
      .kiosk-state[data-state='degraded'] {
        color: #713f12;
        background: #fef3c7;
        border: 2px solid #e0b44c;
      }
      .kiosk-state[data-state='outOfService'] {
        color: #7f1d1d;
        background: #fee2e2;
        border: 2px solid #e49a9a;
      }
      .tiles {
        display: grid;
        /* One row of five on the wide landscape panel. */
        grid-template-columns: repeat(5, minmax(0, 340px));
        gap: 32px;
        width: 100%;
        justify-content: center;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      @media (max-width: 1500px) {
        .tiles {
          grid-template-columns: repeat(2, minmax(0, 420px));
        }
      }
      /* Two columns (portrait, 1280×1024): the odd last tile sits centred under the others. */
      @media (max-width: 1500px) {
        .tiles > li:last-child:nth-child(odd) {
          grid-column: 1 / -1;
          justify-self: center;
          width: calc(50% - 16px);
        }
      }
      .tile {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 14px;
        width: 100%;
        height: 100%;
        min-height: 340px;
        padding: 36px 24px 28px;
        border-radius: 24px;
        border: 2px solid #b9c7d8;
        background: #ffffff;
        color: #1c2530;
        text-align: center;
        box-shadow: 0 6px 18px rgb(15 37 64 / 0.08);
      }
      .tile:active:not(:disabled) {
        background: #eef4fb;
      }
      .tile:disabled {
        cursor: not-allowed;
        border: 2px dashed #b4bcc8;
        background: #f8f9fb;
        box-shadow: none;
      }
      .tile-icon {
        display: grid;
        place-items: center;
        width: 112px;
        height: 112px;
        border-radius: 28px;
        background: #e0ecfa;
        color: #0a3a6b;
      }
      .tile:disabled .tile-icon {
        background: #e4e8ee;
        color: #5b6675;
      }
      .tile-text {
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 14px;
      }
      .tile-title {
        font-size: 36px;
        font-weight: 700;
        line-height: 1.25;
        color: #0f2540;
      }
      .tile-description {
        flex: 1;
        font-size: 22px;
        line-height: 1.45;
        color: #4a5563;
        /* Two short lines of even length read better under a tile's title than a long and a short one. */
        text-wrap: balance;
      }
      .tile-note {
        padding: 6px 18px;
        border-radius: 999px;
        background: #e4e8ee;
        color: #374151;
        font-size: 20px;
        font-weight: 600;
      }
      /* Smaller landscape screens (1280×1024, 1366×768): two columns of wide, shorter tiles. */
      @media (max-width: 1500px) and (max-height: 1200px) {
        :host {
          gap: 28px;
          padding: 24px 40px;
        }
        .eyebrow {
          display: none;
        }
        h1 {
          font-size: 48px;
        }
        .kiosk-state {
          padding: 10px 24px;
        }
        .tiles {
          grid-template-columns: repeat(2, minmax(0, 560px));
          gap: 24px;
        }
        .tile {
          flex-direction: row;
          min-height: 0;
          padding: 20px 28px;
          gap: 24px;
          text-align: left;
        }
        .tile-icon {
          width: 96px;
          height: 96px;
        }
        .tile-text {
          align-items: flex-start;
          gap: 8px;
        }
      }
      .scrim {
        position: fixed;
        inset: 0;
        z-index: 50;
        display: grid;
        place-items: center;
        background: rgb(15 37 64 / 0.55);
      }
      .notice {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 24px;
        max-width: 880px;
        margin: 32px;
        padding: 48px 64px 40px;
        border-radius: 24px;
        background: #ffffff;
        color: #1c2530;
        box-shadow: 0 24px 64px rgb(0 0 0 / 0.3);
      }
      .notice .tile-icon {
        background: #e0ecfa;
        color: #0a3a6b;
      }
      .notice h2 {
        margin: 0;
        font-size: 40px;
      }
      .notice p {
        margin: 0;
        font-size: 26px;
        color: #374151;
      }
      .start-problem {
        margin: 0;
        padding: 16px 28px;
        border-radius: 14px;
        color: #7f1d1d;
        background: #fee2e2;
        border: 2px solid #e49a9a;
        font-size: 24px;
      }
      .businesses {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 16px;
        width: 100%;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .notice button.business {
        width: 100%;
        min-height: 96px;
        padding: 12px 20px;
        border: 2px solid #0a3a6b;
        background: #ffffff;
        color: #0a3a6b;
        font-size: 26px;
      }
      .notice button.business:active {
        background: #eef4fb;
      }
      .notice button {
        min-width: 240px;
        min-height: 72px;
        padding: 0 40px;
        border: 0;
        border-radius: 14px;
        background: #0a3a6b;
        color: #ffffff;
        font-size: 28px;
        font-weight: 700;
      }
      .notice button:active {
        background: #082c52;
      }
    `,
  ];

  declare language: Language;
  /** The kiosk's overall state from the daemon; null while unknown. */
  declare overall: OverallState | null;
  /** Whether a receipt can print now (the printer out of paper, its cover open, gone: not). */
  declare receipts: 'available' | 'unavailable';
  /** The intake check's business choice is open. */
  declare choosing: boolean;
  /** A start the daemon did not accept, in words. */
  declare problem: string | null;
  /** A start is on its way: the tiles wait. */
  declare busy: boolean;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.overall = null;
    this.receipts = 'available';
    this.choosing = false;
    this.problem = null;
    this.busy = false;
  }

  /** Back to a clean attract screen (the inactivity timeout calls this). */
  reset(): void {
    this.choosing = false;
  }

  #t(key: MessageKey, params?: Record<string, string>): string {
    return translate(this.language, key, params);
  }

  get #available(): boolean {
    return this.overall !== 'outOfService';
  }

  #choose(id: ServiceId): void {
    if (!this.#available || this.busy) return;
    if (id === 'intake') {
      this.choosing = true;
      return;
    }
    this.#start({ flow: id });
  }

  #start(detail: StartFlowDetail): void {
    this.choosing = false;
    this.dispatchEvent(new CustomEvent('start-flow', { detail, bubbles: true, composed: true }));
  }

  #kioskState() {
    switch (this.overall) {
      case null:
      case 'ready':
        return nothing;
      case 'degraded':
        return html`<p class="kiosk-state" data-state="degraded" role="status">${this.#t('kiosk.degraded')}</p>`;
      case 'outOfService':
        return html`<p class="kiosk-state" data-state="outOfService" role="status">${this.#t('kiosk.outOfService')}</p>`;
    }
  }

  #businessChoice() {
    if (!this.choosing) return nothing;
    // Touching outside the card closes it as well; the card itself swallows the touch.
    return html`<div class="scrim" @click=${() => (this.choosing = false)}>
      <div
        class="notice"
        role="dialog"
        aria-modal="true"
        aria-labelledby="choice-title"
        aria-describedby="choice-body"
        data-testid="intake-choice"
        @click=${(event: Event) => event.stopPropagation()}
      >
        <span class="tile-icon">${intakeIcon(64)}</span>
        <h2 id="choice-title">${this.#t('attract.intakeTitle')}</h2>
        <p id="choice-body">${this.#t('attract.intakeHint')}</p>
        <ul class="businesses">
          ${intakeBusinesses.map(
            (business) => html`<li>
              <button type="button" class="business" data-testid="intake-business" data-business=${business} @click=${() => this.#start({ flow: 'intake', business })}>
                ${this.#t(businessKey(business))}
              </button>
            </li>`,
          )}
        </ul>
        <button type="button" class="back" data-testid="intake-choice-back" @click=${() => (this.choosing = false)}>${this.#t('attract.back')}</button>
      </div>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Keyboard users land on the first business of the choice.
    if (changed.has('choosing') && this.choosing) this.renderRoot.querySelector<HTMLButtonElement>('.business')?.focus();
  }

  protected override render() {
    const available = this.#available;
    return html`
      <div class="welcome">
        <p class="eyebrow">${this.#t('attract.eyebrow')}</p>
        <h1 data-testid="welcome">${this.#t('attract.welcome')}</h1>
        <!-- Out of service, there is nothing to choose: the prompt says so instead. -->
        <p class="prompt" data-testid="attract-prompt">${this.#t(available ? 'attract.prompt' : 'attract.disabledHint')}</p>
      </div>
      ${this.#kioskState()}
      ${available && this.receipts === 'unavailable'
        ? html`<p class="kiosk-state" data-state="degraded" role="status" data-testid="receipts-unavailable">${this.#t('attract.receiptsUnavailable')}</p>`
        : nothing}
      ${this.problem === null ? nothing : html`<p class="start-problem" role="alert" data-testid="start-problem">${this.problem}</p>`}
      <ul class="tiles">
        ${services.map(
          (service) => html`<li>
            <button
              type="button"
              class="tile"
              data-testid="service-tile"
              data-service=${service.id}
              ?disabled=${!available || this.busy}
              aria-describedby=${available ? nothing : `note-${service.id}`}
              @click=${() => this.#choose(service.id)}
            >
              <span class="tile-icon">${service.icon(64)}</span>
              <span class="tile-text">
                <span class="tile-title">${this.#t(service.titleKey)}</span>
                <span class="tile-description">${this.#t(service.descriptionKey)}</span>
                ${available ? nothing : html`<span class="tile-note" id="note-${service.id}">${this.#t('attract.unavailable')}</span>`}
              </span>
            </button>
          </li>`,
        )}
      </ul>
      ${this.#businessChoice()}
    `;
  }
}

customElements.define('attract-screen', AttractScreen);

declare global {
  interface HTMLElementTagNameMap {
    'attract-screen': AttractScreen;
  }
}
