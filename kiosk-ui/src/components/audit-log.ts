// The audit log's latest entries (Technician.Audit, newest first): who did what, when. Reloaded
// whenever the page bumps `revision` (after each technician action) and on request.
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { CommandResults } from '../../../contract/protocol/catalogue.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { panelStyles } from '../panel-styles.ts';
import { formatDetail, formatTime, problemDetail, problemWords } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { WsClient } from '../ws-client.ts';
import { problemAlert, type Problem } from './problem-alert.ts';

type Entry = CommandResults['Technician.Audit']['entries'][number];

export const auditLimit = 100;

export class AuditLog extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    revision: { type: Number },
    entries: { state: true },
    loading: { state: true },
    problem: { state: true },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    panelStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 20px;
      }
      th {
        position: sticky;
        top: 0;
        background: #eef1f5;
        color: #1c2530;
        text-align: left;
        padding: 10px 14px;
        font-weight: 600;
      }
      td {
        padding: 8px 14px;
        border-top: 1px solid #e5e9ef;
        vertical-align: top;
      }
      td.time {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      td.code {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        overflow-wrap: anywhere;
      }
      tbody tr:nth-child(even) {
        background: #f8f9fb;
      }
    `,
  ];

  declare language: Language;
  declare client: WsClient | null;
  declare revision: number;
  declare entries: Entry[] | null;
  declare loading: boolean;
  declare problem: Problem | null;
  /** Answers to an older request are dropped. */
  #request = 0;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.revision = 0;
    this.entries = null;
    this.loading = false;
    this.problem = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('revision') || changed.has('client')) void this.reload();
  }

  async reload(): Promise<void> {
    if (this.client === null) return;
    const request = ++this.#request;
    this.loading = true;
    const outcome = await this.client.send('Technician.Audit', { limit: auditLimit });
    if (request !== this.#request) return;
    this.loading = false;
    if (outcome.kind === 'success') {
      this.entries = outcome.payload.entries;
      this.problem = null;
    } else {
      this.problem = { words: problemWords(outcome), detail: problemDetail(outcome) };
    }
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  protected override render() {
    const entries = this.entries;
    return html`<section class="panel" data-testid="audit-log">
      <div class="head">
        <h2>${this.#t('audit.title', { limit: auditLimit })}</h2>
        <button type="button" data-testid="audit-reload" ?disabled=${this.loading} @click=${() => void this.reload()}>${this.#t('audit.reload')}</button>
      </div>
      ${problemAlert(this.language, this.problem)}
      ${entries === null
        ? html`<p class="hint">${this.#t('audit.loading')}</p>`
        : entries.length === 0
          ? html`<p class="hint">${this.#t('audit.empty')}</p>`
          : html`<div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${this.#t('audit.time')}</th>
                    <th scope="col">${this.#t('audit.actor')}</th>
                    <th scope="col">${this.#t('audit.action')}</th>
                    <th scope="col">${this.#t('audit.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${entries.map(
                    (entry) => html`<tr data-testid="audit-row" data-action=${entry.action}>
                      <td class="time">${formatTime(entry.at, this.language)}</td>
                      <td class="code">${entry.actor}</td>
                      <td class="code">${entry.action}</td>
                      <td class="code">${formatDetail(entry.detail)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
    </section>`;
  }
}

customElements.define('audit-log', AuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'audit-log': AuditLog;
  }
}
