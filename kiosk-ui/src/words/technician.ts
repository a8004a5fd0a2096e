// The technician page: its frame, the overview and the device details.
import type { Translations } from './translations.ts';

export const technicianWords = {
  'tech.title': { 'zh-CN': '技术员页面', en: 'Technician page' },
  'tech.kioskId': { 'zh-CN': '终端编号', en: 'Kiosk ID' },
  'tech.version': { 'zh-CN': '软件版本', en: 'Software version' },
  'tech.overall': { 'zh-CN': '整体状态', en: 'Overall state' },
  'tech.uptime': { 'zh-CN': '运行时间', en: 'Uptime' },
  'tech.uptimeValue': { 'zh-CN': '{hours} 小时 {minutes} 分', en: '{hours} h {minutes} min' },
  'tech.overall.ready': { 'zh-CN': '正常服务', en: 'In service' },
  'tech.overall.degraded': { 'zh-CN': '部分可用', en: 'Degraded' },
  'tech.overall.outOfService': { 'zh-CN': '暂停服务', en: 'Out of service' },
  'tech.waiting': { 'zh-CN': '正在获取设备状态…', en: 'Fetching device status…' },
  'tech.source': { 'zh-CN': '来源', en: 'Source' },
  'tech.source.sim': { 'zh-CN': '模拟设备', en: 'Simulated' },
  'tech.source.hardware': { 'zh-CN': '硬件', en: 'Hardware' },
  'tech.detail.device': { 'zh-CN': '设备', en: 'Device' },
  'tech.detail.reason': { 'zh-CN': '原因', en: 'Reason' },
  'tech.detail.message': { 'zh-CN': '信息', en: 'Message' },
  'tech.detail.operation': { 'zh-CN': '操作', en: 'Operation' },
  'tech.detail.cardNo': { 'zh-CN': '卡号', en: 'Card number' },
  'tech.detail.lifecycle': { 'zh-CN': '卡状态', en: 'Card status' },
  'tech.detail.lights': { 'zh-CN': '灯', en: 'Lights' },
  'tech.detail.inputs': { 'zh-CN': '输入', en: 'Inputs' },

  'tech.readOnly': {
    'zh-CN': '登录技术员模式前，本页只显示设备状态，不提供任何操作。',
    en: 'Until you log in to technician mode this page only shows device status and offers no actions.',
  },
  'tech.devices': { 'zh-CN': '设备', en: 'Devices' },
  'tech.loggedInAs': { 'zh-CN': '技术员模式', en: 'Technician mode' },
  'tech.since': { 'zh-CN': '自 {since} 起', en: 'since {since}' },
  'tech.logout': { 'zh-CN': '退出技术员模式', en: 'Log out' },
  'tech.detail.model': { 'zh-CN': '型号', en: 'Model' },
  'tech.detail.firmware': { 'zh-CN': '固件', en: 'Firmware' },
} as const satisfies Translations;
