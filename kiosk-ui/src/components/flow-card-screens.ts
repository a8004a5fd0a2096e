// The card screens of the flows: consent, insert the card, reading it, the card shown, the
// query's card status with what to do next, the renewal's "renew anyway?" and "take the
// previous card out first", and the unlock's "place your ID card on the reader".
import { html, nothing, type TemplateResult } from 'lit';
import type { FlowKind, FlowScreen } from '../../../contract/flow-view.ts';
import { adviceKey, cardWantedKey, lifecycleKey } from '../flow-words.ts';
import { cardTypeKey } from '../words/domain.ts';
import { cardFacts, formatDate, problemBlock, type ScreenContext } from './flow-kit.ts';

type Screen<N extends FlowScreen['screen']> = Extract<FlowScreen, { screen: N }>;

/** Declining is cancelling: nothing has been read yet, so nothing is lost. */
export function consentScreen(context: ScreenContext, cancel: () => void): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('consent.title')}</h1>
    <p class="lead">${context.t('consent.body')}</p>
    <div class="actions">
      <button type="button" class="secondary" data-testid="consent-decline" ?disabled=${context.busy} @click=${cancel}>${context.t('consent.decline')}</button>
      <button type="button" class="primary" data-testid="flow-next" ?disabled=${context.busy} @click=${() => context.act({ action: 'next' })}>
        ${context.t('consent.agree')}
      </button>
    </div>
  `;
}

/** In the intake check the cards are read one by one; `next` goes on with those read so far. */
/**
 * A card still on its initial PIN (first use): the PIN change starts at once, with the card left
 * in the reader (the page starts the pinChange flow; this business ends as abandoned).
 */
function changePinNow(context: ScreenContext): TemplateResult {
  const start = (event: Event): void => {
    event.currentTarget?.dispatchEvent(new CustomEvent('start-flow', { detail: { flow: 'pinChange' }, bubbles: true, composed: true }));
  };
  return html`<div class="actions">
    <button type="button" class="primary" data-testid="start-pin-change" ?disabled=${context.busy} @click=${start}>${context.t('changePin.now')}</button>
  </div>`;
}

export function insertCardScreen(context: ScreenContext, screen: Screen<'insertCard'>, flow: FlowKind): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('insert.title')}</h1>
    <p class="lead" data-wanted=${screen.wanted}>${context.t(cardWantedKey(screen.wanted))}</p>
    <p class="hint">${context.t('insert.light')}</p>
    ${problemBlock(context, screen.problem)}
    ${screen.problem?.kind === 'pinMustChange' ? changePinNow(context) : nothing}
    ${screen.problem?.kind === 'cardExpired'
      ? html`<div class="actions">
          <button type="button" class="primary" data-testid="check-papers" ?disabled=${context.busy} @click=${() => context.act({ action: 'checkPapers' })}>${context.t('insert.checkPapers')}</button>
        </div>`
      : nothing}
    ${screen.cards === undefined || screen.cards.cards.length === 0
      ? nothing
      : html`<section data-testid="cards-to-bring">
          <h2>${context.t('insert.cardsTitle')}</h2>
          <ul>
            ${screen.cards.cards.map(
              (card) => html`<li data-testid="card-to-bring" data-card=${card.cardNo} data-read=${card.read ? 'true' : 'false'}>
                ${context.t(cardTypeKey(card.cardType))} · ${card.holderName} · ${card.cardNo} · ${context.t(card.read ? 'insert.cardRead' : 'insert.cardNotRead')}
              </li>`,
            )}
          </ul>
        </section>`}
    ${flow === 'intake'
      ? html`<div class="actions">
          <button type="button" class="secondary" data-testid="flow-next" ?disabled=${context.busy} @click=${() => context.act({ action: 'next' })}>
            ${context.t('insert.noMoreCards')}
          </button>
        </div>`
      : nothing}
  `;
}

export function readingCardScreen(context: ScreenContext): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('reading.title')}</h1>
    <p class="lead" role="status">${context.t('reading.body')}</p>
  `;
}

export function cardShownScreen(context: ScreenContext, screen: Screen<'cardShown'>): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('card.title')}</h1>
    ${cardFacts(context, screen.card, ['holder', 'idNumber', 'enterprise', 'uscc', 'cardNo', 'type'])}
    <div class="actions">
      <button type="button" class="primary" data-testid="flow-next" ?disabled=${context.busy} @click=${() => context.act({ action: 'next' })}>
        ${context.t('card.confirm')}
      </button>
    </div>
  `;
}

