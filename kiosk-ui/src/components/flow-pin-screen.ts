// The PIN screens on the on-screen pad: the card's PIN (enterPin), and a new PIN typed twice
// (newPin) with the policy spelled out and the daemon's refusal shown. The first entry of a new
// PIN goes to the daemon alone (checkNewPin), which checks it against the one policy
// (daemon/cards/pin-policy.ts, with the holder's birth date only the card knows) before the pad
// asks for it again; meanwhile it waits in a private field, and both entries are forgotten once
// sent. A refusal shown goes as soon as the agent starts the next try. When the card asks for a
// PIN verified a moment ago, the screen says why.
// The PIN change (changePin) runs the three entries on one pad: the current PIN (sent alone with
// `pin`, verified on the card at once), then the new PIN as above; the last entry sends all three
// (`changePin`). The current PIN waits in a private field like the first entry, and both go once
// sent; a page that lost them (a reload) starts again from the current PIN.
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { FlowProblem, FlowScreen } from '../../../contract/flow-view.ts';
import type { FlowAction } from '../../../contract/protocol/flow-messages.ts';
import { defaultLanguage, type Language, type MessageKey } from '../i18n.ts';
import { baseStyles } from '../theme.ts';
import { registryOperationInTextKey } from '../words/management.ts';
import { cardFacts, flowActionEvent, flowScreenStyles, problemBlock, screenContext } from './flow-kit.ts';
import type { PinPad, PinSubmitDetail } from './pin-pad.ts';
import './pin-pad.ts';

/** The E-Port PIN is 8 digits. */
export const flowPinLength = 8;

export type PinScreen = Extract<FlowScreen, { screen: 'enterPin' | 'newPin' | 'changePin' }>;
export type Stage = 'current' | 'first' | 'again';

/**
 * What a new PIN typed on the pad sends: the first entry alone, to be checked against the policy;
 * the second with the first, to be set. `first` is what the screen holds afterwards.
 */
export function newPinEntry(stage: Exclude<Stage, 'current'>, first: string, pin: string): { action: FlowAction; first: string } {
  switch (stage) {
    case 'first':
      return { action: { action: 'checkNewPin', pin }, first: pin };
    case 'again':
      return { action: { action: 'newPin', pin: first, confirmation: pin }, first: '' };
  }
}

/** The stage once the daemon answered: again only when it passed the first entry and the screen still holds it. */
export function newPinStage(screen: PinScreen | null, first: string): Stage {
  return screen?.screen === 'newPin' && screen.entry === 'again' && first !== '' ? 'again' : 'first';
}

/**
 * The PIN change's stage once the daemon answered: the current PIN until the daemon verified it
 * and the screen still holds it; then the new PIN's first entry, and again once that passed.
 */
export function changePinStage(screen: Extract<PinScreen, { screen: 'changePin' }>, held: { current: string; first: string }): Stage {
  // 'settle': the new PIN goes alone to be verified, as the current one does.
  if (screen.entry === 'current' || screen.entry === 'settle' || held.current === '') return 'current';
  return screen.entry === 'again' && held.first !== '' ? 'again' : 'first';
}

/**
 * What one entry of the PIN change sends, and what the screen holds afterwards: the current PIN
 * alone (to be verified), the new PIN's first entry alone (the policy), then all three.
 */
export function changePinEntry(stage: Stage, held: { current: string; first: string }, pin: string): { action: FlowAction; held: { current: string; first: string } } {
  switch (stage) {
    case 'current':
      return { action: { action: 'pin', pin }, held: { current: pin, first: '' } };
    case 'first':
      return { action: { action: 'checkNewPin', pin }, held: { current: held.current, first: pin } };
    case 'again':
      return { action: { action: 'changePin', oldPin: held.current, pin: held.first, confirmation: pin }, held: { current: '', first: '' } };
  }
}

/** The problem on screen: a refusal of a new PIN goes once the agent types the next try. */
export function pinProblemShown(screen: PinScreen, typedSince: boolean): FlowProblem | null {
  return screen.screen !== 'enterPin' && typedSince ? null : screen.problem;
}

