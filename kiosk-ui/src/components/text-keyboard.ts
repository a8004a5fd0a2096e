// The on-screen keyboard for text fields (names, addresses, enterprise names): Chinese by
// pinyin with a bar of candidate characters, Latin letters, digits and symbols. The kiosk has no
// keyboard and no input method of its own. Like the code keypad it holds no value: each tap goes
// to text-keys.ts, and what the field must do comes out as a `keypad-edit` event, which the form
// applies (applyKeypadEdit). Pressing a key does not take the focus from the field.
//
// The pinyin table is large (the dictionaries behind it): it is its own chunk, fetched from the
// daemon the first time a text keyboard opens, and kept for the page's life.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import type { PinyinTable } from '../pinyin-table.ts';
import {
  barSize,
  candidatePage,
  candidates,
  characterRows,
  gridSize,
  initialTextKeys,
  pressTextKey,
  resetTextKeys,
  shownPinyin,
  textModes,
  type TextKey,
  type TextKeysState,
  type TextMode,
} from '../text-keys.ts';
import { baseStyles } from '../theme.ts';
import type { KeypadEdit } from './code-keypad.ts';

let tableLoad: Promise<PinyinTable> | null = null;

/** The pinyin table, loaded once; a failed load is tried again the next time. */
export function loadPinyinTable(): Promise<PinyinTable> {
  tableLoad ??= import('../pinyin-table.ts').then(
    (module) => module.pinyinTable,
    (error: unknown) => {
      tableLoad = null;
      throw error;
    },
  );
  return tableLoad;
}

type TableState = 'loading' | 'ready' | 'failed';

const modeNames: Readonly<Record<TextMode, MessageKey>> = {
  zh: 'textKeys.modeName.zh',
  en: 'textKeys.modeName.en',
  digits: 'textKeys.modeName.digits',
};
const modeHints: Readonly<Record<TextMode, MessageKey>> = { zh: 'textKeys.hint.zh', en: 'textKeys.hint.en', digits: 'textKeys.hint.digits' };

export class TextKeyboard extends LitElement {
  static override properties = {
    language: { type: String },
    label: { type: String },
    target: { type: String },
    disabled: { type: Boolean },
    keys: { state: true },
    table: { state: true },
    tableState: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .board {
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .status {
        display: flex;
        align-items: center;
        gap: 16px;
        min-height: 40px;
        margin: 0;
        color: #374151;
        font-size: 22px;
      }
      .pinyin {
        color: #0a3a6b;
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 28px;
        font-weight: 700;
        letter-spacing: 0.04em;
      }
      .status[data-state='failed'] {
        color: #7f1d1d;
        font-weight: 600;
      }
      .bar,
      .keys,
      .grid {
        display: grid;
        grid-template-columns: repeat(10, minmax(48px, 1fr));
        gap: 8px;
      }
      .bar {
        grid-template-rows: 68px;
      }
      .keys {
        grid-template-rows: repeat(4, 68px);
      }
      /* The candidates fill the keys' place: five rows in the height of their four. */
      .grid {
        grid-template-rows: repeat(5, calc((4 * 68px + 3 * 8px - 4 * 8px) / 5));
      }
      button {
        min-height: 48px;
        padding: 0;
        border-radius: 12px;
        border: 2px solid #c3cad4;
        background: #ffffff;
        color: #1c2530;
        font-size: 28px;
        font-weight: 600;
      }
      button:active:not(:disabled) {
        background: #e5e9ef;
      }
      button.aux {
        background: #eef1f5;
        font-size: 22px;
      }
      button.mode[aria-pressed='true'],
      button.capitals[aria-pressed='true'] {
        border: 3px solid #0a3a6b;
        background: #e0ecfa;
        color: #0a3a6b;
        font-weight: 700;
      }
      button.candidate {
        border-color: #9db7d6;
        background: #f7faff;
        font-size: 32px;
        font-weight: 500;
      }
      .span2 {
        grid-column: span 2;
      }
      .span7 {
        grid-column: span 7;
      }
      .page {
        display: flex;
        align-items: center;
        color: #374151;
        font-size: 22px;
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
  /** The keyboard's accessible name (which field it types into). */
  declare label: string;
  /** The field typed into: another one forgets the pinyin typed. */
  declare target: string;
  declare disabled: boolean;
  declare keys: TextKeysState;
  declare table: PinyinTable | null;
  declare tableState: TableState;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.label = '';
    this.target = '';
    this.disabled = false;
    this.keys = initialTextKeys;
    this.table = null;
    this.tableState = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    if (this.table !== null) return;
    this.tableState = 'loading';
    try {
      this.table = await loadPinyinTable();
      this.tableState = 'ready';
    } catch {
      this.tableState = 'failed';
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('target')) this.keys = resetTextKeys(this.keys);
  }

  #t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    return translate(this.language, key, params);
  }

  /** What a mode key says: ABC and 123 are the same in every language. */
  #modeLabel(mode: TextMode): string {
    switch (mode) {
      case 'zh':
        return this.#t('textKeys.mode.zh');
      case 'en':
        return 'ABC';
      case 'digits':
        return '123';
    }
  }

