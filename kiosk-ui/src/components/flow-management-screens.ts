// Operator-card management with the legal-person card: the enterprise's cards from the registry
// (type, holder, masked ID, registry status, expiry and days left, what to do next), each a button
// that opens its operations; one card's operations, or why none applies here (deregistration only
// once invalidated; the legal-person card's own loss at the counter, with the papers to bring).
import { css, html, nothing, type TemplateResult } from 'lit';
import type { EnterpriseCardView, FlowScreen } from '../../../contract/flow-view.ts';
import { adviceKey, lifecycleKey } from '../flow-words.ts';
import { inLanguage } from '../paper-words.ts';
import { cardTypeKey } from '../words/domain.ts';
import { registryOperationKey } from '../words/management.ts';
import { formatDate, problemBlock, type ScreenContext } from './flow-kit.ts';

type Screen<N extends FlowScreen['screen']> = Extract<FlowScreen, { screen: N }>;

function daysText(context: ScreenContext, days: number): string {
  return days >= 0 ? context.t('card.daysLeftValue', { days }) : context.t('card.expiredAgo', { days: -days });
}

function cardSummary(context: ScreenContext, card: EnterpriseCardView): TemplateResult {
  return html`<span class="ec-head"><strong>${context.t(cardTypeKey(card.cardType))}</strong> · ${card.holderName} · <span data-field="idNumber">${card.holderIdNumberMasked}</span></span>
    <span class="ec-no" data-field="cardNo">${card.cardNo}</span>
    <span class="ec-status" data-field="status" data-status=${card.status}>${context.t('management.registryStatus')}: ${context.t(lifecycleKey(card.status))}</span>
    <span class="ec-expiry" data-field="expiry">${context.t('card.expiry')}: ${formatDate(card.certificateNotAfter, context.language)} (${daysText(context, card.daysLeft)})</span>
    <span class="ec-advice" data-field="advice" data-advice=${card.advice}>${context.t(adviceKey(card.advice))}</span>`;
}

export function enterpriseCardsScreen(context: ScreenContext, screen: Screen<'enterpriseCards'>): TemplateResult {
  return html`
    <h1 id="screen-title">${context.t('management.title')}</h1>
    <p class="lead">${context.t('management.lead', { enterprise: screen.legalPerson.enterpriseName })}</p>
    ${problemBlock(context, screen.problem)}
    <scroll-area .language=${context.language}>
      <ul class="enterprise-cards" data-testid="enterprise-cards">
        ${screen.cards.map(
          (card) => html`<li>
            <button type="button" class="enterprise-card" data-testid="enterprise-card" data-card=${card.cardNo} data-status=${card.status} ?disabled=${context.busy} @click=${() => context.act({ action: 'pickCard', cardNo: card.cardNo })}>
              ${cardSummary(context, card)}
            </button>
          </li>`,
        )}
      </ul>
    </scroll-area>
    <div class="actions">
      <button type="button" class="secondary" data-testid="management-declare" ?disabled=${context.busy} @click=${() => context.act({ action: 'manage', operation: 'declareOperator' })}>
        ${context.t('management.declare')}
      </button>
      <button type="button" class="secondary" data-testid="receipt-print" ?disabled=${context.busy} @click=${() => context.act({ action: 'printReceipt' })}>
        ${context.t('management.print')}
      </button>
      <button type="button" class="primary" data-testid="flow-finish" ?disabled=${context.busy} @click=${() => context.act({ action: 'finish' })}>${context.t('flow.finish')}</button>
    </div>
  `;
}

export function manageCardScreen(context: ScreenContext, screen: Screen<'manageCard'>): TemplateResult {
  const { card } = screen;
  const papers = screen.counterPapers;
  return html`
    <h1 id="screen-title">${context.t('management.cardTitle')}</h1>
    <div class="enterprise-card shown" data-testid="managed-card" data-card=${card.cardNo} data-status=${card.status}>${cardSummary(context, card)}</div>
    ${problemBlock(context, screen.problem)}
    ${card.operations.length === 0 && papers === null ? html`<p class="lead">${context.t('management.none')}</p>` : nothing}
    ${papers === null
      ? nothing
      : html`<section class="counter-papers" data-testid="counter-papers">
          <h2>${context.t('management.counterTitle')}</h2>
          <ul>
            ${papers.map((paper) => html`<li>${inLanguage(context.language, paper)}</li>`)}
          </ul>
        </section>`}
    ${card.cardType !== 'legal_person' && !card.operations.includes('deregister')
      ? html`<p class="hint" data-testid="deregister-only-invalidated">${context.t('management.deregisterOnlyInvalidated')}</p>`
      : nothing}
    <div class="actions">
      ${card.operations.map(
        (operation) => html`<button type="button" class="primary" data-testid="manage-operation" data-operation=${operation} ?disabled=${context.busy} @click=${() => context.act({ action: 'manage', operation })}>
          ${context.t(registryOperationKey(operation))}
        </button>`,
      )}
    </div>
  `;
}

export const managementStyles = css`
  .enterprise-cards {
    display: flex;
    flex-direction: column;
    gap: 12px;
    width: 100%;
    max-width: 1000px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .enterprise-card {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 6px 24px;
    width: 100%;
    padding: 16px 24px;
    border-radius: 14px;
    border: 2px solid #b9c7d8;
    background: #ffffff;
    color: #1c2530;
    font-size: 22px;
    text-align: left;
  }
  .enterprise-card:active:not(:disabled) {
    background: #eef4fb;
  }
  .enterprise-card.shown {
    max-width: 1000px;
  }
  .ec-no {
    justify-self: end;
    font-variant-numeric: tabular-nums;
  }
  .ec-status {
    font-weight: 700;
  }
  .ec-advice {
    grid-column: 1 / -1;
    color: #374151;
  }
  .counter-papers {
    max-width: 1000px;
    padding: 16px 24px;
    border-radius: 14px;
    border: 2px solid #e0b44c;
    background: #fef3c7;
    color: #713f12;
    text-align: left;
  }
  .counter-papers ul {
    margin: 8px 0 0;
    padding-left: 1.2em;
  }
`;
