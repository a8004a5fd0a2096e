// The intake check's first screen: the papers the business needs, and how far each got.
import type { Translations } from './translations.ts';

export const checklistWords = {
  'checklist.title': { 'zh-CN': '{business}需要的材料', en: 'Papers for {business}' },
  'checklist.intro': {
    'zh-CN': '请准备好下列材料。本机逐份扫描，读出信息请您核对，最后检查材料是否齐全。',
    en: 'Please have these papers ready. The kiosk scans them one by one, you check what it read, and then it checks that nothing is missing.',
  },
  'checklist.listLabel': { 'zh-CN': '材料清单', en: 'Checklist' },
  'checklist.status.missing': { 'zh-CN': '待扫描', en: 'To scan' },
  'checklist.status.pendingConfirmation': { 'zh-CN': '待核对', en: 'To check' },
  'checklist.status.confirmed': { 'zh-CN': '已核对', en: 'Checked' },
  'checklist.summary': { 'zh-CN': '已核对 {done} 份，共 {of} 份', en: '{done} of {of} papers checked' },
  'checklist.start': { 'zh-CN': '开始扫描', en: 'Start scanning' },
  'checklist.continue': { 'zh-CN': '继续扫描', en: 'Continue scanning' },
  'checklist.check': { 'zh-CN': '检查材料', en: 'Check my papers' },
} as const satisfies Translations;
