// The agent's kiosk screen: owns the daemon connection, the status feed, the agent's flow, the
// session language and the inactivity reset; renders the attract screen or the flow the daemon
// pushed, the status strip and, while the daemon is unreachable, the disconnected overlay.
// Inactivity on the attract screen resets it; during a flow it first asks "still there?" and,
// unanswered, ends the flow (the daemon wipes the session) and returns to Chinese.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { defaultLanguage, translate, type Language, showPageIn } from '../i18n.ts';
import { cardIcon } from '../icons.ts';
import { FlowLink, type FlowSnapshot } from '../flow-link.ts';
import { say, sendFailureWords, type Words } from '../flow-words.ts';
import { activityEvents, inactivityTimeoutFromQuery, startInactivityTimer, type InactivityTimer } from '../inactivity.ts';
import type { StatusSnapshot } from '../status-feed.ts';
import { DaemonLink } from '../daemon-link.ts';
import { baseStyles } from '../theme.ts';
import { connectionLost, type ConnectionState } from '../ws-client.ts';
import type { AttractScreen, StartFlowDetail } from './attract-screen.ts';
import './attract-screen.ts';
import './connection-badge.ts';
import './disconnected-overlay.ts';
import { idleWarningMs } from './flow-idle-warning.ts';
import './flow-host.ts';
import './flow-idle-warning.ts';
import './language-toggle.ts';
import './status-strip.ts';
import { printerServiceability } from '../../../contract/devices/printer.ts';
import { isPaperScreen } from '../../../contract/flow-view.ts';

