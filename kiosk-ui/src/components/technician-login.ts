// The way into technician mode: the technician card and its PIN, or the cabinet's service switch
// and the technician PIN (Technician.Login). Refusals in plain words; a lockout counts down.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { KioskStatus } from '../../../contract/protocol/catalogue.ts';
import type { TechnicianRefusal } from '../../../contract/card-service-error.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { cardIcon, levelIcon } from '../icons.ts';
import { panelStyles } from '../panel-styles.ts';
import { errorValue, formatTime, problemDetail, problemWords, refusalWords, type Words } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { WsClient } from '../ws-client.ts';
import type { PinPad, PinSubmitDetail } from './pin-pad.ts';
import './pin-pad.ts';

export type LoginMethod = 'card' | 'serviceSwitch';

export interface TechnicianLoginDetail {
  actor: string;
  since: string;
}

export interface MethodChangeDetail {
  method: LoginMethod;
}

/** Card verification goes to the card; give it time. */
const loginTimeoutMs = 30_000;

interface Refusal {
  kind: string;
  words: Words;
  detail: string | null;
}

export class TechnicianLogin extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    status: { attribute: false },
    method: { type: String },
    connected: { type: Boolean },
    busy: { state: true },
    refusal: { state: true },
    lockedUntil: { state: true },
    now: { state: true },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    panelStyles,
    css`
      .panel {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(320px, 420px);
        gap: 24px 48px;
        padding: 32px 36px;
      }
      .intro {
        display: flex;
        flex-direction: column;
        gap: 20px;
      }
      .methods {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 12px;
      }
      .methods button {
        min-height: 72px;
        font-size: 22px;
      }
      ol {
        display: flex;
        flex-direction: column;
        gap: 14px;
        margin: 0;
        padding: 0;
        list-style: none;
        counter-reset: step;
      }
      li {
        display: flex;
        align-items: center;
        gap: 14px;
        font-size: 22px;
      }
      li::before {
        counter-increment: step;
        content: counter(step);
        display: inline-flex;
        align-items: center;
        justify-content: center;
        flex: none;
        width: 40px;
        height: 40px;
        border-radius: 50%;
        background: #1f2937;
        color: #ffffff;
        font-weight: 700;
      }
      .check {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        padding: 0.15em 0.7em;
        border-radius: 999px;
        font-size: 20px;
        font-weight: 600;
        color: var(--level-fg);
        background: var(--level-bg);
      }
      .pad {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 16px;
      }
    `,
  ];

  declare language: Language;
  declare client: WsClient | null;
  declare status: KioskStatus | null;
  declare method: LoginMethod;
  declare connected: boolean;
  declare busy: boolean;
  declare refusal: Refusal | null;
  /** Wall-clock ms until which the daemon refuses attempts; 0 when not locked out. */
  declare lockedUntil: number;
  declare now: number;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.status = null;
    this.method = 'card';
    this.connected = false;
    this.busy = false;
    this.refusal = null;
    this.lockedUntil = 0;
    this.now = Date.now();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A PIN typed for one method is not meant for the other.
    if (changed.has('method') && changed.get('method') !== undefined) {
      this.renderRoot.querySelector<PinPad>('pin-pad')?.clear();
      this.refusal = null;
    }
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  get #secondsLeft(): number {
    return Math.max(0, Math.ceil((this.lockedUntil - this.now) / 1000));
  }

  #lockFor(seconds: number): void {
    this.lockedUntil = Date.now() + seconds * 1000;
    this.now = Date.now();
    clearInterval(this.#ticker);
    this.#ticker = setInterval(() => {
      this.now = Date.now();
      if (this.now >= this.lockedUntil) {
        clearInterval(this.#ticker);
        this.lockedUntil = 0;
        this.refusal = null;
      }
    }, 1000);
  }

  async #login(event: CustomEvent<PinSubmitDetail>): Promise<void> {
    const client = this.client;
    if (client === null || this.busy) return;
    this.busy = true;
    this.refusal = null;
    const outcome = await client.send('Technician.Login', { method: this.method, pin: event.detail.pin }, { timeoutMs: loginTimeoutMs });
    this.busy = false;
    if (outcome.kind === 'success') {
      const detail: TechnicianLoginDetail = outcome.payload;
      this.dispatchEvent(new CustomEvent('technician-login', { detail, bubbles: true, composed: true }));
      return;
    }
    const error = outcome.kind === 'error' ? errorValue(outcome.payload) : null;
    if (error === null) {
      this.refusal = { kind: 'problem', words: problemWords(outcome), detail: problemDetail(outcome) };
      return;
    }
    const refusal = error as TechnicianRefusal;
    if (refusal.kind === 'lockedOut') this.#lockFor(refusal.retryInSeconds);
    this.refusal = { kind: refusal.kind, words: refusalWords(refusal), detail: null };
  }

  #setMethod(method: LoginMethod): void {
    const detail: MethodChangeDetail = { method };
    this.dispatchEvent(new CustomEvent('method-change', { detail, bubbles: true, composed: true }));
  }

  #methodButton(method: LoginMethod, key: MessageKey) {
    return html`<button type="button" data-testid="login-method" data-method=${method} aria-pressed=${this.method === method ? 'true' : 'false'} @click=${() => this.#setMethod(method)}>
      ${this.#t(key)}
    </button>`;
  }

  #check(ok: boolean, okKey: MessageKey, notKey: MessageKey) {
    return html`<span class="check" data-level=${ok ? 'ready' : 'attention'} data-testid="login-check" data-ok=${ok ? 'true' : 'false'}>
      ${levelIcon(ok ? 'ready' : 'attention', 20)}${this.#t(ok ? okKey : notKey)}
    </span>`;
  }

  #steps(ready: boolean) {
    switch (this.method) {
      case 'card':
        return html`<ol>
          <li>${cardIcon(28)}${this.#t('login.card.step1')} ${this.#check(ready, 'login.card.inserted', 'login.card.notInserted')}</li>
          <li>${this.#t('login.card.step2')}</li>
        </ol>`;
      case 'serviceSwitch':
        return html`<ol>
          <li>${this.#t('login.switch.step1')} ${this.#check(ready, 'login.switch.on', 'login.switch.off')}</li>
          <li>${this.#t('login.switch.step2')}</li>
        </ol>`;
    }
  }

  /** Whether the first step is done, as far as the status shows it. */
  #prerequisite(): boolean {
    const devices = this.status?.devices;
    if (devices === undefined) return false;
    switch (this.method) {
      case 'card':
        return devices.cardReader.state === 'present';
      case 'serviceSwitch':
        return devices.gpio.state === 'online' && devices.gpio.inputs.serviceSwitch;
    }
  }

  #refusalView() {
    const locked = this.#secondsLeft > 0;
    if (locked) {
      return html`<div class="result" data-level="unavailable" role="alert" data-testid="login-refusal" data-kind="lockedOut">
        <strong>${this.#t('login.refusal.lockedOut', { seconds: this.#secondsLeft })}</strong>
      </div>`;
    }
    const refusal = this.refusal;
    if (refusal === null) return nothing;
    return html`<div class="result" data-level="unavailable" role="alert" data-testid="login-refusal" data-kind=${refusal.kind}>
      <strong>${this.#t(refusal.words.key, refusal.words.params)}</strong>
      ${refusal.detail === null ? nothing : html`<span class="detail">${refusal.detail}</span>`}
    </div>`;
  }

  protected override render() {
    const other = this.status?.technician;
    const ready = this.#prerequisite();
    const locked = this.#secondsLeft > 0;
    return html`<section class="panel" data-testid="login-panel" data-method=${this.method}>
      <div class="intro">
        <h2>${this.#t('login.title')}</h2>
        <p class="hint">${this.#t('login.intro')}</p>
        <div class="methods" role="group" aria-label=${this.#t('login.method')}>
          ${this.#methodButton('card', 'login.method.card')} ${this.#methodButton('serviceSwitch', 'login.method.serviceSwitch')}
        </div>
        ${this.#steps(ready)}
        ${other?.active === true
          ? html`<div class="result" data-level="attention" data-testid="login-elsewhere">
              <strong>${this.#t('login.elsewhere', { actor: other.actor, since: formatTime(other.since, this.language) })}</strong>
            </div>`
          : nothing}
        ${this.#refusalView()}
      </div>
      <div class="pad">
        <pin-pad
          .language=${this.language}
          .submitLabel=${this.busy ? this.#t('login.checking') : this.#t('login.submit')}
          ?disabled=${this.busy || locked || !this.connected || !ready}
          @pin-submit=${(event: CustomEvent<PinSubmitDetail>) => void this.#login(event)}
        ></pin-pad>
        <p class="hint">${this.#t(ready ? 'login.pinHint' : this.method === 'card' ? 'login.card.first' : 'login.switch.first')}</p>
      </div>
    </section>`;
  }
}

customElements.define('technician-login', TechnicianLogin);

declare global {
  interface HTMLElementTagNameMap {
    'technician-login': TechnicianLogin;
  }
  interface HTMLElementEventMap {
    'technician-login': CustomEvent<TechnicianLoginDetail>;
    'method-change': CustomEvent<MethodChangeDetail>;
  }
}
