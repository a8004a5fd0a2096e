// The business receipts: what each says, that no full ID number survives, that the QR code names
// the transaction, and that each lays out on 48-column paper through the real encoder and the
// virtual printer.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { textColumns } from '../../drivers/printer/text-width.ts';
import { EscPosParser } from '../../sim/printer/escpos-parser.ts';
import { renderPagePng } from '../../sim/printer/page-png.ts';
import { pageText, printableDots, type PrintedPage } from '../../sim/printer/printed-page.ts';
import { VirtualPrinter } from '../../sim/printer/virtual-printer.ts';
import { decodeQrFromPng } from '../../tests/printer/receipt-check.ts';
import type { CardAdvice, CardView, EnterpriseCardView, FindingView } from '../../contract/flow-view.ts';
import { documentLabel } from '../../contract/intake/labels.ts';
import {
  cardQueryReceipt,
  chinaDate,
  enterpriseCardsReceipt,
  registryChangeReceipt,
  intakeReceipt,
  renewalReceipt,
  transactionQrPayload,
  unlockReceipt,
  type BusinessReceipt,
  type IntakeReceiptInput,
} from './business-receipts.ts';
import { receiptTime } from './format-time.ts';
import { eportLogo } from './logo.ts';
import { row, type Receipt } from './receipt.ts';
import { encodeReceipt, receiptColumns } from './receipt-layout.ts';

const holderId = '35020419800109011X';
const holderMasked = '350204********011X';
const agentId = '350203198811230517';
const agentMasked = '350203********0517';
const at = new Date('2025-03-14T06:30:05Z');
const stamp = { transactionId: 'TX-20250314-000042', kioskId: 'KIOSK-XM-03', at };

const card: CardView = {
  cardNo: '8800 0000 0042 1187',
  cardType: 'operator',
  holderName: '许文彬',
  holderIdNumberMasked: holderMasked,
  enterpriseName: '厦门海沧进出口贸易有限公司',
  uscc: '91350200MA2XN4TQ7H',
  lifecycle: 'locked',
  // 16:30 UTC is already the next day in China.
  certificateNotAfter: '2027-03-13T16:30:00.000Z',
  daysLeft: 729,
  pinTriesLeft: 0,
  pinMustChange: false,
};
const agent = { name: '陈晓东', idNumber: agentId };

const findings: FindingView[] = [
  { ruleId: 'W1', severity: 'warning', message: { zh: '营业执照即将到期', en: 'The business licence expires soon' } },
  { ruleId: 'E1', severity: 'error', message: { zh: '缺少企业公章', en: 'The company seal is missing' } },
  { ruleId: 'W2', severity: 'warning', message: { zh: '地址书写不一致', en: 'The address is written differently' } },
  { ruleId: 'E2', severity: 'error', message: { zh: '统一社会信用代码校验位错误', en: 'The USCC check character is wrong' } },
];
const missing = [documentLabel.business_licence, documentLabel.introduction_letter, documentLabel.form_ic_card];

const notAcceptable: IntakeReceiptInput = {
  ...stamp,
  business: 'change',
  enterprise: { name: card.enterpriseName, uscc: card.uscc },
  agent,
  result: { acceptable: false, missing, findings },
};
const acceptable: IntakeReceiptInput = { ...stamp, business: 'new_enrolment', enterprise: null, agent: null, result: { acceptable: true, ticket: 'A017' } };

const enterpriseCard: EnterpriseCardView = {
  cardNo: card.cardNo,
  cardType: 'operator',
  holderName: card.holderName,
  holderIdNumberMasked: holderMasked,
  status: 'invalidated',
  certificateNotAfter: card.certificateNotAfter,
  daysLeft: card.daysLeft,
  advice: 'deregisterHere',
  operations: ['deregister'],
};

