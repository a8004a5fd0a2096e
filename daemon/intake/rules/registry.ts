// --registry: the package against the authority's registry (seed 000, 附件3 三…五: before a
// renewal, a replacement or adding an operator the enterprise's E-Port record must agree with
// the paper certificates; if it does not, a change of information comes first). The enterprise is
// looked up through a card number in the package, the legal-person card first.
import type { RegistryOutcome } from '../../../contract/intake/verdict.ts';
import type { CardLifecycle } from '../../../contract/devices/card-reader.ts';
import type { AuthorityError, CardLookup, RegisteredEnterprise } from '../../../contract/authority/authority.ts';
import { describeAuthorityError } from '../../../contract/authority/authority.ts';
import { maskIdNumber } from '../../../basics/redact.ts';
import type { Result } from '../../../basics/result.ts';
import { brief, describePerson, normaliseCode, normaliseText, present, type CheckContext } from '../context.ts';
import { label } from '../../../contract/intake/labels.ts';
import { cardTypeLabel } from '../../../contract/devices/card-reader.ts';
import { bringsEveryCard, businessLabel } from '../../../contract/businesses.ts';
import { reference } from './consistency.ts';
import { operatorTaxClerkMessage } from './people.ts';

/** Authority.lookupCard, or anything shaped like it. */
export type RegistryLookup = (cardNo: string) => Promise<Result<CardLookup, AuthorityError>>;

const compared = ['name', 'uscc', 'orgCode', 'legalRepresentative', 'address'] as const;
type Compared = (typeof compared)[number];

const statusText: Record<CardLifecycle, { zh: string; en: string }> = {
  active: { zh: '正常', en: 'active' },
  expired: { zh: '证书已过期', en: 'expired' },
  locked: { zh: '已锁定', en: 'locked' },
  frozen: { zh: '已冻结', en: 'frozen' },
  reportedLost: { zh: '已挂失', en: 'reported lost' },
  invalidated: { zh: '已作废', en: 'invalidated' },
};

export async function checkRegistry(ctx: CheckContext, lookup: RegistryLookup): Promise<RegistryOutcome> {
  if (ctx.business === 'new_enrolment') return { consulted: false, reason: 'a new enrolment has no cards in the registry yet' };
  const brought = ctx.pkg.cards.flatMap((card, index) => (present(card.cardNo) ? [{ card, index, cardNo: card.cardNo.trim() }] : []));
  brought.sort((a, b) => Number(b.card.type === 'legal_person') - Number(a.card.type === 'legal_person'));
  const first = brought[0];
  if (first === undefined) {
    ctx.report(
      'R-REG-NO-CARD',
      { zh: '材料中没有IC卡卡号，无法与电子口岸备案信息比对。', en: 'No card number was given to look the enterprise up in the E-Port registry.' },
      { field: 'cards' },
    );
    return { consulted: false, reason: 'no card number in the package' };
  }

  let enterprise: RegisteredEnterprise | null = null;
  for (const { card, index, cardNo } of brought) {
    const found = await lookup(cardNo);
    if (!found.ok) {
      if (found.error.kind === 'unknownCard') {
        ctx.report(
          'R-REG-CARD-UNKNOWN',
          { zh: `电子口岸备案中没有卡号${cardNo}，请核对卡面。`, en: `The E-Port registry has no card ${cardNo}; check the number on the card.` },
          { field: `cards[${index}].cardNo` },
        );
        continue;
      }
      ctx.report(
        'R-REG-UNAVAILABLE',
        { zh: '暂时无法查询电子口岸备案信息，请稍后再试或到窗口办理。', en: `The E-Port registry could not be consulted (${describeAuthorityError(found.error)}); try again or go to the counter.` },
        { field: `cards[${index}].cardNo` },
      );
      return { consulted: false, reason: describeAuthorityError(found.error) };
    }
    const { card: registered } = found.value;
    if (enterprise === null) {
      enterprise = found.value.enterprise;
    } else if (found.value.enterprise.uscc !== enterprise.uscc) {
      ctx.report(
        'R-REG-CARD-OTHER-ENTERPRISE',
        { zh: `卡号${cardNo}属于“${found.value.enterprise.name}”，不是“${enterprise.name}”。`, en: `Card ${cardNo} belongs to “${found.value.enterprise.name}”, not to “${enterprise.name}”.` },
        { field: `cards[${index}].cardNo` },
      );
      continue;
    }
    const holderDiffers =
      registered.cardType !== card.type ||
      (present(card.holderName) && normaliseText(card.holderName) !== normaliseText(registered.holderName)) ||
      (present(card.holderIdNumber) && maskIdNumber(normaliseCode(card.holderIdNumber)) !== registered.holderIdNumberMasked);
    if (holderDiffers) {
      const registeredType = cardTypeLabel[registered.cardType];
      ctx.report(
        'R-REG-CARD-HOLDER',
        {
          zh: `卡号${cardNo}在备案中是${registered.holderName}（${registered.holderIdNumberMasked}）的${registeredType.zh}，与材料所填${describePerson({ name: card.holderName ?? '?', ...(card.holderIdNumber !== undefined && { idNumber: card.holderIdNumber }) })}的${cardTypeLabel[card.type].zh}不符。`,
          en: `Card ${cardNo} is registered as the ${registeredType.en} of ${registered.holderName} (${registered.holderIdNumberMasked}), not the ${cardTypeLabel[card.type].en} of ${describePerson({ name: card.holderName ?? '?', ...(card.holderIdNumber !== undefined && { idNumber: card.holderIdNumber }) })} the papers say.`,
        },
        { field: `cards[${index}]` },
      );
    }
    checkStatus(ctx, cardNo, index, registered.status);
  }
  if (enterprise === null) return { consulted: true, cardNo: first.cardNo, enterprise: null };

  compareEnterprise(ctx, enterprise);
  if (bringsEveryCard(ctx.business)) checkAllCardsBrought(ctx, enterprise);
  if (ctx.business === 'add_operator') checkNewHolderAgainstRegistry(ctx, enterprise);
  return { consulted: true, cardNo: first.cardNo, enterprise: { name: enterprise.name, uscc: enterprise.uscc } };
}

