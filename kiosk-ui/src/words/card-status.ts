// The result of a card query: the card's status and the advice what to do next.
import type { Translations } from './translations.ts';

export const cardStatusWords = {
  'status.title': { 'zh-CN': '卡片状态', en: 'Card status' },
  'status.next': { 'zh-CN': '下一步', en: 'What to do next' },
  'status.print': { 'zh-CN': '打印凭条', en: 'Print a receipt' },
  'advice.none': { 'zh-CN': '卡片状态正常，无需办理。', en: 'The card is fine; nothing to do.' },
  'advice.renewSoon': {
    'zh-CN': '证书即将到期，请尽快办理证书延期（可在本机办理）。',
    en: 'The certificate expires soon. Please renew it (you can do it at this kiosk).',
  },
  'advice.renewNow': {
    'zh-CN': '证书马上到期，请现在办理证书延期（可在本机办理）。',
    en: 'The certificate is about to expire. Please renew it now (you can do it at this kiosk).',
  },
  'advice.expired': { 'zh-CN': '证书已过期，请到人工窗口办理。', en: 'The certificate has expired. Please go to a staffed counter.' },
  'advice.unlock': { 'zh-CN': '密码已锁定，可在本机首页选择“解锁”办理。', en: 'The PIN is locked. Choose "Unlock" on the start screen of this kiosk.' },
  'advice.counter': { 'zh-CN': '这张卡需要到人工窗口办理。', en: 'This card needs a staffed counter.' },
} as const satisfies Translations;
