// The dev dock's scanner simulator: feed the one paper the kiosk's scan screen asks for, load a
// generated document set for a business, both with one kind of bad page (Sim.ScannerLoad), and
// jam the scanner, open its cover or clear both (Sim.ScannerFault). Each control is offered only
// when the daemon lists its command.
import { css, html, LitElement, nothing } from 'lit';
import type { FlowView } from '../../../contract/flow-view.ts';
import { offerOf, type Offer } from '../capabilities.ts';
import { paperToFeed, wrongPaperFor } from '../dock-feed.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { inLanguage } from '../paper-words.ts';
import { panelStyles } from '../panel-styles.ts';
import { businessKey } from '../words/domain.ts';
import { defectKey, faultKey, scannerBusinesses, scannerDefects, scannerFaults, type ScannerDefect } from '../technician-tools.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import type { SendOutcome, WsClient } from '../ws-client.ts';

/** The dock's way of running an action and reporting it in its "last action" line. */
export type DockAct = <T>(label: string, send: () => Promise<SendOutcome<T>>, note?: (payload: T) => string) => Promise<void>;

export class DockScannerPanel extends LitElement {
  static override properties = {
    language: { type: String },
    client: { attribute: false },
    commands: { attribute: false },
    busy: { type: Boolean },
    act: { attribute: false },
    view: { attribute: false },
    defect: { state: true },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    panelStyles,
    css`
      .panel {
        gap: 12px;
        height: auto;
        padding: 18px 20px;
      }
      .businesses {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
        gap: 10px;
      }
      .businesses button {
        min-height: 56px;
      }
      .label {
        font-size: 20px;
        font-weight: 600;
      }
      /* The kiosk is waiting for a paper: the one action that moves the demo on stands out. */
      .feed {
        display: flex;
        flex-direction: column;
        gap: 10px;
        padding: 14px 16px;
        border-radius: 14px;
        border: 3px solid #4338ca;
        background: #eef2ff;
      }
      .feed button {
        min-height: 72px;
        font-size: 22px;
        text-align: left;
      }
    `,
  ];

