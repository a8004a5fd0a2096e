// The intake check's answer. Complete: a plain "yes" and the way to the counter (the ticket).
// Not complete: exactly what is missing and what is wrong, errors before warnings, so the agent
// can fix it (and print the list) instead of queueing for a "no" at the counter.
import { css, html, nothing } from 'lit';
import type { FindingView, FlowScreen } from '../../../contract/flow-view.ts';
import { inLanguage } from '../paper-words.ts';
import { businessKey } from '../words/domain.ts';
import type { MessageKey } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import { PaperScreen } from './paper-screen.ts';

type VerdictScreen = Extract<FlowScreen, { screen: 'verdict' }>;

/** Errors first, then warnings; the daemon's order within each. */
export function orderFindings(findings: readonly FindingView[]): { errors: FindingView[]; warnings: FindingView[] } {
  return { errors: findings.filter((finding) => finding.severity === 'error'), warnings: findings.filter((finding) => finding.severity === 'warning') };
}

export class IntakeVerdict extends PaperScreen<VerdictScreen> {
  static override styles = [
    PaperScreen.styles,
    css`
      .head {
        display: flex;
        align-items: center;
        gap: 28px;
        padding: 28px 32px;
        border-radius: 20px;
        border: 3px solid var(--level-border);
        background: var(--level-bg);
        color: var(--level-fg);
      }
      .head h1 {
        font-size: 52px;
        color: inherit;
      }
      .head-text {
        display: flex;
        flex-direction: column;
        gap: 10px;
      }
      .head .lead {
        color: inherit;
      }
      .next {
        font-size: 28px;
        font-weight: 600;
      }
      section {
        display: flex;
        flex-direction: column;
        gap: 14px;
      }
      ul {
        display: flex;
        flex-direction: column;
        gap: 12px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        align-items: flex-start;
        gap: 16px;
        padding: 16px 24px;
        border-radius: 16px;
        border: 2px solid var(--level-border);
        background: #ffffff;
        font-size: 26px;
      }
      li > svg {
        color: var(--level-fg);
        margin-top: 4px;
      }
      .finding-text {
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .severity {
        font-size: 22px;
        font-weight: 700;
        color: var(--level-fg);
      }
    `,
  ];


  #findings(titleKey: MessageKey, findings: readonly FindingView[]) {
    if (findings.length === 0) return nothing;
    return html`<section>
      <h2>${this.t(titleKey, { count: findings.length })}</h2>
      <ul>
        ${findings.map((finding) => {
          const level = finding.severity === 'error' ? 'unavailable' : 'attention';
          return html`<li data-testid="finding" data-rule=${finding.ruleId} data-severity=${finding.severity} data-level=${level}>
            ${levelIcon(level, 32)}
            <div class="finding-text">
              <span class="severity">${this.t(finding.severity === 'error' ? 'verdict.severity.error' : 'verdict.severity.warning')}</span>
              <span>${inLanguage(this.language, finding.message)}</span>
            </div>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  protected override render() {
    const screen = this.screen;
    if (screen === null) return html``;
    const business = this.t(businessKey(screen.business));
    const { errors, warnings } = orderFindings(screen.findings);
    const acceptable = screen.acceptable;
    // The legal-person card's own renewal: acceptable papers lead to its card work here, not to a ticket.
    const renews = screen.then === 'renew';
    return html`
      <div class="head" data-testid="verdict" data-acceptable=${acceptable ? 'true' : 'false'} data-level=${acceptable ? 'ready' : 'unavailable'}>
        ${levelIcon(acceptable ? 'ready' : 'unavailable', 72)}
        <div class="head-text">
          <h1>${this.t(acceptable ? 'verdict.acceptable.title' : 'verdict.notAcceptable.title')}</h1>
          <p class="lead">${this.t(acceptable ? 'verdict.acceptable.body' : 'verdict.notAcceptable.body', { business })}</p>
        </div>
      </div>
      <scroll-area .language=${this.language}>
      ${screen.missing.length === 0
        ? nothing
        : html`<section>
            <h2>${this.t('verdict.missingTitle', { count: screen.missing.length })}</h2>
            <ul>
              ${screen.missing.map(
                (paper, index) =>
                  html`<li data-testid="missing-paper" data-level="unavailable">
                    ${levelIcon('unavailable', 32)}<span>${inLanguage(this.language, paper)}</span>
                    <button type="button" class="secondary" data-testid="verdict-scan-skipped" data-index=${index} @click=${() => this.act({ action: 'scanSkipped', paper: index })}>
                      ${this.t('verdict.scanSkipped')}
                    </button>
                  </li>`,
              )}
            </ul>
            <p>${this.t('verdict.scanSkippedHint')}</p>
          </section>`}
      ${this.#findings('verdict.findingsTitle', errors)} ${this.#findings('verdict.warningsTitle', warnings)}
      </scroll-area>
      <p class="next">${this.t(acceptable ? (renews ? 'verdict.renew.next' : 'verdict.acceptable.next') : 'verdict.notAcceptable.next')}</p>
      <div class="actions">
        <button type="button" class="secondary" data-testid="flow-finish" @click=${() => this.act({ action: 'finish' })}>${this.t('verdict.finish')}</button>
        <button type="button" class="primary" data-testid="flow-next" @click=${() => this.act({ action: 'next' })}>
          ${this.t(acceptable ? (renews ? 'verdict.renew.button' : 'verdict.acceptable.button') : 'verdict.notAcceptable.button')}
        </button>
      </div>
    `;
  }
}

customElements.define('intake-verdict', IntakeVerdict);

declare global {
  interface HTMLElementTagNameMap {
    'intake-verdict': IntakeVerdict;
  }
}
