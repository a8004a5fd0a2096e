// Confirming the fields read from a paper: sources, errors, the keypad's target.
import type { Translations } from './translations.ts';

export const confirmFieldsWords = {
  'fields.title': { 'zh-CN': '请核对：{paper}', en: 'Check: {paper}' },
  'fields.intro': {
    'zh-CN': '本机从材料中读出了下列信息。请逐项核对，有错请更正，然后按“确认无误”。',
    en: 'The kiosk read these details from the paper. Check each one, correct any mistake, then press "All correct".',
  },
  'fields.introNothingRead': {
    'zh-CN': '请对照材料填写下列信息，然后按“确认无误”。',
    en: 'Fill in these details from the paper, then press "All correct".',
  },
  'fields.stampsMissing': {
    'zh-CN': '这份材料上没有找到：{stamps}。缺少印章的材料不能受理：请盖章后按“重新扫描这份材料”，或先核对信息继续。',
    en: 'This paper does not carry: {stamps}. A paper without it cannot be accepted: have it stamped and press "Scan this paper again", or check the details and go on.',
  },
  'fields.required': { 'zh-CN': '必填', en: 'Required' },
  'fields.source.qr': { 'zh-CN': '来自营业执照二维码', en: 'From the licence QR code' },
  'fields.source.card': { 'zh-CN': '来自 IC 卡', en: 'From the IC card' },
  'fields.source.registry': { 'zh-CN': '来自登记信息', en: 'From the registry' },
  'fields.source.earlier': { 'zh-CN': '来自已核对的材料', en: 'From a paper you checked' },
  'fields.source.agent': { 'zh-CN': '您填写的', en: 'Entered by you' },
  'fields.source.idCard': { 'zh-CN': '来自身份证芯片', en: "From your ID card's chip" },
  'fields.source.ocr': { 'zh-CN': '从材料中读出', en: 'Read from the paper' },
  'fields.source.ocrUncertain': { 'zh-CN': '读出的可能不准，请核对', en: 'May be misread: please check' },
  'fields.source.none': { 'zh-CN': '未能读出，请填写', en: 'Not read: please fill in' },
  'fields.error.required': { 'zh-CN': '此项必填。', en: 'This is required.' },
  'fields.error.idNumber': { 'zh-CN': '身份证号应为 18 位：数字，最后一位可以是 X。', en: 'An ID number has 18 characters: digits, the last may be X.' },
  'fields.error.date': {
    'zh-CN': '日期请按“年-月-日”填写，例如 2030-06-30；长期有效请按“长期”。',
    en: 'Write the date as year-month-day, e.g. 2030-06-30; for no end date press "Long-term".',
  },
  'fields.error.refused': { 'zh-CN': '本机核验未通过，请核对后更正。', en: 'The kiosk could not accept this. Please check and correct it.' },
  'fields.invalidSummary': { 'zh-CN': '有 {count} 项信息需要更正，已用红框标出。', en: '{count} detail(s) need correcting; they are marked in red.' },
  'fields.confirm': { 'zh-CN': '确认无误', en: 'All correct' },
  'fields.rescan': { 'zh-CN': '重新扫描这份材料', en: 'Scan this paper again' },
  'fields.keypadFor': { 'zh-CN': '“{field}”的输入键盘', en: 'Keypad for "{field}"' },
  'fields.keypadHint': { 'zh-CN': '先点选要填写的输入框，再用这里的键盘输入。', en: 'Touch the box to fill in, then type with these keys.' },
  'fields.keypadTarget': { 'zh-CN': '正在填写：{field}', en: 'Filling in: {field}' },
  // Said before the first digit, not after a refused confirm.
  'fields.dateFormat': {
    'zh-CN': '依次输入年月日的数字，横线自动加上；没有截止日期请按“长期”。',
    en: 'Type the digits of the date; the dashes come by themselves. No end date: "Long-term".',
  },
} as const satisfies Translations;
