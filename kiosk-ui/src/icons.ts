// Line icons drawn for the kiosk (24×24, stroke in the current text colour), inline so the
// appliance needs no icon font and they render the same on every box.
import { svg, type SVGTemplateResult } from 'lit';
import type { DeviceLevel } from './device-view.ts';

const icon = (size: number, body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg width=${size} height=${size} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const unlockIcon = (size: number): SVGTemplateResult =>
  icon(size, svg`<rect x="4.5" y="10.5" width="15" height="10.5" rx="2"/><path d="M8 10.5V7a4 4 0 0 1 7.7-1.5"/><path d="M12 14.5v2.5"/>`);

export const renewalIcon = (size: number): SVGTemplateResult =>
  icon(size, svg`<path d="M13 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h5"/><path d="M8 8h6M8 12h3"/><path d="M20.5 15.5a4 4 0 1 1-1.2-2.9"/><path d="M20.5 11.5v2.6h-2.6"/>`);

export const intakeIcon = (size: number): SVGTemplateResult =>
  icon(size, svg`<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5"/><path d="M9 14.5l2.2 2.2L15.5 12"/>`);

export const cardQueryIcon = (size: number): SVGTemplateResult =>
  icon(size, svg`<path d="M12 18H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v4"/><rect x="5" y="7.5" width="4" height="3" rx=".5"/><circle cx="17" cy="16" r="3.2"/><path d="M19.4 18.4L22 21"/>`);

export const pinChangeIcon = (size: number): SVGTemplateResult =>
  icon(size, svg`<rect x="2.5" y="6" width="19" height="12" rx="2"/><path d="M6.5 12h.01M10 12h.01M13.5 12h.01M17 12h.01"/><path d="M7 21h10"/>`);

export const globeIcon = (size: number): SVGTemplateResult =>
  icon(size, svg`<circle cx="12" cy="12" r="9"/><path d="M3 12h18"/><path d="M12 3a14 14 0 0 1 0 18a14 14 0 0 1 0-18"/>`);

export const disconnectedIcon = (size: number): SVGTemplateResult =>
  icon(size, svg`<path d="M9 3v4M15 3v4"/><path d="M6.5 7h11v4a5.5 5.5 0 0 1-11 0z"/><path d="M12 16.5V21"/><path d="M3 3l18 18"/>`);

export const cardIcon = (size: number): SVGTemplateResult =>
  icon(size, svg`<rect x="2.5" y="5" width="19" height="14" rx="2"/><rect x="5.5" y="8.5" width="5" height="4" rx=".6"/><path d="M5.5 15.5h9"/>`);

/** The icon that goes with a level, so a state never relies on colour alone. */
export function levelIcon(level: DeviceLevel, size: number): SVGTemplateResult {
  switch (level) {
    case 'ready':
      return icon(size, svg`<path d="M5 12.5l4.5 4.5L19 7.5"/>`);
    case 'attention':
      return icon(size, svg`<path d="M12 4.5L2.8 20h18.4z"/><path d="M12 10v4.5"/><path d="M12 17.4v.1"/>`);
    case 'unavailable':
      return icon(size, svg`<circle cx="12" cy="12" r="9"/><path d="M8.5 8.5l7 7M15.5 8.5l-7 7"/>`);
    case 'unknown':
      return icon(size, svg`<path d="M9.2 9a2.9 2.9 0 1 1 4 2.7c-.8.4-1.2 1-1.2 1.8v.5"/><path d="M12 17.5v.1"/>`);
  }
}
