// The technician's exports and reports: the diagnostics bundle and the readiness report.
import type { Translations } from './translations.ts';

export const reportsWords = {
  'reports.title': { 'zh-CN': '导出与报告', en: 'Export and reports' },
  'reports.exportTitle': { 'zh-CN': '诊断包', en: 'Diagnostic bundle' },
  'reports.exportHint': {
    'zh-CN': '一个 JSON 文件，供远程工程师分析；不含密钥和个人信息。',
    en: 'One JSON file for a remote engineer; no secrets and no personal data.',
  },
  'reports.export': { 'zh-CN': '导出诊断包', en: 'Export the bundle' },
  'reports.exporting': { 'zh-CN': '正在导出…', en: 'Exporting…' },
  'reports.exported': { 'zh-CN': '诊断包已生成：{file}', en: 'Bundle ready: {file}' },
  'reports.exportFailed': { 'zh-CN': '诊断包未导出。', en: 'The bundle was not exported.' },
  'reports.saveAgain': { 'zh-CN': '再次下载', en: 'Download again' },
  'reports.readinessTitle': { 'zh-CN': '就绪报告', en: 'Readiness report' },
  'reports.readinessHint': { 'zh-CN': '在凭条打印机上打印各设备的状态和计数。', en: "Prints each device's state and counters on the receipt printer." },
  'reports.printReadiness': { 'zh-CN': '打印就绪报告', en: 'Print the readiness report' },
  'reports.printing': { 'zh-CN': '正在打印…', en: 'Printing…' },
  'reports.readinessPrinted': { 'zh-CN': '就绪报告已交给打印机（作业 {job}）。', en: 'Readiness report sent to the printer (job {job}).' },
  'reports.readinessFailed': { 'zh-CN': '就绪报告未打印。', en: 'The readiness report was not printed.' },
} as const satisfies Translations;
