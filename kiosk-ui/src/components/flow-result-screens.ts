// The screens while the kiosk works and after: progress, the renewal's list of renewed cards (and
// what stands after a cancel), the done screen with its receipt, and the failed screen (always
// with a way out).
import { ref } from 'lit/directives/ref.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { FlowOutcome, FlowScreen, ReceiptState, RenewedCardView } from '../../../contract/flow-view.ts';
import { intakeNotAcceptableKey, progressShown, progressText, taskKey } from '../flow-words.ts';
import { inLanguage } from '../paper-words.ts';
import { businessKey, cardTypeKey } from '../words/domain.ts';
import { registryOperationInTextKey } from '../words/management.ts';
import { formatDate, problemBlock, type ScreenContext } from './flow-kit.ts';
import './scroll-area.ts';

type Screen<N extends FlowScreen['screen']> = Extract<FlowScreen, { screen: N }>;

/**
 * Sets an element's width through the CSSOM: the page's Content-Security-Policy refuses inline
 * style attributes, and lit's styleMap writes one on the first render.
 */
function widthOf(fraction: number): (element: Element | undefined) => void {
  return (element) => {
    if (element instanceof HTMLElement) element.style.width = `${Math.round(fraction * 100)}%`;
  };
}

export function workingScreen(context: ScreenContext, screen: Screen<'working'>): TemplateResult {
  const progress = screen.progress === null ? null : progressShown(screen.progress);
  const label = progress === null ? '' : progressText(context.language, progress);
  return html`
    <h1 id="screen-title">${context.t(taskKey(screen.task))}</h1>
    ${progress === null
      ? html`<div class="spinner" aria-hidden="true"></div>`
      : html`<div
          class="progress"
          role="progressbar"
          data-testid="progress-bar"
          data-step=${screen.progress?.step ?? ''}
          aria-label=${context.t(taskKey(screen.task))}
          aria-valuemin="0"
          aria-valuemax=${progress.of}
          aria-valuenow=${progress.number}
          aria-valuetext=${label}
        >
          <div class="progress-fill" ${ref(widthOf(progress.fraction))}></div>
        </div>`}
    <p class="lead" aria-live="polite" data-testid="progress-text">${label}</p>
    <p class="hint">${context.t('working.keepCard')}</p>
  `;
}

/** The cards renewed so far, in columns that line up, scrolling in their own area when many. */
function renewedList(context: ScreenContext, renewed: readonly RenewedCardView[]): TemplateResult {
  return html`<scroll-area .language=${context.language}>
    <ul class="renewed" data-testid="renewed-cards">
      ${renewed.map(
        (card) => html`<li>
          <span class="renewed-name">${card.holderName} · ${context.t(cardTypeKey(card.cardType))}</span>
          <span class="renewed-no">${card.cardNo}</span>
          <span>${context.t('renewalNext.validUntil', { date: formatDate(card.notAfter, context.language) })}</span>
        </li>`,
      )}
    </ul>
  </scroll-area>`;
}

