// The details the kiosk read from one paper, for the agent to check and correct before they go
// into the intake package. The kiosk has no keyboard: codes, ID numbers and dates are typed on the
// on-screen code keypad, names, addresses and other text on the text keyboard (pinyin with
// candidates, letters, digits), both in the same place beside the form. The checks here are light
// (filled in, shape); the daemon checks properly and names the fields it refused.
import { css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldInput, FieldView, FlowScreen } from '../../../contract/flow-view.ts';
import { inLanguage, problemWords } from '../paper-words.ts';
import { maskIdNumber } from '../../../basics/redact.ts';
import type { MessageKey } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import { longTermDate } from '../../../contract/intake/package-schema.ts';
import { applyKeypadEdit, shapeDate, type KeypadEdit, type KeypadLayout } from './code-keypad.ts';
import { PaperScreen } from './paper-screen.ts';
import type { ScrollArea } from './scroll-area.ts';
import './scroll-area.ts';
import './text-keyboard.ts';

type FieldsScreen = Extract<FlowScreen, { screen: 'confirmFields' }>;
export type FieldError = 'required' | 'idNumber' | 'date';

const maxLengths: Readonly<Record<FieldInput, number>> = { text: 256, code: 18, idNumber: 18, date: 10, choice: 64 };

const sourceWords: Readonly<Record<FieldView['source'], MessageKey>> = {
  qr: 'fields.source.qr',
  card: 'fields.source.card',
  registry: 'fields.source.registry',
  earlier: 'fields.source.earlier',
  agent: 'fields.source.agent',
  none: 'fields.source.none',
  idCard: 'fields.source.idCard',
};

const errorWords: Readonly<Record<FieldError, MessageKey>> = {
  required: 'fields.error.required',
  idNumber: 'fields.error.idNumber',
  date: 'fields.error.date',
};

/**
 * The light check of one value; the daemon does the real one (check digits, real dates). An ID
 * number the daemon sent is masked (first 6, last 4): left as it was, it stands for the full
 * number the daemon keeps, so it passes as it is.
 */
export function fieldError(field: Pick<FieldView, 'input' | 'required'> & { value?: string }, value: string): FieldError | null {
  const trimmed = value.trim();
  if (trimmed === '') return field.required ? 'required' : null;
  if (field.input === 'idNumber' && trimmed === field.value) return null;
  switch (field.input) {
    case 'text':
    case 'code':
    case 'choice':
      return null;
    case 'idNumber':
      return /^\d{17}[\dX]$/.test(trimmed) ? null : 'idNumber';
    case 'date':
      return trimmed === longTermDate || /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? null : 'date';
  }
}

/**
 * Where the value shown now came from: once the agent typed a value different from the one sent
 * (or filled an empty field), it is theirs — the "not read" badge does not stay on a filled field.
 */
export function sourceShown(field: Pick<FieldView, 'source' | 'value'>, value: string): FieldView['source'] {
  return value.trim() !== field.value.trim() ? (value.trim() === '' ? 'none' : 'agent') : field.source;
}

/** The intro says the kiosk read something only when it did. */
export function fieldsIntroKey(fields: readonly Pick<FieldView, 'source' | 'value'>[]): 'fields.intro' | 'fields.introNothingRead' {
  return fields.some((field) => field.value !== '' && (field.source === 'qr' || field.source === 'card' || field.source === 'registry' || field.source === 'earlier' || field.source === 'idCard')) ? 'fields.intro' : 'fields.introNothingRead';
}

/** A light check is shown once the field was left; an empty required field only once the agent tried to confirm. */
export function errorShown(error: FieldError | null, seen: { attempted: boolean; touched: boolean }): FieldError | null {
  if (error === null) return null;
  if (error === 'required') return seen.attempted ? error : null;
  return seen.attempted || seen.touched ? error : null;
}

/** The on-screen keys a field is typed on: a layout of the code keypad, or the text keyboard. */
type FieldKeys = KeypadLayout | 'text';