const receipts: Record<string, BusinessReceipt> = {
  unlock: unlockReceipt({ ...stamp, card, agent }),
  renewal: renewalReceipt({
    ...stamp,
    enterprise: { name: card.enterpriseName, uscc: card.uscc },
    cards: [
      { cardNo: '8800 0000 0042 1001', cardType: 'legal_person', holderName: '林海', notAfter: '2027-06-30T17:00:00.000Z' },
      { cardNo: '8800 0000 0042 1187', cardType: 'tax_clerk', holderName: '许文彬', notAfter: '2027-07-01T03:00:00.000Z' },
    ],
  }),
  intakeAcceptable: intakeReceipt(acceptable),
  intakeNotAcceptable: intakeReceipt(notAcceptable),
  cardQuery: cardQueryReceipt({ ...stamp, card, advice: 'unlock' }),
  enterpriseCards: enterpriseCardsReceipt({ ...stamp, enterprise: { name: card.enterpriseName, uscc: card.uscc }, cards: [enterpriseCard] }),
  registryChange: registryChangeReceipt({
    ...stamp,
    enterprise: { name: card.enterpriseName, uscc: card.uscc },
    legalPerson: { cardNo: '8800 0000 0042 1001', holderName: '林海' },
    change: { operation: 'freeze', reference: 'R000042', card: { ...enterpriseCard, status: 'frozen', advice: 'unfreezeHere', operations: ['unfreeze', 'reportLoss'] } },
  }),
};

/** Every text of the receipt, one string per line, as a reader would go through it. */
function lineTexts(receipt: Receipt): string[] {
  return receipt.lines.map((line) => {
    switch (line.kind) {
      case 'heading':
        return `${line.text.zh} ${line.text.en}`;
      case 'text':
        return typeof line.text === 'string' ? line.text : `${line.text.zh}\n${line.text.en}`;
      case 'large':
        return line.text;
      case 'row':
        return `${line.label.zh} ${line.label.en}: ${line.value}`;
      case 'rule':
        return '---';
      case 'blank':
        return '';
    }
  });
}

