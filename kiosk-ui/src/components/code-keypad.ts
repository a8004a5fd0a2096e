// An on-screen keypad for code-like fields (credit codes, ID numbers, dates): the kiosk has no
// physical keyboard, and its input method is made for Chinese text. The keypad only says which
// key was pressed (`keypad-edit`); the form applies it to the field (applyKeypadEdit), so the
// keypad holds no value of its own. Pressing a key does not take the focus from the field.
import { css, html, LitElement } from 'lit';
import type { FieldInput } from '../../../contract/flow-view.ts';
import { longTermDate } from '../../../contract/intake/package-schema.ts';
import { defaultLanguage, translate, type Language } from '../i18n.ts';
import { baseStyles } from '../theme.ts';

export type KeypadLayout = Exclude<FieldInput, 'text' | 'choice'>;

/** The value a date field takes for "valid with no end date". */

export type KeypadEdit = { kind: 'insert'; text: string } | { kind: 'backspace' } | { kind: 'clear' } | { kind: 'replace'; text: string };

/** Rows of character keys: QWERTY for codes (what pinyin typists know), a phone pad for numbers. */
const characterRows: Readonly<Record<KeypadLayout, readonly string[]>> = {
  code: ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL-', 'ZXCVBNM'],
  idNumber: ['123', '456', '789', 'X0'],
  date: ['123', '456', '789', '-0'],
};

export interface EditResult {
  value: string;
  /** Where the caret goes afterwards. */
  caret: number;
}

/** Applies one key to `value` with the selection [start, end), as a text field would. */
export function applyKeypadEdit(value: string, start: number, end: number, edit: KeypadEdit, maxLength: number): EditResult {
  const from = Math.max(0, Math.min(start, end, value.length));
  const to = Math.min(Math.max(start, end), value.length);
  switch (edit.kind) {
    case 'clear':
      return { value: '', caret: 0 };
    case 'replace':
      return { value: edit.text, caret: edit.text.length };
    case 'backspace': {
      if (from !== to) return { value: value.slice(0, from) + value.slice(to), caret: from };
      if (from === 0) return { value, caret: 0 };
      return { value: value.slice(0, from - 1) + value.slice(from), caret: from - 1 };
    }
    case 'insert': {
      // A character typed after "long-term" starts a date afresh.
      if (value === longTermDate) return { value: edit.text.slice(0, maxLength), caret: Math.min(edit.text.length, maxLength) };
      const kept = value.slice(0, from) + value.slice(to);
      if (kept.length + edit.text.length > maxLength) return { value, caret: to };
      return { value: value.slice(0, from) + edit.text + value.slice(to), caret: from + edit.text.length };
    }
  }
}

/**
 * A date typed digit after digit gets its dashes by itself (2046 → 2046-, 204603 → 2046-03-):
 * the agent types the digits they read and never has to learn the format. Only when the caret
 * is at the end and the field holds digits and dashes; "long-term" and edits in the middle are
 * left as they are. A dash tapped where one already is adds nothing.
 */
export function shapeDate(result: EditResult): EditResult {
  const { value, caret } = result;
  if (caret !== value.length || !/^[\d-]*$/.test(value)) return result;
  const digits = value.replace(/-/g, '').slice(0, 8);
  let shaped = digits.slice(0, 4);
  if (digits.length >= 4) shaped += `-${digits.slice(4, 6)}`;
  if (digits.length >= 6) shaped += `-${digits.slice(6, 8)}`;
  return { value: shaped, caret: shaped.length };
}

export class CodeKeypad extends LitElement {
  static override properties = {
    language: { type: String },
    layout: { type: String },
    label: { type: String },
    disabled: { type: Boolean },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, minmax(96px, 1fr));
        gap: 10px;
      }
      .keys[data-layout='code'] {
        grid-template-columns: repeat(10, minmax(56px, 1fr));
      }
      button {
        min-height: 72px;
        border-radius: 12px;
        border: 2px solid #c3cad4;
        background: #ffffff;
        color: #1c2530;
        font-size: 30px;
        font-weight: 600;
      }
      button:active:not(:disabled) {
        background: #e5e9ef;
      }
      button.aux {
        background: #eef1f5;
        font-size: 24px;
      }
      button.wide {
        grid-column: span 2;
      }
      button.wider {
        grid-column: span 3;
      }
      button.full {
        grid-column: 1 / -1;
      }
      button:disabled {
        cursor: not-allowed;
        border-color: #d5dbe3;
        background: #eef1f5;
        color: #5b6573;
      }
      /* A short landscape panel: keys still far above 48 px, the pad fits beside the form. */
      @media (max-height: 1100px) {
        .keys {
          gap: 8px;
        }
        button {
          min-height: 58px;
        }
      }
    `,
  ];

  declare language: Language;
  declare layout: KeypadLayout;
  /** The keypad's accessible name (which field it types into). */
  declare label: string;
  declare disabled: boolean;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.layout = 'code';
    this.label = '';
    this.disabled = false;
  }

  #press(edit: KeypadEdit): void {
    if (this.disabled) return;
    this.dispatchEvent(new CustomEvent('keypad-edit', { detail: edit, bubbles: true, composed: true }));
  }

  #key(dataKey: string, label: string, edit: KeypadEdit, className = '', ariaLabel: string | null = null) {
    // mousedown's default would move the focus (and the caret) out of the field being typed in.
    return html`<button
      type="button"
      class=${className}
      data-testid="keypad-key"
      data-key=${dataKey}
      aria-label=${ariaLabel ?? label}
      ?disabled=${this.disabled}
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${() => this.#press(edit)}
    >
      ${label}
    </button>`;
  }

  protected override render() {
    const t = (key: Parameters<typeof translate>[1]) => translate(this.language, key);
    const characters = characterRows[this.layout].flatMap((row) => Array.from(row));
    // Backspace fills the QWERTY pad's short last row; the phone pads' last row is X/-, 0, ⌫.
    const wide = this.layout === 'code' ? 'wider' : '';
    return html`<div class="keys" role="group" aria-label=${this.label} data-layout=${this.layout}>
      ${characters.map((character) => this.#key(character, character, { kind: 'insert', text: character }))}
      ${this.#key('backspace', '⌫', { kind: 'backspace' }, `aux ${wide}`, t('keypad.backspace'))}
      ${this.layout === 'date' ? this.#key(longTermDate, t('keypad.longTerm'), { kind: 'replace', text: longTermDate }, 'aux wide') : ''}
      ${this.#key('clear', t('keypad.clear'), { kind: 'clear' }, this.layout === 'date' ? 'aux' : 'aux full')}
    </div>`;
  }
}

customElements.define('code-keypad', CodeKeypad);

declare global {
  interface HTMLElementTagNameMap {
    'code-keypad': CodeKeypad;
  }
  interface HTMLElementEventMap {
    'keypad-edit': CustomEvent<KeypadEdit>;
  }
}
