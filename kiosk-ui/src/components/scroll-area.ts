// A part of a screen that scrolls inside its own box: a long checklist, the verdict's findings,
// the renewed cards, a form. The agent has a finger and no scroll bar to find, so while there is
// more below (or above) a cue says so on the edge of the box, and tapping it moves a page; a
// swipe scrolls as well. What sits outside the area (the screen's actions) never scrolls away.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { defaultLanguage, translate, type Language } from '../i18n.ts';
import { baseStyles } from '../theme.ts';

/** Which way there is more to see. */
export type ScrollMore = 'none' | 'below' | 'above';

/**
 * What the cue offers for a scroll position: more below while the end is not in view, else more
 * above once scrolled down. `slack` absorbs sub-pixel rounding of fractional layouts.
 */
export function scrollMore(position: { scrollTop: number; scrollHeight: number; clientHeight: number }, slack = 2): ScrollMore {
  if (position.scrollHeight - position.clientHeight <= slack) return 'none';
  if (position.scrollTop + position.clientHeight < position.scrollHeight - slack) return 'below';
  return position.scrollTop > slack ? 'above' : 'none';
}

export class ScrollArea extends LitElement {
  static override properties = {
    language: { type: String },
    more: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        position: relative;
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .viewport {
        flex: 1 1 auto;
        min-height: 0;
        overflow-y: auto;
        overscroll-behavior: contain;
        scrollbar-width: none;
      }
      .cue {
        position: absolute;
        left: 50%;
        z-index: 2;
        display: inline-flex;
        align-items: center;
        gap: 12px;
        min-height: 56px;
        padding: 0 28px;
        transform: translateX(-50%);
        border: 2px solid #0a3a6b;
        border-radius: 999px;
        background: #ffffff;
        color: #0a3a6b;
        font-size: 22px;
        font-weight: 700;
        white-space: nowrap;
        box-shadow: 0 6px 18px rgb(15 37 64 / 0.22);
      }
      .cue.below {
        bottom: 8px;
      }
      .cue.above {
        top: 8px;
      }
      /* A fade on the edge with more: the list visibly goes on. */
      .viewport.below {
        mask-image: linear-gradient(to bottom, #000 calc(100% - 72px), transparent);
      }
    `,
  ];

  declare language: Language;
  declare more: ScrollMore;
  #resize: ResizeObserver | null = null;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.more = 'none';
  }

  get #viewport(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.viewport');
  }

  /** Measures again: the content changed size, or the box did. */
  readonly #measure = (): void => {
    const viewport = this.#viewport;
    if (viewport !== null) this.more = scrollMore(viewport);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(this.#measure);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = null;
  }

  protected override firstUpdated(): void {
    const viewport = this.#viewport;
    if (viewport === null) return;
    this.#resize?.observe(viewport);
    this.#observeSlotted();
  }

  /** The slotted elements' size changes are the content's: observed as they come and go. */
  #observeSlotted(): void {
    const slot = this.renderRoot.querySelector('slot');
    for (const element of slot?.assignedElements({ flatten: true }) ?? []) this.#resize?.observe(element);
    this.#measure();
  }

  /** Moves the content most of a box's height, keeping a line of what was seen for context. */
  #page(direction: 1 | -1): void {
    const viewport = this.#viewport;
    if (viewport === null) return;
    viewport.scrollBy({ top: direction * Math.max(80, viewport.clientHeight - 96), behavior: 'instant' });
    this.#measure();
  }

  /** Brings `element` (inside the area) into view: a field being typed into, a new problem. */
  reveal(element: Element): void {
    element.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    this.#measure();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('more')) this.dataset.more = this.more;
  }

  protected override render() {
    const t = (key: 'flow.scrollMore' | 'flow.scrollBack') => translate(this.language, key);
    return html`
      <div class="viewport ${this.more}" data-testid="scroll-viewport" tabindex="0" @scroll=${this.#measure}>
        <slot @slotchange=${() => this.#observeSlotted()}></slot>
      </div>
      ${this.more === 'none'
        ? nothing
        : html`<button
            type="button"
            class="cue ${this.more}"
            data-testid="scroll-cue"
            data-direction=${this.more}
            aria-hidden="true"
            tabindex="-1"
            @click=${() => this.#page(this.more === 'below' ? 1 : -1)}
          >
            ${this.more === 'below' ? `▼ ${t('flow.scrollMore')}` : `▲ ${t('flow.scrollBack')}`}
          </button>`}
    `;
  }
}

customElements.define('scroll-area', ScrollArea);

declare global {
  interface HTMLElementTagNameMap {
    'scroll-area': ScrollArea;
  }
}