describe('business receipt lines', () => {
  it('unlock: the enterprise, the card, the agent (masked), the PIN note and the transaction', () => {
    const r = receipts.unlock;
    expect(r?.kind).toBe('unlock');
    expect(r?.title).toEqual({ zh: 'IC卡解锁回执', en: 'IC card unlock receipt' });
    expect(r?.lines).toEqual(
      expect.arrayContaining([
        row('业务类型', 'Business', 'IC卡解锁 card unlock'),
        row('企业名称', 'Name', '厦门海沧进出口贸易有限公司'),
        row('统一社会信用代码', 'USCC', '91350200MA2XN4TQ7H'),
        row('卡号', 'Card No.', '8800 0000 0042 1187'),
        row('卡类型', 'Card type', '操作员卡 operator card'),
        row('持卡人', 'Holder', '许文彬'),
        row('证件号码', 'ID No.', holderMasked),
        row('姓名', 'Name', '陈晓东'),
        row('证件号码', 'ID No.', agentMasked),
        row('证书有效期至', 'Cert. valid until', '2027-03-14'),
        row('业务流水号', 'Transaction No.', 'TX-20250314-000042'),
        row('办理时间', 'Time', receiptTime(at)),
        row('办理终端', 'Kiosk', 'KIOSK-XM-03'),
      ]),
    );
    expect(lineTexts(r as Receipt).join('\n')).toContain('this receipt never shows it');
  });

  it('renewal: every renewed card with its new expiry as a China date', () => {
    const r = receipts.renewal;
    expect(r?.kind).toBe('renewal');
    expect(r?.lines).toEqual(
      expect.arrayContaining([
        row('企业名称', 'Name', '厦门海沧进出口贸易有限公司'),
        row('统一社会信用代码', 'USCC', '91350200MA2XN4TQ7H'),
        row('延期卡数', 'Cards renewed', '2'),
        row('卡号', 'Card No.', '8800 0000 0042 1001'),
        row('卡类型', 'Card type', '法人卡 legal-person card'),
        row('持卡人', 'Holder', '林海'),
        row('新有效期至', 'New expiry', '2027-07-01'),
        row('卡号', 'Card No.', '8800 0000 0042 1187'),
        row('卡类型', 'Card type', '办税员卡 tax-clerk card'),
        row('新有效期至', 'New expiry', '2027-07-01'),
        row('业务流水号', 'Transaction No.', 'TX-20250314-000042'),
        row('办理时间', 'Time', receiptTime(at)),
        row('办理终端', 'Kiosk', 'KIOSK-XM-03'),
      ]),
    );
    expect(lineTexts(r as Receipt)).toEqual(expect.arrayContaining(['卡片 1/2 Card 1 of 2', '卡片 2/2 Card 2 of 2']));
  });

  it('acceptable intake: the business and the ticket, standing alone', () => {
    const r = receipts.intakeAcceptable;
    expect(r?.kind).toBe('intake');
    expect(r?.lines).toEqual(expect.arrayContaining([row('业务类型', 'Business', '新入网 new enrolment'), row('检查结果', 'Result', '可受理 Acceptable')]));
    expect(r?.lines).toContainEqual({ kind: 'large', text: 'A017' });
    const texts = lineTexts(r as Receipt).join('\n');
    expect(texts).toContain('go to the counter with this ticket');
    // Unknown enterprise and agent: no empty sections.
    expect(texts).not.toContain('Enterprise');
    expect(texts).not.toContain('Agent');
  });

  it('not acceptable intake: every missing paper, every finding (errors first), and no ticket', () => {
    const r = receipts.intakeNotAcceptable;
    expect(r?.lines).toEqual(
      expect.arrayContaining([
        row('业务类型', 'Business', '企业信息变更 change of information'),
        row('检查结果', 'Result', '不可受理 Not acceptable'),
        row('企业名称', 'Name', '厦门海沧进出口贸易有限公司'),
        row('证件号码', 'ID No.', agentMasked),
      ]),
    );
    const texts = lineTexts(r as Receipt);
    const joined = texts.join('\n');
    for (const paper of missing) {
      expect(joined).toContain(paper.zh);
      expect(joined).toContain(paper.en);
    }
    expect(texts).toContain('缺少的材料（3） Missing papers (3)');
    expect(texts).toContain('检查发现（4） Findings (4)');
    const position = (en: string): number => texts.findIndex((t) => t.includes(en));
    for (const finding of findings) expect(position(finding.message.en)).toBeGreaterThan(-1);
    const order = ['The company seal is missing', 'The USCC check character is wrong', 'The business licence expires soon', 'The address is written differently'].map(position);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(joined).toContain('[Error] The company seal is missing');
    expect(joined).toContain('[提示] 地址书写不一致');
    expect(joined).not.toContain('Ticket No.');
  });

  it('card query: state in words, the card, days and tries left, and the advice', () => {
    const r = receipts.cardQuery;
    expect(r?.kind).toBe('cardQuery');
    expect(r?.lines).toEqual(
      expect.arrayContaining([
        row('状态', 'State', '已锁定（PIN码锁死） locked (PIN blocked)'),
        row('卡号', 'Card No.', '8800 0000 0042 1187'),
        row('卡类型', 'Card type', '操作员卡 operator card'),
        row('持卡人', 'Holder', '许文彬'),
        row('企业名称', 'Name', '厦门海沧进出口贸易有限公司'),
        row('证书有效期至', 'Cert. valid until', '2027-03-14'),
        row('剩余天数', 'Days left', '729天 729 days'),
        row('PIN剩余次数', 'PIN tries left', '0'),
        row('业务流水号', 'Transaction No.', 'TX-20250314-000042'),
      ]),
    );
    expect(lineTexts(r as Receipt).join('\n')).toContain('unlock it at this kiosk');
  });

  it("the enterprise's cards and a registry operation: registry status, reference, the legal-person card, zh and en", () => {
    const list = lineTexts(receipts.enterpriseCards as Receipt).join('\n');
    expect(list).toContain('登记状态 Registry status: 已作废 invalidated');
    expect(list).toContain('deregister the operator here');
    const change = receipts.registryChange as Receipt;
    expect(change.title).toEqual({ zh: 'IC卡冻结回执', en: 'IC card receipt: freeze' });
    expect(change.lines).toEqual(expect.arrayContaining([row('登记编号', 'Registry ref.', 'R000042'), row('业务类型', 'Business', '冻结 freeze'), row('登记状态', 'Registry status', '已冻结 frozen')]));
    expect(JSON.stringify(change)).not.toContain(holderId);
  });

  it('card query: a sentence for every advice, and expired days counted back', () => {
    const advices: CardAdvice[] = ['none', 'renewSoon', 'renewNow', 'expired', 'unlock', 'counter'];
    const sentences = advices.map((advice) => {
      const r = cardQueryReceipt({ ...stamp, card, advice });
      return r.lines[lineTexts(r).indexOf('建议 Advice') + 1];
    });
    expect(new Set(sentences.map((s) => JSON.stringify(s))).size).toBe(advices.length);
    const expired = cardQueryReceipt({ ...stamp, card: { ...card, lifecycle: 'expired', daysLeft: -3 }, advice: 'expired' });
    expect(expired.lines).toContainEqual(row('剩余天数', 'Days left', '已过期3天 expired 3 days ago'));
    expect(expired.lines).toContainEqual(row('状态', 'State', '证书已过期 certificate expired'));
  });

  it('dates in China time; text that is no date stays as given', () => {
    expect(chinaDate('2027-03-13T15:59:59Z')).toBe('2027-03-13');
    expect(chinaDate('2027-03-13T16:00:00Z')).toBe('2027-03-14');
    expect(chinaDate('2027-03-14')).toBe('2027-03-14');
    expect(chinaDate('soon')).toBe('soon');
  });
});

