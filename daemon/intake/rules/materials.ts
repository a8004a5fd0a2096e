// Required materials per business, originals and copies, stamps, and the contact proof's consent
// (seed 000, 附件3 一…六).
import { documentsOf, type CheckContext } from '../context.ts';
import { documentLabel, formLabel, paperLabel, stampLabel } from '../../../contract/intake/labels.ts';
import { businessLabel } from '../../../contract/businesses.ts';
import { requirements, stampsNeeded, threeInOne, usefulKinds } from '../materials.ts';
import type { StampKind } from '../../../contract/intake/package-schema.ts';

export function checkMaterials(ctx: CheckContext): void {
  const business = businessLabel[ctx.business];
  for (const requirement of requirements(ctx.pkg)) {
    const found = documentsOf(ctx, ...requirement.kinds);
    const first = requirement.kinds[0];
    if (first === undefined) continue;
    const names = requirement.kinds.map((kind) => documentLabel[kind]);
    const zhName = names.map((n) => n.zh).join('或');
    const enName = names.map((n) => n.en).join(' or ');
    if (found.length === 0) {
      const forms = requirement.forms;
      const zhForms = forms.length === 0 ? '' : `（${forms.map((f) => formLabel[f].zh).join('及')}）`;
      const enForms = forms.length === 0 ? '' : ` (${forms.map((f) => formLabel[f].en).join(' and ')})`;
      // Without a 三证合一 licence the old certificates are needed: say how to do without them.
      const standIn = (first === 'org_code_certificate' || first === 'tax_registration') && !threeInOne(ctx.pkg);
      ctx.report(
        'R-DOC-MISSING',
        {
          zh: `办理${business.zh}需要${zhName}${zhForms}，材料中没有。${standIn ? '三证合一后载有18位统一社会信用代码的营业执照可代替此证。' : ''}`,
          en: `${business.en} needs the ${enName}${enForms}; it is not among the papers.${standIn ? ' A business licence with an 18-character Unified Social Credit Code (三证合一) stands in for it.' : ''}`,
        },
        { document: { kind: first } },
      );
      continue;
    }
    for (const form of requirement.forms) {
      if (found.some(({ doc }) => doc.form === form)) continue;
      ctx.report(
        form === 'original' ? 'R-DOC-ORIGINAL-MISSING' : 'R-DOC-COPY-MISSING',
        {
          zh: `办理${business.zh}需要${zhName}的${formLabel[form].zh}，材料中只有${found.map(({ doc }) => (doc.form === undefined ? '未注明原件或复印件的' : formLabel[doc.form].zh)).join('、')}。`,
          en: `${business.en} needs the ${form} of the ${enName}; the papers have ${form === 'original' ? 'no original' : 'no copy'} of it.`,
        },
        { document: { kind: first, form } },
      );
    }
  }

  const useful = usefulKinds(ctx.pkg);
  for (const { index, doc } of ctx.documents) {
    if (!useful.has(doc.kind)) {
      ctx.report(
        'R-DOC-UNEXPECTED',
        { zh: `办理${business.zh}不需要${documentLabel[doc.kind].zh}，窗口不会收取，可以带回。`, en: `${business.en} does not need the ${documentLabel[doc.kind].en}; the counter will not take it.` },
        { document: index },
      );
      continue;
    }
    checkStamps(ctx, index);
  }
  checkContactConsent(ctx);
}

function checkStamps(ctx: CheckContext, index: number): void {
  const doc = ctx.pkg.documents[index];
  if (doc === undefined) return;
  const needed = stampsNeeded(ctx.business, doc.kind, doc.form);
  for (const stamp of needed) {
    if (doc.stamps.includes(stamp)) continue;
    const ruleId = stampRule(stamp);
    const paper = paperLabel(doc.kind, doc.form);
    ctx.report(ruleId, { zh: `${paper.zh}上缺少${stampLabel[stamp].zh}。`, en: `The ${paper.en} has no ${stampLabel[stamp].en}.` }, { document: index, field: 'stamps' });
  }
}

function stampRule(stamp: StampKind): 'R-STAMP-COMPANY-SEAL' | 'R-STAMP-EPORT-REVIEW' {
  switch (stamp) {
    case 'company_seal':
      return 'R-STAMP-COMPANY-SEAL';
    case 'eport_review':
      return 'R-STAMP-EPORT-REVIEW';
  }
}

function checkContactConsent(ctx: CheckContext): void {
  if (ctx.business !== 'new_enrolment' && ctx.business !== 'change' && ctx.business !== 'change_renewal') return;
  for (const { index, doc } of documentsOf(ctx, 'contact_proof')) {
    // A missing consent is R-FIELD-MISSING; here: the proof says the enterprise does not consent.
    if (doc.fields.consentToMail !== false) continue;
    ctx.report(
      'R-CONTACT-CONSENT',
      {
        zh: '企业联系方式证明须写明同意电子口岸邮寄IC卡，这份证明写的是不同意。',
        en: 'The contact-details proof must say the enterprise agrees that E-Port mails the IC cards; this one says it does not.',
      },
      { document: index, field: 'fields.consentToMail' },
    );
  }
}