  #press(key: TextKey): void {
    if (this.disabled) return;
    if (key.kind === 'mode' && key.mode === 'zh' && this.tableState === 'failed') void this.#load();
    const result = pressTextKey(this.keys, key, this.table);
    this.keys = result.state;
    if (result.edit !== null) this.dispatchEvent(new CustomEvent<KeypadEdit>('keypad-edit', { detail: result.edit, bubbles: true, composed: true }));
  }

  #key(dataKey: string, label: string, key: TextKey, options: { className?: string; name?: string; pressed?: boolean; disabled?: boolean } = {}) {
    return html`<button
      type="button"
      class=${options.className ?? ''}
      data-testid="text-key"
      data-key=${dataKey}
      aria-label=${options.name ?? label}
      aria-pressed=${options.pressed === undefined ? nothing : options.pressed ? 'true' : 'false'}
      ?disabled=${this.disabled || options.disabled === true}
      @click=${() => this.#press(key)}
    >
      ${label}
    </button>`;
  }

  #characterKey(character: string) {
    if (!/^[a-z]$/.test(character)) return this.#key(character, character, { kind: 'symbol', text: character });
    const shown = this.keys.mode === 'en' && this.keys.capitals ? character.toUpperCase() : character;
    return this.#key(character, shown, { kind: 'letter', letter: character });
  }

  #status() {
    const { mode, pinyin } = this.keys;
    if (mode !== 'zh') return html`<p class="status" data-testid="text-keys-status">${this.#t(modeHints[mode])}</p>`;
    if (this.tableState === 'failed') {
      return html`<p class="status" data-testid="text-keys-status" data-state="failed">${this.#t('textKeys.loadFailed')}</p>`;
    }
    if (pinyin === '') {
      return html`<p class="status" data-testid="text-keys-status" data-state=${this.tableState}>
        ${this.#t(this.tableState === 'loading' ? 'textKeys.loading' : 'textKeys.hint.zh')}
      </p>`;
    }
    const none = this.tableState === 'ready' && candidates(this.keys, this.table).length === 0;
    return html`<p class="status" data-testid="text-keys-status" data-state=${this.tableState}>
      <span class="pinyin" data-testid="text-keys-pinyin">${shownPinyin(this.keys, this.table)}</span>
      ${none ? this.#t('textKeys.noCandidates') : this.tableState === 'loading' ? this.#t('textKeys.loading') : nothing}
    </p>`;
  }

  #candidate(index: number, character: string) {
    return html`<button
      type="button"
      class="candidate"
      data-testid="text-candidate"
      data-index=${index}
      data-character=${character}
      lang="zh-CN"
      ?disabled=${this.disabled}
      @click=${() => this.#press({ kind: 'candidate', index })}
    >
      ${character}
    </button>`;
  }

  /** The bar above the keys: the candidates and their pages in 拼音 mode. */
  #bar() {
    if (this.keys.mode !== 'zh') return html`<div class="bar" aria-hidden="true"></div>`;
    const page = candidatePage(this.keys, this.table);
    const paging = [
      this.#key('previous', '◀', { kind: 'page', step: -1 }, { className: 'aux', name: this.#t('textKeys.previous'), disabled: !page.hasPrevious }),
      this.#key('next', '▶', { kind: 'page', step: 1 }, { className: 'aux', name: this.#t('textKeys.next'), disabled: !page.hasNext }),
    ];
    if (this.keys.expanded) {
      return html`<div class="bar" role="group" aria-label=${this.#t('textKeys.candidates')}>
        <span class="page span7" data-testid="text-keys-page">${this.#t('textKeys.page', { page: page.page, pages: page.pages })}</span>
        ${paging} ${this.#key('less', this.#t('textKeys.less'), { kind: 'expand', expanded: false }, { className: 'aux', name: this.#t('textKeys.lessName') })}
      </div>`;
    }
    const empty = Array.from({ length: barSize - page.shown.length }, () => html`<span></span>`);
    return html`<div class="bar" role="group" aria-label=${this.#t('textKeys.candidates')}>
      ${page.shown.map((shown) => this.#candidate(shown.index, shown.character))} ${empty} ${paging}
      ${this.#key('more', this.#t('textKeys.more'), { kind: 'expand', expanded: true }, { className: 'aux', name: this.#t('textKeys.moreName'), disabled: !page.hasNext })}
    </div>`;
  }

  #grid() {
    const page = candidatePage(this.keys, this.table);
    const empty = Array.from({ length: gridSize - page.shown.length }, () => html`<span></span>`);
    return html`<div class="grid" data-testid="text-keys-grid">${page.shown.map((shown) => this.#candidate(shown.index, shown.character))} ${empty}</div>`;
  }

  #keys() {
    const { mode, capitals } = this.keys;
    const [first = [], second = [], third = []] = characterRows[mode];
    return html`<div class="keys">
      ${first.map((character) => this.#characterKey(character))} ${second.map((character) => this.#characterKey(character))}
      ${this.#key('backspace', '⌫', { kind: 'backspace' }, { className: 'aux', name: this.#t('keypad.backspace') })}
      ${mode === 'en' ? this.#key('capitals', '⇧', { kind: 'capitals' }, { className: 'aux capitals', name: this.#t('textKeys.capitals'), pressed: capitals }) : nothing}
      ${third.map((character) => this.#characterKey(character))}
      ${textModes.map((each) =>
        this.#key(`mode-${each}`, this.#modeLabel(each), { kind: 'mode', mode: each }, { className: 'aux mode span2', name: this.#t(modeNames[each]), pressed: each === mode }),
      )}
      ${this.#key('space', this.#t('textKeys.space'), { kind: 'space' }, { className: 'aux span2' })}
      ${this.#key('clear', this.#t('keypad.clear'), { kind: 'clear' }, { className: 'aux span2' })}
    </div>`;
  }

  protected override render() {
    // mousedown's default would move the focus (and the caret) out of the field being typed in.
    return html`<div
      class="board"
      role="group"
      aria-label=${this.label}
      data-mode=${this.keys.mode}
      data-table=${this.tableState}
      ?data-expanded=${this.keys.expanded}
      @mousedown=${(event: Event) => event.preventDefault()}
    >
      ${this.#status()} ${this.#bar()} ${this.keys.expanded && this.keys.mode === 'zh' ? this.#grid() : this.#keys()}
    </div>`;
  }
}

customElements.define('text-keyboard', TextKeyboard);

declare global {
  interface HTMLElementTagNameMap {
    'text-keyboard': TextKeyboard;
  }
}
