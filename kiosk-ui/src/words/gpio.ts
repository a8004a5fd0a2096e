// The technician's lights test and the live sensor readings.
import type { Translations } from './translations.ts';

export const gpioWords = {
  'lights.title': { 'zh-CN': '指示灯测试', en: 'Light test' },
  'lights.hint': {
    'zh-CN': '选择每盏灯的状态；按下的按钮是灯的当前状态。闪烁频率不超过 2 Hz。',
    en: "Set each light; the pressed button is the light's current pattern. Nothing flashes faster than 2 Hz.",
  },
  'lights.unavailable': { 'zh-CN': '指示灯和传感器当前不可用。', en: 'The lights and sensors are not available.' },
  'light.cardSlot': { 'zh-CN': '插卡口引导灯', en: 'Card slot guide' },
  'light.scanner': { 'zh-CN': '扫描仪引导灯', en: 'Scanner guide' },
  'light.printer': { 'zh-CN': '打印机引导灯', en: 'Printer guide' },
  'light.inService': { 'zh-CN': '服务状态灯', en: 'Service light' },
  'light.alarm': { 'zh-CN': '报警灯', en: 'Alarm light' },
  'pattern.off': { 'zh-CN': '关', en: 'Off' },
  'pattern.on': { 'zh-CN': '常亮', en: 'On' },
  'pattern.slow': { 'zh-CN': '慢闪', en: 'Slow' },
  'pattern.fast': { 'zh-CN': '快闪', en: 'Fast' },

  'sensors.title': { 'zh-CN': '传感器实时读数', en: 'Live sensor readout' },
  'sensors.hint': { 'zh-CN': '随传感器变化自动更新。', en: 'Updates by itself when a sensor changes.' },
  'input.presence': { 'zh-CN': '人体感应', en: 'Presence sensor' },
  'input.presence.on': { 'zh-CN': '有人', en: 'Someone there' },
  'input.presence.off': { 'zh-CN': '无人', en: 'Nobody' },
  'input.tamper': { 'zh-CN': '机柜门', en: 'Cabinet door' },
  'input.tamper.on': { 'zh-CN': '已打开', en: 'Open' },
  'input.tamper.off': { 'zh-CN': '已关闭', en: 'Closed' },
  'input.serviceSwitch': { 'zh-CN': '维护开关', en: 'Service switch' },
  'input.serviceSwitch.on': { 'zh-CN': '已拨动', en: 'Turned' },
  'input.serviceSwitch.off': { 'zh-CN': '未拨动', en: 'Not turned' },
} as const satisfies Translations;