function changePinPrompt(stage: Stage, busy: boolean): MessageKey {
  switch (stage) {
    case 'current':
      return busy ? 'changePin.verifying' : 'changePin.current';
    case 'first':
      return busy ? 'changePin.checking' : 'changePin.first';
    case 'again':
      return 'changePin.again';
  }
}

export class FlowPinScreen extends LitElement {
  static override properties = {
    language: { type: String },
    screen: { attribute: false },
    busy: { type: Boolean },
    stage: { state: true },
    typedSince: { state: true },
  };

  static override styles = [
    baseStyles,
    flowScreenStyles,
    css`
      :host {
        display: block;
      }
      .pad-row {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        align-items: flex-start;
        gap: 40px;
        width: 100%;
      }
      .screen {
        gap: 20px;
      }
      .side {
        display: flex;
        flex-direction: column;
        gap: 20px;
        max-width: 520px;
        text-align: left;
      }
      .policy {
        padding: 16px 20px;
        border-radius: 14px;
        background: #e0ecfa;
        color: #0f2540;
        font-size: 22px;
      }
      .policy.first-use {
        background: #fef3c7;
        color: #713f12;
        border: 2px solid #e0b44c;
      }
      .facts {
        grid-template-columns: 1fr;
        padding: 20px 24px;
      }
      pin-pad {
        flex: none;
      }
    `,
  ];

  declare language: Language;
  declare screen: PinScreen | null;
  declare busy: boolean;
  declare stage: Stage;
  /** The agent typed since the daemon last answered (its refusal is then stale). */
  declare typedSince: boolean;
  #first = '';
  /** The PIN change's current PIN, verified by the daemon, until the last entry sends it. */
  #current = '';

  constructor() {
    super();
    this.language = defaultLanguage;
    this.screen = null;
    this.busy = false;
    this.stage = 'first';
    this.typedSince = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#current = '';
    this.#restart();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new screen from the daemon (a refusal, a wrong PIN, the first entry passed), or its answer
    // that changed nothing on screen (the same refusal again): the entry goes on or starts over.
    const answered = changed.has('busy') && !this.busy && changed.get('busy') === true;
    if (!changed.has('screen') && !answered) return;
    this.typedSince = false;
    const screen = this.screen;
    this.stage = screen?.screen === 'changePin' ? changePinStage(screen, { current: this.#current, first: this.#first }) : newPinStage(screen, this.#first);
    if (this.stage === 'current') this.#current = '';
    if (this.stage !== 'again') this.#first = '';
    this.renderRoot.querySelector<PinPad>('pin-pad')?.clear();
  }

  /** The new PIN from its first entry (the current PIN, verified, is kept). */
  #restart(): void {
    this.#first = '';
    this.stage = this.screen?.screen === 'changePin' && this.#current === '' ? 'current' : 'first';
    this.renderRoot.querySelector<PinPad>('pin-pad')?.clear();
  }

  #typed(): void {
    if (!this.typedSince) this.typedSince = true;
  }