function checkStatus(ctx: CheckContext, cardNo: string, index: number, status: CardLifecycle): void {
  const where = { field: `cards[${index}]` };
  if (ctx.business === 'unlock') {
    // A PIN blocks on the card (its retry counter) without the registry knowing: a card the
    // registry lists as active (or expired) is the normal case, as the unlock flow holds too. Only
    // what the registry holds against the card (frozen, lost, invalidated) stops it: the counter's.
    if (status === 'locked' || status === 'active' || status === 'expired') return;
    ctx.report(
      'R-REG-CARD-NOT-LOCKED',
      {
        zh: `卡号${cardNo}在备案中的状态是“${statusText[status].zh}”，不能解锁，请到窗口办理。`,
        en: `Card ${cardNo} is ${statusText[status].en} in the registry: it cannot be unlocked; go to the counter.`,
      },
      where,
    );
    return;
  }
  if (ctx.business === 'change' || status === 'active' || status === 'locked') return;
  ctx.report(
    'R-REG-CARD-STATUS',
    { zh: `卡号${cardNo}在备案中的状态是“${statusText[status].zh}”，能否办理由窗口决定。`, en: `Card ${cardNo} is ${statusText[status].en} in the registry; the counter decides whether it can be done.` },
    where,
  );
}

/** What the package says for a field: its enterprise, else the papers (consistency's reference). */
function packageValue(ctx: CheckContext, field: Compared): string | null {
  const ref = reference(ctx, field);
  if (ref !== null) return ref.value;
  if (field === 'orgCode') {
    const uscc = reference(ctx, 'uscc');
    if (uscc !== null && normaliseCode(uscc.value).length === 18) return normaliseCode(uscc.value).slice(8, 17);
  }
  return null;
}

