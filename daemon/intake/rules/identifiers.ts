// Check characters and formats of every code in the package: USCC (GB 32100), organisation code
// (GB 11714, also inside the USCC), resident ID numbers (GB 11643), card numbers. A value that
// appears on several papers is reported once, where it first appears.
import { maskIdNumber } from '../../../basics/redact.ts';
import { validateCardNumber } from '../../../basics/identifiers/card-number.ts';
import { validateOrgCode } from '../../../basics/identifiers/org-code.ts';
import { validateResidentId } from '../../../basics/identifiers/resident-id.ts';
import { validateUscc } from '../../../basics/identifiers/uscc.ts';
import { normaliseCode, present, type CheckContext, type Where } from '../context.ts';
import { paperLabel, type Text } from '../../../contract/intake/labels.ts';
import { usefulKinds } from '../materials.ts';

interface Located {
  value: string;
  where: Where;
  /** Whose or which paper's, for the message. */
  on: Text;
}

const enterpriseText: Text = { zh: '材料所填企业信息', en: 'the enterprise details given' };

function distinct(list: Located[]): Located[] {
  const seen = new Set<string>();
  return list.filter(({ value }) => {
    const key = normaliseCode(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function onDocuments(ctx: CheckContext, field: 'uscc' | 'orgCode' | 'idNumber' | 'agentIdNumber' | 'holderIdNumber'): Located[] {
  const useful = usefulKinds(ctx.pkg);
  const out: Located[] = [];
  for (const { index, doc } of ctx.documents) {
    const value = doc.fields[field];
    if (!useful.has(doc.kind) || !present(value)) continue;
    out.push({ value, where: { document: index, field: `fields.${field}` }, on: paperLabel(doc.kind, doc.form) });
  }
  return out;
}

export function checkIdentifiers(ctx: CheckContext): void {
  const enterprise = ctx.pkg.enterprise;
  const usccs: Located[] = [];
  if (present(enterprise?.uscc)) usccs.push({ value: enterprise.uscc, where: { field: 'enterprise.uscc' }, on: enterpriseText });
  usccs.push(...onDocuments(ctx, 'uscc'));
  for (const at of distinct(usccs)) checkUscc(ctx, at);

  const orgCodes: Located[] = [];
  if (present(enterprise?.orgCode)) orgCodes.push({ value: enterprise.orgCode, where: { field: 'enterprise.orgCode' }, on: enterpriseText });
  orgCodes.push(...onDocuments(ctx, 'orgCode'));
  for (const at of distinct(orgCodes)) checkOrgCode(ctx, at);

  const ids: Located[] = [];
  const agent = ctx.pkg.agent;
  if (present(agent?.idNumber)) ids.push({ value: agent.idNumber, where: { field: 'agent.idNumber' }, on: { zh: '经办人', en: 'the agent' } });
  for (const [i, card] of ctx.pkg.cards.entries()) {
    if (present(card.holderIdNumber)) ids.push({ value: card.holderIdNumber, where: { field: `cards[${i}].holderIdNumber` }, on: { zh: `持卡人${card.holderName ?? ''}`, en: `card holder ${card.holderName ?? ''}`.trim() } });
  }
  ids.push(...onDocuments(ctx, 'idNumber'), ...onDocuments(ctx, 'agentIdNumber'), ...onDocuments(ctx, 'holderIdNumber'));
  for (const at of distinct(ids)) checkResidentId(ctx, at);

  for (const [i, card] of ctx.pkg.cards.entries()) {
    if (!present(card.cardNo)) continue;
    if (validateCardNumber(card.cardNo).ok) continue;
    ctx.report(
      'R-CARD-NUMBER',
      { zh: `卡号“${card.cardNo.trim()}”不像电子口岸IC卡号（16位数字，以81开头），请核对卡面。`, en: `The card number “${card.cardNo.trim()}” does not look like an E-Port card number (16 digits starting with 81); check it against the card.` },
      { field: `cards[${i}].cardNo` },
    );
  }
}

function checkUscc(ctx: CheckContext, at: Located): void {
  const result = validateUscc(at.value);
  const shown = at.value.trim();
  if (!result.ok) {
    switch (result.error) {
      case 'length':
      case 'character':
        ctx.report(
          'R-USCC-FORMAT',
          {
            zh: `${at.on.zh}中的统一社会信用代码“${shown}”格式不对：应为18位，由数字和大写字母（不含I、O、S、V、Z）组成。`,
            en: `The Unified Social Credit Code “${shown}” on ${at.on.en} is malformed: it has 18 characters, digits and capital letters except I, O, S, V, Z.`,
          },
          at.where,
        );
        return;
      case 'checkCharacter':
        ctx.report(
          'R-USCC-CHECK',
          { zh: `${at.on.zh}中的统一社会信用代码“${shown}”校验位不对，可能抄错了，请核对证照。`, en: `The check character of the Unified Social Credit Code “${shown}” on ${at.on.en} is wrong: probably a typo; check it against the licence.` },
          at.where,
        );
        return;
    }
  }
  if (!result.value.orgCodeValid) {
    ctx.report(
      'R-ORG-CODE-CHECK',
      {
        zh: `统一社会信用代码“${shown}”第9至17位（组织机构代码${result.value.orgCode}）的校验位不对，请到发证机关确认。`,
        en: `Characters 9–17 of the Unified Social Credit Code “${shown}” (organisation code ${result.value.orgCode}) fail their own check digit; ask the issuing authority.`,
      },
      at.where,
    );
  }
}

function checkOrgCode(ctx: CheckContext, at: Located): void {
  const result = validateOrgCode(at.value);
  if (result.ok) return;
  const shown = at.value.trim();
  switch (result.error) {
    case 'length':
    case 'character':
      ctx.report(
        'R-ORG-CODE-FORMAT',
        { zh: `${at.on.zh}中的组织机构代码“${shown}”格式不对：应为8位数字或大写字母加1位校验码。`, en: `The organisation code “${shown}” on ${at.on.en} is malformed: 8 digits or capital letters and a check character.` },
        at.where,
      );
      return;
    case 'checkCharacter':
      ctx.report(
        'R-ORG-CODE-CHECK',
        { zh: `${at.on.zh}中的组织机构代码“${shown}”校验码不对，可能抄错了。`, en: `The check character of the organisation code “${shown}” on ${at.on.en} is wrong: probably a typo.` },
        at.where,
      );
      return;
  }
}

function checkResidentId(ctx: CheckContext, at: Located): void {
  const result = validateResidentId(at.value, ctx.date);
  if (result.ok) return;
  const shown = maskIdNumber(at.value.trim());
  switch (result.error) {
    case 'length':
    case 'character':
    case 'region':
      ctx.report(
        'R-ID-FORMAT',
        { zh: `${at.on.zh}的身份证号码（${shown}）格式不对：应为18位（17位数字加数字或X）。`, en: `The ID number (${shown}) of ${at.on.en} is malformed: 18 characters, 17 digits and a digit or X.` },
        at.where,
      );
      return;
    case 'birthDate':
    case 'futureBirthDate':
      ctx.report(
        'R-ID-BIRTH-DATE',
        {
          zh: `${at.on.zh}的身份证号码（${shown}）中的出生日期${result.error === 'birthDate' ? '不是有效日期' : '晚于办理日期'}，请核对身份证。`,
          en: `The birth date in the ID number (${shown}) of ${at.on.en} ${result.error === 'birthDate' ? 'is not a real date' : 'is after the date of the check'}; check it against the ID card.`,
        },
        at.where,
      );
      return;
    case 'checkCharacter':
      ctx.report(
        'R-ID-CHECK',
        { zh: `${at.on.zh}的身份证号码（${shown}）校验位不对，可能抄错了，请核对身份证。`, en: `The check character of the ID number (${shown}) of ${at.on.en} is wrong: probably a typo; check it against the ID card.` },
        at.where,
      );
      return;
  }
}
