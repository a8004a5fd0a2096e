// An on-screen PIN pad: digits only. The PIN lives in a private field, never in a property,
// attribute or text node; the screen shows one dot per digit. It is handed over once in the
// `pin-submit` event and cleared at once; each key typed is announced (`pin-typed`, no digits)
// so the screen can drop a refusal once the next try starts. With `keyboard`, digit keys type
// too (tests, a keyboard at the counter); every other key is ignored.
import { css, html, LitElement } from 'lit';
import { defaultLanguage, translate, type Language } from '../i18n.ts';
import { baseStyles } from '../theme.ts';

export interface PinSubmitDetail {
  pin: string;
}

/** The catalogue allows up to 16 characters; E-Port PINs are 6 to 8 digits. */
export const pinMaxLength = 16;
export const pinMinLength = 4;
/** Up to this length the pad shows an empty slot for every digit still to type. */
const slotsUpTo = 12;

/** The PIN after one key: a digit is appended up to `maxLength`; anything else changes nothing. */
export function pinAfterKey(pin: string, key: string, maxLength: number): string {
  if (!/^[0-9]$/.test(key) || pin.length >= Math.min(maxLength, pinMaxLength)) return pin;
  return pin + key;
}

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export class PinPad extends LitElement {
  static override properties = {
    language: { type: String },
    disabled: { type: Boolean },
    submitLabel: { attribute: false },
    minLength: { type: Number },
    maxLength: { type: Number },
    keyboard: { type: Boolean },
    submitTestId: { attribute: false },
    length: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 16px;
        width: 100%;
        max-width: 420px;
      }
      .dots {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 14px;
        min-height: 72px;
        padding: 0 16px;
        border-radius: 14px;
        border: 2px solid #8a94a3;
        background: #ffffff;
        font-size: 22px;
        color: #4a5563;
      }
      .dot {
        width: 18px;
        height: 18px;
        border-radius: 50%;
        background: #1c2530;
      }
      .dot.empty {
        background: transparent;
        border: 2px solid #6b7280;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 12px;
      }
      button {
        min-height: 72px;
        border-radius: 14px;
        border: 2px solid #c3cad4;
        background: #ffffff;
        font-size: 30px;
        font-weight: 600;
        color: #1c2530;
      }
      button:active:not(:disabled) {
        background: #e5e9ef;
      }
      button.aux {
        font-size: 22px;
        background: #eef1f5;
      }
      button.submit {
        border-color: #1d4ed8;
        background: #1d4ed8;
        color: #ffffff;
        font-size: 26px;
      }
      button:disabled {
        cursor: not-allowed;
        border-color: #d5dbe3;
        background: #eef1f5;
        color: #5b6573;
      }
    `,
  ];

  declare language: Language;
  declare disabled: boolean;
  declare submitLabel: string | null;
  declare minLength: number;
  declare maxLength: number;
  declare keyboard: boolean;
  declare submitTestId: string;
  /** Only the count of digits is reactive: the digits themselves are in #pin. */
  declare length: number;
  #pin = '';

  constructor() {
    super();
    this.language = defaultLanguage;
    this.disabled = false;
    this.submitLabel = null;
    this.minLength = pinMinLength;
    this.maxLength = pinMaxLength;
    this.keyboard = false;
    this.submitTestId = 'pin-submit';
    this.length = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKey);
    this.clear();
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    if (!this.keyboard || this.disabled || event.ctrlKey || event.metaKey || event.altKey || !/^[0-9]$/.test(event.key)) return;
    event.preventDefault();
    this.#press(event.key);
  };

  /** Forgets what was typed (also when the panel switches method or locks out). */
  clear(): void {
    this.#pin = '';
    this.length = 0;
  }

  #press(digit: string): void {
    if (this.disabled) return;
    this.#pin = pinAfterKey(this.#pin, digit, this.maxLength);
    this.length = this.#pin.length;
    // Only that a key was typed: never which.
    this.dispatchEvent(new CustomEvent('pin-typed'));
  }

  #backspace(): void {
    this.#pin = this.#pin.slice(0, -1);
    this.length = this.#pin.length;
  }

  #submit(): void {
    if (this.disabled || this.#pin.length < this.minLength) return;
    const detail: PinSubmitDetail = { pin: this.#pin };
    this.clear();
    this.dispatchEvent(new CustomEvent('pin-submit', { detail, bubbles: true, composed: true }));
  }

  #dots(placeholder: string) {
    if (this.maxLength <= slotsUpTo) {
      return Array.from({ length: this.maxLength }, (_, index) => html`<span class=${index < this.length ? 'dot' : 'dot empty'}></span>`);
    }
    return this.length === 0 ? placeholder : Array.from({ length: this.length }, () => html`<span class="dot"></span>`);
  }

  #key(digit: string) {
    return html`<button type="button" data-testid="pin-key" data-key=${digit} data-digit=${digit} ?disabled=${this.disabled} @click=${() => this.#press(digit)}>${digit}</button>`;
  }

  protected override render() {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, number>) => translate(this.language, key, params);
    return html`
      <div class="dots" data-testid="pin-dots" data-count=${this.length} role="status" aria-label=${t('pin.entered', { count: this.length })}>
        ${this.#dots(t('pin.placeholder'))}
      </div>
      <div class="keys">
        ${digits.map((digit) => this.#key(digit))}
        <button type="button" class="aux" data-testid="pin-clear" ?disabled=${this.disabled || this.length === 0} @click=${() => this.clear()}>
          ${t('pin.clear')}
        </button>
        ${this.#key('0')}
        <button type="button" class="aux" data-testid="pin-backspace" aria-label=${t('pin.backspace')} ?disabled=${this.disabled || this.length === 0} @click=${() => this.#backspace()}>
          ⌫
        </button>
      </div>
      <button type="button" class="submit" data-testid=${this.submitTestId} ?disabled=${this.disabled || this.length < this.minLength} @click=${() => this.#submit()}>
        ${this.submitLabel ?? t('pin.submit')}
      </button>
    `;
  }
}

customElements.define('pin-pad', PinPad);

declare global {
  interface HTMLElementTagNameMap {
    'pin-pad': PinPad;
  }
  interface HTMLElementEventMap {
    'pin-submit': CustomEvent<PinSubmitDetail>;
    'pin-typed': CustomEvent;
  }
}
