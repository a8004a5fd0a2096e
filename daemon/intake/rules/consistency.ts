// Cross-document consistency (seed 000: 证件之间的共同信息保持一致): the enterprise's name, codes,
// legal representative and registered address agree on every paper and with the package's
// `enterprise`. The introduction letter has its own rule (R-INTRO-LETTER-ENTERPRISE), and the
// contact proof's address is a mailing address, which may differ.
import { brief, normaliseCode, normaliseText, present, type CheckContext, type Where } from '../context.ts';
import { label, paperLabel, type Text } from '../../../contract/intake/labels.ts';
import { usefulKinds } from '../materials.ts';
import { certificateKinds, type DocumentKind } from '../../../contract/intake/package-schema.ts';
import type { RuleId } from '../../../contract/intake/rule-catalogue.ts';

type Compared = 'name' | 'legalRepresentative' | 'address' | 'uscc' | 'orgCode';

const enterprisePapers: readonly DocumentKind[] = [...certificateKinds, 'form_enterprise', 'form_ic_card', 'form_tax_clerk_card', 'contact_proof'];

const carriers: Record<Compared, readonly DocumentKind[]> = {
  name: enterprisePapers,
  legalRepresentative: [...certificateKinds, 'form_enterprise'],
  address: [...certificateKinds, 'form_enterprise'],
  uscc: enterprisePapers,
  orgCode: enterprisePapers,
};

const rules: Record<Compared, RuleId> = {
  name: 'R-CONSISTENCY-NAME',
  legalRepresentative: 'R-CONSISTENCY-LEGAL-REP',
  address: 'R-CONSISTENCY-ADDRESS',
  uscc: 'R-CONSISTENCY-CODE',
  orgCode: 'R-CONSISTENCY-CODE',
};

/** The preferred source of a shared value: the package's enterprise, then the papers that define it. */
const preferred: Record<Compared, readonly DocumentKind[]> = {
  name: ['business_licence', 'org_code_certificate'],
  legalRepresentative: ['business_licence', 'org_code_certificate'],
  address: ['business_licence', 'org_code_certificate'],
  uscc: ['business_licence'],
  orgCode: ['org_code_certificate'],
};

export interface Reference {
  value: string;
  where: Where;
  source: Text;
}

function normalise(field: Compared, value: string): string {
  return field === 'uscc' || field === 'orgCode' ? normaliseCode(value) : normaliseText(value);
}

function sources(ctx: CheckContext, field: Compared): { index: number; value: string }[] {
  const useful = usefulKinds(ctx.pkg);
  const out: { index: number; value: string }[] = [];
  for (const { index, doc } of ctx.documents) {
    if (!useful.has(doc.kind) || !carriers[field].includes(doc.kind)) continue;
    const value = doc.fields[field];
    if (present(value)) out.push({ index, value });
  }
  return out;
}

/** The value the papers are compared with, and where it comes from. */
export function reference(ctx: CheckContext, field: Compared): Reference | null {
  const fromEnterprise = ctx.pkg.enterprise?.[field];
  if (present(fromEnterprise)) return { value: fromEnterprise, where: { field: `enterprise.${field}` }, source: { zh: '材料所填企业信息', en: 'the enterprise details given' } };
  const all = sources(ctx, field);
  for (const kind of preferred[field]) {
    const hit = all.find(({ index }) => ctx.pkg.documents[index]?.kind === kind);
    if (hit !== undefined) return fromDocument(ctx, hit);
  }
  const first = all[0];
  return first === undefined ? null : fromDocument(ctx, first);
}

function fromDocument(ctx: CheckContext, hit: { index: number; value: string }): Reference {
  const doc = ctx.pkg.documents[hit.index];
  const source = doc === undefined ? { zh: '', en: '' } : paperLabel(doc.kind, doc.form);
  return { value: hit.value, where: { document: hit.index }, source };
}

export function checkConsistency(ctx: CheckContext): void {
  for (const field of ['name', 'uscc', 'orgCode', 'legalRepresentative', 'address'] as const) {
    const ref = reference(ctx, field);
    if (ref === null) continue;
    const expected = normalise(field, ref.value);
    const what = label(field);
    for (const { index, value } of sources(ctx, field)) {
      if (ref.where.document === index || normalise(field, value) === expected) continue;
      const doc = ctx.pkg.documents[index];
      if (doc === undefined) continue;
      const paper = paperLabel(doc.kind, doc.form);
      ctx.report(
        rules[field],
        {
          zh: `${paper.zh}上的${what.zh}是“${brief(value)}”，与${ref.source.zh}“${brief(ref.value)}”不一致。证件之间的共同信息须保持一致。`,
          en: `The ${what.en} on the ${paper.en} is “${brief(value)}”, but ${ref.source.en} says “${brief(ref.value)}”. The papers must agree.`,
        },
        { document: index, field: `fields.${field}` },
      );
    }
  }
  checkUsccCarriesOrgCode(ctx);
}

/** Seed 003: USCC characters 9–17 must be the enterprise's old organisation code. */
function checkUsccCarriesOrgCode(ctx: CheckContext): void {
  const uscc = reference(ctx, 'uscc');
  const orgCode = reference(ctx, 'orgCode');
  if (uscc === null || orgCode === null) return;
  const code = normaliseCode(uscc.value);
  if (code.length !== 18) return; // R-USCC-FORMAT says why
  const embedded = code.slice(8, 17);
  if (embedded === normaliseCode(orgCode.value)) return;
  ctx.report(
    'R-USCC-ORG-CODE',
    {
      zh: `统一社会信用代码${code}的第9至17位是${embedded}，与组织机构代码${orgCode.value}不一致（见${orgCode.source.zh}）。请到发证机关确认原因。`,
      en: `Characters 9–17 of the Unified Social Credit Code ${code} are ${embedded}, not the organisation code ${orgCode.value} (${orgCode.source.en}). Ask the issuing authority why.`,
    },
    { ...orgCode.where, ...(orgCode.where.field === undefined && { field: 'fields.orgCode' }) },
  );
}
