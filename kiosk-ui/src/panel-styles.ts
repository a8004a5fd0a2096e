// Styles of the technician page's and the dev dock's panels: a white card with a heading, rows
// of buttons, result lines. Text colours meet WCAG AA on their backgrounds.
import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 16px;
    height: 100%;
    padding: 22px 24px;
    border-radius: 18px;
    background: #ffffff;
    border: 1px solid #d5dbe3;
  }
  h2 {
    margin: 0;
    font-size: 26px;
    color: #1c2530;
  }
  h3 {
    margin: 0;
    font-size: 22px;
    color: #1c2530;
  }
  p {
    margin: 0;
    font-size: 20px;
  }
  .hint {
    color: #4a5563;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 12px;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    padding: 0 20px;
    border-radius: 12px;
    border: 2px solid #8a94a3;
    background: #ffffff;
    color: #1c2530;
    font-size: 20px;
    font-weight: 600;
  }
  button.primary {
    border-color: #1d4ed8;
    background: #1d4ed8;
    color: #ffffff;
  }
  button.danger {
    border-color: #b91c1c;
    background: #b91c1c;
    color: #ffffff;
  }
  button[aria-pressed='true'] {
    border-color: #1d4ed8;
    background: #dbe6ff;
    color: #1e3a8a;
  }
  button:active:not(:disabled) {
    filter: brightness(0.92);
  }
  button:disabled {
    cursor: not-allowed;
    border-color: #d5dbe3;
    background: #eef1f5;
    color: #5b6573;
  }
  .result {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 14px 18px;
    border-radius: 12px;
    border-left: 6px solid var(--level-border, #b8bec7);
    background: var(--level-bg, #eef1f5);
    color: var(--level-fg, #1c2530);
    font-size: 20px;
  }
  .result strong {
    font-size: 22px;
  }
  .detail {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-size: 20px;
    overflow-wrap: anywhere;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 16px;
    margin: 0;
  }
  dl.facts dt {
    color: #4a5563;
  }
  dl.facts dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .unavailable {
    padding: 12px 16px;
    border-radius: 12px;
    border: 2px dashed #b8bec7;
    background: #f6f7f9;
    color: #4a5563;
    font-size: 20px;
  }
  /* A panel's title row with its action button, and a scrolling list under it. */
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 16px;
  }
  .scroll {
    max-height: 560px;
    overflow-y: auto;
    border: 1px solid #d5dbe3;
    border-radius: 12px;
  }
`;
