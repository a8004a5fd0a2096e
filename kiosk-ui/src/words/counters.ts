// The technician's device counters.
import type { Translations } from './translations.ts';

export const countersWords = {
  'counters.title': { 'zh-CN': '设备计数', en: 'Device counters' },
  'counters.hint': { 'zh-CN': '自安装以来的累计数，重启后保留。', en: 'Totals since the kiosk was installed; kept across restarts.' },
  'counters.since': { 'zh-CN': '自 {since} 起累计', en: 'Counting since {since}' },
  'counters.reload': { 'zh-CN': '刷新计数', en: 'Refresh counters' },
  'counters.loading': { 'zh-CN': '正在读取计数…', en: 'Reading the counters…' },
  'counter.cardsRead': { 'zh-CN': '读卡', en: 'Cards read' },
  'counter.cardsRead.value': { 'zh-CN': '{value} 次', en: '{value} times' },
  'counter.apdus': { 'zh-CN': 'APDU 指令', en: 'APDU commands' },
  'counter.apdus.value': { 'zh-CN': '{value} 条', en: '{value} commands' },
  'counter.receiptsPrinted': { 'zh-CN': '已打印凭条', en: 'Receipts printed' },
  'counter.receiptsPrinted.value': { 'zh-CN': '{value} 张', en: '{value} receipts' },
  'counter.printFailures': { 'zh-CN': '打印失败', en: 'Print failures' },
  'counter.printFailures.value': { 'zh-CN': '{value} 次', en: '{value} times' },
  'counter.cuts': { 'zh-CN': '切纸', en: 'Paper cuts' },
  'counter.cuts.value': { 'zh-CN': '{value} 次', en: '{value} cuts' },
  'counter.paperUsedMm': { 'zh-CN': '已用纸长', en: 'Paper used' },
  'counter.paperUsedMm.value': { 'zh-CN': '{value} 米', en: '{value} m' },
  'counter.pagesScanned': { 'zh-CN': '已扫描', en: 'Pages scanned' },
  'counter.pagesScanned.value': { 'zh-CN': '{value} 页', en: '{value} pages' },
  'counter.scannerJams': { 'zh-CN': '扫描仪卡纸', en: 'Scanner jams' },
  'counter.scannerJams.value': { 'zh-CN': '{value} 次', en: '{value} jams' },
  'counter.tamperEvents': { 'zh-CN': '机柜被打开', en: 'Cabinet opened' },
  'counter.tamperEvents.value': { 'zh-CN': '{value} 次', en: '{value} times' },
} as const satisfies Translations;
