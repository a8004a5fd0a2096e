// The printer's test page and a test scan. Each is offered only when the daemon lists its command
// in Common.Capabilities; otherwise the panel says it is not available yet instead of pretending.
import { css, html, LitElement, nothing } from 'lit';
import type { CommandName, CommandResults } from '../../../contract/protocol/catalogue.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { panelStyles } from '../panel-styles.ts';
import { deviceProblemWords, problemDetail, type Words } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { SendOutcome, WsClient } from '../ws-client.ts';

type Test = 'print' | 'scan';

type Shown<T> = { kind: 'done'; value: T } | { kind: 'failed'; words: Words; detail: string | null };

function shown<T>(outcome: SendOutcome<T>, device: 'printer' | 'scanner'): Shown<T> {
  return outcome.kind === 'success' ? { kind: 'done', value: outcome.payload } : { kind: 'failed', words: deviceProblemWords(outcome, device), detail: problemDetail(outcome) };
}

export class DeviceTestPanel extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    /** Command names the daemon offers; null until Common.Capabilities answers. */
    commands: { attribute: false },
    busy: { state: true },
    printed: { state: true },
    scanned: { state: true },
    preview: { state: true },
  };

  static override styles = [
    css`
      img.preview {
        display: block;
        max-width: 100%;
        margin-top: 12px;
        border: 1px solid #d5dbe3;
      }
    `,
    baseStyles,
    levelStyles,
    panelStyles,
    css`
      .tests {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(380px, 1fr));
        gap: 16px 32px;
      }
      .test {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
    `,
  ];

  declare language: Language;
  declare client: WsClient | null;
  declare commands: ReadonlySet<string> | null;
  declare busy: Test | null;
  declare printed: Shown<CommandResults['Printer.PrintTestPage']> | null;
  declare scanned: Shown<CommandResults['Scanner.Scan']> | null;
  /** A small JPEG of the first scanned page, as a data URL (technician mode only). */
  declare preview: string | null;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.commands = null;
    this.busy = null;
    this.preview = null;
    this.printed = null;
    this.scanned = null;
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  async #print(): Promise<void> {
    if (this.client === null || this.busy !== null) return;
    this.busy = 'print';
    // The daemon answers when the printer confirms the page, or says why not.
    this.printed = shown(await this.client.send('Printer.PrintTestPage', {}, { timeoutMs: 60_000 }), 'printer');
    this.busy = null;
    this.dispatchEvent(new CustomEvent('technician-action', { bubbles: true, composed: true }));
  }

  async #scan(): Promise<void> {
    if (this.client === null || this.busy !== null) return;
    this.busy = 'scan';
    this.preview = null;
    this.scanned = shown(await this.client.send('Scanner.Scan', { source: 'adf' }, { timeoutMs: 120_000 }), 'scanner');
    const first = this.scanned.kind === 'done' ? this.scanned.value.pages[0] : undefined;
    if (first !== undefined && this.commands?.has('Technician.ScanPreview') === true) {
      const preview = await this.client.send('Technician.ScanPreview', { pageId: first.pageId, width: 480 });
      if (preview.kind === 'success') this.preview = `data:image/jpeg;base64,${preview.payload.jpegBase64}`;
    }
    this.busy = null;
    this.dispatchEvent(new CustomEvent('technician-action', { bubbles: true, composed: true }));
  }

  #failed(failure: { words: Words; detail: string | null }, testId: string) {
    return html`<div class="result" data-level="unavailable" role="alert" data-testid=${testId} data-outcome="failed">
      <strong>${this.#t(failure.words.key, failure.words.params)}</strong>
      ${failure.detail === null ? nothing : html`<span class="detail">${failure.detail}</span>`}
    </div>`;
  }

  #printResult() {
    const printed = this.printed;
    if (printed === null) return nothing;
    if (printed.kind === 'failed') return this.#failed(printed, 'print-test-result');
    const job = printed.value;
    const ok = job.state === 'printed';
    return html`<div class="result" data-level=${ok ? 'ready' : 'attention'} data-testid="print-test-result" data-outcome=${job.state}>
      <strong>${this.#t(ok ? 'deviceTest.printed' : 'deviceTest.notPrinted', { job: job.jobId })}</strong>
      ${job.message === null ? nothing : html`<span class="detail">${job.message}</span>`}
    </div>`;
  }

  #scanResult() {
    const scanned = this.scanned;
    if (scanned === null) return nothing;
    if (scanned.kind === 'failed') return this.#failed(scanned, 'scan-test-result');
    const { pages } = scanned.value;
    return html`<div class="result" data-level="ready" data-testid="scan-test-result" data-outcome="scanned">
      <strong>${this.#t('deviceTest.scanned', { count: pages.length })}</strong>
      ${pages.map(
        (page, index) => html`<span class="detail"
          >${index + 1}: ${page.width}×${page.height} px, ${page.dpi} dpi, ${page.report.blank ? this.#t('deviceTest.blank') : this.#t('deviceTest.ink', { percent: Math.round(page.report.inkRatio * 100) })}${page.report.skewDegrees === null
            ? ''
            : `, ${page.report.skewDegrees.toFixed(1)}°`}</span
        >`,
      )}
      ${this.preview === null
        ? html`<span>${this.#t('deviceTest.noPreview')}</span>`
        : html`<img class="preview" data-testid="scan-preview" src=${this.preview} alt=${this.#t('deviceTest.previewAlt')} />`}
    </div>`;
  }

  #test(test: Test, command: CommandName, title: MessageKey, run: () => Promise<void>, runKey: MessageKey, result: unknown) {
    const offered = this.commands?.has(command) === true;
    return html`<div class="test" data-testid=${`${test}-test`} data-offered=${offered ? 'true' : 'false'}>
      <div class="row">
        <h3>${this.#t(title)}</h3>
        ${offered
          ? html`<button type="button" class="primary" data-testid=${`${test}-test-run`} ?disabled=${this.busy !== null || this.client === null} @click=${() => void run()}>
              ${this.#t(this.busy === test ? 'deviceTest.running' : runKey)}
            </button>`
          : html`<span class="unavailable" data-testid="not-available">${this.#t(this.commands === null ? 'deviceTest.checking' : 'deviceTest.notYet')}</span>`}
      </div>
      ${result}
    </div>`;
  }

  protected override render() {
    return html`<section class="panel" data-testid="device-tests">
      <h2>${this.#t('deviceTest.title')}</h2>
      <div class="tests">
        ${this.#test('print', 'Printer.PrintTestPage', 'deviceTest.printTitle', () => this.#print(), 'deviceTest.print', this.#printResult())}
        ${this.#test('scan', 'Scanner.Scan', 'deviceTest.scanTitle', () => this.#scan(), 'deviceTest.scan', this.#scanResult())}
      </div>
    </section>`;
  }
}

customElements.define('device-test-panel', DeviceTestPanel);

declare global {
  interface HTMLElementTagNameMap {
    'device-test-panel': DeviceTestPanel;
  }
}