export function renewalNextScreen(context: ScreenContext, screen: Screen<'renewalNext'>): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('renewalNext.title')}</h1>
    ${screen.renewed.length === 0 ? html`<p class="lead">${context.t('renewalNext.none')}</p>` : renewedList(context, screen.renewed)}
    <div class="actions">
      <button type="button" class="secondary" data-testid="flow-another-card" ?disabled=${context.busy} @click=${() => context.act({ action: 'anotherCard' })}>
        ${context.t('renewalNext.another')}
      </button>
      <button type="button" class="primary" data-testid="flow-finish" ?disabled=${context.busy} @click=${() => context.act({ action: 'finish' })}>
        ${context.t('flow.finish')}
      </button>
    </div>
  `;
}

/** What an intake check found missing or wrong: on the done screen whether or not the receipt printed. */
function intakeList(context: ScreenContext, outcome: Extract<FlowOutcome, { flow: 'intake' }>): TemplateResult {
  const findings = [...outcome.findings.filter((f) => f.severity === 'error'), ...outcome.findings.filter((f) => f.severity === 'warning')];
  return html`<scroll-area .language=${context.language}><div class="intake-list" data-testid="done-list">
    ${outcome.missing.length === 0
      ? nothing
      : html`<h2>${context.t('done.missingTitle', { count: outcome.missing.length })}</h2>
          <ul>
            ${outcome.missing.map((paper) => html`<li data-testid="done-missing-paper">${inLanguage(context.language, paper)}</li>`)}
          </ul>`}
    ${findings.length === 0
      ? nothing
      : html`<h2>${context.t('done.findingsTitle', { count: findings.length })}</h2>
          <ul>
            ${findings.map((finding) => html`<li data-testid="done-finding" data-rule=${finding.ruleId} data-severity=${finding.severity}>${inLanguage(context.language, finding.message)}</li>`)}
          </ul>`}
  </div></scroll-area>`;
}


/** Canceled after renewals: they stand, and their receipt is still offered; back goes on renewing. */
export function renewalCanceledScreen(context: ScreenContext, screen: Screen<'renewalCanceled'>): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('renewalCanceled.title')}</h1>
    <p class="lead" data-testid="renewals-stand">${context.t('renewalCanceled.body', { count: screen.renewed.length })}</p>
    ${renewedList(context, screen.renewed)}
    <p class="lead">${context.t('renewalCanceled.receipt')}</p>
    <div class="actions">
      <button type="button" class="secondary" data-testid="renewal-canceled-go-on" ?disabled=${context.busy} @click=${() => context.act({ action: 'back' })}>
        ${context.t('renewalCanceled.goOn')}
      </button>
      <button type="button" class="secondary" data-testid="flow-finish" ?disabled=${context.busy} @click=${() => context.act({ action: 'finish' })}>
        ${context.t('renewalCanceled.noReceipt')}
      </button>
      <button type="button" class="primary" data-testid="receipt-print" ?disabled=${context.busy} @click=${() => context.act({ action: 'printReceipt' })}>
        ${context.t('renewalCanceled.print')}
      </button>
    </div>
  `;
}

function outcomeSummary(context: ScreenContext, outcome: FlowOutcome, receipt: ReceiptState): TemplateResult {
  switch (outcome.flow) {
    case 'unlock':
      return html`<p class="lead">${context.t('done.unlock', { holder: outcome.card.holderName })}</p>`;
    case 'renewal':
      return html`<p class="lead">${context.t('done.renewal', { enterprise: outcome.enterpriseName, count: outcome.cards.length })}</p>`;
    case 'intake':
      // No ticket: the papers were not acceptable; the list stays here, printed or not.
      if (outcome.ticket === null) {
        return html`<p class="lead">${context.t(intakeNotAcceptableKey(receipt), { business: context.t(businessKey(outcome.business)) })}</p>
          ${intakeList(context, outcome)}`;
      }
      return html`<p class="lead">${context.t('done.intake', { business: context.t(businessKey(outcome.business)) })}</p>
        <div class="ticket" data-testid="ticket">
          <span class="ticket-label">${context.t('done.ticket')}</span>
          <span class="ticket-number">${outcome.ticket}</span>
        </div>`;
    case 'query':
      return html`<p class="lead">${context.t('done.query')}</p>`;
    case 'pinChange':
      return html`<p class="lead">${context.t('done.pinChange', { holder: outcome.card.holderName })}</p>`;
    case 'cardManagement':
      return outcome.change === null
        ? html`<p class="lead">${context.t('management.doneList')}</p>`
        : html`<p class="lead" data-testid="registry-change" data-operation=${outcome.change.operation} data-reference=${outcome.change.reference}>
            ${context.t('management.done', { operation: context.t(registryOperationInTextKey(outcome.change.operation)), reference: outcome.change.reference })}
          </p>`;
  }
}