  #submit(event: CustomEvent<PinSubmitDetail>): void {
    event.stopPropagation();
    const screen = this.screen;
    if (screen === null || this.busy) return;
    const { pin } = event.detail;
    switch (screen.screen) {
      case 'enterPin':
        this.dispatchEvent(flowActionEvent({ action: 'pin', pin }));
        return;
      case 'newPin': {
        // The stage moves when the daemon answers (willUpdate): again, or a refusal and first.
        const entry = newPinEntry(this.stage === 'again' ? 'again' : 'first', this.#first, pin);
        this.#first = entry.first;
        this.dispatchEvent(flowActionEvent(entry.action));
        return;
      }
      case 'changePin': {
        const entry = changePinEntry(this.stage, { current: this.#current, first: this.#first }, pin);
        this.#current = entry.held.current;
        this.#first = entry.held.first;
        this.dispatchEvent(flowActionEvent(entry.action));
        return;
      }
    }
  }

  protected override render() {
    const screen = this.screen;
    if (screen === null) return html``;
    const context = screenContext(this.language, this.busy, (action) => this.dispatchEvent(flowActionEvent(action)));
    const isNew = screen.screen === 'newPin';
    const changing = screen.screen === 'changePin';
    const checking = isNew && this.busy && this.stage === 'first';
    const settling = screen.screen === 'changePin' && screen.entry === 'settle' && !this.busy;
    const prompt = settling ? context.t('changePin.settle') : changing ? context.t(changePinPrompt(this.stage, this.busy)) : isNew ? context.t(checking ? 'newPin.checking' : this.stage === 'first' ? 'newPin.first' : 'newPin.again') : context.t('pinEntry.hint');
    const renewing = screen.screen === 'enterPin' && screen.purpose === 'renew';
    const askedAgain = screen.screen === 'enterPin' && screen.verifiedBefore;
    const firstUse = changing && screen.firstUse;
    const authorise = screen.screen === 'enterPin' ? screen.authorise : undefined;
    const title = changing ? 'changePin.title' : isNew ? 'newPin.title' : renewing ? 'pinEntry.titleRenew' : authorise !== undefined ? 'management.authoriseTitle' : 'pinEntry.title';
    return html`
      <div class="screen">
        <h1 id="screen-title">${context.t(title)}</h1>
        <p class="lead" aria-live="polite" data-testid="pin-stage" data-stage=${isNew || changing ? this.stage : 'pin'}>${prompt}</p>
        <div class="pad-row">
          <div class="side">
            ${problemBlock(context, pinProblemShown(screen, this.typedSince))}
            ${authorise === undefined
              ? html``
              : html`<p class="policy first-use" data-testid="pin-authorise" data-operation=${authorise.operation}>
                  ${authorise.target === null
                    ? context.t('management.authoriseDeclare')
                    : context.t('management.authorise', { operation: context.t(registryOperationInTextKey(authorise.operation)), cardNo: authorise.target.cardNo, holder: authorise.target.holderName })}
                </p>`}
            ${askedAgain ? html`<p class="policy" data-testid="pin-asked-again">${context.t('pinEntry.askedAgain')}</p>` : html``}
            ${firstUse ? html`<p class="policy first-use" data-testid="pin-first-use">${context.t('changePin.firstUse')}</p>` : html``}
            ${cardFacts(context, screen.card, ['holder', 'cardNo'])}
            ${isNew ? html`<p class="policy" data-testid="pin-policy">${context.t('newPin.policy')}</p>` : html``}
            ${changing && this.stage !== 'current' ? html`<p class="policy" data-testid="pin-policy">${context.t('changePin.policy')}</p>` : html``}
            ${renewing
              ? html`<button type="button" class="secondary" data-testid="pin-skip-card" ?disabled=${this.busy} @click=${() => context.act({ action: 'next' })}>
                  ${context.t('pinEntry.skipCard')}
                </button>`
              : html``}
            ${(isNew || changing) && this.stage === 'again'
              ? html`<button type="button" class="secondary" data-testid="pin-restart" @click=${() => this.#restart()}>${context.t(changing ? 'changePin.restart' : 'newPin.restart')}</button>`
              : html``}
          </div>
          <pin-pad
            .language=${this.language}
            .minLength=${flowPinLength}
            .maxLength=${flowPinLength}
            .keyboard=${true}
            .submitTestId=${'pin-ok'}
            ?disabled=${this.busy}
            @pin-submit=${(event: CustomEvent<PinSubmitDetail>) => this.#submit(event)}
            @pin-typed=${() => this.#typed()}
          ></pin-pad>
        </div>
      </div>
    `;
  }
}

customElements.define('flow-pin-screen', FlowPinScreen);

declare global {
  interface HTMLElementTagNameMap {
    'flow-pin-screen': FlowPinScreen;
  }
}
