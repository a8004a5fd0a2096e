// The link to the daemon: the connection badge and the overlay while it is down.
import type { Translations } from './translations.ts';

export const connectionWords = {
  'connection.open': { 'zh-CN': '已连接', en: 'Connected' },
  'connection.connecting': { 'zh-CN': '正在连接…', en: 'Connecting…' },
  'connection.reconnecting': { 'zh-CN': '{seconds} 秒后重新连接', en: 'Reconnecting in {seconds} s' },
  'connection.closed': { 'zh-CN': '未连接', en: 'Not connected' },

  'overlay.title': { 'zh-CN': '暂停服务', en: 'Temporarily out of service' },
  'overlay.body': { 'zh-CN': '终端正在恢复与服务程序的连接，请稍候。', en: 'The kiosk is reconnecting to its service. Please wait.' },
  'overlay.help': { 'zh-CN': '如长时间未恢复，请联系大厅工作人员。', en: 'If this takes long, please ask a member of the hall staff.' },
} as const satisfies Translations;