function keysFor(input: FieldInput): FieldKeys | null {
  switch (input) {
    case 'choice':
      return null;
    case 'text':
    case 'code':
    case 'idNumber':
    case 'date':
      return input;
  }
}

export class PaperFields extends PaperScreen<FieldsScreen> {
  static override properties = {
    values: { state: true },
    touched: { state: true },
    attempted: { state: true },
    refused: { state: true },
    activeKey: { state: true },
    focusedKey: { state: true },
  };

  static override styles = [
    PaperScreen.styles,
    css`
      /*
       * The screen takes the height it is given; the keys keep theirs, and the form scrolls in
       * what is left beside them (above them in portrait). The form's area is size-contained so
       * that its length never pushes the keys or the actions out of view.
       */
      :host {
        flex-grow: 1;
      }
      .layout {
        flex: 1 1 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-rows: minmax(0, 1fr) auto;
        grid-template-areas:
          'form keys'
          'actions keys';
        align-items: start;
        gap: 24px 40px;
      }
      .form-area {
        grid-area: form;
        align-self: stretch;
        contain: size;
      }
      .layout > .keypad {
        grid-area: keys;
      }
      .layout > .actions {
        grid-area: actions;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 24px;
        padding: 4px 8px 4px 4px;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .field-head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 8px 16px;
      }
      label,
      .label {
        font-size: 26px;
        font-weight: 700;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
      }
      .choice {
        min-height: 64px;
        padding: 8px 24px;
        border-radius: 12px;
        border: 2px solid #8a94a3;
        background: #ffffff;
        color: #1c2530;
        font: inherit;
        font-size: 24px;
        text-align: left;
      }
      .choice[aria-pressed='true'] {
        border: 4px solid #0a3a6b;
        background: #e0ecfa;
        color: #0a3a6b;
        font-weight: 700;
      }
      .tag {
        padding: 2px 14px;
        border-radius: 999px;
        background: #e4e8ee;
        color: #374151;
        font-size: 20px;
        font-weight: 600;
      }
      .tag[data-source='none'] {
        background: #fef3c7;
        color: #713f12;
      }
      .required {
        color: #7f1d1d;
        font-size: 20px;
        font-weight: 600;
      }
      input {
        width: 100%;
        min-height: 72px;
        padding: 0 20px;
        border-radius: 12px;
        border: 2px solid #8a94a3;
        background: #ffffff;
        color: #1c2530;
        font: inherit;
        font-size: 30px;
      }
      input[data-input='code'],
      input[data-input='idNumber'],
      input[data-input='date'] {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        letter-spacing: 0.06em;
      }
      input[data-active] {
        border-color: #1d4ed8;
        box-shadow: 0 0 0 3px #bfd3f7;
      }
      input[aria-invalid='true'] {
        border: 4px solid #b91c1c;
        background: #fff7f7;
      }
      .error {
        display: flex;
        align-items: center;
        gap: 10px;
        color: #7f1d1d;
        font-size: 22px;
        font-weight: 600;
      }
      .keypad {
        display: flex;
        flex-direction: column;
        gap: 16px;
        width: 680px;
        padding: 24px;
        border-radius: 20px;
        background: #f3f6fa;
        border: 2px solid #d5dbe3;
      }
      .keypad[data-layout='text'] {
        width: min(760px, 52vw);
      }
      .keypad[data-layout='idNumber'],
      .keypad[data-layout='date'],
      .keypad:not([data-layout]) {
        width: 420px;
      }
      .keypad-target {
        font-size: 24px;
        font-weight: 700;
      }
      .keypad-hint {
        color: #374151;
      }
      /* Portrait: the keys under the form, across the screen, as on a phone. */
      @media (orientation: portrait) {
        /* As tall as the form while it fits; then the form's row gives way and scrolls. */
        :host {
          flex-grow: 0;
        }
        .form-area {
          contain: none;
        }
        .layout {
          flex: 0 1 auto;
          min-height: 0;
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: minmax(0, auto) auto auto;
          grid-template-areas:
            'form'
            'keys'
            'actions';
          gap: 24px;
        }
        .keypad {
          width: auto;
          max-width: 760px;
        }
      }
      @media (max-height: 1100px) {
        .keypad {
          gap: 10px;
          padding: 16px 20px;
        }
      }
    `,
  ];