describe('every business receipt', () => {
  it.each(Object.entries(receipts))('%s: QR code with the transaction id, and a lookup caption', (_name, r) => {
    expect(r.qr?.payload).toBe('eport-kiosk:tx:TX-20250314-000042');
    expect(r.qr?.payload).toContain(stamp.transactionId);
    expect(r.qr?.caption).toEqual({ zh: '扫码查询本笔业务', en: 'Scan to look up this transaction' });
  });

  it('QR payloads stay one URI even for odd transaction ids', () => {
    expect(transactionQrPayload('A B/1')).toBe('eport-kiosk:tx:A%20B%2F1');
  });

  it('never shows a full ID number, wherever in the input it was put', () => {
    const leaky = {
      ...card,
      holderName: `许文彬 ${holderId}`,
      holderIdNumberMasked: holderId,
      enterpriseName: `厦门海沧 ${agentId} 公司`,
    };
    const leakyAgent = { name: `陈晓东 ${agentId}`, idNumber: agentId };
    const all: Receipt[] = [
      unlockReceipt({ ...stamp, card: leaky, agent: leakyAgent }),
      renewalReceipt({ ...stamp, enterprise: { name: `企业 ${holderId}`, uscc: card.uscc }, cards: [{ cardNo: '8800', cardType: 'operator', holderName: `许文彬 ${holderId}`, notAfter: '2027-01-01' }] }),
      intakeReceipt({
        ...notAcceptable,
        enterprise: { name: `企业 ${holderId}`, uscc: card.uscc },
        agent: leakyAgent,
        result: {
          acceptable: false,
          missing: [{ zh: `身份证 ${holderId}`, en: `ID card ${holderId}` }],
          findings: [{ ruleId: 'E9', severity: 'error', message: { zh: `号码 ${agentId} 不符`, en: `number ${agentId} differs` } }],
        },
      }),
      intakeReceipt({ ...acceptable, agent: leakyAgent, result: { acceptable: true, ticket: 'A018', findings: [{ ruleId: 'W9', severity: 'warning', message: { zh: holderId, en: holderId } }] } }),
      cardQueryReceipt({ ...stamp, card: leaky, advice: 'counter' }),
    ];
    for (const r of all) {
      const flat = JSON.stringify(r);
      expect(flat).not.toContain(holderId);
      expect(flat).not.toContain(agentId);
      expect(flat).toMatch(/350204\*{8}011X|350203\*{8}0517/);
    }
    expect(JSON.stringify(all[0])).toContain(holderMasked);
    expect(JSON.stringify(all[0])).toContain(agentMasked);
  });
});