function compareEnterprise(ctx: CheckContext, registered: RegisteredEnterprise): void {
  const differences: { field: Compared; ours: string; theirs: string }[] = [];
  for (const field of compared) {
    const ours = packageValue(ctx, field);
    const theirs = registered[field];
    if (ours === null || theirs === '') continue;
    const same = field === 'uscc' || field === 'orgCode' ? normaliseCode(ours) === normaliseCode(theirs) : normaliseText(ours) === normaliseText(theirs);
    if (!same) differences.push({ field, ours, theirs });
  }
  switch (ctx.business) {
    case 'renewal':
    case 'card_replacement':
    case 'add_operator': {
      const business = businessLabel[ctx.business];
      for (const { field, ours, theirs } of differences) {
        const what = label(field);
        ctx.report(
          'R-REG-CHANGE-REQUIRED',
          {
            zh: `纸质证件上的${what.zh}“${brief(ours)}”与电子口岸备案“${brief(theirs)}”不一致：需先办理变更（企业信息变更），再办理${business.zh}（也可同时办理）。`,
            en: `The ${what.en} on the papers, “${brief(ours)}”, differs from the E-Port registry, “${brief(theirs)}”: a change of information is required first (需先办理变更), then the ${business.en} (or both together).`,
          },
          { field: `enterprise.${field}` },
        );
      }
      return;
    }
    // Done together with the renewal (seed 000 三: 同时办理变更和IC卡证书重签), the differences are the change's.
    case 'change':
    case 'change_renewal':
      if (differences.length === 0) {
        ctx.report(
          'R-REG-NO-CHANGE',
          { zh: '纸质证件与电子口岸备案信息一致，本次变更没有需要更新的内容，请确认是否需要办理。', en: 'The papers already agree with the E-Port registry: this change updates nothing. Check that a change is needed.' },
          { field: 'enterprise' },
        );
      }
      for (const { field, ours, theirs } of differences) {
        const what = label(field);
        ctx.report(
          'R-REG-CHANGED',
          { zh: `将变更${what.zh}：“${brief(theirs)}” → “${brief(ours)}”。`, en: `The change will update the ${what.en}: “${brief(theirs)}” → “${brief(ours)}”.` },
          { field: `enterprise.${field}` },
        );
      }
      return;
    case 'unlock':
      // An unlock does not compare the record, but the card must be this enterprise's.
      if (differences.some(({ field }) => field === 'name' || field === 'uscc')) {
        ctx.report(
          'R-REG-CARD-OTHER-ENTERPRISE',
          { zh: `这张卡在备案中属于“${registered.name}”，不是材料中的企业。`, en: `This card is registered to “${registered.name}”, not to the enterprise of the papers.` },
          { field: 'cards' },
        );
      }
      return;
    case 'new_enrolment':
      return;
  }
}

/** The cards a change of information brings: all of the enterprise's, except those reported lost or invalidated. */
export function cardsAChangeBrings(registered: Pick<RegisteredEnterprise, 'cards'>): RegisteredEnterprise['cards'] {
  return registered.cards.filter((card) => card.cardType !== 'technician' && card.status !== 'reportedLost' && card.status !== 'invalidated');
}

function checkAllCardsBrought(ctx: CheckContext, registered: RegisteredEnterprise): void {
  const brought = new Set(ctx.pkg.cards.flatMap((card) => (present(card.cardNo) ? [normaliseCode(card.cardNo)] : [])));
  for (const card of cardsAChangeBrings(registered)) {
    if (brought.has(card.cardNo)) continue;
    const type = cardTypeLabel[card.cardType];
    ctx.report(
      'R-REG-CARD-NOT-BROUGHT',
      {
        zh: `变更须携带企业全部IC卡：缺少${card.holderName}的${type.zh}（卡号${card.cardNo}）。`,
        en: `A change needs all of the enterprise's IC cards: the ${type.en} of ${card.holderName} (card ${card.cardNo}) was not brought.`,
      },
      { field: 'cards' },
    );
  }
}

/** Seed 000: operator ≠ tax clerk — the new holder must not already hold the other kind of card. */
function checkNewHolderAgainstRegistry(ctx: CheckContext, registered: RegisteredEnterprise): void {
  for (const [index, card] of ctx.pkg.cards.entries()) {
    if (card.cardNo !== undefined || card.type === 'legal_person' || !present(card.holderName)) continue;
    const other = card.type === 'operator' ? 'tax_clerk' : 'operator';
    const holderName = card.holderName;
    const clash = registered.cards.find(
      (existing) =>
        existing.cardType === other &&
        existing.status !== 'invalidated' &&
        normaliseText(existing.holderName) === normaliseText(holderName) &&
        (!present(card.holderIdNumber) || maskIdNumber(normaliseCode(card.holderIdNumber)) === existing.holderIdNumberMasked),
    );
    if (clash === undefined) continue;
    ctx.report('R-OPERATOR-TAX-CLERK', operatorTaxClerkMessage({ name: holderName, ...(card.holderIdNumber !== undefined && { idNumber: card.holderIdNumber }) }), { field: `cards[${index}]` });
  }
}
