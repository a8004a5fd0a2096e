// Back and cancel under every flow screen (as the view allows them), and the "are you sure?"
// dialog for a cancel that would throw away scans or entries.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { FlowView, ScreenName } from '../../../contract/flow-view.ts';
import type { ScreenContext } from './flow-kit.ts';

/** True when cancelling on this screen throws away work the agent did (scans, fields, a PIN). */
export function cancelNeedsConfirm(screen: ScreenName): boolean {
  switch (screen) {
    case 'checklist':
    case 'scanPaper':
    case 'confirmFields':
    case 'registryMismatch':
    case 'verdict':
    case 'newPin':
    case 'renewalNext':
      return true;
    case 'consent':
    case 'insertCard':
    case 'readingCard':
    case 'cardShown':
    case 'enterPin':
    case 'working':
    case 'cardStatus':
    case 'done':
    case 'takeCard':
    case 'failed':
      return false;
  }
}

export interface NavHandlers {
  back: () => void;
  cancel: () => void;
}

export function flowNav(context: ScreenContext, view: FlowView, handlers: NavHandlers): TemplateResult {
  return html`<nav class="flow-nav" aria-label=${context.t('flow.cancel')}>
    ${view.canBack
      ? html`<button type="button" class="nav-button" data-testid="flow-back" ?disabled=${context.busy} @click=${handlers.back}>← ${context.t('flow.back')}</button>`
      : html`<span></span>`}
    ${view.canCancel
      ? html`<button type="button" class="nav-button cancel" data-testid="flow-cancel" @click=${handlers.cancel}>${context.t('flow.cancel')}</button>`
      : nothing}
  </nav>`;
}

export interface ConfirmHandlers {
  confirm: () => void;
  keep: () => void;
}

export function cancelDialog(context: ScreenContext, handlers: ConfirmHandlers): TemplateResult {
  return html`<div class="scrim">
    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="cancel-title" aria-describedby="cancel-body" data-testid="cancel-confirm">
      <h2 id="cancel-title">${context.t('flow.cancelTitle')}</h2>
      <p id="cancel-body">${context.t('flow.cancelBody')}</p>
      <div class="actions">
        <button type="button" class="secondary" data-testid="cancel-keep" @click=${handlers.keep}>${context.t('flow.cancelKeep')}</button>
        <button type="button" class="primary" data-testid="cancel-confirm-yes" @click=${handlers.confirm}>${context.t('flow.cancelConfirm')}</button>
      </div>
    </div>
  </div>`;
}

export const navStyles = css`
  .flow-nav {
    display: flex;
    justify-content: space-between;
    gap: 24px;
    width: 100%;
  }
  .nav-button {
    min-width: 200px;
    min-height: 64px;
    padding: 0 32px;
    border-radius: 14px;
    border: 2px solid #8a94a3;
    background: #ffffff;
    color: #1c2530;
    font-size: 24px;
    font-weight: 600;
  }
  .nav-button.cancel {
    border-color: #b42318;
    color: #9f1c12;
  }
  .nav-button:disabled {
    cursor: not-allowed;
    border-color: #d5dbe3;
    background: #eef1f5;
    color: #5b6573;
  }
  .scrim {
    position: fixed;
    inset: 0;
    z-index: 60;
    display: grid;
    place-items: center;
    background: rgb(15 37 64 / 0.55);
  }
  .dialog {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 24px;
    max-width: 760px;
    margin: 32px;
    padding: 48px 56px 40px;
    border-radius: 24px;
    background: #ffffff;
    color: #1c2530;
    text-align: center;
    font-size: 26px;
    box-shadow: 0 24px 64px rgb(0 0 0 / 0.3);
  }
`;