function receiptBlock(context: ScreenContext, receipt: ReceiptState): TemplateResult {
  switch (receipt.state) {
    case 'printing':
      return html`<p class="receipt" role="status" data-testid="receipt" data-receipt="printing">${context.t('receipt.printing')}</p>`;
    case 'printed':
      return html`<p class="receipt" role="status" data-testid="receipt" data-receipt="printed">${context.t('receipt.printed')}</p>`;
    case 'skipped':
      return html`<p class="receipt" role="status" data-testid="receipt" data-receipt="skipped">${context.t('receipt.skipped')}</p>`;
    case 'failed':
      return html`<div class="receipt-failed" data-testid="receipt" data-receipt="failed">
        <h2>${context.t('receipt.failed')}</h2>
        ${problemBlock(context, receipt.problem)}
        <div class="actions">
          <button type="button" class="secondary" data-testid="flow-finish" ?disabled=${context.busy} @click=${() => context.act({ action: 'finish' })}>
            ${context.t('flow.finish')}
          </button>
          <button type="button" class="primary" data-testid="receipt-retry" ?disabled=${context.busy} @click=${() => context.act({ action: 'printReceipt' })}>
            ${context.t('receipt.retry')}
          </button>
        </div>
      </div>`;
  }
}

/**
 * After an operator-card operation: back to the list for another (the card is still in), and after
 * a declaration the add-operator paper check (the page starts it; this business ends as abandoned).
 */
function managementNext(context: ScreenContext, outcome: Extract<FlowOutcome, { flow: 'cardManagement' }>): TemplateResult {
  const toAddOperator = (event: Event): void => {
    event.currentTarget?.dispatchEvent(new CustomEvent('start-flow', { detail: { flow: 'intake', business: 'add_operator' }, bubbles: true, composed: true }));
  };
  return html`<button type="button" class="secondary" data-testid="management-back-to-list" ?disabled=${context.busy} @click=${() => context.act({ action: 'next' })}>
      ${context.t('management.backToList')}
    </button>
    ${outcome.change?.operation === 'declareOperator'
      ? html`<button type="button" class="secondary" data-testid="management-to-add-operator" ?disabled=${context.busy} @click=${toAddOperator}>${context.t('management.toAddOperator')}</button>`
      : nothing}`;
}

export function doneScreen(context: ScreenContext, screen: Screen<'done'>): TemplateResult {
  // While the receipt prints there is nothing to press; a failed receipt offers print again and finish.
  const canFinish = screen.receipt.state === 'printed' || screen.receipt.state === 'skipped';
  const notAcceptable = screen.outcome.flow === 'intake' && screen.outcome.ticket === null;
  return html`
    <h1 id="screen-title">${context.t(notAcceptable ? 'done.intakeNotAcceptable.title' : 'done.title')}</h1>
    ${outcomeSummary(context, screen.outcome, screen.receipt)} ${receiptBlock(context, screen.receipt)}
    ${canFinish
      ? html`<div class="actions">
          ${screen.outcome.flow === 'cardManagement' ? managementNext(context, screen.outcome) : nothing}
          <button type="button" class="primary" data-testid="flow-finish" ?disabled=${context.busy} @click=${() => context.act({ action: 'finish' })}>
            ${context.t('flow.finish')}
          </button>
        </div>`
      : nothing}
  `;
}

export function failedScreen(context: ScreenContext, screen: Screen<'failed'>, home: () => void): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('failed.title')}</h1>
    ${problemBlock(context, screen.problem)}
    <div class="actions">
      ${screen.next === null
        ? nothing
        : html`<button type="button" class="primary" data-testid="flow-next" ?disabled=${context.busy} @click=${() => context.act({ action: 'next' })}>
            ${context.t(screen.next === 'retry' ? 'failed.retry' : 'failed.goOn')}
          </button>`}
      <button type="button" class=${screen.next === null ? 'primary' : 'secondary'} data-testid="flow-home" ?disabled=${context.busy} @click=${home}>${context.t('flow.home')}</button>
    </div>
  `;
}
