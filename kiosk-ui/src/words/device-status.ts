// Each device and its state, as the status strip, the technician page and the dev dock show them
// (device-view.ts picks the key).
import type { Translations } from './translations.ts';

export const deviceStatusWords = {
  'status.label': { 'zh-CN': '设备状态', en: 'Device status' },
  // Ahead of the devices while the kiosk is out of service: the strip never says all is well then.
  'status.kiosk': { 'zh-CN': '本机', en: 'This kiosk' },
  'status.outOfService': { 'zh-CN': '暂停服务', en: 'Out of service' },
  'device.cardReader': { 'zh-CN': '读卡器', en: 'Card reader' },
  'device.printer': { 'zh-CN': '打印机', en: 'Printer' },
  'device.scanner': { 'zh-CN': '扫描仪', en: 'Scanner' },
  'device.gpio': { 'zh-CN': '指示灯', en: 'Lights' },

  'state.unknown': { 'zh-CN': '状态未知', en: 'Unknown' },
  'state.noDevice': { 'zh-CN': '未连接', en: 'Not connected' },
  'state.cardReader.noCard': { 'zh-CN': '就绪', en: 'Ready' },
  'state.cardReader.present': { 'zh-CN': '已插卡', en: 'Card inserted' },
  'state.cardReader.busy': { 'zh-CN': '正在读卡', en: 'Reading card' },
  'state.cardReader.error': { 'zh-CN': '故障', en: 'Fault' },
  'state.printer.online': { 'zh-CN': '就绪', en: 'Ready' },
  'state.printer.paperNearEnd': { 'zh-CN': '纸将用完', en: 'Paper low' },
  'state.printer.paperOut': { 'zh-CN': '缺纸', en: 'Out of paper' },
  'state.printer.coverOpen': { 'zh-CN': '机盖打开', en: 'Cover open' },
  'state.printer.cutterError': { 'zh-CN': '切纸故障', en: 'Cutter fault' },
  'state.printer.offline': { 'zh-CN': '离线', en: 'Offline' },
  'state.printer.disconnected': { 'zh-CN': '已断开', en: 'Disconnected' },
  'state.scanner.idle': { 'zh-CN': '就绪', en: 'Ready' },
  'state.scanner.busy': { 'zh-CN': '正在扫描', en: 'Scanning' },
  'state.scanner.jammed': { 'zh-CN': '卡纸', en: 'Paper jam' },
  'state.scanner.coverOpen': { 'zh-CN': '机盖打开', en: 'Cover open' },
  'state.scanner.noPaper': { 'zh-CN': '就绪（进纸器空）', en: 'Ready (feeder empty)' },
  'state.scanner.error': { 'zh-CN': '故障', en: 'Fault' },
  'state.gpio.online': { 'zh-CN': '正常', en: 'Working' },
  'state.gpio.error': { 'zh-CN': '故障', en: 'Fault' },
} as const satisfies Translations;
