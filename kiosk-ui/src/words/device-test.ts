// The technician's print and scan test.
import type { Translations } from './translations.ts';

export const deviceTestWords = {
  'deviceTest.title': { 'zh-CN': '打印与扫描测试', en: 'Print and scan tests' },
  'deviceTest.printTitle': { 'zh-CN': '打印测试页', en: 'Printer test page' },
  'deviceTest.print': { 'zh-CN': '打印测试页', en: 'Print a test page' },
  'deviceTest.printed': { 'zh-CN': '测试页已打印（作业 {job}）。', en: 'Test page printed (job {job}).' },
  'deviceTest.notPrinted': { 'zh-CN': '测试页未打印（作业 {job}）。', en: 'Test page not printed (job {job}).' },
  'deviceTest.scanTitle': { 'zh-CN': '测试扫描', en: 'Test scan' },
  // The test scans whatever is in the feeder, one page or many: the button does not promise one.
  'deviceTest.scan': { 'zh-CN': '扫描进纸器中的材料', en: 'Scan what is in the feeder' },
  'deviceTest.scanned': { 'zh-CN': '已扫描 {count} 页。', en: '{count} page(s) scanned.' },
  'deviceTest.blank': { 'zh-CN': '空白页', en: 'blank' },
  'deviceTest.ink': { 'zh-CN': '墨迹 {percent}%', en: 'ink {percent}%' },
  'deviceTest.noPreview': { 'zh-CN': '扫描预览暂未提供。', en: 'A scan preview is not available yet.' },
  'deviceTest.previewAlt': { 'zh-CN': '测试扫描的第一页预览', en: 'Preview of the first page of the test scan' },
  'deviceTest.running': { 'zh-CN': '正在进行…', en: 'Running…' },
  'deviceTest.checking': { 'zh-CN': '正在查询…', en: 'Checking…' },
  'deviceTest.notYet': { 'zh-CN': '暂未提供', en: 'Not available yet' },
} as const satisfies Translations;