/** More than 90 days left: the days said, and the agent decides (nothing happens unasked). */
export function renewEarlyScreen(context: ScreenContext, screen: Screen<'renewEarly'>): TemplateResult {
  const { card } = screen;
  return html`
    <h1 id="screen-title">${context.t('renewEarly.title')}</h1>
    <p class="lead" data-testid="renew-early" data-days-left=${card.daysLeft}>
      ${context.t('renewEarly.body', { days: card.daysLeft, date: formatDate(card.certificateNotAfter, context.language) })}
    </p>
    ${cardFacts(context, card, ['holder', 'cardNo', 'type'])}
    <p class="lead">${context.t('renewEarly.question')}</p>
    <div class="actions">
      <button type="button" class="secondary" data-testid="renew-early-skip" ?disabled=${context.busy} @click=${() => context.act({ action: 'skipCard' })}>
        ${context.t('renewEarly.skip')}
      </button>
      <button type="button" class="primary" data-testid="renew-early-renew" ?disabled=${context.busy} @click=${() => context.act({ action: 'next' })}>
        ${context.t('renewEarly.renew')}
      </button>
    </div>
  `;
}

/** Renew another card: the one in the reader comes out first (the slot flashes); back: the list. */
export function removePreviousCardScreen(context: ScreenContext): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('removePrevious.title')}</h1>
    <p class="lead" role="status" data-testid="remove-previous-card">${context.t('removePrevious.body')}</p>
  `;
}

export function cardStatusScreen(context: ScreenContext, screen: Screen<'cardStatus'>): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('status.title')}</h1>
    ${cardFacts(context, screen.card, ['holder', 'idNumber', 'enterprise', 'cardNo', 'type', 'lifecycle', 'expiry', 'daysLeft', 'pinTries'], true)}
    <p class="lead" data-testid="registry-status" data-status=${screen.registryStatus ?? 'unknown'}>
      ${context.t('status.registry')}: <strong>${screen.registryStatus === null ? context.t('status.registryUnknown') : context.t(lifecycleKey(screen.registryStatus))}</strong>
    </p>
    ${screen.registryStatus !== null && screen.registryStatus !== screen.card.lifecycle
      ? html`<p class="hint" data-testid="registry-differs">${context.t('status.registryDiffers')}</p>`
      : nothing}
    <div class="advice" data-testid="card-advice" data-advice=${screen.advice}>
      <h2>${context.t('status.next')}</h2>
      <p class="lead">${context.t(adviceKey(screen.advice))}</p>
    </div>
    ${screen.advice === 'changePin' ? changePinNow(context) : nothing}
    <div class="actions">
      <button type="button" class="secondary" data-testid="receipt-print" ?disabled=${context.busy} @click=${() => context.act({ action: 'printReceipt' })}>
        ${context.t('status.print')}
      </button>
      <button type="button" class="primary" data-testid="flow-finish" ?disabled=${context.busy} @click=${() => context.act({ action: 'finish' })}>
        ${context.t('flow.finish')}
      </button>
    </div>
  `;
}

/** A resident ID card laid flat on the reader's pad (drawn, no photo: the kiosk keeps none). */
function idCardPicture(label: string): TemplateResult {
  return html`<svg class="id-card-picture" data-testid="id-card-picture" role="img" aria-label=${label} viewBox="0 0 320 180" width="320" height="180">
    <rect x="10" y="110" width="300" height="60" rx="12" fill="#d9dee5" stroke="#5b6573" stroke-width="3"></rect>
    <rect x="110" y="128" width="100" height="8" rx="4" fill="#5b6573"></rect>
    <g transform="rotate(-6 160 70)">
      <rect x="70" y="20" width="180" height="112" rx="10" fill="#eef6ff" stroke="#1f5fa8" stroke-width="3"></rect>
      <rect x="86" y="40" width="40" height="50" rx="4" fill="#c7d6ea"></rect>
      <rect x="138" y="44" width="96" height="8" rx="4" fill="#1f5fa8"></rect>
      <rect x="138" y="62" width="80" height="8" rx="4" fill="#8aa6c8"></rect>
      <rect x="86" y="104" width="148" height="8" rx="4" fill="#8aa6c8"></rect>
    </g>
    <path d="M160 4 v16 M152 12 l8 8 l8 -8" fill="none" stroke="#1f5fa8" stroke-width="4" stroke-linecap="round"></path>
  </svg>`;
}

/**
 * Unlock: the agent's resident ID card on the ID-card reader; its chip gives the name and the ID
 * number. `useCopy` is offered only when the reader failed or could not read this card.
 */
export function placeIdCardScreen(context: ScreenContext, screen: Screen<'placeIdCard'>): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('idCardPlace.title')}</h1>
    ${idCardPicture(context.t('idCardPlace.picture'))}
    ${screen.reading
      ? html`<p class="lead" role="status" data-testid="id-card-reading">${context.t('idCardPlace.reading')}</p>`
      : html`<p class="lead">${context.t('idCardPlace.body')}</p>`}
    <p class="hint">${context.t('idCardPlace.copyNext')}</p>
    ${problemBlock(context, screen.problem)}
    ${screen.canSkip && !screen.reading
      ? html`<div class="actions">
          <button type="button" class="secondary" data-testid="id-card-use-copy" ?disabled=${context.busy} @click=${() => context.act({ action: 'useCopy' })}>
            ${context.t('idCardPlace.useCopy')}
          </button>
        </div>`
      : nothing}
  `;
}
