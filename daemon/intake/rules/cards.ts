// The IC cards each business needs brought (seed 000, 附件3): the legal-person card for change,
// renewal, replacement and adding an operator; all cards for a change (checked against the
// registry with --registry); the locked card, and only it, for an unlock. For a new enrolment and
// the added operator, `cards` lists cards applied for: no number yet, a named holder.
import { normaliseCode, present, type CheckContext } from '../context.ts';
import { cardTypeLabel } from '../../../contract/devices/card-reader.ts';
import { businessLabel } from '../../../contract/businesses.ts';

export function checkCards(ctx: CheckContext): void {
  const { cards } = ctx.pkg;
  const business = businessLabel[ctx.business];
  const seen = new Map<string, number>();
  for (const [i, card] of cards.entries()) {
    if (!present(card.cardNo)) continue;
    const key = normaliseCode(card.cardNo);
    if (seen.has(key)) {
      ctx.report('R-CARD-DUPLICATE', { zh: `卡号${card.cardNo.trim()}重复列出。`, en: `Card ${card.cardNo.trim()} is listed twice.` }, { field: `cards[${i}].cardNo` });
    } else {
      seen.set(key, i);
    }
  }

  switch (ctx.business) {
    case 'new_enrolment': {
      const legal = cards.find((card) => card.type === 'legal_person');
      if (legal === undefined || !present(legal.holderName)) {
        ctx.report(
          'R-CARD-LEGAL-PERSON',
          { zh: '新入网须申请法人卡：请在2号表及材料中写明法人卡持卡人。', en: 'A new enrolment applies for a legal-person card: name its holder (on form 2 and among the cards).' },
          { field: 'cards' },
        );
      }
      return;
    }
    case 'change':
    case 'renewal':
    case 'change_renewal':
    case 'card_replacement':
    case 'add_operator': {
      const addsCards = ctx.business === 'add_operator';
      for (const [i, card] of cards.entries()) {
        if (present(card.cardNo) || (addsCards && card.type !== 'legal_person')) continue;
        ctx.report(
          'R-CARD-NO-MISSING',
          { zh: `带来的${cardTypeLabel[card.type].zh}没有写卡号，请按卡面填写。`, en: `The ${cardTypeLabel[card.type].en} brought has no card number; copy it from the card.` },
          { field: `cards[${i}].cardNo` },
        );
      }
      if (!cards.some((card) => card.type === 'legal_person')) {
        ctx.report(
          'R-CARD-LEGAL-PERSON',
          { zh: `办理${business.zh}必须携带法人卡，材料中没有。`, en: `${business.en} needs the legal-person card brought; it is not among the cards.` },
          { field: 'cards' },
        );
      }
      if (addsCards) checkNewHolder(ctx);
      return;
    }
    case 'unlock': {
      for (const [i, card] of cards.entries()) {
        if (present(card.cardNo)) continue;
        ctx.report(
          'R-CARD-NO-MISSING',
          { zh: `被锁定的${cardTypeLabel[card.type].zh}没有写卡号，请按卡面填写。`, en: `The locked ${cardTypeLabel[card.type].en} has no card number; copy it from the card.` },
          { field: `cards[${i}].cardNo` },
        );
      }
      if (cards.length !== 1) {
        ctx.report(
          'R-CARD-UNLOCK',
          cards.length === 0
            ? { zh: '解锁须携带被锁定的IC卡，材料中没有。', en: 'An unlock needs the locked IC card; it is not among the cards.' }
            : { zh: `解锁只需要被锁定的那张IC卡，材料中列了${cards.length}张。每张锁定的卡单独办理。`, en: `An unlock needs only the locked card; ${cards.length} are listed. Unlock one locked card at a time.` },
          { field: 'cards' },
        );
      }
      return;
    }
  }
}

function checkNewHolder(ctx: CheckContext): void {
  const added = ctx.pkg.cards.filter((card) => card.cardNo === undefined && card.type !== 'legal_person');
  if (added.length > 0 && added.every((card) => present(card.holderName))) return;
  ctx.report(
    'R-CARD-NEW-HOLDER',
    {
      zh: '请写明要增加的操作员或办税员（卡种和持卡人姓名、身份证号码）。',
      en: "Name the operator or tax clerk to add: the card type and the holder's name and ID number.",
    },
    { field: 'cards' },
  );
}
