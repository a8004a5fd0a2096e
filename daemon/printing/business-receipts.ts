// The receipts of the agent's businesses: unlock, renewal, intake check, card query and PIN change. Pure:
// facts in, a Receipt out, laid out and printed by the print service. Every receipt names its
// transaction (id, kiosk, time) in its lines and in a QR code, and goes through safeReceipt, so a
// full ID number given by mistake anywhere in the input still comes out masked.
import type { CardLifecycle } from '../../contract/devices/card-reader.ts';
import type { CardAdvice, CardView, EnterpriseCardView, FindingView, RegistryChangeView, RenewedCardView } from '../../contract/flow-view.ts';
import { registryOperationLabel } from '../../contract/registry-operation-label.ts';
import type { BilingualText } from '../../contract/bilingual-text.ts';
import type { RulebookBusiness } from '../../contract/businesses.ts';
import { chinaDay } from '../intake/check.ts';
import { cardTypeLabel } from '../../contract/devices/card-reader.ts';
import { businessLabel } from '../../contract/businesses.ts';
import { receiptTime } from './format-time.ts';
import { idNumberRow, row, safeReceipt, type Receipt, type ReceiptLine } from './receipt.ts';

export type BusinessReceiptKind = 'unlock' | 'renewal' | 'intake' | 'cardQuery' | 'pinChange' | 'enterpriseCards' | 'registryChange';

export interface BusinessReceipt extends Receipt {
  kind: BusinessReceiptKind;
}

/** Which transaction a receipt is for: on every receipt, and in its QR code. */
export interface TransactionStamp {
  transactionId: string;
  kioskId: string;
  /** When the business was done; printed as the kiosk's wall-clock time (receiptTime). */
  at: Date;
}

export interface EnterpriseRef {
  name: string;
  uscc: string;
}

/**
 * The agent who came to the kiosk. `idNumber` may be the full number or the masked one: it is
 * always printed through maskIdNumber (masking a masked number changes nothing).
 */
export interface AgentRef {
  name: string;
  idNumber: string;
}

/** A CardView has all of these; the holder's ID number is masked again before printing. */
export type UnlockedCard = Pick<CardView, 'cardNo' | 'cardType' | 'holderName' | 'holderIdNumberMasked' | 'enterpriseName' | 'uscc' | 'certificateNotAfter'>;

export interface UnlockReceiptInput extends TransactionStamp {
  card: UnlockedCard;
  agent: AgentRef;
}

export interface RenewalReceiptInput extends TransactionStamp {
  enterprise: EnterpriseRef;
  cards: readonly RenewedCardView[];
}

export type IntakeResult =
  /** Ready for the counter; findings, if any, are warnings worth reading there. */
  | { acceptable: true; ticket: string; findings?: readonly FindingView[] }
  | { acceptable: false; missing: readonly BilingualText[]; findings: readonly FindingView[] };

export interface IntakeReceiptInput extends TransactionStamp {
  business: RulebookBusiness;
  enterprise?: EnterpriseRef | null;
  agent?: AgentRef | null;
  result: IntakeResult;
}

export interface PinChangeReceiptInput extends TransactionStamp {
  card: UnlockedCard;
  /** The card was still on its initial PIN (its first use). */
  firstUse: boolean;
}

export interface CardQueryReceiptInput extends TransactionStamp {
  card: Pick<CardView, 'cardNo' | 'cardType' | 'holderName' | 'enterpriseName' | 'uscc' | 'lifecycle' | 'certificateNotAfter' | 'daysLeft' | 'pinTriesLeft'>;
  advice: CardAdvice;
  /** The registry's status beside the card's own; null when the registry could not be asked. */
  registryStatus?: CardLifecycle | null;
}

export interface EnterpriseCardsReceiptInput extends TransactionStamp {
  enterprise: EnterpriseRef;
  cards: readonly EnterpriseCardView[];
}

export interface RegistryChangeReceiptInput extends TransactionStamp {
  enterprise: EnterpriseRef;
  /** The legal-person card whose PIN and signature allowed the operation. */
  legalPerson: Pick<CardView, 'cardNo' | 'holderName'>;
  change: RegistryChangeView;
}

