// The dev dock: the simulated kiosk's hands for developers and end-to-end tests — insert and
// remove fixture cards, walk up, open the cabinet, turn the service switch, the printer
// simulator's paper and cover, and the scanner simulator's document sets and faults. It follows
// the kiosk's flow (Kiosk.FlowChanged) to feed the one paper a scan screen asks for. Simulator
// mode only: with any hardware device it offers nothing.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { FlowView } from '../../../contract/flow-view.ts';
import type { CommandName, KioskStatus } from '../../../contract/protocol/catalogue.ts';
import { deviceKinds, type DeviceKind } from '../../../contract/devices/device.ts';
import { idCardFixtureNames } from '../../../contract/sim-fixture-names.ts';
import { inputNames, lightNames, type InputName } from '../../../contract/devices/gpio.ts';
import { offeredCommands } from '../capabilities.ts';
import { DaemonLink } from '../daemon-link.ts';
import { describeDevice } from '../device-view.ts';
import { paperToFeed } from '../dock-feed.ts';
import { dockFixtures, fixtureKey } from '../dock-fixtures.ts';
import { FlowLink } from '../flow-link.ts';
import { inputKey, inputStateKey, lightKey, patternKey } from '../gpio-words.ts';
import { defaultLanguage, translate, type Language, type MessageKey, showPageIn } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import { panelStyles } from '../panel-styles.ts';
import type { StatusSnapshot } from '../status-feed.ts';
import { problemDetail, problemWords, reasonKey, type Words } from '../technician-words.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { ConnectionState, SendOutcome } from '../ws-client.ts';
import './connection-badge.ts';
import './dock-scanner-panel.ts';
import type { DockAct } from './dock-scanner-panel.ts';
import './language-toggle.ts';

/**
 * Simulator mode: some device is simulated. With `--sim-stacks system` the card reader and the
 * printer are the real drivers (source hardware) in front of simulated devices, and the dock still
 * drives them; a Sim.* command for a device that is not simulated answers unsupportedCommand.
 */
export function isSimulatorMode(status: KioskStatus): boolean {
  return deviceKinds.some((kind) => status.sources[kind] === 'sim');
}

/** The two actions of each simulated input, in the words of a person at the kiosk. */
function inputActionKey(input: InputName, active: boolean): MessageKey {
  switch (input) {
    case 'presence':
      return active ? 'dock.walkUp' : 'dock.walkAway';
    case 'tamper':
      return active ? 'dock.openCabinet' : 'dock.closeCabinet';
    case 'serviceSwitch':
      return active ? 'dock.switchOn' : 'dock.switchOff';
  }
}

interface LastAction {
  label: string;
  ok: boolean;
  /** What the daemon answered, in words (e.g. the pages loaded into the scanner). */
  note: string | null;
  words: Words | null;
  detail: string | null;
}

const printerPaper = ['full', 'low', 'out'] as const;

