// Kiosk.* messages of the agent's flows (issue 6): start a business, act on the screen the daemon
// pushed, ask for the current screen, end (cancel, inactivity). Spread into the catalogue;
// browser-safe (zod and types only). A PIN travels only inside the one action that carries it.
import { z } from 'zod';
import { secretField } from './secret.ts';
import { flowKinds, type FlowView } from '../flow-view.ts';
import { intakeBusinesses } from '../businesses.ts';
import { registryOperations } from '../authority/authority.ts';

const pin = secretField;

export const flowActionSchema = z.discriminatedUnion('action', [
  /** Consent given, card confirmed, checklist read, registry difference acknowledged … */
  z.strictObject({ action: z.literal('next') }),
  z.strictObject({ action: z.literal('back') }),
  z.strictObject({ action: z.literal('pin'), pin }),
  /** The first entry of a new PIN alone, checked against the policy before it is asked again. */
  z.strictObject({ action: z.literal('checkNewPin'), pin }),
  z.strictObject({ action: z.literal('newPin'), pin, confirmation: pin }),
  /** PIN change: the current PIN and the new one twice, together (the screen changePin). */
  z.strictObject({ action: z.literal('changePin'), oldPin: pin, pin, confirmation: pin }),
  /** Scan the paper the screen asks for (again after a fault). */
  z.strictObject({ action: z.literal('scan') }),
  /** The fields as the agent read and corrected them (FieldView keys). */
  z.strictObject({ action: z.literal('confirmFields'), fields: z.record(z.string().max(32), z.string().max(256)) }),
  /** Drop the paper just scanned and feed it again. */
  z.strictObject({ action: z.literal('rescan') }),
  /** Renewal: renew one more card of the enterprise. */
  z.strictObject({ action: z.literal('anotherCard') }),
  /** Intake verdict: go back to the scan screen of a paper skipped before (`paper`: its index in the verdict's `missing`). */
  z.strictObject({ action: z.literal('scanSkipped'), paper: z.number().int().min(0).max(63) }),
  /** Renewal: the card refused as expired — check the papers for its renewal at the counter (a ticket). */
  z.strictObject({ action: z.literal('checkPapers') }),
  /** Renewal: leave the card shown as it is (not renewed). */
  z.strictObject({ action: z.literal('skipCard') }),
  /** Cancel on a screen whose view says `cancelIsAction`: the flow shows what stands first. */
  z.strictObject({ action: z.literal('cancel') }),
  /** Done, card status, renewal list: the business is over (then: take the card). */
  z.strictObject({ action: z.literal('finish') }),
  z.strictObject({ action: z.literal('printReceipt') }),
  z.strictObject({ action: z.literal('skipReceipt') }),
  /** Operator-card management: open one card of the enterprise's list. */
  z.strictObject({ action: z.literal('pickCard'), cardNo: z.string().regex(/^\d{16}$/) }),
  /** Operator-card management: this registry operation on the card shown (declareOperator: from the list). */
  z.strictObject({ action: z.literal('manage'), operation: z.enum(registryOperations) }),
  /** Unlock, place the ID card: the reader failed or cannot read it; the scanned copy and typing instead. */
  z.strictObject({ action: z.literal('useCopy') }),
]);
export type FlowAction = z.infer<typeof flowActionSchema>;
export type FlowActionName = FlowAction['action'];

export const flowCommandSchemas = {
  /** Starts a business from the attract screen (a session still open ends as abandoned). */
  'Kiosk.StartFlow': z.strictObject({ flow: z.enum(flowKinds), business: z.enum(intakeBusinesses).optional() }),
  /** One action of the agent on the screen of flow `flowId`. */
  'Kiosk.FlowAction': z.strictObject({ flowId: z.string().min(1).max(64), action: flowActionSchema }),
  /** The screen now (after a reload or a reconnect); null on the attract screen. */
  'Kiosk.Flow': z.strictObject({}),
  /** Cancel, or nobody touched the screen: the session ends and its scans and data are wiped. */
  'Kiosk.EndFlow': z.strictObject({ reason: z.enum(['canceled', 'timedOut']) }),
  /** "Still there?" answered: the daemon's inactivity deadline of flow `flowId` starts again. */
  'Kiosk.StillHere': z.strictObject({ flowId: z.string().min(1).max(64) }),
} as const;

export interface FlowCommandResults {
  'Kiosk.StartFlow': FlowView;
  'Kiosk.FlowAction': FlowView | null;
  'Kiosk.Flow': FlowView | null;
  'Kiosk.EndFlow': FlowView | null;
  'Kiosk.StillHere': FlowView | null;
}

export interface FlowUnsolicitedPayloads {
  /** Every change of the agent's screen; null: back to the attract screen. */
  'Kiosk.FlowChanged': { view: FlowView | null };
}