/**
 * The QR payload: `eport-kiosk:tx:<transactionId>` (the id URI-encoded). A scanner at the counter
 * or the agent's phone looks the transaction up by it; it carries nothing personal.
 */
export function transactionQrPayload(transactionId: string): string {
  return `eport-kiosk:tx:${encodeURIComponent(transactionId)}`;
}

const both = (text: BilingualText): string => `${text.zh} ${text.en}`;
const heading = (zh: string, en: string): ReceiptLine => ({ kind: 'heading', text: { zh, en } });
const text = (zh: string, en: string): ReceiptLine => ({ kind: 'text', text: { zh, en } });

const lifecycleText: Record<CardLifecycle, BilingualText> = {
  active: { zh: '正常', en: 'active' },
  expired: { zh: '证书已过期', en: 'certificate expired' },
  locked: { zh: '已锁定（PIN码锁死）', en: 'locked (PIN blocked)' },
  frozen: { zh: '已冻结', en: 'frozen' },
  reportedLost: { zh: '已挂失', en: 'reported lost' },
  invalidated: { zh: '已作废', en: 'invalidated' },
};

const adviceText: Record<CardAdvice, BilingualText> = {
  none: { zh: '卡片状态正常，暂无需办理业务。', en: 'The card is in order; there is nothing to do.' },
  renewSoon: { zh: '证书即将到期，请在到期前于本机办理延期。', en: 'The certificate expires soon: renew it at this kiosk before it does.' },
  renewNow: { zh: '证书马上到期，请立即于本机办理延期。', en: 'The certificate is about to expire: renew it at this kiosk now.' },
  expired: { zh: '证书已过期，本机无法延期，请持卡到柜台办理。', en: 'The certificate has expired and cannot be renewed here: take the card to the counter.' },
  unlock: { zh: '卡片已锁定，可在本机办理解锁。', en: 'The card is locked: unlock it at this kiosk.' },
  counter: { zh: '此卡需到柜台办理，请持卡咨询工作人员。', en: 'This card needs the counter: take it to the staff there.' },
  changePin: {
    zh: '此卡仍为初始密码，使用前须先修改密码，可在本机选择“修改密码”办理。',
    en: 'This card is still on its initial PIN, which must be changed before any use: choose "Change PIN" at this kiosk.',
  },
  unfreezeHere: { zh: '卡片已冻结，法人卡持有人可在本机“操作员卡管理”中解冻。', en: 'The card is frozen: the legal-person card holder can unfreeze it here (operator-card management).' },
  undoLossHere: { zh: '卡片已挂失；如已找回，法人卡持有人可在本机解挂，否则请到柜台换卡。', en: 'The card is reported lost: found again, the legal-person card holder can undo the report here; otherwise replace it at the counter.' },
  deregisterHere: { zh: '卡片已作废，法人卡持有人可在本机注销该操作员。', en: 'The card is invalidated: the legal-person card holder can deregister the operator here.' },
  counterLegalPerson: { zh: '法人卡的挂失、冻结等沿用旧流程，请携带材料到柜台办理。', en: "The legal-person card's own loss or freeze is the counter's: bring the papers there." },
};

const severityText: Record<FindingView['severity'], BilingualText> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提示', en: 'Note' },
};

/** YYYY-MM-DD in China of an ISO time stamp (a certificate's notAfter); unparsable text as given. */
export function chinaDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : chinaDay(new Date(time));
}

function daysLeftText(days: number): string {
  const n = Math.abs(days);
  const en = `${String(n)} day${n === 1 ? '' : 's'}`;
  return days < 0 ? `已过期${String(n)}天 expired ${en} ago` : `${String(n)}天 ${en}`;
}

function enterpriseLines(enterprise: EnterpriseRef): ReceiptLine[] {
  return [heading('企业信息', 'Enterprise'), row('企业名称', 'Name', enterprise.name), row('统一社会信用代码', 'USCC', enterprise.uscc)];
}

function agentLines(agent: AgentRef): ReceiptLine[] {
  return [heading('经办人', 'Agent'), row('姓名', 'Name', agent.name), idNumberRow('证件号码', 'ID No.', agent.idNumber)];
}

