// The end of a business: the done screen, the receipt, and the cards a renewal has done so far.
import type { Translations } from './translations.ts';

export const doneWords = {
  'done.title': { 'zh-CN': '办理完成', en: 'Done' },
  'done.unlock': { 'zh-CN': '{holder} 的 IC 卡已解锁，请使用新密码。', en: 'The IC card of {holder} is unlocked. Use the new PIN from now on.' },
  'done.renewal': { 'zh-CN': '{enterprise} 的 {count} 张 IC 卡证书已延期。', en: '{count} card certificates of {enterprise} renewed.' },
  'done.intake': {
    'zh-CN': '“{business}”材料预审通过，请凭排队号到窗口办理。',
    en: 'Your papers for "{business}" passed the check. Take your queue ticket to a counter.',
  },
  'done.intakeNotAcceptable.title': { 'zh-CN': '预审结束', en: 'Check finished' },
  'done.intakeNotAcceptable.printed': {
    'zh-CN': '“{business}”的材料还不齐全。凭条上和下面都列出了缺少或需要更正的材料，请补齐后再来。',
    en: 'Your papers for "{business}" are not complete yet. The receipt and the list below say what is missing or needs correcting; please come back with them.',
  },
  'done.intakeNotAcceptable.onScreen': {
    'zh-CN': '“{business}”的材料还不齐全。下面列出了缺少或需要更正的材料，请补齐后再来。',
    en: 'Your papers for "{business}" are not complete yet. The list below says what is missing or needs correcting; please come back with them.',
  },
  'done.missingTitle': { 'zh-CN': '缺少的材料（{count} 份）', en: 'Missing papers ({count})' },
  'done.findingsTitle': { 'zh-CN': '需要更正或注意的问题（{count} 项）', en: 'To correct or note ({count})' },
  'done.ticket': { 'zh-CN': '排队号', en: 'Queue ticket' },
  'done.query': { 'zh-CN': '卡片查询已完成。', en: 'The card check is complete.' },
  'receipt.printing': { 'zh-CN': '正在打印凭条…', en: 'Printing your receipt…' },
  'receipt.printed': { 'zh-CN': '凭条已打印，请取走凭条。', en: 'Your receipt is printed. Please take it.' },
  'receipt.failed': { 'zh-CN': '凭条未能打印。', en: 'The receipt was not printed.' },
  'receipt.skipped': { 'zh-CN': '未打印凭条。', en: 'No receipt printed.' },
  'receipt.retry': { 'zh-CN': '重新打印', en: 'Print again' },

  'renewalNext.title': { 'zh-CN': '已延期的 IC 卡', en: 'Cards renewed' },
  'renewalNext.none': { 'zh-CN': '尚未延期任何 IC 卡。', en: 'No card renewed yet.' },
  'renewalNext.validUntil': { 'zh-CN': '有效期至 {date}', en: 'Valid until {date}' },
  'renewalNext.another': { 'zh-CN': '延期另一张卡', en: 'Renew another card' },
  'renewalCanceled.title': { 'zh-CN': '已取消后续办理', en: 'The rest is canceled' },
  'renewalCanceled.body': {
    'zh-CN': '以下 {count} 张卡已完成延期，延期继续有效，卡中已写入新证书：',
    en: 'These {count} cards were renewed and stay renewed: they carry their new certificates.',
  },
  'renewalCanceled.receipt': { 'zh-CN': '需要这些卡的延期凭条吗？', en: 'Would you like the receipt for these renewals?' },
  'renewalCanceled.print': { 'zh-CN': '打印凭条并结束', en: 'Print the receipt and finish' },
  'renewalCanceled.noReceipt': { 'zh-CN': '不要凭条，结束', en: 'Finish without a receipt' },
  'renewalCanceled.goOn': { 'zh-CN': '继续延期其他卡', en: 'Go on renewing cards' },
} as const satisfies Translations;
