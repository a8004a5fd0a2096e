// What the flow screens share: the context a screen template renders with, the `flow-action`
// event every screen (and the paper elements) dispatch, the problem block, the card facts and the
// screens' styles. Text colours meet WCAG AA on their backgrounds; text is 20 px or larger.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CardView, FlowProblem } from '../../../contract/flow-view.ts';
import type { FlowAction } from '../../../contract/protocol/flow-messages.ts';
import { flowProblemWords, lifecycleKey, say } from '../flow-words.ts';
import { cardTypeKey } from '../words/domain.ts';
import { translate, type Language, type MessageKey } from '../i18n.ts';

export interface FlowActionDetail {
  action: FlowAction;
}

export function flowActionEvent(action: FlowAction): CustomEvent<FlowActionDetail> {
  return new CustomEvent('flow-action', { detail: { action }, bubbles: true, composed: true });
}

/** What a screen template needs: words, a way to act, and whether a command is on its way. */
export interface ScreenContext {
  language: Language;
  t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
  act: (action: FlowAction) => void;
  busy: boolean;
}

export function screenContext(language: Language, busy: boolean, act: (action: FlowAction) => void): ScreenContext {
  return { language, busy, act, t: (key, params) => translate(language, key, params) };
}

/** What went wrong and what to do, read out when it appears. */
export function problemBlock(context: ScreenContext, problem: FlowProblem | null): TemplateResult | typeof nothing {
  if (problem === null) return nothing;
  const words = flowProblemWords(problem, context.language);
  return html`<div class="problem" role="alert" data-testid="problem" data-problem=${problem.kind}>
    <p class="problem-what">${say(context.language, words.what)}</p>
    <p class="problem-next"><strong>${context.t('problem.nextHeading')}</strong> ${say(context.language, words.next)}</p>
  </div>`;
}

export type CardFact = 'holder' | 'idNumber' | 'enterprise' | 'uscc' | 'cardNo' | 'type' | 'lifecycle' | 'expiry' | 'daysLeft' | 'pinTries';

function factRow(context: ScreenContext, card: CardView, fact: CardFact): [MessageKey, string] {
  switch (fact) {
    case 'holder':
      return ['card.holder', card.holderName];
    case 'idNumber':
      // Masked by the daemon (first 6, last 4); shown as given.
      return ['card.idNumber', card.holderIdNumberMasked];
    case 'enterprise':
      return ['card.enterprise', card.enterpriseName];
    case 'uscc':
      return ['card.uscc', card.uscc];
    case 'cardNo':
      return ['card.cardNo', card.cardNo];
    case 'type':
      return ['card.type', context.t(cardTypeKey(card.cardType))];
    case 'lifecycle':
      return ['card.lifecycle', context.t(lifecycleKey(card.lifecycle))];
    case 'expiry':
      return ['card.expiry', formatDate(card.certificateNotAfter, context.language)];
    case 'daysLeft':
      return [
        'card.daysLeft',
        card.daysLeft >= 0 ? context.t('card.daysLeftValue', { days: card.daysLeft }) : context.t('card.expiredAgo', { days: -card.daysLeft }),
      ];
    case 'pinTries':
      return ['card.pinTries', context.t('card.pinTriesValue', { tries: card.pinTriesLeft })];
  }
}

/** `wide`: three columns, for the long list of the card status that must fit above the fold. */
export function cardFacts(context: ScreenContext, card: CardView, facts: readonly CardFact[], wide = false): TemplateResult {
  return html`<dl class=${wide ? 'facts wide' : 'facts'} data-testid="card-facts">
    ${facts.map((fact) => {
      const [label, value] = factRow(context, card, fact);
      return html`<div class="fact" data-fact=${fact}><dt>${context.t(label)}</dt><dd>${value}</dd></div>`;
    })}
  </dl>`;
}

/** A date (ISO, or YYYY-MM-DD) in the page's language; the text as given when unreadable. */
export function formatDate(value: string, language: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(date);
}

export const flowScreenStyles = css`
  .screen {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 28px;
    width: 100%;
    max-width: 1100px;
    margin: 0 auto;
    text-align: center;
    font-size: 24px;
    color: #1c2530;
  }
  h1 {
    margin: 0;
    font-size: 44px;
    line-height: 1.25;
    color: #0f2540;
  }
  @media (max-height: 1100px) {
    .screen {
      gap: 20px;
    }
    h1 {
      font-size: 36px;
    }
  }
  h2 {
    margin: 0;
    font-size: 30px;
    color: #0f2540;
  }
  p {
    margin: 0;
    line-height: 1.5;
  }
  .lead {
    font-size: 28px;
    color: #374151;
  }
  .hint {
    font-size: 22px;
    color: #4a5563;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 24px;
  }
  .primary,
  .secondary {
    min-width: 240px;
    min-height: 72px;
    padding: 0 40px;
    border-radius: 14px;
    font-size: 28px;
    font-weight: 700;
  }
  .primary {
    border: 0;
    background: #0a3a6b;
    color: #ffffff;
  }
  .primary:active:not(:disabled) {
    background: #082c52;
  }
  .secondary {
    border: 2px solid #0a3a6b;
    background: #ffffff;
    color: #0a3a6b;
  }
  .primary:disabled,
  .secondary:disabled {
    cursor: not-allowed;
    border-color: #d5dbe3;
    background: #eef1f5;
    color: #5b6573;
  }
  .problem {
    display: flex;
    flex-direction: column;
    gap: 8px;
    width: 100%;
    max-width: 900px;
    padding: 20px 28px;
    border-radius: 14px;
    border: 2px solid #e49a9a;
    background: #fee2e2;
    color: #7f1d1d;
    text-align: left;
    font-size: 24px;
  }
  .problem-what {
    font-weight: 700;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 16px 40px;
    width: 100%;
    max-width: 900px;
    margin: 0;
    padding: 28px 36px;
    border-radius: 18px;
    border: 1px solid #d5dbe3;
    background: #ffffff;
    text-align: left;
  }
  .facts.wide {
    /* Columns as wide as their content while it fits: an enterprise name stays on one line. */
    grid-template-columns: repeat(3, minmax(0, auto));
    max-width: 1100px;
  }
  .fact {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  dt {
    font-size: 20px;
    color: #4a5563;
  }
  dd {
    margin: 0;
    font-size: 26px;
    font-weight: 600;
    overflow-wrap: anywhere;
    /* A long enterprise name breaks into even lines, never one character left alone. */
    text-wrap: balance;
  }
`;