function transactionLines(stamp: TransactionStamp): ReceiptLine[] {
  return [
    heading('办理信息', 'Transaction'),
    row('业务流水号', 'Transaction No.', stamp.transactionId),
    row('办理时间', 'Time', receiptTime(stamp.at)),
    row('办理终端', 'Kiosk', stamp.kioskId),
  ];
}

function finish(kind: BusinessReceiptKind, title: BilingualText, lines: ReceiptLine[], stamp: TransactionStamp, notes: BilingualText[]): BusinessReceipt {
  const receipt: BusinessReceipt = {
    kind,
    title,
    lines: [...lines, { kind: 'rule' }, ...transactionLines(stamp)],
    qr: { payload: transactionQrPayload(stamp.transactionId), caption: { zh: '扫码查询本笔业务', en: 'Scan to look up this transaction' } },
    notes,
  };
  return safeReceipt(receipt) as BusinessReceipt;
}

const keepIt: BilingualText = { zh: '请保留本回执备查', en: 'Keep this receipt for your records' };

export function unlockReceipt(input: UnlockReceiptInput): BusinessReceipt {
  const { card, agent } = input;
  return finish(
    'unlock',
    { zh: 'IC卡解锁回执', en: 'IC card unlock receipt' },
    [
      heading('业务信息', 'Business'),
      row('业务类型', 'Business', both(businessLabel.unlock)),
      row('办理结果', 'Result', '成功 Completed'),
      { kind: 'rule' },
      heading('卡片信息', 'Card'),
      row('卡号', 'Card No.', card.cardNo),
      row('卡类型', 'Card type', both(cardTypeLabel[card.cardType])),
      row('持卡人', 'Holder', card.holderName),
      idNumberRow('证件号码', 'ID No.', card.holderIdNumberMasked),
      row('证书有效期至', 'Cert. valid until', chinaDate(card.certificateNotAfter)),
      { kind: 'rule' },
      ...enterpriseLines({ name: card.enterpriseName, uscc: card.uscc }),
      { kind: 'rule' },
      ...agentLines(agent),
      { kind: 'rule' },
      heading('温馨提示', 'Please note'),
      text('新PIN码已生效，请妥善保管，切勿告知他人。本回执不显示PIN码。', 'The new PIN is in effect. Keep it to yourself; this receipt never shows it.'),
      text('如非本人办理，请立即致电客服 95198。', 'Not you? Call the E-Port service line at once: 95198.'),
    ],
    input,
    [keepIt],
  );
}

export function renewalReceipt(input: RenewalReceiptInput): BusinessReceipt {
  const cards = input.cards.flatMap((card, index): ReceiptLine[] => [
    { kind: 'rule' },
    heading(`卡片 ${String(index + 1)}/${String(input.cards.length)}`, `Card ${String(index + 1)} of ${String(input.cards.length)}`),
    row('卡号', 'Card No.', card.cardNo),
    row('卡类型', 'Card type', both(cardTypeLabel[card.cardType])),
    row('持卡人', 'Holder', card.holderName),
    row('新有效期至', 'New expiry', chinaDate(card.notAfter)),
  ]);
  return finish(
    'renewal',
    { zh: 'IC卡证书延期回执', en: 'Certificate renewal receipt' },
    [
      heading('业务信息', 'Business'),
      row('业务类型', 'Business', both(businessLabel.renewal)),
      row('延期卡数', 'Cards renewed', String(input.cards.length)),
      { kind: 'rule' },
      ...enterpriseLines(input.enterprise),
      ...cards,
      { kind: 'rule' },
      text('新证书已写入卡片并即时生效。', 'The new certificates are on the cards and in effect now.'),
    ],
    input,
    [keepIt],
  );
}

/** Errors before warnings, otherwise in the checker's order. */
function findingLines(findings: readonly FindingView[]): ReceiptLine[] {
  const ordered = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
  return ordered.map((finding) => {
    const severity = severityText[finding.severity];
    return text(`[${severity.zh}] ${finding.message.zh}`, `[${severity.en}] ${finding.message.en}`);
  });
}