export class DevDock extends LitElement {
  static override properties = {
    language: { state: true },
    connection: { state: true },
    snapshot: { state: true },
    commands: { state: true },
    busy: { state: true },
    last: { state: true },
    flowView: { state: true },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    panelStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: #f3f5f8;
      }
      header {
        display: flex;
        align-items: center;
        gap: 20px;
        padding: 12px 32px;
        background: #312e81;
        color: #ffffff;
      }
      h1 {
        margin: 0 auto 0 0;
        font-size: 28px;
      }
      h1 small {
        margin-left: 12px;
        font-size: 20px;
        font-weight: 400;
        opacity: 0.9;
      }
      main {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 460px;
        gap: 20px;
        padding: 20px 32px 40px;
        max-width: 1800px;
        margin: 0 auto;
      }
      main.off {
        display: block;
        max-width: 1100px;
      }
      .column {
        display: flex;
        flex-direction: column;
        gap: 20px;
      }
      /* A scan screen waits for a paper: the scanner panel moves up (order keeps its state). */
      .column > .asked {
        order: -1;
      }
      .panel {
        gap: 12px;
        height: auto;
        padding: 18px 20px;
      }
      .fixtures {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
        gap: 10px;
      }
      .fixtures button {
        flex-direction: column;
        align-items: flex-start;
        gap: 2px;
        min-height: 64px;
        padding: 8px 14px;
        text-align: left;
      }
      .fixtures code {
        font-size: 20px;
        font-weight: 700;
      }
      .fixtures span {
        font-size: 20px;
        font-weight: 400;
        color: #374151;
      }
      .controls {
        display: grid;
        grid-template-columns: max-content max-content 1fr;
        align-items: center;
        gap: 10px 16px;
      }
      .controls .row {
        flex-wrap: nowrap;
      }
      .label {
        font-weight: 600;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        padding: 0.15em 0.75em;
        border-radius: 999px;
        color: var(--level-fg);
        background: var(--level-bg);
        font-size: 20px;
        font-weight: 600;
        white-space: nowrap;
      }
      .live {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 8px 14px;
        align-items: center;
        margin: 0;
      }
      .live dt {
        color: #374151;
      }
      .live dd {
        margin: 0;
      }
      .live .chip {
        white-space: normal;
      }
      .live code {
        font-size: 20px;
        color: #4a5563;
      }
      .result {
        position: sticky;
        bottom: 16px;
      }
      .off-panel {
        display: flex;
        gap: 20px;
        align-items: flex-start;
        padding: 28px;
        border-radius: 18px;
        border: 2px solid #b8bec7;
        background: #ffffff;
        font-size: 22px;
      }
    `,
  ];

  declare language: Language;
  declare connection: ConnectionState;
  declare snapshot: StatusSnapshot;
  declare commands: ReadonlySet<string> | null;
  declare busy: boolean;
  declare last: LastAction | null;
  declare flowView: FlowView | null;
  readonly #link: DaemonLink;
  /** Read only: the dock watches the kiosk's flow and never acts on it. */
  readonly #flow: FlowLink;
  #unsubscribe: (() => void)[] = [];

  constructor() {
    super();
    this.language = defaultLanguage;
    this.commands = null;
    this.busy = false;
    this.last = null;
    this.flowView = null;
    this.#link = new DaemonLink(this);
    this.#flow = new FlowLink(this.#link.client);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const { client } = this.#link;
    this.#unsubscribe.push(
      client.onConnectionChange((connection) => {
        if (connection.state === 'open') void offeredCommands(client).then((commands) => (this.commands = commands));
      }),
      this.#flow.onChange((snapshot) => (this.flowView = snapshot.view)),
    );
    this.#flow.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flow.stop();
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('language')) showPageIn(this.language, 'dock.title');
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  #has(command: CommandName): boolean {
    return this.commands?.has(command) === true;
  }

  async #act<T>(label: string, send: () => Promise<SendOutcome<T>>, note?: (payload: T) => string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const outcome = await send();
    this.busy = false;
    this.last =
      outcome.kind === 'success'
        ? { label, ok: true, note: note?.(outcome.payload) ?? null, words: null, detail: null }
        : { label, ok: false, note: null, words: problemWords(outcome), detail: problemDetail(outcome) };
  }

  #cardPanel(status: KioskStatus) {
    const client = this.#link.client;
    const reader = status.devices.cardReader;
    return html`<section class="panel" data-testid="dock-cards">
      <div class="row">
        <h2>${this.#t('dock.cards')}</h2>
        <button
          type="button"
          data-testid="dock-remove-card"
          ?disabled=${this.busy || reader.state !== 'present'}
          @click=${() => void this.#act(this.#t('dock.removeCard'), () => client.send('Sim.RemoveCard', {}))}
        >
          ${this.#t('dock.removeCard')}
        </button>
        ${this.commands?.has('Sim.CardReaderPlug') === true
          ? html`<button
              type="button"
              data-testid="dock-reader-plug"
              data-plugged=${reader.state === 'noDevice' ? 'false' : 'true'}
              ?disabled=${this.busy}
              @click=${() => {
                const plugged = reader.state === 'noDevice';
                void this.#act(this.#t(plugged ? 'dock.replugReader' : 'dock.unplugReader'), () => client.send('Sim.CardReaderPlug', { plugged }));
              }}
            >
              ${this.#t(reader.state === 'noDevice' ? 'dock.replugReader' : 'dock.unplugReader')}
            </button>`
          : nothing}
      </div>
      <div class="fixtures">
        ${dockFixtures.map(
          (fixture) => html`<button
            type="button"
            data-testid="dock-fixture"
            data-fixture=${fixture}
            ?disabled=${this.busy}
            @click=${() => void this.#act(this.#t('dock.inserted', { fixture }), () => client.send('Sim.InsertCard', { fixture }))}
          >
            <code>${fixture}</code><span>${this.#t(fixtureKey(fixture))}</span>
          </button>`,
        )}
      </div>
    </section>`;
  }

  /** The resident ID card on the simulated SAM reader: place one of the simulator's, or take it away. */
  #idCardPanel(status: KioskStatus) {
    const reader = status.devices.idCardReader;
    if (!this.#has('Sim.IdCardPlace') || reader.state === 'notFitted') return nothing;
    const client = this.#link.client;
    return html`<section class="panel" data-testid="dock-idcard">
      <div class="row">
        <h2>${this.#t('dock.idCard.title')}</h2>
        <button
          type="button"
          data-testid="dock-idcard-remove"
          ?disabled=${this.busy || reader.state !== 'cardPresent'}
          @click=${() => void this.#act(this.#t('dock.idCard.remove'), () => client.send('Sim.IdCardRemove', {}))}
        >
          ${this.#t('dock.idCard.remove')}
        </button>
      </div>
      <div class="fixtures">
        ${idCardFixtureNames.map(
          (fixture) => html`<button
            type="button"
            data-testid="dock-idcard-place"
            data-fixture=${fixture}
            ?disabled=${this.busy}
            @click=${() => void this.#act(this.#t('dock.idCard.place', { fixture }), () => client.send('Sim.IdCardPlace', { fixture }))}
          >
            ${this.#t('dock.idCard.place', { fixture })}
          </button>`,
        )}
      </div>
    </section>`;
  }

  #inputsPanel(status: KioskStatus) {
    const client = this.#link.client;
    const gpio = status.devices.gpio;
    return html`<section class="panel" data-testid="dock-inputs">
      <h2>${this.#t('dock.inputs')}</h2>
      ${gpio.state !== 'online'
        ? html`<p class="unavailable">${this.#t('lights.unavailable')}</p>`
        : html`<div class="controls">
            ${inputNames.map((input) => {
              const active = gpio.inputs[input];
              return html`<span class="label">${this.#t(inputKey(input))}</span>
                <span class="chip" data-level=${input === 'tamper' && active ? 'attention' : active ? 'ready' : 'unknown'} data-testid="dock-input-state" data-input=${input} data-active=${active ? 'true' : 'false'}>
                  ${this.#t(inputStateKey(input, active))}
                </span>
                <div class="row">
                  ${[true, false].map(
                    (value) => html`<button
                      type="button"
                      data-testid="dock-input"
                      data-input=${input}
                      data-active=${value ? 'true' : 'false'}
                      aria-pressed=${active === value ? 'true' : 'false'}
                      ?disabled=${this.busy}
                      @click=${() => void this.#act(this.#t(inputActionKey(input, value)), () => client.send('Sim.SetInput', { input, active: value }))}
                    >
                      ${this.#t(inputActionKey(input, value))}
                    </button>`,
                  )}
                </div>`;
            })}
          </div>`}
    </section>`;
  }

  #printerPanel() {
    const client = this.#link.client;
    const paper = this.#has('Sim.PrinterPaper');
    const cover = this.#has('Sim.PrinterCover');
    const online = this.#has('Sim.PrinterOnline');
    return html`<section class="panel" data-testid="dock-printer">
      <h2>${this.#t('dock.printer')}</h2>
      ${!paper && !cover && !online ? html`<p class="unavailable" data-testid="not-available">${this.#t('dock.notYet')}</p>` : nothing}
      <div class="controls">
        ${paper
          ? html`<span class="label">${this.#t('dock.paper')}</span><span></span>
              <div class="row">
                ${printerPaper.map(
                  (level) => html`<button
                    type="button"
                    data-testid="dock-printer-paper"
                    data-paper=${level}
                    ?disabled=${this.busy}
                    @click=${() => void this.#act(this.#t('dock.paperSet', { paper: this.#t(`dock.paper.${level}`) }), () => client.send('Sim.PrinterPaper', { paper: level }))}
                  >
                    ${this.#t(`dock.paper.${level}`)}
                  </button>`,
                )}
              </div>`
          : nothing}
        ${cover
          ? html`<span class="label">${this.#t('dock.printerCover')}</span><span></span>
              <div class="row">
                ${[true, false].map(
                  (open) => html`<button
                    type="button"
                    data-testid="dock-printer-cover"
                    data-open=${open ? 'true' : 'false'}
                    ?disabled=${this.busy}
                    @click=${() => void this.#act(this.#t(open ? 'dock.coverOpen' : 'dock.coverClose'), () => client.send('Sim.PrinterCover', { open }))}
                  >
                    ${this.#t(open ? 'dock.coverOpen' : 'dock.coverClose')}
                  </button>`,
                )}
              </div>`
          : nothing}
        ${online
          ? html`<span class="label">${this.#t('dock.printerLink')}</span><span></span>
              <div class="row">
                ${[true, false].map(
                  (value) => html`<button
                    type="button"
                    data-testid="dock-printer-online"
                    data-online=${value ? 'true' : 'false'}
                    ?disabled=${this.busy}
                    @click=${() => void this.#act(this.#t(value ? 'dock.printerOnline' : 'dock.printerOffline'), () => client.send('Sim.PrinterOnline', { online: value }))}
                  >
                    ${this.#t(value ? 'dock.printerOnline' : 'dock.printerOffline')}
                  </button>`,
                )}
              </div>`
          : nothing}
      </div>
    </section>`;
  }

  /** Passed to the scanner panel: its actions report in the same last-action line. */
  readonly #dockAct: DockAct = (label, send, note) => this.#act(label, send, note);

  #scannerPanel() {
    return html`<dock-scanner-panel
      class=${paperToFeed(this.flowView) === null ? '' : 'asked'}
      .language=${this.language}
      .client=${this.#link.client}
      .commands=${this.commands}
      .busy=${this.busy}
      .act=${this.#dockAct}
      .view=${this.flowView}
    ></dock-scanner-panel>`;
  }

  #livePanel(status: KioskStatus) {
    const gpio = status.devices.gpio;
    const service = status.service;
    return html`<section class="panel" data-testid="dock-live" aria-live="polite">
      <h2>${this.#t('dock.live')}</h2>
      <dl class="live">
        <dt>${this.#t('dock.service')}</dt>
        <dd>
          <span class="chip" data-testid="dock-service" data-state=${service.state} data-level=${service.state === 'inService' ? 'ready' : 'unavailable'}>
            ${service.state === 'inService'
              ? this.#t('serviceState.inService')
              : `${this.#t('tech.overall.outOfService')} · ${service.reasons.map((reason) => this.#t(reasonKey(reason))).join('、')}`}
          </span>
        </dd>
        ${deviceKinds.map((kind: DeviceKind) => {
          const view = describeDevice(kind, status.devices, this.snapshot.stale);
          return html`<dt>${this.#t(view.nameKey)}</dt>
            <dd data-testid="dock-device" data-device=${kind} data-state=${view.state ?? 'unknown'}>
              <span class="chip" data-level=${view.level}>${levelIcon(view.level, 20)}${this.#t(view.stateKey)}</span>
              ${kind === 'cardReader' && status.devices.cardReader.state === 'present' && status.devices.cardReader.card !== null
                ? html`<code>${status.devices.cardReader.card.cardNo}</code>`
                : nothing}
            </dd>`;
        })}
        ${gpio.state === 'online'
          ? lightNames.map((light) => html`<dt>${this.#t(lightKey(light))}</dt><dd><code data-testid="dock-light" data-light=${light} data-pattern=${gpio.lights[light]}>${this.#t(patternKey(gpio.lights[light]))}</code></dd>`)
          : nothing}
      </dl>
    </section>`;
  }

  #lastAction() {
    const last = this.last;
    if (last === null) return nothing;
    return html`<div class="result" role="status" data-testid="dock-result" data-ok=${last.ok ? 'true' : 'false'} data-level=${last.ok ? 'ready' : 'unavailable'}>
      <strong>${last.ok ? this.#t('dock.done', { action: last.label }) : this.#t('dock.failed', { action: last.label })}</strong>
      ${last.note === null ? nothing : html`<span data-testid="dock-result-note">${last.note}</span>`}
      ${last.words === null ? nothing : html`<span>${this.#t(last.words.key, last.words.params)}</span>`}
      ${last.detail === null ? nothing : html`<span class="detail">${last.detail}</span>`}
    </div>`;
  }

  #body() {
    const status = this.snapshot.status;
    if (status === null) return html`<main class="off"><p class="hint">${this.#t('tech.waiting')}</p></main>`;
    if (!isSimulatorMode(status)) {
      return html`<main class="off">
        <div class="off-panel" data-testid="dock-off">
          ${levelIcon('unknown', 36)}
          <div>
            <h2>${this.#t('dock.offTitle')}</h2>
            <p>${this.#t('dock.offBody')}</p>
          </div>
        </div>
      </main>`;
    }
    return html`<main data-testid="dev-dock">
      <div class="column">
        ${this.#cardPanel(status)} ${this.#idCardPanel(status)} ${this.#inputsPanel(status)} ${this.#printerPanel()} ${this.#scannerPanel()}
      </div>
      <div class="column">${this.#livePanel(status)} ${this.#lastAction()}</div>
    </main>`;
  }

  protected override render() {
    return html`
      <header>
        <h1>${this.#t('dock.title')}<small>${this.#t('dock.subtitle')}</small></h1>
        <connection-badge data-testid="header-connection" .language=${this.language} .connection=${this.connection}></connection-badge>
        <language-toggle .language=${this.language} @language-change=${(event: CustomEvent<{ language: Language }>) => (this.language = event.detail.language)}></language-toggle>
      </header>
      ${this.#body()}
    `;
  }
}

customElements.define('dev-dock', DevDock);

declare global {
  interface HTMLElementTagNameMap {
    'dev-dock': DevDock;
  }
}
