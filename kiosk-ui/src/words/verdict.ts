// The verdict of an intake check: complete, or what is missing and what to correct.
import type { Translations } from './translations.ts';

export const verdictWords = {
  'verdict.acceptable.title': { 'zh-CN': '材料齐全', en: 'Your papers are complete' },
  'verdict.acceptable.body': { 'zh-CN': '“{business}”的材料已通过预审。', en: 'The papers for "{business}" passed the intake check.' },
  'verdict.acceptable.next': {
    'zh-CN': '按“取号并打印凭条”后，本机发放排队号并打印凭条。请带上凭条和全部材料到人工窗口办理。',
    en: 'Press "Get a ticket": the kiosk issues a queue number and prints it. Take the ticket and all your papers to the counter.',
  },
  'verdict.acceptable.button': { 'zh-CN': '取号并打印凭条', en: 'Get a ticket' },
  'verdict.renew.next': {
    'zh-CN': '按“继续延期”后，请输入这张卡的密码，本机为它办理证书延期。',
    en: 'Press "Go on with the renewal", then enter the PIN of this card: the kiosk renews its certificate.',
  },
  'verdict.renew.button': { 'zh-CN': '继续延期', en: 'Go on with the renewal' },
  'verdict.notAcceptable.title': { 'zh-CN': '材料还不齐全', en: 'Your papers are not complete yet' },
  'verdict.notAcceptable.body': {
    'zh-CN': '“{business}”的材料还不能办理。请按下面的清单补齐或更正后再来。',
    en: 'The papers for "{business}" cannot be handled yet. Please add or correct what is listed below, then come back.',
  },
  'verdict.notAcceptable.next': { 'zh-CN': '按“打印清单”可以把这份清单打印出来带走。', en: 'Press "Print the list" to take this list with you.' },
  'verdict.notAcceptable.button': { 'zh-CN': '打印清单', en: 'Print the list' },
  'verdict.missingTitle': { 'zh-CN': '缺少的材料（{count} 份）', en: 'Missing papers ({count})' },
  'verdict.findingsTitle': { 'zh-CN': '需要更正的问题（{count} 项）', en: 'To correct ({count})' },
  'verdict.warningsTitle': { 'zh-CN': '请注意（{count} 项）', en: 'Please note ({count})' },
  'verdict.severity.error': { 'zh-CN': '必须更正', en: 'Must be corrected' },
  'verdict.severity.warning': { 'zh-CN': '请注意', en: 'Please note' },
  'verdict.finish': { 'zh-CN': '完成', en: 'Finish' },
  'verdict.scanSkipped': { 'zh-CN': '现在扫描这份材料', en: 'Scan this paper now' },
  'verdict.scanSkippedHint': {
    'zh-CN': '如果跳过的材料现在带在身边，可按它旁边的“现在扫描这份材料”补扫。',
    en: 'If you have a skipped paper with you now, press "Scan this paper now" next to it.',
  },
} as const satisfies Translations;
