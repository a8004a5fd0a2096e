// Back and cancel under every flow screen (as the view allows them), and the "are you sure?"
// dialog for a cancel that would throw away scans or entries. Where work done stands (renewed
// cards), cancel is the flow's own action: its screen says what stands and offers the receipt.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { FlowKind, FlowView, ScreenName } from '../../../contract/flow-view.ts';
import type { MessageKey } from '../i18n.ts';
import type { ScreenContext } from './flow-kit.ts';

/** What tapping cancel does: the flow's `cancel` action, the "are you sure?" dialog, or the end. */
export function cancelChoice(view: Pick<FlowView, 'cancelIsAction' | 'screen'>): 'action' | 'confirm' | 'end' {
  if (view.cancelIsAction) return 'action';
  return cancelNeedsConfirm(view.screen.screen) ? 'confirm' : 'end';
}

/** What the dialog says is lost: a renewal has no papers to wipe (the licence went after its QR was read). */
export function cancelBodyKey(flow: FlowKind): MessageKey {
  switch (flow) {
    case 'renewal':
      return 'flow.cancelBodyRenewal';
    case 'unlock':
    case 'intake':
    case 'query':
      return 'flow.cancelBody';
    case 'pinChange':
      return 'flow.cancelBodyPinChange';
    case 'cardManagement':
      return 'flow.cancelBody';
  }
}

/** True when cancelling on this screen throws away work the agent did (scans, fields, a PIN). */
export function cancelNeedsConfirm(screen: ScreenName): boolean {
  switch (screen) {
    case 'checklist':
    case 'scanPaper':
    case 'confirmFields':
    case 'registryMismatch':
    case 'verdict':
    case 'newPin':
    case 'changePin':
    case 'renewalNext':
      return true;
    case 'renewEarly':
    case 'removePreviousCard':
    case 'renewalCanceled':
    case 'consent':
    case 'insertCard':
    case 'readingCard':
    case 'cardShown':
    case 'placeIdCard':
    case 'enterPin':
    case 'working':
    case 'cardStatus':
    case 'enterpriseCards':
    case 'manageCard':
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

export function cancelDialog(context: ScreenContext, handlers: ConfirmHandlers, flow: FlowKind): TemplateResult {
  return html`<div class="scrim">
    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="cancel-title" aria-describedby="cancel-body" data-testid="cancel-confirm">
      <h2 id="cancel-title">${context.t('flow.cancelTitle')}</h2>
      <p id="cancel-body">${context.t(cancelBodyKey(flow))}</p>
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
