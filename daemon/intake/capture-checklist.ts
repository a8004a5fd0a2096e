// The guided capture's checklist: every paper the business needs, one capture step per form and
// per person, in the order the kiosk asks for them. Built from materials.ts (certificates and
// other papers) and the people rules (whose ID cards), so it cannot drift from the intake check.
import type { CaptureChecklist, CaptureItem, CaptureStatus } from '../../contract/intake/capture.ts';
import { createContext, declaredRole } from './context.ts';
import { documentLabel, formLabel, roleLabel, type Text } from '../../contract/intake/labels.ts';
import { requirements, type Requirement } from './materials.ts';
import type { IntakePackage } from '../../contract/intake/package-schema.ts';
import { holdersNeedingIdCopy } from './rules/people.ts';

type Step = Omit<CaptureItem, 'status' | 'label'>;

function paperSteps(requirement: Requirement): Step[] {
  const kinds = [...requirement.kinds];
  if (requirement.forms.length === 0) return [{ kinds, form: null }];
  return requirement.forms.map((form) => ({ kinds, form }));
}

function idSteps(pkg: IntakePackage): Step[] {
  const agent: Step[] = (['original', 'copy'] as const).map((form) => ({ kinds: ['id_card'], form, roles: ['agent'] }));
  // The package date does not matter for whose copies are needed.
  const holders = holdersNeedingIdCopy(createContext(pkg, new Date())).map((holder): Step => ({ kinds: ['id_card'], form: 'copy', roles: [...holder.roles] }));
  return [...agent, ...holders];
}

function labelOf(step: Step): Text {
  const form = step.form === null ? null : formLabel[step.form];
  const role = step.roles?.[0];
  if (role !== undefined) {
    return { zh: `${roleLabel[role].zh}身份证${form?.zh ?? ''}`, en: `ID card of ${roleLabel[role].en}${form === null ? '' : ` (${form.en})`}` };
  }
  const names = step.kinds.map((kind) => documentLabel[kind]);
  return {
    zh: names.map((n) => n.zh).join('或') + (form?.zh ?? ''),
    en: names.map((n) => n.en).join(' or ') + (form === null ? '' : ` (${form.en})`),
  };
}

/**
 * `pending`: indices of documents captured but not yet confirmed by the agent. The business
 * licence comes first: its QR gives the USCC, and an 18-character USCC (三证合一) waives the
 * organisation code and tax certificates, so the kiosk never asks for papers the agent lacks.
 */
export function captureChecklist(pkg: IntakePackage, pending: ReadonlySet<number>): CaptureChecklist {
  const papers = requirements(pkg).flatMap(paperSteps);
  const licenceFirst = [...papers.filter((s) => s.kinds.includes('business_licence')), ...papers.filter((s) => !s.kinds.includes('business_licence'))];
  const items = [...licenceFirst, ...idSteps(pkg)].map((step): CaptureItem => {
    const matching = pkg.documents.flatMap((doc, index) => {
      if (!step.kinds.includes(doc.kind)) return [];
      if (step.form !== null && doc.form !== step.form) return [];
      const role = declaredRole(doc);
      if (step.roles !== undefined && (role === undefined || !step.roles.includes(role))) return [];
      return [index];
    });
    const status: CaptureStatus = matching.some((i) => !pending.has(i)) ? 'confirmed' : matching.length > 0 ? 'pendingConfirmation' : 'missing';
    return { ...step, label: labelOf(step), status };
  });
  return { items, next: items.find((item) => item.status === 'missing') ?? null };
}
