// Kiosk.* messages of the guided capture (issue 5): the UI asks for each paper in turn, the daemon
// scans it and pre-fills what the page tells (stamps, the licence's QR), the agent confirms the
// fields. Spread into the catalogue; browser-safe (zod and types only). Payload limits are the
// intake package schema's own (format v1), so whatever passes here also passes the package.
import { z } from 'zod';
import type { IntakeTicket } from '../authority/authority.ts';
import type { CaptureOutcome, IntakeState } from '../intake/capture.ts';
import type { Verdict } from '../intake/verdict.ts';
import { documentForms, documentKinds, documentVariants, idCardRoles, intakePackageSchema, limits, stampKinds } from '../intake/package-schema.ts';
import { rulebookBusinesses } from '../businesses.ts';

const packageShape = intakePackageSchema.shape;
const documentShape = packageShape.documents.unwrap().element.shape;

/** A document's fields as in format v1, strict: an unknown field is invalidData, not silently dropped. */
const fields = z.strictObject(documentShape.fields.unwrap().shape);
const agent = z.strictObject(packageShape.agent.unwrap().shape);
const enterprise = z.strictObject(packageShape.enterprise.unwrap().shape);
const cards = z.array(z.strictObject(packageShape.cards.unwrap().element.shape)).max(limits.cards);

export const intakeCommandSchemas = {
  /** A new draft for the session's business (a new session if none is open for it). */
  'Kiosk.StartIntake': z.strictObject({ business: z.enum(rulebookBusinesses) }),
  /** The draft, each document's state, the checklist and the paper to ask for next. */
  'Kiosk.IntakeState': z.strictObject({}),
  /** Scan one paper (ADF by default): stamps and licence fields pre-filled, pending confirmation. */
  'Kiosk.CaptureDocument': z.strictObject({
    kind: z.enum(documentKinds),
    form: z.enum(documentForms),
    variant: z.enum(documentVariants).optional(),
    role: z.enum(idCardRoles).optional(),
    source: z.enum(['flatbed', 'adf']).optional(),
  }),
  /** The fields the agent read and confirmed on screen; they override the pre-filled ones. */
  'Kiosk.ConfirmDocument': z.strictObject({
    index: z.int().min(0).max(limits.documents - 1),
    fields,
    stamps: z.array(z.enum(stampKinds)).max(limits.stamps).optional(),
  }),
  /** A wrong paper captured: drop it (its scan goes too). */
  'Kiosk.RemoveDocument': z.strictObject({ index: z.int().min(0).max(limits.documents - 1) }),
  'Kiosk.SetIntakeParties': z.strictObject({ agent: agent.optional(), enterprise: enterprise.optional(), cards: cards.optional() }),
  /** The intake check on the draft, against the registry. */
  'Kiosk.CheckIntake': z.strictObject({}),
  /** Only an acceptable, fully confirmed draft: the authority's ticket for the counter. */
  'Kiosk.SubmitIntake': z.strictObject({}),
} as const;

export interface IntakeCommandResults {
  'Kiosk.StartIntake': IntakeState;
  'Kiosk.IntakeState': IntakeState;
  'Kiosk.CaptureDocument': CaptureOutcome;
  'Kiosk.ConfirmDocument': { index: number; document: IntakeState['draft']['documents'][number] };
  'Kiosk.RemoveDocument': IntakeState;
  'Kiosk.SetIntakeParties': IntakeState;
  'Kiosk.CheckIntake': Verdict;
  'Kiosk.SubmitIntake': IntakeTicket;
}
