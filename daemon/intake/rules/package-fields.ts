// The package's own completeness: the enterprise and the agent named, each document carrying
// the fields its kind needs, dates that are dates, and the right certificate variants.
import { present, type CheckContext } from '../context.ts';
import { fieldLabelOf, label, paperLabel } from '../../../contract/intake/labels.ts';
import { usefulKinds } from '../materials.ts';
import {
  certificateKinds,
  customsRegistrationVariants,
  longTermDate,
  parseIsoDate,
  tradeQualificationVariants,
  type DocumentFields,
  type DocumentKind,
} from '../../../contract/intake/package-schema.ts';

type FieldName = keyof DocumentFields;

const certificateFields: readonly FieldName[] = ['name', 'validUntil', 'annualInspection'];

export const requiredFields: Record<DocumentKind, readonly FieldName[]> = {
  org_code_certificate: ['name', 'orgCode', ...certificateFields],
  business_licence: ['name', 'legalRepresentative', 'address', ...certificateFields],
  tax_registration: certificateFields,
  trade_qualification: ['variant', ...certificateFields],
  customs_registration: certificateFields,
  introduction_letter: ['name', 'agentName'],
  id_card: ['name', 'idNumber'],
  form_enterprise: ['name'],
  form_ic_card: ['name'],
  form_tax_clerk_card: ['name'],
  contact_proof: ['name', 'address', 'postcode', 'contactName', 'phone', 'consentToMail'],
};

/** validUntil on a certificate without an end date. */
export const longTerm = new Set([longTermDate, '永久', 'long_term', 'long-term', 'permanent']);

export function checkPackageFields(ctx: CheckContext): void {
  const { enterprise, agent } = ctx.pkg;
  if (enterprise === undefined || !present(enterprise.name) || (!present(enterprise.uscc) && !present(enterprise.orgCode))) {
    const missing = enterprise === undefined ? 'enterprise' : !present(enterprise.name) ? 'enterprise.name' : 'enterprise.uscc';
    ctx.report(
      'R-ENTERPRISE-MISSING',
      { zh: '材料未写明办理业务的企业名称及统一社会信用代码（或组织机构代码）。', en: "The papers do not give the enterprise's name and its Unified Social Credit Code (or organisation code)." },
      { field: missing },
    );
  }
  if (agent === undefined || !present(agent.name) || !present(agent.idNumber)) {
    ctx.report(
      'R-AGENT-MISSING',
      { zh: '材料未写明经办人的姓名和身份证号码。', en: "The papers do not give the agent's name and ID number." },
      { field: agent === undefined ? 'agent' : !present(agent.name) ? 'agent.name' : 'agent.idNumber' },
    );
  }

  const useful = usefulKinds(ctx.pkg);
  for (const { index, doc } of ctx.documents) {
    if (!useful.has(doc.kind)) continue;
    const paper = paperLabel(doc.kind, doc.form);
    const needsForm = doc.kind === 'id_card' || (certificateKinds as readonly DocumentKind[]).includes(doc.kind);
    if (needsForm && doc.form === undefined) {
      ctx.report('R-FIELD-MISSING', { zh: `${paper.zh}未注明是原件还是复印件。`, en: `The ${paper.en} does not say whether it is the original or a copy.` }, { document: index, field: 'form' });
    }
    for (const field of requiredFields[doc.kind]) {
      const value = doc.fields[field];
      if (typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== '')) continue;
      const what = fieldLabelOf(doc.kind, field);
      ctx.report('R-FIELD-MISSING', { zh: `${paper.zh}缺少${what.zh}。`, en: `The ${paper.en} lacks its ${what.en}.` }, { document: index, field: `fields.${field}` });
    }
    for (const field of ['validUntil', 'annualInspection'] as const) {
      const value = doc.fields[field];
      if (value === undefined || value.trim() === '') continue;
      if (field === 'validUntil' && longTerm.has(value.trim())) continue;
      if (parseIsoDate(value.trim()) !== null) continue;
      const what = label(field);
      ctx.report(
        'R-FIELD-DATE',
        { zh: `${paper.zh}的${what.zh}“${value}”不是有效日期（格式：年-月-日，如 2026-03-01）。`, en: `The ${what.en} “${value}” on the ${paper.en} is not a real date (write it as YYYY-MM-DD, e.g. 2026-03-01).` },
        { document: index, field: `fields.${field}` },
      );
    }
    checkVariant(ctx, index);
  }
}

function checkVariant(ctx: CheckContext, index: number): void {
  const doc = ctx.pkg.documents[index];
  const variant = doc?.fields.variant;
  if (doc === undefined || variant === undefined) return;
  const allowed: readonly string[] | undefined =
    doc.kind === 'trade_qualification' ? tradeQualificationVariants : doc.kind === 'customs_registration' ? customsRegistrationVariants : undefined;
  if (allowed === undefined || allowed.includes(variant)) return;
  const paper = paperLabel(doc.kind, doc.form);
  ctx.report(
    'R-DOC-VARIANT',
    { zh: `“${variant}”不是可接受的${paper.zh}。`, en: `“${variant}” is not an accepted ${paper.en}; accepted: ${allowed.join(', ')}.` },
    { document: index, field: 'fields.variant' },
  );
}
