// Around every flow screen: back, cancel, next, a command that could not be sent, and the idle warning.
import type { Translations } from './translations.ts';

export const flowWords = {
  'flow.back': { 'zh-CN': '上一步', en: 'Back' },
  'flow.cancel': { 'zh-CN': '取消办理', en: 'Cancel' },
  'flow.cancelTitle': { 'zh-CN': '确定取消办理吗？', en: 'Cancel this business?' },
  'flow.cancelBody': { 'zh-CN': '已扫描的材料和已输入的信息将被清除。', en: 'The papers scanned and the details entered will be wiped.' },
  'flow.cancelBodyRenewal': {
    'zh-CN': '尚未延期任何卡片，卡片保持原样。',
    en: 'No card has been renewed yet; the cards stay as they are.',
  },
  'flow.cancelConfirm': { 'zh-CN': '确定取消', en: 'Yes, cancel' },
  'flow.cancelKeep': { 'zh-CN': '继续办理', en: 'No, continue' },
  'flow.next': { 'zh-CN': '下一步', en: 'Next' },
  'flow.finish': { 'zh-CN': '完成', en: 'Finish' },
  'flow.home': { 'zh-CN': '返回首页', en: 'Back to the start' },
  // The cue on a list or form that goes on below (or above) its box; tapping it moves a page.
  'flow.scrollMore': { 'zh-CN': '下面还有，点此查看', en: 'More below: tap to see' },
  'flow.scrollBack': { 'zh-CN': '回到上面', en: 'Back up' },
  'flow.send.connection': {
    'zh-CN': '与终端服务的连接中断，请稍候再试。',
    en: 'The connection to the kiosk service was lost. Please wait a moment and try again.',
  },
  'flow.send.stale': { 'zh-CN': '页面已更新，请查看当前内容后再操作。', en: 'The screen has changed. Please check it and try again.' },
  'flow.send.timeout': { 'zh-CN': '终端未及时应答，请再试一次。', en: 'The kiosk did not answer in time. Please try again.' },
  'flow.send.other': {
    'zh-CN': '操作未完成，请再试一次；如仍不成功，请到人工窗口办理。',
    en: 'That did not work. Please try again; if it still fails, please go to a staffed counter.',
  },

  'idle.title': { 'zh-CN': '您还在吗？', en: 'Still there?' },
  // What ends with the session, per business: a query has no papers to lose.
  'idle.body.query': { 'zh-CN': '{seconds} 秒后将结束本次查询。', en: 'In {seconds} s this query ends.' },
  'idle.body.papers': {
    'zh-CN': '{seconds} 秒后将结束本次办理，并清除已扫描的材料和已输入的信息。',
    en: 'In {seconds} s this session ends and the papers scanned and details entered are wiped.',
  },
  'idle.body.renewal': {
    'zh-CN': '{seconds} 秒后将结束本次办理；已完成延期的卡片不受影响。',
    en: 'In {seconds} s this session ends; cards already renewed stay renewed.',
  },
  'idle.continue': { 'zh-CN': '继续办理', en: 'Continue' },
} as const satisfies Translations;
