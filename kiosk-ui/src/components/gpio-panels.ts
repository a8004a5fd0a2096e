// The GPIO tests: set each light to a pattern (Technician.TestLight) and read the sensors live.
// Both show what the daemon's status says, so the pressed button is the light's real pattern and
// the readout follows Common.StatusChangedEvent.
import { css, html, LitElement, nothing } from 'lit';
import { inputNames, lightNames, type GpioStatus, type LightName, type LightPattern } from '../../../contract/devices/gpio.ts';
import { inputKey, inputStateKey, lightKey, patternKey } from '../gpio-words.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import { panelStyles } from '../panel-styles.ts';
import { problemDetail, problemWords } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { WsClient } from '../ws-client.ts';
import { problemAlert, type Problem } from './problem-alert.ts';

const patterns = ['off', 'on', 'slow', 'fast'] as const satisfies readonly LightPattern[];

const tableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 20px;
  }
  th {
    text-align: left;
    font-weight: 600;
    color: #374151;
    padding: 6px 12px 6px 0;
    white-space: nowrap;
  }
  td {
    padding: 6px 4px;
  }
  td button {
    width: 100%;
    min-height: 52px;
    padding: 0 8px;
  }
`;

export class LightTestPanel extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    gpio: { attribute: false },
    pending: { state: true },
    problem: { state: true },
  };

  static override styles = [baseStyles, levelStyles, panelStyles, tableStyles];

  declare language: Language;
  declare client: WsClient | null;
  declare gpio: GpioStatus | null;
  /** The light being set, so the row shows it is on its way. */
  declare pending: LightName | null;
  declare problem: Problem | null;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.gpio = null;
    this.pending = null;
    this.problem = null;
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  async #set(light: LightName, pattern: LightPattern): Promise<void> {
    if (this.client === null) return;
    this.pending = light;
    const outcome = await this.client.send('Technician.TestLight', { light, pattern });
    this.pending = null;
    this.problem = outcome.kind === 'success' ? null : { words: problemWords(outcome), detail: problemDetail(outcome) };
    this.dispatchEvent(new CustomEvent('technician-action', { bubbles: true, composed: true }));
  }

  protected override render() {
    const gpio = this.gpio;
    const online = gpio?.state === 'online' ? gpio : null;
    return html`<section class="panel" data-testid="light-test">
      <h2>${this.#t('lights.title')}</h2>
      <p class="hint">${this.#t('lights.hint')}</p>
      ${online === null
        ? html`<p class="unavailable">${this.#t('lights.unavailable')}</p>`
        : html`<table>
            <tbody>
              ${lightNames.map(
                (light) => html`<tr data-testid="light-row" data-light=${light} data-pattern=${online.lights[light]}>
                  <th scope="row">${this.#t(lightKey(light))}</th>
                  ${patterns.map(
                    (pattern) => html`<td>
                      <button
                        type="button"
                        data-testid="light-button"
                        data-light=${light}
                        data-pattern=${pattern}
                        aria-pressed=${online.lights[light] === pattern ? 'true' : 'false'}
                        ?disabled=${this.pending === light || this.client === null}
                        @click=${() => void this.#set(light, pattern)}
                      >
                        ${this.#t(patternKey(pattern))}
                      </button>
                    </td>`,
                  )}
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${problemAlert(this.language, this.problem)}
    </section>`;
  }
}

export class SensorReadout extends LitElement {
  static override properties = {
    language: { type: String },
    gpio: { attribute: false },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    panelStyles,
    css`
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
        align-items: center;
        justify-content: space-between;
        gap: 16px;
        padding: 12px 16px;
        border-radius: 12px;
        border: 1px solid #d5dbe3;
        font-size: 22px;
      }
      .value {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        padding: 0.2em 0.8em;
        border-radius: 999px;
        font-weight: 600;
        color: var(--level-fg);
        background: var(--level-bg);
        white-space: nowrap;
      }
    `,
  ];

  declare language: Language;
  declare gpio: GpioStatus | null;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.gpio = null;
  }

  protected override render() {
    const t = (key: MessageKey): string => translate(this.language, key);
    const gpio = this.gpio;
    return html`<section class="panel" data-testid="sensor-readout" aria-live="polite">
      <h2>${t('sensors.title')}</h2>
      <p class="hint">${t('sensors.hint')}</p>
      ${gpio?.state !== 'online'
        ? html`<p class="unavailable">${t('lights.unavailable')}</p>`
        : html`<ul>
            ${inputNames.map((input) => {
              const active = gpio.inputs[input];
              // An open cabinet wants a look; the others are neutral facts.
              const level = input === 'tamper' && active ? 'attention' : active ? 'ready' : 'unknown';
              return html`<li data-testid="sensor" data-input=${input} data-active=${active ? 'true' : 'false'}>
                <span>${t(inputKey(input))}</span>
                <span class="value" data-level=${level}>${input === 'tamper' && active ? levelIcon('attention', 20) : nothing}${t(inputStateKey(input, active))}</span>
              </li>`;
            })}
          </ul>`}
    </section>`;
  }
}

customElements.define('light-test-panel', LightTestPanel);
customElements.define('sensor-readout', SensorReadout);

declare global {
  interface HTMLElementTagNameMap {
    'light-test-panel': LightTestPanel;
    'sensor-readout': SensorReadout;
  }
}