function intakeResultLines(result: IntakeResult): ReceiptLine[] {
  if (result.acceptable) {
    const findings = result.findings ?? [];
    return [
      row('检查结果', 'Result', '可受理 Acceptable'),
      { kind: 'rule' },
      // The layout has no large type for lines: the ticket stands alone, centred and framed.
      { kind: 'text', text: '受理号 Ticket No.', align: 'centre' },
      { kind: 'large', text: result.ticket },
      { kind: 'blank' },
      text('材料齐全，请持本回执到柜台办理。', 'Your papers are complete: go to the counter with this ticket.'),
      ...(findings.length > 0 ? [{ kind: 'rule' } as const, heading('请注意', 'Please note'), ...findingLines(findings)] : []),
    ];
  }
  const none = text('无', 'None');
  return [
    row('检查结果', 'Result', '不可受理 Not acceptable'),
    text('本回执不是受理凭证。', 'This receipt is not a ticket for the counter.'),
    { kind: 'rule' },
    heading(`缺少的材料（${String(result.missing.length)}）`, `Missing papers (${String(result.missing.length)})`),
    ...(result.missing.length === 0 ? [none] : result.missing.map((paper, index) => text(`${String(index + 1)}.${paper.zh}`, `${String(index + 1)}. ${paper.en}`))),
    { kind: 'rule' },
    heading(`检查发现（${String(result.findings.length)}）`, `Findings (${String(result.findings.length)})`),
    ...(result.findings.length === 0 ? [none] : findingLines(result.findings)),
    { kind: 'rule' },
    text('请补齐或更正上述材料后再来检查。', 'Bring or correct the papers above, then check again.'),
  ];
}

export function intakeReceipt(input: IntakeReceiptInput): BusinessReceipt {
  const known = (lines: ReceiptLine[]): ReceiptLine[] => [...lines, { kind: 'rule' }];
  return finish(
    'intake',
    { zh: '受理预检回执', en: 'Intake check receipt' },
    [
      heading('业务信息', 'Business'),
      row('业务类型', 'Business', both(businessLabel[input.business])),
      { kind: 'rule' },
      ...(input.enterprise ? known(enterpriseLines(input.enterprise)) : []),
      ...(input.agent ? known(agentLines(input.agent)) : []),
      ...intakeResultLines(input.result),
    ],
    input,
    [keepIt],
  );
}

/** The PIN change: which card, that it worked; never a PIN, old or new. */
export function pinChangeReceipt(input: PinChangeReceiptInput): BusinessReceipt {
  const { card } = input;
  return finish(
    'pinChange',
    { zh: 'IC卡修改密码回执', en: 'IC card PIN change receipt' },
    [
      heading('业务信息', 'Business'),
      row('业务类型', 'Business', both(businessLabel.pin_change)),
      row('办理结果', 'Result', '成功 Completed'),
      ...(input.firstUse ? [row('说明', 'Note', '首次使用，已更换初始密码 First use: the initial PIN was replaced')] : []),
      { kind: 'rule' },
      heading('卡片信息', 'Card'),
      row('卡号', 'Card No.', card.cardNo),
      row('卡类型', 'Card type', both(cardTypeLabel[card.cardType])),
      row('持卡人', 'Holder', card.holderName),
      idNumberRow('证件号码', 'ID No.', card.holderIdNumberMasked),
      { kind: 'rule' },
      ...enterpriseLines({ name: card.enterpriseName, uscc: card.uscc }),
      { kind: 'rule' },
      heading('温馨提示', 'Please note'),
      text('新密码已生效，请妥善保管，切勿告知他人。本回执不显示密码。', 'The new PIN is in effect. Keep it to yourself; this receipt never shows it.'),
      text('如非本人办理，请立即致电客服 95198。', 'Not you? Call the E-Port service line at once: 95198.'),
    ],
    input,
    [keepIt],
  );
}

