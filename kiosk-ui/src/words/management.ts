// Operator-card management with the legal-person card: the enterprise's cards from the registry,
// one card's operations, the PIN that signs an operation, its done screen; the registry status
// beside the card's own on the query; the attract screen's groups and what each service needs.
import { registryOperationLabel } from '../../../contract/registry-operation-label.ts';
import type { RegistryOperation } from '../../../contract/authority/authority.ts';
import type { Translation, Translations } from './translations.ts';

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const labels = Object.entries(registryOperationLabel) as [RegistryOperation, { zh: string; en: string }][];

// Each operation twice: with a capital in English where it stands alone (a button), as the
// contract writes it where a sentence carries it ("Done: declare a new operator.").
export const registryOperationWords = Object.fromEntries([
  ...labels.map(([op, label]) => [`registryOp.${op}`, { 'zh-CN': label.zh, en: capitalised(label.en) }]),
  ...labels.map(([op, label]) => [`registryOpInText.${op}`, { 'zh-CN': label.zh, en: label.en }]),
]) as Readonly<Record<`registryOp.${RegistryOperation}` | `registryOpInText.${RegistryOperation}`, Translation>>;

/** The message key of a registry operation's name, standing alone (a button). */
export const registryOperationKey = (operation: RegistryOperation): `registryOp.${RegistryOperation}` => `registryOp.${operation}`;
/** The message key of a registry operation's name inside a sentence. */
export const registryOperationInTextKey = (operation: RegistryOperation): `registryOpInText.${RegistryOperation}` => `registryOpInText.${operation}`;

export const managementWords = {
  'management.title': { 'zh-CN': '本企业的 IC 卡', en: "The enterprise's IC cards" },
  'management.lead': {
    'zh-CN': '{enterprise}：电子口岸登记的全部 IC 卡。点一张卡可查看可办理的业务。',
    en: '{enterprise}: every IC card China E-Port has on record. Tap a card to see what you can do with it.',
  },
  'management.registryStatus': { 'zh-CN': '登记状态', en: 'Registry status' },
  'management.declare': { 'zh-CN': '申报新操作员', en: 'Declare a new operator' },
  'management.print': { 'zh-CN': '打印清单', en: 'Print the list' },
  'management.cardTitle': { 'zh-CN': '卡片业务', en: 'What to do with this card' },
  'management.none': { 'zh-CN': '这张卡在本机没有可办理的业务。', en: 'There is nothing to do with this card at this kiosk.' },
  'management.deregisterOnlyInvalidated': {
    'zh-CN': '注销操作员：只有已作废的卡才能注销。这张卡尚未作废，请先到柜台办理作废。',
    en: 'Deregistering the operator: only an invalidated card can be deregistered. This card is not invalidated; have it invalidated at the counter first.',
  },
  'management.counterTitle': { 'zh-CN': '法人卡挂失、冻结请到柜台办理，请携带：', en: "The legal-person card's loss or freeze is done at the counter. Bring:" },
  'management.authoriseTitle': { 'zh-CN': '输入法人卡密码以确认', en: 'Confirm with the legal-person card PIN' },
  'management.authorise': {
    'zh-CN': '确认办理：{operation}，卡号 {cardNo}（{holder}）。每项业务由法人卡核对密码后签名确认，本机不保存密码。',
    en: 'You confirm: {operation}, card {cardNo} ({holder}). The legal-person card checks its PIN and signs each operation; this kiosk keeps no PIN.',
  },
  'management.authoriseDeclare': {
    'zh-CN': '确认办理：申报新操作员。法人卡核对密码后签名确认，本机不保存密码。之后请办理“增加操作员”材料预审。',
    en: 'You confirm: declaring a new operator. The legal-person card checks its PIN and signs it; this kiosk keeps no PIN. The add-operator paper check comes next.',
  },
  'management.done': { 'zh-CN': '已办理：{operation}。登记编号 {reference}。', en: 'Done: {operation}. Registry reference {reference}.' },
  'management.doneList': { 'zh-CN': '本企业 IC 卡清单已打印。', en: "The list of the enterprise's IC cards is printed." },
  'management.backToList': { 'zh-CN': '返回卡片清单', en: 'Back to the list of cards' },
  'management.toAddOperator': { 'zh-CN': '继续：增加操作员材料预审', en: 'Go on: the add-operator paper check' },
  'status.registry': { 'zh-CN': '电子口岸登记状态', en: 'Status on record at China E-Port' },
  'status.registryUnknown': { 'zh-CN': '暂时无法查询', en: 'Cannot be checked now' },
  'status.registryDiffers': {
    'zh-CN': '电子口岸登记状态与卡内状态不同，以登记状态为准。',
    en: 'China E-Port has the card on record in another state than the card shows: the record counts.',
  },
  'advice.unfreezeHere': {
    'zh-CN': '卡片已冻结。法人卡持有人可在本机“操作员卡管理”中解冻。',
    en: 'The card is frozen. The legal-person card holder can unfreeze it here (operator-card management).',
  },
  'advice.undoLossHere': {
    'zh-CN': '卡片已挂失。如已找回，法人卡持有人可在本机解挂；否则请到柜台换卡。',
    en: 'The card is reported lost. Found again? The legal-person card holder can undo the report here; otherwise replace it at the counter.',
  },
  'advice.deregisterHere': {
    'zh-CN': '卡片已作废。法人卡持有人可在本机注销该操作员。',
    en: 'The card is invalidated. The legal-person card holder can deregister the operator here.',
  },
  'advice.counterLegalPerson': {
    'zh-CN': '法人卡的挂失、冻结等沿用柜台流程，请携带材料到柜台办理。',
    en: "The legal-person card's own loss or freeze is done at the counter: bring the papers there.",
  },
  'idle.body.cardManagement': { 'zh-CN': '{seconds} 秒后将结束本次操作员卡管理，未确认的业务不会办理。', en: 'In {seconds} s this session ends; nothing unconfirmed is done.' },
  'working.listing': { 'zh-CN': '正在查询本企业的 IC 卡…', en: "Looking up the enterprise's IC cards…" },
} as const satisfies Translations;
