// Why China E-Port refused, in the agent's words: one clause per refusal reason of the authority
// (contract/authority/authority.ts), said after "China E-Port refused this request:". A Record over
// the reasons, so a new reason without its words fails the typecheck.
import type { AuthorityRefusalReason } from '../../../contract/flow-view.ts';
import type { Translation } from './translations.ts';

const refusalClauses: Readonly<Record<AuthorityRefusalReason, Translation>> = {
  unknownCard: { 'zh-CN': '电子口岸没有这张卡的记录', en: 'China E-Port has no record of this card' },
  cardNotLocked: { 'zh-CN': '这张卡的密码没有锁定，无需解锁', en: "this card's PIN is not locked, so it needs no unlock" },
  cardLocked: { 'zh-CN': '这张卡的密码已锁定', en: "this card's PIN is locked" },
  cardExpired: { 'zh-CN': '这张卡的证书已过期', en: "this card's certificate has expired" },
  cardFrozen: { 'zh-CN': '这张卡已冻结', en: 'this card is frozen' },
  cardReportedLost: { 'zh-CN': '这张卡已挂失', en: 'this card is reported lost' },
  cardInvalidated: { 'zh-CN': '这张卡已作废', en: 'this card is invalidated' },
  introductionLetterMissing: { 'zh-CN': '缺少企业介绍信', en: "the enterprise's introduction letter is missing" },
  enterpriseMismatch: { 'zh-CN': '介绍信上的企业不是这张卡所属的企业', en: "the introduction letter names another enterprise than the card's" },
  agentIdNumberInvalid: { 'zh-CN': '经办人的身份证号码无效', en: "the agent's ID number is not valid" },
  agentNotOnRecord: { 'zh-CN': '经办人未在电子口岸登记', en: 'the agent is not on record with China E-Port' },
  noUnlockAuthorised: { 'zh-CN': '这张卡没有获准解锁', en: 'no unlock was authorised for this card' },
  proofInvalid: { 'zh-CN': '卡片的签名未通过核验', en: "the card's signature did not verify" },
  keyNotP256: { 'zh-CN': '卡片生成的密钥不符合要求', en: 'the key the card made is not of the kind required' },
  keyReused: { 'zh-CN': '卡片生成的密钥以前用过', en: 'the key the card made was used before' },
  certificateUnknown: { 'zh-CN': '电子口岸没有这张卡的证书记录', en: "China E-Port has no record of this card's certificate" },
  notLegalPersonCard: { 'zh-CN': '签名确认的卡不是本企业的法人卡', en: "the card that signed is not the enterprise's legal-person card" },
  signerNotActive: { 'zh-CN': '法人卡不在正常状态（已冻结、挂失或过期）', en: 'the legal-person card is not active (frozen, reported lost or expired)' },
  challengeInvalid: { 'zh-CN': '本次确认已失效', en: 'this confirmation is no longer valid' },
  operationNotAllowed: { 'zh-CN': '这张卡的登记状态不能办理这项业务', en: "the card's registry status does not allow this operation" },
  cardNotInvalidated: { 'zh-CN': '只有已作废的卡才能注销，这张卡尚未作废', en: 'only an invalidated card can be deregistered, and this card is not invalidated' },
  legalPersonCardAtCounter: { 'zh-CN': '法人卡本身的挂失、冻结或注销须到柜台办理', en: "the legal-person card's own loss, freeze or deregistration is done at the counter" },
};

export const authorityRefusalWords = Object.fromEntries(
  (Object.entries(refusalClauses) as [AuthorityRefusalReason, Translation][]).map(([reason, clause]) => [`authorityRefusal.${reason}`, clause]),
) as Readonly<Record<`authorityRefusal.${AuthorityRefusalReason}`, Translation>>;

/** The message key of why the authority refused. */
export const authorityRefusalKey = (reason: AuthorityRefusalReason): `authorityRefusal.${AuthorityRefusalReason}` => `authorityRefusal.${reason}`;