export function cardQueryReceipt(input: CardQueryReceiptInput): BusinessReceipt {
  const { card } = input;
  return finish(
    'cardQuery',
    { zh: 'IC卡查询回执', en: 'IC card query receipt' },
    [
      heading('卡片状态', 'Card state'),
      row('状态', 'State', both(lifecycleText[card.lifecycle])),
      row('卡号', 'Card No.', card.cardNo),
      row('卡类型', 'Card type', both(cardTypeLabel[card.cardType])),
      row('持卡人', 'Holder', card.holderName),
      row('证书有效期至', 'Cert. valid until', chinaDate(card.certificateNotAfter)),
      row('剩余天数', 'Days left', daysLeftText(card.daysLeft)),
      row('PIN剩余次数', 'PIN tries left', String(card.pinTriesLeft)),
      ...(input.registryStatus === undefined
        ? []
        : [row('登记状态', 'Registry status', input.registryStatus === null ? '无法查询 not available' : both(lifecycleText[input.registryStatus]))]),
      { kind: 'rule' },
      ...enterpriseLines({ name: card.enterpriseName, uscc: card.uscc }),
      { kind: 'rule' },
      heading('建议', 'Advice'),
      { kind: 'text', text: adviceText[input.advice] },
    ],
    input,
    [{ zh: '查询结果以办理时为准', en: 'As of the time above' }],
  );
}

function enterpriseCardLines(card: EnterpriseCardView): ReceiptLine[] {
  return [
    row('卡号', 'Card No.', card.cardNo),
    row('卡类型', 'Card type', both(cardTypeLabel[card.cardType])),
    row('持卡人', 'Holder', card.holderName),
    idNumberRow('证件号码', 'ID No.', card.holderIdNumberMasked),
    row('登记状态', 'Registry status', both(lifecycleText[card.status])),
    row('证书有效期至', 'Cert. valid until', chinaDate(card.certificateNotAfter)),
    row('剩余天数', 'Days left', daysLeftText(card.daysLeft)),
  ];
}

/** The legal-person query: every card of the enterprise as the registry lists it, with the advice for each. */
export function enterpriseCardsReceipt(input: EnterpriseCardsReceiptInput): BusinessReceipt {
  const cards = input.cards.flatMap((card, index): ReceiptLine[] => [
    { kind: 'rule' },
    heading(`卡片 ${String(index + 1)}/${String(input.cards.length)}`, `Card ${String(index + 1)} of ${String(input.cards.length)}`),
    ...enterpriseCardLines(card),
    { kind: 'text', text: adviceText[card.advice] },
  ]);
  return finish(
    'enterpriseCards',
    { zh: '企业IC卡综合查询回执', en: "Enterprise's IC cards: query receipt" },
    [...enterpriseLines(input.enterprise), row('卡片数量', 'Cards', String(input.cards.length)), ...cards],
    input,
    [{ zh: '查询结果以办理时为准', en: 'As of the time above' }],
  );
}

/** A registry operation of the legal-person card holder: what was done to which card, the registry's reference. */
export function registryChangeReceipt(input: RegistryChangeReceiptInput): BusinessReceipt {
  const { change } = input;
  const declared = change.operation === 'declareOperator';
  return finish(
    'registryChange',
    { zh: `IC卡${registryOperationLabel[change.operation].zh}回执`, en: `IC card receipt: ${registryOperationLabel[change.operation].en}` },
    [
      heading('业务信息', 'Business'),
      row('业务类型', 'Business', both(registryOperationLabel[change.operation])),
      row('办理结果', 'Result', '成功 Completed'),
      row('登记编号', 'Registry ref.', change.reference),
      row('授权法人卡', 'Legal-person card', `${input.legalPerson.cardNo} ${input.legalPerson.holderName}`),
      ...(change.card === null ? [] : [{ kind: 'rule' } as const, heading('卡片信息', 'Card'), ...enterpriseCardLines(change.card)]),
      { kind: 'rule' },
      ...enterpriseLines(input.enterprise),
      ...(declared
        ? [
            { kind: 'rule' } as const,
            heading('下一步', 'Next'),
            text(
              '请持本回执、新操作员身份证复印件、加盖公章的IC卡登记表等材料办理增加操作员预审，再到柜台制卡。',
              "Take this receipt, the new operator's ID copy and the sealed card form to the add-operator paper check, then to the counter for the card.",
            ),
          ]
        : []),
    ],
    input,
    [keepIt],
  );
}
