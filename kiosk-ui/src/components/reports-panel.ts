// The export bundle (Technician.ExportBundle, saved as a JSON file through a Blob and an
// <a download>) and the readiness report on the receipt printer (Technician.PrintReadiness).
// Each is offered only when the daemon lists its command in Common.Capabilities.
import { css, html, LitElement, nothing } from 'lit';
import type { CommandName } from '../../../contract/protocol/catalogue.ts';
import { offerOf } from '../capabilities.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { panelStyles } from '../panel-styles.ts';
import { bundleBlob } from '../technician-tools.ts';
import { deviceProblemWords, problemDetail, problemWords, type Words } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { WsClient } from '../ws-client.ts';

type Action = 'export' | 'readiness';
type Failed = { kind: 'failed'; words: Words; detail: string | null };
type Exported = { kind: 'saved'; fileName: string; url: string } | Failed;
type Printed = { kind: 'printed'; jobId: string } | Failed;

export class ReportsPanel extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    commands: { attribute: false },
    busy: { state: true },
    exported: { state: true },
    printed: { state: true },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    panelStyles,
    css`
      .action {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .action + .action {
        padding-top: 16px;
        border-top: 1px solid #e5e9ef;
      }
      a.download {
        display: inline-flex;
        align-items: center;
        align-self: flex-start;
        min-height: 48px;
        padding: 0 20px;
        border-radius: 12px;
        border: 2px solid #1d4ed8;
        color: #1e3a8a;
        background: #ffffff;
        font-size: 20px;
        font-weight: 600;
        text-decoration: none;
      }
    `,
  ];

  declare language: Language;
  declare client: WsClient | null;
  declare commands: ReadonlySet<string> | null;
  declare busy: Action | null;
  declare exported: Exported | null;
  declare printed: Printed | null;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.commands = null;
    this.busy = null;
    this.exported = null;
    this.printed = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#forgetDownload();
  }

  #forgetDownload(): void {
    if (this.exported?.kind === 'saved') URL.revokeObjectURL(this.exported.url);
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  #done(): void {
    this.dispatchEvent(new CustomEvent('technician-action', { bubbles: true, composed: true }));
  }

  async #export(): Promise<void> {
    if (this.client === null || this.busy !== null) return;
    this.busy = 'export';
    const outcome = await this.client.send('Technician.ExportBundle', {}, { timeoutMs: 60_000 });
    this.busy = null;
    this.#forgetDownload();
    if (outcome.kind !== 'success') {
      this.exported = { kind: 'failed', words: problemWords(outcome), detail: problemDetail(outcome) };
      this.#done();
      return;
    }
    const { fileName, bundle } = outcome.payload;
    this.exported = { kind: 'saved', fileName, url: URL.createObjectURL(bundleBlob(bundle)) };
    await this.updateComplete;
    // The same link the technician can press again: the browser saves the file under fileName.
    this.renderRoot.querySelector<HTMLAnchorElement>('a[data-testid="export-link"]')?.click();
    this.#done();
  }

  async #printReadiness(): Promise<void> {
    if (this.client === null || this.busy !== null) return;
    this.busy = 'readiness';
    const outcome = await this.client.send('Technician.PrintReadiness', {}, { timeoutMs: 60_000 });
    this.busy = null;
    this.printed =
      outcome.kind === 'success'
        ? { kind: 'printed', jobId: outcome.payload.jobId }
        : { kind: 'failed', words: deviceProblemWords(outcome, 'printer'), detail: problemDetail(outcome) };
    this.#done();
  }

  #failed(headline: MessageKey, failure: Failed, testId: string) {
    return html`<div class="result" data-level="unavailable" role="alert" data-testid=${testId} data-outcome="failed">
      <strong>${this.#t(headline)}</strong>
      <span>${this.#t(failure.words.key, failure.words.params)}</span>
      ${failure.detail === null ? nothing : html`<span class="detail">${failure.detail}</span>`}
    </div>`;
  }

  #exportResult() {
    const exported = this.exported;
    if (exported === null) return nothing;
    switch (exported.kind) {
      case 'failed':
        return this.#failed('reports.exportFailed', exported, 'export-result');
      case 'saved':
        return html`<div class="result" data-level="ready" role="status" data-testid="export-result" data-outcome="saved">
          <strong>${this.#t('reports.exported', { file: exported.fileName })}</strong>
          <a class="download" data-testid="export-link" href=${exported.url} download=${exported.fileName}>${this.#t('reports.saveAgain')}</a>
        </div>`;
    }
  }

  #printResult() {
    const printed = this.printed;
    if (printed === null) return nothing;
    switch (printed.kind) {
      case 'failed':
        return this.#failed('reports.readinessFailed', printed, 'readiness-result');
      case 'printed':
        return html`<div class="result" data-level="ready" role="status" data-testid="readiness-result" data-outcome="printed">
          <strong>${this.#t('reports.readinessPrinted', { job: printed.jobId })}</strong>
        </div>`;
    }
  }

  #action(action: Action, command: CommandName, keys: { title: MessageKey; hint: MessageKey; run: MessageKey; running: MessageKey }, run: () => Promise<void>, result: unknown) {
    const offer = offerOf(this.commands, command);
    return html`<div class="action" data-testid=${`${action}-action`} data-offered=${offer === 'offered' ? 'true' : 'false'}>
      <h3>${this.#t(keys.title)}</h3>
      <p class="hint">${this.#t(keys.hint)}</p>
      <div class="row">
        ${offer === 'offered'
          ? html`<button type="button" class="primary" data-testid=${`${action}-run`} ?disabled=${this.busy !== null || this.client === null} @click=${() => void run()}>
              ${this.#t(this.busy === action ? keys.running : keys.run)}
            </button>`
          : html`<span class="unavailable" data-testid="not-available">${this.#t(offer === 'checking' ? 'deviceTest.checking' : 'deviceTest.notYet')}</span>`}
      </div>
      ${result}
    </div>`;
  }

  protected override render() {
    return html`<section class="panel" data-testid="reports-panel">
      <h2>${this.#t('reports.title')}</h2>
      ${this.#action(
        'export',
        'Technician.ExportBundle',
        { title: 'reports.exportTitle', hint: 'reports.exportHint', run: 'reports.export', running: 'reports.exporting' },
        () => this.#export(),
        this.#exportResult(),
      )}
      ${this.#action(
        'readiness',
        'Technician.PrintReadiness',
        { title: 'reports.readinessTitle', hint: 'reports.readinessHint', run: 'reports.printReadiness', running: 'reports.printing' },
        () => this.#printReadiness(),
        this.#printResult(),
      )}
    </section>`;
  }
}

customElements.define('reports-panel', ReportsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'reports-panel': ReportsPanel;
  }
}