  /** What the agent has in each field now, by key. */
  declare values: Readonly<Record<string, string>>;
  /** Fields left at least once: their light check shows from then on. */
  declare touched: ReadonlySet<string>;
  /** The agent pressed "confirm": every field shows its check. */
  declare attempted: boolean;
  /** Fields the daemon refused, until the agent changes them. */
  declare refused: ReadonlySet<string>;
  /** The field the keypad types into (the one touched last). */
  declare activeKey: string | null;
  /** The field being edited now: an ID number shows in full only there (masked elsewhere on screen). */
  declare focusedKey: string | null;

  constructor() {
    super();
    this.values = {};
    this.touched = new Set();
    this.attempted = false;
    this.refused = new Set();
    this.activeKey = null;
    this.focusedKey = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Every push of the daemon is the truth: its values, and the fields it refused.
    if (!changed.has('screen')) return;
    const screen = this.screen;
    this.values = Object.fromEntries((screen?.fields ?? []).map((field) => [field.key, field.value]));
    this.touched = new Set();
    this.attempted = false;
    this.refused = new Set(screen?.problem?.kind === 'fieldsInvalid' ? screen.problem.fields : []);
    if (this.activeKey !== null && !(screen?.fields ?? []).some((field) => field.key === this.activeKey)) this.activeKey = null;
  }

