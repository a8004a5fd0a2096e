// The daemon's latest log lines (Technician.LogTail), already redacted by the daemon: one compact
// line each (time · level · event id · name · message), the raw JSON line on expand. Read once
// when shown and then on request only: each read is audited, so it is not repeated after every
// action. Offered only when the daemon has the command.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { offerOf } from '../capabilities.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { panelStyles } from '../panel-styles.ts';
import { formatClock, logLevelTone, parseLogLine, type LogLineView } from '../technician-tools.ts';
import { problemDetail, problemWords } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { WsClient } from '../ws-client.ts';
import { problemAlert, type Problem } from './problem-alert.ts';

export const logTailLines = 200;

export class LogTail extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    commands: { attribute: false },
    lines: { state: true },
    loading: { state: true },
    problem: { state: true },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    panelStyles,
    css`
      .scroll {
        background: #fbfcfd;
      }
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 20px;
      }
      li + li {
        border-top: 1px solid #e5e9ef;
      }
      summary {
        display: flex;
        align-items: center;
        gap: 0.6em;
        min-height: 48px;
        padding: 4px 14px;
        cursor: pointer;
        white-space: nowrap;
        overflow: hidden;
        color: #1c2530;
      }
      summary::marker,
      summary::-webkit-details-marker {
        display: none;
      }
      summary .msg {
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .level {
        flex: none;
        min-width: 4.5em;
        font-weight: 700;
      }
      [data-tone='error'] .level {
        color: #b91c1c;
      }
      [data-tone='warn'] .level {
        color: #92400e;
      }
      [data-tone='info'] .level {
        color: #1e40af;
      }
      [data-tone='debug'] .level {
        color: #4a5563;
      }
      .time,
      .event {
        flex: none;
        color: #374151;
      }
      .name {
        flex: none;
        font-weight: 600;
      }
      pre {
        margin: 0;
        padding: 10px 14px 14px;
        background: #eef1f5;
        color: #1c2530;
        font: inherit;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare language: Language;
  declare client: WsClient | null;
  declare commands: ReadonlySet<string> | null;
  declare lines: LogLineView[] | null;
  declare loading: boolean;
  declare problem: Problem | null;
  /** Answers to an older request are dropped. */
  #request = 0;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.commands = null;
    this.lines = null;
    this.loading = false;
    this.problem = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('commands')) void this.reload();
    // The newest line is the last: keep it in view after a reload.
    if (changed.has('lines')) {
      const scroll = this.renderRoot.querySelector('.scroll');
      if (scroll !== null) scroll.scrollTop = scroll.scrollHeight;
    }
  }

  async reload(): Promise<void> {
    if (this.client === null || offerOf(this.commands, 'Technician.LogTail') !== 'offered') return;
    const request = ++this.#request;
    this.loading = true;
    const outcome = await this.client.send('Technician.LogTail', { lines: logTailLines });
    if (request !== this.#request) return;
    this.loading = false;
    if (outcome.kind === 'success') {
      this.lines = outcome.payload.lines.map(parseLogLine);
      this.problem = null;
    } else {
      this.problem = { words: problemWords(outcome), detail: problemDetail(outcome) };
    }
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  #line(line: LogLineView) {
    const tone = logLevelTone(line.level);
    const unparsed = line.level === null && line.event === null && line.msg === null;
    return html`<li data-testid="log-line" data-tone=${tone} data-event=${line.event ?? ''}>
      <details>
        <summary>
          ${unparsed
            ? html`<span class="msg">${this.#t('logTail.unparsed')} ${line.raw}</span>`
            : html`<span class="time">${line.time === null ? '—' : formatClock(line.time, this.language)}</span>
                <span class="level">${line.level ?? '—'}</span>
                <span class="event">${line.event ?? '—'}</span>
                <span class="name">${line.name ?? '—'}</span>
                <span class="msg">${line.msg ?? ''}</span>`}
        </summary>
        <pre data-testid="log-raw">${line.raw}</pre>
      </details>
    </li>`;
  }

  #body() {
    switch (offerOf(this.commands, 'Technician.LogTail')) {
      case 'checking':
        return html`<p class="unavailable" data-testid="not-available">${this.#t('deviceTest.checking')}</p>`;
      case 'notYet':
        return html`<p class="unavailable" data-testid="not-available">${this.#t('deviceTest.notYet')}</p>`;
      case 'offered': {
        const lines = this.lines;
        if (lines === null) return html`<p class="hint">${this.#t('logTail.loading')}</p>`;
        if (lines.length === 0) return html`<p class="hint">${this.#t('logTail.empty')}</p>`;
        return html`<div class="scroll" tabindex="0">
          <ol>
            ${lines.map((line) => this.#line(line))}
          </ol>
        </div>`;
      }
    }
  }

  protected override render() {
    const offered = offerOf(this.commands, 'Technician.LogTail') === 'offered';
    return html`<section class="panel" data-testid="log-tail" data-offered=${offered ? 'true' : 'false'}>
      <div class="head">
        <h2>${this.#t('logTail.title', { lines: logTailLines })}</h2>
        ${offered
          ? html`<button type="button" data-testid="log-reload" ?disabled=${this.loading} @click=${() => void this.reload()}>${this.#t('logTail.reload')}</button>`
          : nothing}
      </div>
      <p class="hint">${this.#t('logTail.hint')}</p>
      ${problemAlert(this.language, this.problem)}
      ${this.#body()}
    </section>`;
  }
}

customElements.define('log-tail', LogTail);

declare global {
  interface HTMLElementTagNameMap {
    'log-tail': LogTail;
  }
}