  declare language: Language;
  declare client: WsClient | null;
  declare commands: ReadonlySet<string> | null;
  declare busy: boolean;
  declare act: DockAct | null;
  /** The kiosk's flow as last pushed (Kiosk.FlowChanged); null on the attract screen. */
  declare view: FlowView | null;
  declare defect: ScannerDefect;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.client = null;
    this.commands = null;
    this.busy = false;
    this.act = null;
    this.view = null;
    this.defect = 'none';
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  #unavailable(offer: Exclude<Offer, 'offered'>, notYet: MessageKey) {
    return html`<p class="unavailable" data-testid="not-available">${this.#t(offer === 'checking' ? 'deviceTest.checking' : notYet)}</p>`;
  }

  /** The paper the kiosk's scan screen asks for, alone in the feeder, as a real agent feeds it. */
  #feed() {
    const feed = paperToFeed(this.view);
    if (feed === null) return nothing;
    const { client, act } = this;
    const defect = this.defect;
    const { business, paper } = feed;
    const label = inLanguage(this.language, paper.label);
    return html`<div class="feed" data-testid="dock-feed">
      <button
        type="button"
        class="primary"
        data-testid="dock-feed-paper"
        data-business=${business}
        data-kind=${paper.wanted.kind}
        data-form=${paper.wanted.form ?? ''}
        data-role=${paper.wanted.role ?? ''}
        ?disabled=${this.busy || feed.scanning || client === null || act === null}
        @click=${() => {
          if (client === null || act === null) return;
          void act(
            this.#t('dock.fedPaper', { paper: label, defect: this.#t(defectKey(defect)) }),
            () => client.send('Sim.ScannerLoad', { business, defect, paper: paper.wanted }, { timeoutMs: 60_000 }),
            ({ pages }) => this.#t('dock.scannerPages', { pages }),
          );
        }}
      >
        ${this.#t('dock.feedPaper', { paper: label })}
      </button>
      <button
        type="button"
        data-testid="dock-feed-wrong-paper"
        ?disabled=${this.busy || feed.scanning || client === null || act === null}
        @click=${() => {
          if (client === null || act === null) return;
          void act(
            this.#t('dock.fedWrongPaper', { paper: label }),
            () => client.send('Sim.ScannerLoad', { business, paper: wrongPaperFor(paper.wanted) }, { timeoutMs: 60_000 }),
            ({ pages }) => this.#t('dock.scannerPages', { pages }),
          );
        }}
      >
        ${this.#t('dock.feedWrongPaper')}
      </button>
      <p class="hint">${this.#t('dock.feedPaperHint')}</p>
    </div>`;
  }

  #load() {
    const { client, act } = this;
    const defect = this.defect;
    return html`<h3>${this.#t('dock.scannerLoad')}</h3>
      <p class="hint">${this.#t('dock.scannerLoadHint')}</p>
      <div class="row" role="group" aria-label=${this.#t('dock.scannerDefect')}>
        <span class="label">${this.#t('dock.scannerDefect')}</span>
        ${scannerDefects.map(
          (choice) => html`<button
            type="button"
            data-testid="dock-scanner-defect"
            data-defect=${choice}
            aria-pressed=${choice === defect ? 'true' : 'false'}
            @click=${() => (this.defect = choice)}
          >
            ${this.#t(defectKey(choice))}
          </button>`,
        )}
      </div>
      <div class="businesses">
        ${scannerBusinesses.map(
          (business) => html`<button
            type="button"
            class="primary"
            data-testid="dock-scanner-load"
            data-business=${business}
            ?disabled=${this.busy || client === null || act === null}
            @click=${() => {
              if (client === null || act === null) return;
              void act(
                this.#t('dock.scannerLoaded', { business: this.#t(businessKey(business)), defect: this.#t(defectKey(defect)) }),
                // The simulator draws every page of the set first: give it time.
                () => client.send('Sim.ScannerLoad', { business, defect }, { timeoutMs: 60_000 }),
                ({ pages }) => this.#t('dock.scannerPages', { pages }),
              );
            }}
          >
            ${this.#t(businessKey(business))}
          </button>`,
        )}
      </div>`;
  }

  #faults() {
    const { client, act } = this;
    return html`<h3>${this.#t('dock.scannerFaults')}</h3>
      <div class="row">
        ${scannerFaults.map(
          (fault) => html`<button
            type="button"
            class=${fault === 'clear' ? '' : 'danger'}
            data-testid="dock-scanner-fault"
            data-fault=${fault}
            ?disabled=${this.busy || client === null || act === null}
            @click=${() => {
              if (client === null || act === null) return;
              void act(this.#t(faultKey(fault)), () => client.send('Sim.ScannerFault', { fault }));
            }}
          >
            ${this.#t(faultKey(fault))}
          </button>`,
        )}
      </div>`;
  }

  protected override render() {
    const load = offerOf(this.commands, 'Sim.ScannerLoad');
    const fault = offerOf(this.commands, 'Sim.ScannerFault');
    return html`<section class="panel" data-testid="dock-scanner" data-load=${load} data-fault=${fault}>
      <h2>${this.#t('dock.scanner')}</h2>
      ${load === 'notYet' && fault === 'notYet'
        ? this.#unavailable('notYet', 'dock.scannerNotYet')
        : html`${load === 'offered' ? html`${this.#feed()}${this.#load()}` : this.#unavailable(load, 'dock.scannerLoadNotYet')}
          ${fault === 'offered' ? this.#faults() : this.#unavailable(fault, 'dock.scannerFaultNotYet')}`}
    </section>`;
  }
}

customElements.define('dock-scanner-panel', DockScannerPanel);

declare global {
  interface HTMLElementTagNameMap {
    'dock-scanner-panel': DockScannerPanel;
  }
}

