// A typical business receipt (an IC card unlock, about 40 lines and a QR code): the benchmark's
// load, the README's picture, and the receipt the integration tests print.
import { idNumberRow, row, type Receipt } from './receipt.ts';

export function unlockReceipt(options: { ticket: string; verifyUrl: string }): Receipt {
  return {
    kind: 'unlock',
    title: { zh: 'IC卡解锁回执', en: 'IC card unlock receipt' },
    lines: [
      { kind: 'heading', text: { zh: '业务信息', en: 'Business' } },
      row('业务类型', 'Business', '解锁 Unlock'),
      row('受理编号', 'Ticket', options.ticket),
      row('办理结果', 'Result', '成功 Completed'),
      row('办理时长', 'Duration', '2分18秒 2 min 18 s'),
      { kind: 'rule' },
      { kind: 'heading', text: { zh: '卡片信息', en: 'Card' } },
      row('卡号', 'Card No.', '8800 0000 0042 1187'),
      row('卡类型', 'Card type', '操作员卡 Operator'),
      row('持卡人', 'Holder', '许文彬'),
      idNumberRow('证件号码', 'ID No.', '35020419800109011X'),
      row('证书有效期至', 'Cert. valid until', '2027-03-14'),
      row('PIN重试次数', 'PIN tries left', '3 / 3'),
      { kind: 'rule' },
      { kind: 'heading', text: { zh: '企业信息', en: 'Enterprise' } },
      row('企业名称', 'Name', '厦门海沧进出口贸易有限公司'),
      row('统一社会信用代码', 'USCC', '91350200MA2XN4TQ7H'),
      row('海关编码', 'Customs code', '3502961234'),
      { kind: 'rule' },
      { kind: 'heading', text: { zh: '经办人', en: 'Agent' } },
      row('姓名', 'Name', '陈晓东'),
      idNumberRow('证件号码', 'ID No.', '350203198811230517'),
      row('介绍信', 'Introduction letter', '已核验 Checked'),
      { kind: 'rule' },
      { kind: 'heading', text: { zh: '温馨提示', en: 'Please note' } },
      {
        kind: 'text',
        text: {
          zh: '新PIN码已生效，请妥善保管，切勿告知他人。本回执不显示PIN码。',
          en: 'The new PIN is in effect. Keep it to yourself; this receipt never shows it.',
        },
      },
      {
        kind: 'text',
        text: { zh: '如非本人办理，请立即致电客服 95198。', en: 'Not you? Call the E-Port service line at once: 95198.' },
      },
    ],
    qr: { payload: options.verifyUrl, caption: { zh: '扫码查验回执真伪', en: 'Scan to verify this receipt' } },
    notes: [{ zh: '请保留本回执备查', en: 'Keep this receipt for your records' }],
  };
}
