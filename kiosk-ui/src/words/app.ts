// The frame of the agent's screen: the page title, the header, the language toggle and the notices
// about the kiosk's service.
import type { Translations } from './translations.ts';

export const appWords = {
  'app.title': { 'zh-CN': '中国电子口岸 IC 卡自助服务', en: 'China E-Port IC Card Self-Service' },
  'header.brand': { 'zh-CN': '中国电子口岸', en: 'China E-Port' },
  'header.product': { 'zh-CN': 'IC 卡自助服务终端', en: 'IC Card Self-Service' },

  'language.toggle': { 'zh-CN': 'English', en: '中文' },
  'language.toggleLabel': { 'zh-CN': 'Switch to English', en: '切换到中文' },

  'kiosk.degraded': { 'zh-CN': '部分设备需要维护，个别业务可能暂不可用。', en: 'Some devices need maintenance; some services may be unavailable.' },
  'kiosk.outOfService': { 'zh-CN': '本机暂停服务，请到人工窗口办理。', en: 'This kiosk is out of service. Please go to a staffed counter.' },
} as const satisfies Translations;
