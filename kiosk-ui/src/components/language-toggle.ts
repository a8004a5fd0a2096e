// One button that switches between Chinese and English; it is labelled in the language it
// switches to, so an agent who cannot read the current one still finds it.
import { css, html, LitElement } from 'lit';
import { defaultLanguage, otherLanguage, translate, type Language } from '../i18n.ts';
import { globeIcon } from '../icons.ts';
import { baseStyles } from '../theme.ts';

export interface LanguageChangeDetail {
  language: Language;
}

export class LanguageToggle extends LitElement {
  static override properties = {
    language: { type: String },
  };

  static override styles = [
    baseStyles,
    css`
      button {
        display: inline-flex;
        align-items: center;
        gap: 0.45em;
        min-height: 64px;
        min-width: 144px;
        padding: 0 1.1em;
        border-radius: 14px;
        border: 2px solid rgb(255 255 255 / 0.7);
        background: rgb(255 255 255 / 0.12);
        color: #ffffff;
        font-size: 24px;
        font-weight: 600;
      }
      button:active {
        background: rgb(255 255 255 / 0.25);
      }
      button:focus-visible {
        outline-color: #ffd24d;
      }
    `,
  ];

  declare language: Language;

  constructor() {
    super();
    this.language = defaultLanguage;
  }

  #toggle(): void {
    const detail: LanguageChangeDetail = { language: otherLanguage(this.language) };
    this.dispatchEvent(new CustomEvent('language-change', { detail, bubbles: true, composed: true }));
  }

  protected override render() {
    const target = otherLanguage(this.language);
    return html`<button
      type="button"
      data-testid="language-toggle"
      lang=${target}
      aria-label=${translate(this.language, 'language.toggleLabel')}
      @click=${() => this.#toggle()}
    >
      ${globeIcon(28)}<span>${translate(this.language, 'language.toggle')}</span>
    </button>`;
  }
}

customElements.define('language-toggle', LanguageToggle);

declare global {
  interface HTMLElementTagNameMap {
    'language-toggle': LanguageToggle;
  }
  interface HTMLElementEventMap {
    'language-change': CustomEvent<LanguageChangeDetail>;
  }
}
