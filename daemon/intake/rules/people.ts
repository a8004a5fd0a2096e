// People: the agent's own ID card (original and copy) and introduction letter (seed 000, every
// business), the card holders' ID copies (new enrolment, add operator), and operator ≠ tax clerk.
import {
  agentIdCards,
  brief,
  cardHolder,
  declaredRole,
  describePerson,
  documentsOf,
  idCardPerson,
  normaliseCode,
  normaliseText,
  present,
  samePerson,
  type CheckContext,
  type Person,
  type Where,
} from '../context.ts';
import { type Text } from '../../../contract/intake/labels.ts';
import { cardTypeLabel } from '../../../contract/devices/card-reader.ts';
import { businessLabel } from '../../../contract/businesses.ts';
import type { IdCardRole, PackageCardType } from '../../../contract/intake/package-schema.ts';
import { reference } from './consistency.ts';

const holderRole: Record<PackageCardType, IdCardRole> = {
  legal_person: 'legal_person_holder',
  operator: 'operator_holder',
  tax_clerk: 'tax_clerk_holder',
};

interface NeededHolder {
  person: Person;
  roles: readonly IdCardRole[];
  type: PackageCardType;
  cardIndex: number;
}

/** Whose ID copies the business needs besides the agent's. */
export function holdersNeedingIdCopy(ctx: CheckContext): NeededHolder[] {
  switch (ctx.business) {
    case 'new_enrolment':
      return ctx.pkg.cards.map((card, cardIndex) => ({ person: cardHolder(card), roles: [holderRole[card.type]], type: card.type, cardIndex }));
    case 'add_operator':
      return ctx.pkg.cards.flatMap((card, cardIndex) =>
        card.cardNo === undefined && card.type !== 'legal_person' ? [{ person: cardHolder(card), roles: ['new_holder', holderRole[card.type]] as const, type: card.type, cardIndex }] : [],
      );
    case 'change':
    case 'renewal':
    case 'change_renewal':
    case 'card_replacement':
    case 'unlock':
      return [];
  }
}

function named(person: Person): boolean {
  return present(person.name) || present(person.idNumber);
}

export function checkPeople(ctx: CheckContext): void {
  checkAgentIdCard(ctx);
  checkIntroductionLetter(ctx);
  checkHolderCopies(ctx);
  checkOperatorIsNotTaxClerk(ctx);
}

function checkAgentIdCard(ctx: CheckContext): void {
  const docs = agentIdCards(ctx);
  const agent = ctx.pkg.agent ?? {};
  for (const form of ['original', 'copy'] as const) {
    if (docs.some(({ doc }) => doc.form === form)) continue;
    ctx.report(
      'R-AGENT-ID-CARD',
      form === 'original'
        ? { zh: '经办人须携带本人身份证原件，材料中没有。', en: 'The agent must bring their own ID card (the original); it is not among the papers.' }
        : { zh: '经办人须提供本人身份证复印件，材料中没有。', en: 'The agent must bring a copy of their own ID card; it is not among the papers.' },
      { document: { kind: 'id_card', form }, field: 'form' },
    );
  }
  for (const { index, doc } of docs) {
    const shown = idCardPerson(doc);
    const nameDiffers = present(shown.name) && present(agent.name) && normaliseText(shown.name) !== normaliseText(agent.name);
    const idDiffers = present(shown.idNumber) && present(agent.idNumber) && normaliseCode(shown.idNumber) !== normaliseCode(agent.idNumber);
    if (!nameDiffers && !idDiffers) continue;
    ctx.report(
      'R-AGENT-ID-MATCH',
      {
        zh: `经办人身份证上是${describePerson(shown)}，与材料所填经办人${describePerson(agent)}不符。`,
        en: `The agent's ID card shows ${describePerson(shown)}, not the agent ${describePerson(agent)} named on the papers.`,
      },
      { document: index, field: idDiffers ? 'fields.idNumber' : 'fields.name' },
    );
  }
}

