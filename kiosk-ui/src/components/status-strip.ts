// One chip per device (card reader, printer, scanner, lights, ID-card reader unless the kiosk has
// none): icon, name and state in words.
import { css, html, LitElement, nothing } from 'lit';
import { describeDevice, stripDeviceKinds } from '../device-view.ts';
import { defaultLanguage, translate, type Language } from '../i18n.ts';
import { levelIcon } from '../icons.ts';
import type { StatusSnapshot } from '../status-feed.ts';
import { baseStyles, levelStyles } from '../theme.ts';

export class StatusStrip extends LitElement {
  static override properties = {
    language: { type: String },
    snapshot: { attribute: false },
  };

  static override styles = [
    baseStyles,
    levelStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 12px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .label {
        font-size: 20px;
        color: #4a5563;
        margin-right: 4px;
      }
      li.chip {
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        padding: 0.25em 0.8em 0.25em 0.55em;
        border-radius: 999px;
        font-size: 20px;
        color: var(--level-fg);
        background: var(--level-bg);
        border: 1.5px solid var(--level-border);
        white-space: nowrap;
      }
      .name {
        font-weight: 600;
      }
      /* A 1280-wide panel: the chips alone fit one line (the list keeps its label for readers). */
      @media (max-width: 1400px) {
        .label {
          display: none;
        }
        ul {
          gap: 8px;
        }
        li.chip {
          padding: 0.2em 0.6em 0.2em 0.45em;
        }
      }
    `,
  ];

  declare language: Language;
  declare snapshot: StatusSnapshot;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.snapshot = { status: null, stale: true };
  }

  protected override render() {
    const { status, stale } = this.snapshot;
    const label = translate(this.language, 'status.label');
    return html`<ul aria-label=${label}>
      <li class="label" aria-hidden="true">${label}</li>
      ${!stale && status?.state === 'outOfService'
        ? html`<li class="chip" data-testid="service-chip" data-level="unavailable" data-state="outOfService">
            ${levelIcon('unavailable', 22)}
            <span class="name">${translate(this.language, 'status.kiosk')}</span>
            <span class="state">${translate(this.language, 'status.outOfService')}</span>
          </li>`
        : nothing}
      ${stripDeviceKinds(status?.devices ?? null).map((kind) => {
        const view = describeDevice(kind, status?.devices ?? null, stale);
        return html`<li class="chip" data-testid="device-chip" data-device=${kind} data-level=${view.level} data-state=${view.state ?? 'unknown'}>
          ${levelIcon(view.level, 22)}
          <span class="name">${translate(this.language, view.nameKey)}</span>
          <span class="state">${translate(this.language, view.stateKey)}</span>
        </li>`;
      })}
    </ul>`;
  }
}

customElements.define('status-strip', StatusStrip);

declare global {
  interface HTMLElementTagNameMap {
    'status-strip': StatusStrip;
  }
}