  #value(field: FieldView): string {
    return this.values[field.key] ?? field.value;
  }

  /** What the input shows: an ID number typed in full is masked (first 6, last 4) once left. */
  #shown(field: FieldView): string {
    const value = this.#value(field);
    return field.input === 'idNumber' && this.focusedKey !== field.key && /^\d{17}[\dX]$/.test(value) ? maskIdNumber(value) : value;
  }

  #input(key: string): HTMLInputElement | null {
    return [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[data-testid="field"]')].find((input) => input.dataset.key === key) ?? null;
  }

  #set(key: string, value: string): void {
    this.values = { ...this.values, [key]: value };
    if (this.refused.has(key)) this.refused = new Set([...this.refused].filter((refused) => refused !== key));
  }

  /** What the agent sees as wrong with a field right now, or null. */
  #error(field: FieldView): MessageKey | null {
    const local = errorShown(fieldError(field, this.#value(field)), { attempted: this.attempted, touched: this.touched.has(field.key) });
    if (local !== null) return errorWords[local];
    return this.refused.has(field.key) ? 'fields.error.refused' : null;
  }

  #onInput(field: FieldView, event: Event): void {
    const input = event.target as HTMLInputElement;
    // Codes and ID numbers are capitals (a lower-case x typed on a keyboard is the check X).
    if (field.input === 'code' || field.input === 'idNumber') {
      const upper = input.value.toUpperCase();
      if (upper !== input.value) {
        const caret = input.selectionStart;
        input.value = upper;
        input.setSelectionRange(caret, caret);
      }
    }
    this.#set(field.key, input.value);
  }

  /**
   * Keeps the field being typed into in view: the keys showing under the form (narrow panels)
   * make its area smaller, so this waits for that layout before scrolling.
   */
  async #reveal(input: HTMLInputElement): Promise<void> {
    await this.updateComplete;
    requestAnimationFrame(() => this.renderRoot.querySelector<ScrollArea>('.form-area')?.reveal(input.closest('.field') ?? input));
  }

  #onBlur(field: FieldView): void {
    if (!this.touched.has(field.key)) this.touched = new Set([...this.touched, field.key]);
  }

  async #onKeypad(event: CustomEvent<KeypadEdit>): Promise<void> {
    const field = this.screen?.fields.find((candidate) => candidate.key === this.activeKey);
    const input = field === undefined ? null : this.#input(field.key);
    if (field === undefined || input === null) return;
    const value = this.#value(field);
    const edited = applyKeypadEdit(value, input.selectionStart ?? value.length, input.selectionEnd ?? value.length, event.detail, maxLengths[field.input]);
    // Dashes come by themselves while a date is typed; deleting keeps what the agent left.
    const result = field.input === 'date' && event.detail.kind === 'insert' ? shapeDate(edited) : edited;
    this.#set(field.key, result.value);
    await this.updateComplete;
    input.setSelectionRange(result.caret, result.caret);
  }

  #confirm(event: Event): void {
    event.preventDefault();
    const screen = this.screen;
    if (screen === null) return;
    this.attempted = true;
    const invalid = screen.fields.filter((field) => fieldError(field, this.#value(field)) !== null);
    if (invalid.length > 0) {
      const first = invalid[0];
      if (first !== undefined) this.#input(first.key)?.focus();
      return;
    }
    const fields = Object.fromEntries(screen.fields.map((field) => [field.key, this.#value(field).trim()]));
    this.act({ action: 'confirmFields', fields });
  }

  #problem(screen: FieldsScreen) {
    const invalid = screen.fields.filter((field) => this.#error(field) !== null).length;
    if (invalid > 0) {
      return html`<div class="problem" data-level="unavailable" data-testid="fields-problem">
        ${levelIcon('attention', 40)}
        <p class="problem-what">${this.t('fields.invalidSummary', { count: invalid })}</p>
      </div>`;
    }
    const problem = screen.problem;
    if (problem === null || problem.kind === 'fieldsInvalid') return nothing;
    const words = problemWords(problem);
    return html`<div class="problem" data-level="unavailable" data-testid="fields-problem">
      ${levelIcon('attention', 40)}
      <div class="problem-text">
        <p class="problem-what">${this.t(words.what)}</p>
        <p>${this.t(words.next)}</p>
      </div>
    </div>`;
  }

  /** A certificate's type or a consent: large buttons, one pressed; nothing to type. */
  #choice(field: FieldView, index: number, error: MessageKey | null) {
    const value = this.#value(field);
    return html`<div class="field">
      <div class="field-head">
        <span class="label" id="label-${index}">${inLanguage(this.language, field.label)}</span>
        <span class="tag" id="source-${index}" data-source=${sourceShown(field, this.#value(field))}>${this.t(sourceWords[sourceShown(field, this.#value(field))])}</span>
        ${field.required ? html`<span class="required">${this.t('fields.required')}</span>` : nothing}
      </div>
      <div class="choices" role="group" aria-labelledby="label-${index}" data-testid="field" data-key=${field.key} data-input="choice" data-value=${value}>
        ${(field.choices ?? []).map(
          (choice) => html`<button
            type="button"
            class="choice"
            data-testid="field-choice"
            data-value=${choice.value}
            aria-pressed=${choice.value === value ? 'true' : 'false'}
            @click=${() => this.#set(field.key, choice.value)}
          >
            ${inLanguage(this.language, choice.label)}
          </button>`,
        )}
      </div>
      ${error === null ? nothing : html`<p class="error" id="error-${index}">${levelIcon('unavailable', 28)}${this.t(error)}</p>`}
    </div>`;
  }

  #field(field: FieldView, index: number) {
    const error = this.#error(field);
    if (field.input === 'choice') return this.#choice(field, index, error);
    const keys = keysFor(field.input);
    const describedBy = error === null ? `source-${index}` : `source-${index} error-${index}`;
    return html`<div class="field">
      <div class="field-head">
        <label for="field-${index}">${inLanguage(this.language, field.label)}</label>
        <span class="tag" id="source-${index}" data-source=${sourceShown(field, this.#value(field))}>${this.t(sourceWords[sourceShown(field, this.#value(field))])}</span>
        ${field.required ? html`<span class="required">${this.t('fields.required')}</span>` : nothing}
      </div>
      <input
        id="field-${index}"
        name=${field.key}
        data-testid="field"
        data-key=${field.key}
        data-input=${field.input}
        ?data-active=${keys !== null && this.activeKey === field.key}
        type="text"
        inputmode="none"
        autocomplete="off"
        autocapitalize=${keys === 'text' ? 'off' : 'characters'}
        spellcheck="false"
        maxlength=${maxLengths[field.input]}
        aria-required=${field.required ? 'true' : 'false'}
        aria-invalid=${error === null ? 'false' : 'true'}
        aria-describedby=${describedBy}
        .value=${live(this.#shown(field))}
        @focus=${(event: FocusEvent) => {
          this.activeKey = field.key;
          this.focusedKey = field.key;
          void this.#reveal(event.target as HTMLInputElement);
        }}
        @input=${(event: Event) => this.#onInput(field, event)}
        @blur=${() => {
          this.focusedKey = null;
          this.#onBlur(field);
        }}
      />
      ${error === null ? nothing : html`<p class="error" id="error-${index}">${levelIcon('unavailable', 28)}${this.t(error)}</p>`}
    </div>`;
  }

  #keypad(screen: FieldsScreen) {
    if (!screen.fields.some((field) => keysFor(field.input) !== null)) return nothing;
    const active = screen.fields.find((field) => field.key === this.activeKey);
    const layout = active === undefined ? null : keysFor(active.input);
    if (active === undefined || layout === null) {
      return html`<div class="keypad"><p class="keypad-hint">${this.t('fields.keypadHint')}</p></div>`;
    }
    const label = inLanguage(this.language, active.label);
    if (layout === 'text') {
      return html`<div class="keypad" data-layout="text">
        <p class="keypad-target">${this.t('fields.keypadTarget', { field: label })}</p>
        <text-keyboard
          .language=${this.language}
          .target=${active.key}
          .label=${this.t('fields.keypadFor', { field: label })}
          @keypad-edit=${(event: CustomEvent<KeypadEdit>) => void this.#onKeypad(event)}
        ></text-keyboard>
      </div>`;
    }
    return html`<div class="keypad" data-layout=${layout}>
      <p class="keypad-target">${this.t('fields.keypadTarget', { field: label })}</p>
      ${layout === 'date' ? html`<p class="keypad-hint" data-testid="date-format">${this.t('fields.dateFormat')}</p>` : nothing}
      <code-keypad
        .language=${this.language}
        .layout=${layout}
        .label=${this.t('fields.keypadFor', { field: label })}
        @keypad-edit=${(event: CustomEvent<KeypadEdit>) => void this.#onKeypad(event)}
      ></code-keypad>
    </div>`;
  }

  protected override render() {
    const screen = this.screen;
    if (screen === null) return html``;
    return html`
      <h1>${this.t('fields.title', { paper: inLanguage(this.language, screen.paper.label) })}</h1>
      <p class="lead">${this.t(fieldsIntroKey(screen.fields))}</p>
      ${(screen.missingStamps ?? []).length === 0
        ? nothing
        : html`<div class="problem" data-level="attention" data-testid="fields-stamps-missing">
            ${levelIcon('attention', 40)}
            <p class="problem-what">${this.t('fields.stampsMissing', { stamps: (screen.missingStamps ?? []).map((stamp) => inLanguage(this.language, stamp)).join(this.language === 'en' ? ', ' : '、') })}</p>
          </div>`}
      <div aria-live="assertive">${this.#problem(screen)}</div>
      <div class="layout">
        <scroll-area class="form-area" .language=${this.language}>
          <form id="fields-form" novalidate @submit=${(event: Event) => this.#confirm(event)}>
            ${screen.fields.map((field, index) => this.#field(field, index))}
          </form>
        </scroll-area>
        ${this.#keypad(screen)}
        <div class="actions">
          <button type="submit" form="fields-form" class="primary" data-testid="fields-confirm">${this.t('fields.confirm')}</button>
          <button type="button" class="secondary" data-testid="fields-rescan" @click=${() => this.act({ action: 'rescan' })}>${this.t('fields.rescan')}</button>
        </div>
      </div>
    `;
  }
}

customElements.define('paper-fields', PaperFields);

declare global {
  interface HTMLElementTagNameMap {
    'paper-fields': PaperFields;
  }
}
