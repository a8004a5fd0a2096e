// Styles every component shares: touch-sized buttons, a visible focus ring, and the colours of
// the device levels (each paired with an icon and words, never colour alone). All text colours
// meet WCAG AA (4.5:1) on their backgrounds.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    box-sizing: border-box;
    /* Inherited by every text: no line ends with one lone character ("…有限公" over "司"). */
    text-wrap: pretty;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    color: inherit;
    min-width: 48px;
    min-height: 48px;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  :focus-visible {
    outline: 4px solid var(--kiosk-focus, #1d4ed8);
    outline-offset: 3px;
  }
  svg {
    display: block;
    flex: none;
  }
`;

/** `[data-level]` colours for chips and tiles: ready, attention, unavailable, unknown. */
export const levelStyles = css`
  [data-level='ready'] {
    --level-fg: #14532d;
    --level-bg: #dcfce7;
    --level-border: #86c99b;
  }
  [data-level='attention'] {
    --level-fg: #713f12;
    --level-bg: #fef3c7;
    --level-border: #e0b44c;
  }
  [data-level='unavailable'] {
    --level-fg: #7f1d1d;
    --level-bg: #fee2e2;
    --level-border: #e49a9a;
  }
  [data-level='unknown'] {
    --level-fg: #374151;
    --level-bg: #e5e7eb;
    --level-border: #b8bec7;
  }
`;
