// The enterprise's cards as the legal-person query lists them (seed 003, 综合查询): each card from
// the registry with what to do next and what the legal-person card holder may do to it at the
// kiosk. The registry's status is the reference; the legal-person card's own loss, freeze or
// invalidation is the counter's (seed 003: 法人卡…沿用旧流程,去分中心办理).
import type { RegisteredCard, RegistryOperation } from '../../contract/authority/authority.ts';
import type { BilingualText } from '../../contract/bilingual-text.ts';
import type { EnterpriseCardView } from '../../contract/flow-view.ts';
import { daysLeft } from '../cards/card-info.ts';
import { enterpriseCardAdvice } from './card-advice.ts';

/** The registry operations that apply to a card in this status (as the authority decides them, docs/authority.md). */
export function operationsFor(card: Pick<RegisteredCard, 'cardType' | 'status'>): RegistryOperation[] {
  if (card.cardType === 'legal_person' || card.cardType === 'technician') return [];
  switch (card.status) {
    case 'active':
    case 'expired':
    case 'locked':
      return ['reportLoss', 'freeze'];
    case 'frozen':
      return ['unfreeze', 'reportLoss'];
    case 'reportedLost':
      return ['undoLoss'];
    case 'invalidated':
      return ['deregister'];
  }
}

export function enterpriseCardView(card: RegisteredCard, now: Date): EnterpriseCardView {
  const days = daysLeft(card.certificateNotAfter, now);
  return {
    cardNo: card.cardNo,
    cardType: card.cardType,
    holderName: card.holderName,
    holderIdNumberMasked: card.holderIdNumberMasked,
    status: card.status,
    certificateNotAfter: card.certificateNotAfter,
    daysLeft: days,
    advice: enterpriseCardAdvice(card, days),
    operations: operationsFor(card),
  };
}

/** The list's order: the legal-person card first, then by type and card number. */
export function listOrder(a: EnterpriseCardView, b: EnterpriseCardView): number {
  const rank = (c: EnterpriseCardView): number => ['legal_person', 'operator', 'tax_clerk', 'technician'].indexOf(c.cardType);
  return rank(a) - rank(b) || a.cardNo.localeCompare(b.cardNo);
}

/**
 * The papers for the counter when the legal-person card itself is lost, frozen or invalidated:
 * its process stays the counter's (seed 003), with the papers of seed 000 三 (the card itself
 * cannot be brought when it is lost).
 */
export const legalPersonCounterPapers: readonly BilingualText[] = [
  { zh: '单位介绍信', en: 'the introduction letter of the enterprise' },
  { zh: '经办人身份证原件及复印件', en: "the agent's resident ID card and a copy" },
  { zh: '营业执照（副本）原件及加盖公章的复印件', en: 'the business licence (duplicate) and a copy with the company seal' },
  { zh: '其他企业证照原件及加盖公章的复印件（组织机构代码证、税务登记证、对外贸易经营者备案登记表、海关报关注册登记证书）', en: "the enterprise's other certificates and copies with the company seal (organisation code, tax registration, foreign-trade filing, customs registration)" },
];
