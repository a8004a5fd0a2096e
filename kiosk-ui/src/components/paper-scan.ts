// One paper onto the scanner: which one, how to place it, a big "scan" button. While the daemon
// scans there is nothing to press; a fault says what happened and how to clear it, and the same
// button scans again. In the intake check the agent may go on without a paper they do not have
// (`next`; the verdict lists it as missing); the renewal and the unlock need theirs.
import { css, html, nothing, svg } from 'lit';
import type { FlowKind, FlowProblem, FlowScreen, PaperRequest } from '../../../contract/flow-view.ts';
import { inLanguage, problemWords } from '../paper-words.ts';
import { levelIcon } from '../icons.ts';
import { PaperScreen } from './paper-screen.ts';
import './scroll-area.ts';

type ScanScreen = Extract<FlowScreen, { screen: 'scanPaper' }>;

/** A sheet going face up into the feeder of a desktop sheet-fed scanner. */
const illustration = svg`<svg width="320" height="220" viewBox="0 0 320 220" aria-hidden="true" focusable="false">
  <rect x="30" y="120" width="260" height="80" rx="14" fill="#dbe3ed" stroke="#4a5563" stroke-width="4"/>
  <rect x="70" y="112" width="180" height="14" rx="4" fill="#4a5563"/>
  <rect x="60" y="168" width="60" height="12" rx="6" fill="#1d8a4e"/>
  <g class="sheet">
    <rect x="95" y="14" width="130" height="104" rx="4" fill="#ffffff" stroke="#0a3a6b" stroke-width="4"/>
    <path d="M115 40h90M115 58h90M115 76h60" stroke="#8a94a3" stroke-width="6" stroke-linecap="round"/>
  </g>
  <path d="M260 30v60M246 76l14 16 14-16" fill="none" stroke="#0a3a6b" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

export class PaperScan extends PaperScreen<ScanScreen> {
  static override properties = {
    flow: { type: String },
  };

  static override styles = [
    PaperScreen.styles,
    css`
      .progress {
        display: flex;
        flex-direction: column;
        gap: 10px;
        font-size: 24px;
        font-weight: 600;
        color: #374151;
      }
      .steps {
        display: flex;
        gap: 8px;
        max-width: 640px;
      }
      .step {
        flex: 1;
        height: 12px;
        border-radius: 6px;
        background: #d5dbe3;
      }
      .step[data-done] {
        background: #0a3a6b;
      }
      .body {
        display: flex;
        align-items: center;
        gap: 48px;
      }
      .picture {
        flex: none;
        margin: 0;
        padding: 16px;
        border-radius: 24px;
        background: #f3f6fa;
      }
      ol {
        display: flex;
        flex-direction: column;
        gap: 14px;
        margin: 0;
        padding-left: 1.4em;
        font-size: 26px;
      }
      .scan {
        min-width: 360px;
        min-height: 104px;
        font-size: 36px;
      }
      .skip-hint {
        flex-basis: 100%;
        color: #374151;
      }
      .busy {
        display: flex;
        align-items: center;
        gap: 24px;
        min-height: 104px;
        padding: 0 32px;
        border-radius: 16px;
        background: #e0ecfa;
        color: #0a3a6b;
        font-size: 28px;
        font-weight: 700;
      }
      .spinner {
        width: 48px;
        height: 48px;
        border-radius: 50%;
        border: 6px solid #a9c3e6;
        border-top-color: #0a3a6b;
        animation: spin 1.2s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation: none;
        }
      }
      [aria-live] .problem {
        margin-bottom: 24px;
      }
      /* A long paper name on a short landscape panel: smaller, so the steps keep some room. */
      @media (max-height: 1100px) {
        h1 {
          font-size: 30px;
        }
      }
      @media (max-width: 1100px) {
        .body {
          flex-direction: column;
          align-items: flex-start;
        }
      }
    `,
  ];

  /** The flow this paper is for; unset, the flow screen around this element says it. */
  declare flow: FlowKind | null;

  constructor() {
    super();
    this.flow = null;
  }

  /** Only the intake check goes on without a paper. */
  #skippable(): boolean {
    return this.flow === 'intake';
  }

  #problem(problem: FlowProblem | null, wanted: PaperRequest['label']) {
    if (problem === null) return nothing;
    const words = problemWords(problem);
    const params = problem.kind === 'wrongPaper' ? { looksLike: inLanguage(this.language, problem.looksLike), wanted: inLanguage(this.language, wanted) } : undefined;
    return html`<div class="problem" data-level="unavailable" data-testid="scan-problem" data-kind=${problem.kind}>
      ${levelIcon('attention', 40)}
      <div class="problem-text">
        <p class="problem-what">${this.t(words.what, params)}</p>
        ${words.details.length === 0 ? nothing : html`<ul>${words.details.map((key) => html`<li>${this.t(key)}</li>`)}</ul>`}
        <p>${this.t(words.next)}</p>
      </div>
    </div>`;
  }

  protected override render() {
    const screen = this.screen;
    if (screen === null) return html``;
    const { index, of } = screen.paper.position;
    return html`
      <div class="progress">
        <span>${this.t('scan.progress', { done: index, of })}</span>
        <div class="steps" aria-hidden="true">
          ${Array.from({ length: of }, (_, step) => html`<span class="step" ?data-done=${step < index}></span>`)}
        </div>
      </div>
      <h1>${this.t('scan.title', { paper: inLanguage(this.language, screen.paper.label) })}</h1>
      <scroll-area .language=${this.language}>
        <!-- Always present so the announcement of a fault is not lost when it appears; above the steps, seen first. -->
        <div aria-live="assertive">${screen.scanning ? nothing : this.#problem(screen.problem, screen.paper.label)}</div>
        <div class="body">
          <figure class="picture" role="img" aria-label=${this.t('scan.illustration')}>${illustration}</figure>
          <ol>
            <li>${this.t('scan.step1')}</li>
            <li>${this.t('scan.step2')}</li>
            <li>${this.t('scan.step3')}</li>
          </ol>
        </div>
      </scroll-area>
      <div class="actions">
        ${screen.scanning
          ? html`<div class="busy" role="status" aria-busy="true" data-testid="scan-busy">
              <span class="spinner" aria-hidden="true"></span>${this.t('scan.busy')}
            </div>`
          : html`<button type="button" class="primary scan" data-testid="scan-button" @click=${() => this.act({ action: 'scan' })}>
                ${this.t(screen.problem === null ? 'scan.button' : 'scan.again')}
              </button>
              ${this.#skippable()
                ? html`<button type="button" class="secondary" data-testid="flow-next" aria-describedby="skip-hint" @click=${() => this.act({ action: 'next' })}>
                      ${this.t('scan.skip')}
                    </button>
                    <p class="skip-hint" id="skip-hint">${this.t('scan.skipHint')}</p>`
                : nothing}`}
      </div>
    `;
  }
}

customElements.define('paper-scan', PaperScan);

declare global {
  interface HTMLElementTagNameMap {
    'paper-scan': PaperScan;
  }
}
