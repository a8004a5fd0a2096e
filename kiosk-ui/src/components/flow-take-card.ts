// The business is over and the card is still in the reader: a prompt and a chime every few
// seconds until the daemon sees the card taken (the card slot's guide light is the daemon's).
import { css, html, LitElement } from 'lit';
import type { SessionEnd } from '../../../contract/flow-view.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { cardIcon } from '../icons.ts';
import { Chime } from '../sound.ts';
import { baseStyles } from '../theme.ts';
import { flowScreenStyles } from './flow-kit.ts';

/** What the prompt says of how the business ended: a timeout is named, never passed off as done. */
export function takeCardBodyKey(ended: SessionEnd): MessageKey {
  switch (ended) {
    case 'finished':
      return 'takeCard.body.finished';
    case 'canceled':
      return 'takeCard.body.canceled';
    case 'timedOut':
      return 'takeCard.body.timedOut';
    case 'failed':
      return 'takeCard.body.failed';
  }
}

/** How often the chime repeats while the card stays in. */
export const chimeEveryMs = 5_000;

export class FlowTakeCard extends LitElement {
  static override properties = {
    language: { type: String },
    ended: { type: String },
  };

  static override styles = [
    baseStyles,
    flowScreenStyles,
    css`
      :host {
        display: block;
      }
      .slot {
        display: grid;
        place-items: center;
        width: 160px;
        height: 160px;
        border-radius: 40px;
        background: #e0ecfa;
        color: #0a3a6b;
        animation: pulse 1s ease-in-out infinite alternate;
      }
      @keyframes pulse {
        from {
          box-shadow: 0 0 0 0 rgb(10 58 107 / 0.35);
        }
        to {
          box-shadow: 0 0 0 24px rgb(10 58 107 / 0);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .slot {
          animation: none;
        }
      }
    `,
  ];

  declare language: Language;
  declare ended: SessionEnd;
  #chime = new Chime();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.ended = 'finished';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#chime.play();
    this.#timer = setInterval(() => this.#chime.play(), chimeEveryMs);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#chime.close();
  }

  protected override render() {
    return html`<div class="screen" data-testid="take-card">
      <span class="slot">${cardIcon(96)}</span>
      <h1 id="screen-title">${translate(this.language, 'takeCard.title')}</h1>
      <p class="lead" role="alert">${translate(this.language, takeCardBodyKey(this.ended))}</p>
    </div>`;
  }
}

customElements.define('flow-take-card', FlowTakeCard);

declare global {
  interface HTMLElementTagNameMap {
    'flow-take-card': FlowTakeCard;
  }
}