function checkIntroductionLetter(ctx: CheckContext): void {
  const agent = ctx.pkg.agent ?? {};
  const enterpriseName = reference(ctx, 'name');
  for (const { index, doc } of documentsOf(ctx, 'introduction_letter')) {
    const { agentName, agentIdNumber, name } = doc.fields;
    const nameDiffers = present(agentName) && present(agent.name) && normaliseText(agentName) !== normaliseText(agent.name);
    const idDiffers = present(agentIdNumber) && present(agent.idNumber) && normaliseCode(agentIdNumber) !== normaliseCode(agent.idNumber);
    if (nameDiffers || idDiffers) {
      const letterNames = describePerson({ ...(agentName !== undefined && { name: agentName }), ...(agentIdNumber !== undefined && { idNumber: agentIdNumber }) });
      ctx.report(
        'R-INTRO-LETTER-AGENT',
        {
          zh: `单位介绍信上写的经办人是${letterNames}，不是来办理的经办人${describePerson(agent)}。介绍信须写明本次经办人。`,
          en: `The introduction letter names ${letterNames}, not the agent ${describePerson(agent)}. The letter must name the agent who comes.`,
        },
        { document: index, field: idDiffers ? 'fields.agentIdNumber' : 'fields.agentName' },
      );
    }
    if (present(name) && enterpriseName !== null && normaliseText(name) !== normaliseText(enterpriseName.value)) {
      ctx.report(
        'R-INTRO-LETTER-ENTERPRISE',
        {
          zh: `单位介绍信出自“${brief(name)}”，不是办理业务的企业“${brief(enterpriseName.value)}”。`,
          en: `The introduction letter is from “${brief(name)}”, not from the enterprise “${brief(enterpriseName.value)}” the papers are for.`,
        },
        { document: index, field: 'fields.name' },
      );
    }
  }
}

function checkHolderCopies(ctx: CheckContext): void {
  const needed = holdersNeedingIdCopy(ctx);
  const copies = documentsOf(ctx, 'id_card').filter(({ doc }) => doc.form === 'copy');
  for (const holder of needed) {
    const found = copies.some(({ doc }) => {
      if (named(holder.person)) return samePerson(idCardPerson(doc), holder.person);
      const role = declaredRole(doc);
      return role !== undefined && holder.roles.includes(role);
    });
    if (found) continue;
    const type = cardTypeLabel[holder.type];
    ctx.report(
      'R-HOLDER-ID-COPY',
      {
        zh: `办理${businessLabel[ctx.business].zh}需要${type.zh}持卡人${named(holder.person) ? describePerson(holder.person) : ''}的身份证复印件，材料中没有。`,
        en: `${businessLabel[ctx.business].en} needs a copy of the ID card of the ${type.en} holder${named(holder.person) ? ` ${describePerson(holder.person)}` : ''}; it is not among the papers.`,
      },
      { document: { kind: 'id_card', form: 'copy' }, field: `cards[${holder.cardIndex}]` },
    );
  }

  // An ID card that is neither the agent's nor a needed holder's is personal data the business does not need.
  const agentDocs = new Set(agentIdCards(ctx).map(({ index }) => index));
  for (const { index, doc } of documentsOf(ctx, 'id_card')) {
    if (agentDocs.has(index)) continue;
    const role = declaredRole(doc);
    const person = idCardPerson(doc);
    const wanted = needed.some((holder) => (named(holder.person) ? samePerson(person, holder.person) : role !== undefined && holder.roles.includes(role)));
    if (wanted) continue;
    ctx.report(
      'R-DOC-UNEXPECTED',
      {
        zh: `办理${businessLabel[ctx.business].zh}不需要${describePerson(person)}的身份证，窗口不会收取，请带回。`,
        en: `${businessLabel[ctx.business].en} does not need the ID card of ${describePerson(person)}; the counter will not take it.`,
      },
      { document: index },
    );
  }
}

interface Holding {
  person: Person;
  where: Where;
}

/** Seed 000: 操作员和办税员不能为同一个人. */
function checkOperatorIsNotTaxClerk(ctx: CheckContext): void {
  const operators: Holding[] = [];
  const taxClerks: Holding[] = [];
  for (const [i, card] of ctx.pkg.cards.entries()) {
    const holding = { person: cardHolder(card), where: { field: `cards[${i}]` } };
    if (card.type === 'operator') operators.push(holding);
    if (card.type === 'tax_clerk') taxClerks.push(holding);
  }
  for (const { index, doc } of documentsOf(ctx, 'id_card')) {
    const role = declaredRole(doc);
    const holding = { person: idCardPerson(doc), where: { document: index } };
    if (role === 'operator_holder') operators.push(holding);
    if (role === 'tax_clerk_holder') taxClerks.push(holding);
  }
  const reported = new Set<string>();
  for (const clerk of taxClerks) {
    const operator = operators.find((o) => samePerson(o.person, clerk.person));
    if (operator === undefined) continue;
    const key = normaliseCode(clerk.person.idNumber ?? clerk.person.name ?? '');
    if (reported.has(key)) continue;
    reported.add(key);
    ctx.report('R-OPERATOR-TAX-CLERK', operatorTaxClerkMessage(clerk.person), clerk.where);
  }
}

export function operatorTaxClerkMessage(person: Person): Text {
  return {
    zh: `${describePerson(person)}不能同时是操作员和办税员，请另指定一人。`,
    en: `${describePerson(person)} cannot be both operator and tax clerk; name someone else for one of the two.`,
  };
}