/** The encoder's printed lines, from its own bytes: text up to each line feed, with the size it was printed at. */
function encodedLines(bytes: Uint8Array): { text: string; width: number }[] {
  const lines: { text: string; width: number }[] = [];
  let width = 1;
  let pending: Buffer[] = [];
  const flush = (): void => {
    if (pending.length > 0) lines.push({ text: iconv.decode(Buffer.concat(pending), 'gb18030'), width });
    pending = [];
  };
  const breaks = new Set(['lineFeed', 'feedLines', 'feedDots', 'qrPrint', 'raster', 'cut']);
  for (const command of new EscPosParser().push(bytes)) {
    if (command.kind === 'text') pending.push(Buffer.from(command.bytes));
    else if (command.kind === 'size') width = command.width;
    else if (breaks.has(command.kind)) flush();
  }
  flush();
  return lines;
}

async function printOnVirtualPrinter(bytes: Uint8Array): Promise<PrintedPage> {
  const printer = new VirtualPrinter({ baud: 921_600, feedMmPerSecond: 100_000 });
  try {
    const page = new Promise<PrintedPage>((resolve) => {
      printer.onEvent((event) => {
        if (event.kind === 'page') resolve(event.page);
      });
    });
    printer.receive(bytes);
    return await page;
  } finally {
    printer.close();
  }
}

describe('layout on 80 mm paper', () => {
  it.each(Object.entries(receipts))('%s: every line fits 48 columns and prints in full with its QR code', async (_name, r) => {
    const context = { jobId: 'P000042', kioskId: stamp.kioskId, printedAt: at, logo: await eportLogo() };
    const bytes = encodeReceipt(r, context);
    const lines = encodedLines(bytes);
    expect(lines.length).toBeGreaterThan(r.lines.length);
    for (const line of lines) expect(textColumns(line.text) * line.width, line.text).toBeLessThanOrEqual(receiptColumns);

    const page = await printOnVirtualPrinter(bytes);
    expect(page.end).toBe('cut');
    // Nothing wrapped by the printer itself: one printed line per encoded line.
    const printedText = page.items.filter((item) => item.kind === 'text');
    expect(printedText).toHaveLength(lines.length);
    for (const item of printedText) expect(item.widthDots).toBeLessThanOrEqual(printableDots);
    expect(page.items.filter((item) => item.kind === 'bitmap').map((item) => item.qr)).toEqual([null, transactionQrPayload(stamp.transactionId)]);
    const text = pageText(page);
    expect(text).toContain(r.title.zh);
    expect(text).toContain('TX-20250314-000042');
    expect(text).toContain('—— 完 END P000042 ——');
    expect(text).not.toContain(holderId);
    expect(text).not.toContain(agentId);
  });

  it('the printed QR code scans back to the transaction', async () => {
    const bytes = encodeReceipt(receipts.intakeNotAcceptable as Receipt, { jobId: 'P000043', kioskId: stamp.kioskId, printedAt: at });
    const png = await renderPagePng(await printOnVirtualPrinter(bytes));
    expect(await decodeQrFromPng(png)).toEqual(['eport-kiosk:tx:TX-20250314-000042']);
  });
});