export class KioskApp extends LitElement {
  static override properties = {
    language: { state: true },
    connection: { state: true },
    snapshot: { state: true },
    flow: { state: true },
    idleDeadline: { state: true },
    startProblem: { state: true },
    starting: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        /* The middle row may be smaller than its content: a flow scrolls inside it, never the page. */
        grid-template-rows: auto minmax(0, 1fr) auto;
        height: 100vh;
        height: 100dvh;
        background: linear-gradient(180deg, #eef2f7 0%, #f7f8fa 40%);
      }
      header {
        display: flex;
        align-items: center;
        gap: 24px;
        padding: 20px 48px;
        background: #0a3a6b;
        color: #ffffff;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 20px;
        margin-right: auto;
      }
      .emblem {
        display: grid;
        place-items: center;
        width: 64px;
        height: 64px;
        border-radius: 16px;
        background: #ffffff;
        color: #0a3a6b;
      }
      .brand-name {
        font-size: 32px;
        font-weight: 700;
        letter-spacing: 0.04em;
      }
      /* The header never wraps: when the badge grows (reconnecting, in English), the product name yields. */
      .brand {
        min-width: 0;
      }
      .brand-name,
      connection-badge,
      language-toggle {
        flex-shrink: 0;
        white-space: nowrap;
      }
      .brand-product {
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        padding-left: 20px;
        border-left: 2px solid rgb(255 255 255 / 0.45);
        font-size: 24px;
        color: #dbe7f5;
      }
      main {
        display: flex;
        flex-direction: column;
        /* Centred while it fits; scrolls from the top (never cut off) when it does not. */
        justify-content: safe center;
        min-height: 0;
        overflow-y: auto;
      }
      footer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 16px 32px;
        padding: 20px 48px;
        background: #ffffff;
        border-top: 1px solid #d5dbe3;
      }
      .help {
        font-size: 22px;
        color: #4a5563;
      }
      /* A landscape panel is short: less chrome, more room for the screen. */
      @media (max-height: 1100px) {
        header {
          padding: 12px 48px;
        }
        footer {
          gap: 8px 32px;
          padding: 12px 48px;
        }
        .help {
          font-size: 20px;
        }
      }
    `,
  ];

  declare language: Language;
  declare connection: ConnectionState;
  declare snapshot: StatusSnapshot;
  declare flow: FlowSnapshot;
  /** Epoch ms when an unanswered "still there?" ends the flow; null while no warning shows. */
  declare idleDeadline: number | null;
  declare startProblem: Words | null;
  declare starting: boolean;
  #idle: InactivityTimer | null = null;
  #idleTimeoutMs = inactivityTimeoutFromQuery(location.search);
  readonly #flows: FlowLink;
  #unsubscribe: (() => void)[] = [];

  constructor() {
    super();
    this.language = defaultLanguage;
    this.idleDeadline = null;
    this.startProblem = null;
    this.starting = false;
    // Registers itself with this element: connects and disconnects with it.
    const link = new DaemonLink(this);
    this.#flows = new FlowLink(link.client);
    this.flow = this.#flows.snapshot;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#flows.start();
    this.#unsubscribe.push(
      this.#flows.onChange((flow) => {
        const ended = this.flow.view !== null && flow.view === null;
        this.flow = flow;
        if (flow.view === null) this.idleDeadline = null;
        // The session is over: the next agent starts from the attract screen in Chinese.
        if (ended) this.#resetSession();
        this.#watchDaemonDeadline(flow.view?.idleDeadline ?? null);
      }),
    );
    this.#idle = startInactivityTimer({ target: window, timeoutMs: this.#idleTimeoutMs, onIdle: () => this.#onIdle() });
    for (const name of activityEvents) window.addEventListener(name, this.#onActivity, { capture: true, passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watchDaemonDeadline(null);
    this.#idle?.stop();
    this.#flows.stop();
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    for (const name of activityEvents) window.removeEventListener(name, this.#onActivity, { capture: true });
  }

  /** Someone touched the kiosk: a "still there?" warning goes away. */
  readonly #onActivity = (): void => {
    if (this.idleDeadline === null) return;
    this.idleDeadline = null;
    // The daemon keeps its own deadline (touches it never sees): tell it the agent is here.
    void this.#flows.stillHere();
  };

  #stillHere(): void {
    this.idleDeadline = null;
    void this.#flows.stillHere();
  }

  #daemonTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * The daemon ends the flow at its deadline whatever the page saw (taps on the on-screen keyboard
   * are not actions): the "still there?" countdown shows before it, counting down to it.
   */
  #watchDaemonDeadline(deadline: number | null): void {
    clearTimeout(this.#daemonTimer);
    if (deadline === null) return;
    const warnAt = deadline - idleWarningMs(this.#idleTimeoutMs);
    this.#daemonTimer = setTimeout(() => {
      if (this.flow.view?.idleDeadline === deadline && this.idleDeadline === null) this.idleDeadline = deadline;
    }, Math.max(0, warnAt - Date.now()));
  }

  #onIdle(): void {
    const view = this.flow.view;
    if (view === null) {
      this.#resetSession();
      return;
    }
    // Waiting on the kiosk (a card being read, a renewal running) is not being away.
    if (view.screen.screen === 'working' || view.screen.screen === 'readingCard') {
      this.#idle?.reset();
      return;
    }
    // Finding the next of thirteen papers takes longer than a minute: on the paper screens only
    // the daemon's longer deadline counts (its warning comes from #watchDaemonDeadline).
    if (isPaperScreen(view.screen) && view.idleDeadline !== undefined) {
      this.#idle?.reset();
      return;
    }
    // Never later than the daemon's own deadline: the countdown shows when the session really ends.
    this.idleDeadline = Math.min(Date.now() + idleWarningMs(this.#idleTimeoutMs), view.idleDeadline ?? Number.POSITIVE_INFINITY);
  }

  #idleExpired(): void {
    this.idleDeadline = null;
    void this.#flows.end('timedOut');
    this.#resetSession();
  }

  async #startFlow(detail: StartFlowDetail): Promise<void> {
    if (this.starting) return;
    this.startProblem = null;
    this.starting = true;
    const failure = await this.#flows.startFlow(detail.flow, detail.business);
    this.starting = false;
    if (failure !== null) this.startProblem = sendFailureWords(failure);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('language')) showPageIn(this.language, 'app.title');
  }

  /** Nobody is at the kiosk: the next agent starts from the attract screen, in Chinese. */
  #resetSession(): void {
    this.language = defaultLanguage;
    this.startProblem = null;
    this.renderRoot.querySelector<AttractScreen>('attract-screen')?.reset();
  }

  #main() {
    const view = this.flow.view;
    if (view !== null) {
      // A first-use refusal starts the PIN change from the flow screen itself (the card stays in).
      return html`<flow-host
        .language=${this.language}
        .view=${view}
        .busy=${this.flow.busy}
        .link=${this.#flows}
        @start-flow=${(event: CustomEvent<StartFlowDetail>) => void this.#startFlow(event.detail)}
      ></flow-host>`;
    }
    const problem = this.startProblem === null ? null : `${translate(this.language, 'attract.startFailed')} ${say(this.language, this.startProblem)}`;
    return html`<attract-screen
      .language=${this.language}
      .overall=${this.snapshot.stale ? null : (this.snapshot.status?.state ?? null)}
      .receipts=${this.snapshot.stale || this.snapshot.status === null || printerServiceability(this.snapshot.status.devices.printer) !== 'unavailable' ? 'available' : 'unavailable'}
      .problem=${problem}
      .busy=${this.starting}
      @start-flow=${(event: CustomEvent<StartFlowDetail>) => void this.#startFlow(event.detail)}
    ></attract-screen>`;
  }

  protected override render() {
    return html`
      <header>
        <div class="brand">
          <span class="emblem">${cardIcon(40)}</span>
          <span class="brand-name">${translate(this.language, 'header.brand')}</span>
          <span class="brand-product">${translate(this.language, 'header.product')}</span>
        </div>
        <connection-badge data-testid="header-connection" .language=${this.language} .connection=${this.connection}></connection-badge>
        <language-toggle .language=${this.language} @language-change=${(event: CustomEvent<{ language: Language }>) => (this.language = event.detail.language)}></language-toggle>
      </header>
      <main>${this.#main()}</main>
      <footer>
        <status-strip .language=${this.language} .snapshot=${this.snapshot}></status-strip>
        <span class="help">${translate(this.language, 'attract.help')}</span>
      </footer>
      ${this.idleDeadline === null || this.flow.view === null
        ? nothing
        : html`<flow-idle-warning
            .language=${this.language}
            .deadline=${this.idleDeadline}
            .flow=${this.flow.view.flow}
            @idle-expired=${() => this.#idleExpired()}
            @idle-continue=${() => this.#stillHere()}
          ></flow-idle-warning>`}
      ${connectionLost(this.connection) ? html`<disconnected-overlay .language=${this.language} .connection=${this.connection}></disconnected-overlay>` : nothing}
    `;
  }
}

customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
