// What the five paper screens (checklist, scan, fields, registry mismatch, verdict) share: the
// language and the daemon's screen they render, the `flow-action` they dispatch, their words
// and their look. Each element declares only its own screen type and extra properties; Lit
// merges a subclass's `static properties` with these.
import { css, LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type { FlowAction } from '../../../contract/protocol/flow-messages.ts';
import { defaultLanguage, translate, type Language, type MessageKey } from '../i18n.ts';
import { baseStyles, levelStyles } from '../theme.ts';
import { flowActionEvent } from './flow-kit.ts';

/**
 * The look the five paper screens share (headline, lead text, the primary and secondary
 * buttons, a problem box), read at arm's length: nothing under 20 px, targets of 80 px.
 */
export const paperScreenStyles = css`
  /* A column as tall as the screen allows: only its scroll areas shrink, the actions stay. */
  :host {
    display: flex;
    flex-direction: column;
    gap: 28px;
    width: 100%;
    max-width: 1400px;
    min-height: 0;
    margin: 0 auto;
    padding: 8px 0;
    color: #1c2530;
    font-size: 24px;
    line-height: 1.45;
  }
  h1 {
    margin: 0;
    font-size: 44px;
    line-height: 1.25;
    font-weight: 700;
    color: #0f2540;
  }
  h2 {
    margin: 0;
    font-size: 30px;
    line-height: 1.3;
    color: #0f2540;
  }
  p {
    margin: 0;
  }
  .lead {
    font-size: 26px;
    color: #374151;
  }
  :host > * {
    flex-shrink: 0;
  }
  :host > scroll-area {
    flex-shrink: 1;
    min-height: 0;
  }
  @media (max-height: 1100px) {
    :host {
      gap: 20px;
    }
    h1 {
      font-size: 36px;
    }
    .lead {
      font-size: 22px;
    }
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 24px;
  }
  .primary {
    min-width: 280px;
    min-height: 80px;
    padding: 0 48px;
    border: 0;
    border-radius: 16px;
    background: #0a3a6b;
    color: #ffffff;
    font-size: 30px;
    font-weight: 700;
  }
  .primary:active {
    background: #082c52;
  }
  .secondary {
    min-height: 80px;
    padding: 0 40px;
    border: 2px solid #0a3a6b;
    border-radius: 16px;
    background: #ffffff;
    color: #0a3a6b;
    font-size: 26px;
    font-weight: 600;
  }
  .secondary:active {
    background: #e0ecfa;
  }
  .problem {
    display: flex;
    align-items: flex-start;
    gap: 16px;
    padding: 20px 24px;
    border-radius: 16px;
    border: 2px solid var(--level-border);
    background: var(--level-bg);
    color: var(--level-fg);
  }
  .problem-text {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .problem-what {
    font-size: 28px;
    font-weight: 700;
  }
  .problem ul {
    margin: 0;
    padding-left: 1.2em;
  }
  @media (max-width: 1500px) and (max-height: 1200px) {
    :host {
      gap: 20px;
      padding: 24px 32px;
    }
    h1 {
      font-size: 38px;
    }
  }
`;

/** A paper screen showing `S`, one of the daemon's flow screens; nothing until it is set. */
export class PaperScreen<S> extends LitElement {
  static override properties: PropertyDeclarations = {
    language: { type: String },
    screen: { attribute: false },
  };

  /** Each screen adds its own after these: `static override styles = [PaperScreen.styles, ...]`. */
  static override styles: CSSResultGroup = [baseStyles, levelStyles, paperScreenStyles];

  declare language: Language;
  declare screen: S | null;

  constructor() {
    super();
    this.language = defaultLanguage;
    this.screen = null;
  }

  protected act(action: FlowAction): void {
    this.dispatchEvent(flowActionEvent(action));
  }

  protected t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    return translate(this.language, key, params);
  }
}
