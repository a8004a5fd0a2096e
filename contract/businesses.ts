// The kiosk's businesses, defined once. Every list of businesses elsewhere (the protocol's enums,
// the intake package format, the flows' tiles, the simulator's document sets) is one of these.
import type { BilingualText } from './bilingual-text.ts';

/** Everything an agent can start at the kiosk: the businesses of the intake rulebook, a card query, a PIN change and the legal-person card's operator-card management. */
export const businesses = ['unlock', 'renewal', 'new_enrolment', 'change', 'change_renewal', 'card_replacement', 'add_operator', 'card_query', 'pin_change', 'card_management'] as const;
export type Business = (typeof businesses)[number];

/**
 * The businesses of the intake rulebook (seed 000, 附件3): what an intake package is for. The six
 * of 附件3 一…六, and a change of information done together with the certificate renewal
 * (三: 在电子口岸同时办理变更和IC卡证书重签), which brings both sets of papers.
 */
export const rulebookBusinesses = ['new_enrolment', 'change', 'renewal', 'change_renewal', 'card_replacement', 'add_operator', 'unlock'] as const satisfies readonly Business[];
export type RulebookBusiness = (typeof rulebookBusinesses)[number];

/**
 * The rulebook businesses whose papers the kiosk checks for the counter (renewal and unlock are
 * done on the spot; a change with the renewal goes to the counter, as a change does).
 */
export const intakeBusinesses = ['new_enrolment', 'change', 'change_renewal', 'card_replacement', 'add_operator'] as const satisfies readonly RulebookBusiness[];
export type IntakeBusiness = (typeof intakeBusinesses)[number];

/** A change of information (alone or with the renewal) brings every IC card the enterprise holds. */
export function bringsEveryCard(business: Business): business is 'change' | 'change_renewal' {
  return business === 'change' || business === 'change_renewal';
}

/** Each business's name, as screens, receipts and the intake check's findings say it. */
export const businessLabel: Record<Business, BilingualText> = {
  unlock: { zh: 'IC卡解锁', en: 'card unlock' },
  renewal: { zh: 'IC卡证书延期', en: 'certificate renewal' },
  new_enrolment: { zh: '新入网', en: 'new enrolment' },
  change: { zh: '企业信息变更', en: 'change of information' },
  change_renewal: { zh: '企业信息变更并证书延期', en: 'change of information with certificate renewal' },
  card_replacement: { zh: '换卡', en: 'card replacement' },
  add_operator: { zh: '增加操作员/办税员', en: 'adding an operator or tax clerk' },
  card_query: { zh: '卡片查询', en: 'card query' },
  pin_change: { zh: '修改密码', en: 'PIN change' },
  card_management: { zh: '操作员卡管理', en: 'operator-card management' },
};
