// The technician's service state panel: in or out of service, and why.
import type { Translations } from './translations.ts';

export const serviceStateWords = {
  'serviceState.title': { 'zh-CN': '服务状态', en: 'Service state' },
  'serviceState.inService': { 'zh-CN': '正常服务中', en: 'In service' },
  'serviceState.outOfService': { 'zh-CN': '暂停服务（自 {since} 起）', en: 'Out of service (since {since})' },
  'serviceState.reason.tamper': { 'zh-CN': '机柜曾被打开', en: 'The cabinet was opened' },
  'serviceState.reason.technician': { 'zh-CN': '技术员设置为暂停服务', en: 'Taken out of service by a technician' },
  'serviceState.reason.maintenance': { 'zh-CN': '技术员正在维护', en: 'A technician is working on the kiosk' },
  'serviceState.hint': {
    'zh-CN': '技术员登录期间本机暂停对外服务。设置“暂停服务”后，退出登录也保持暂停。',
    en: 'While you are logged in the kiosk is out of service for agents. Set "out of service" to keep it so after you log out.',
  },
  'serviceState.takeOut': { 'zh-CN': '设置为暂停服务', en: 'Take out of service' },
  'serviceState.return': { 'zh-CN': '恢复服务', en: 'Return to service' },
} as const satisfies Translations;
