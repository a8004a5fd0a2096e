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
  'checklist.cardsTitle': { 'zh-CN': '还要带上：本企业的全部 IC 卡', en: "Also bring: every IC card the enterprise holds" },
  'checklist.cardsAll': {
    'zh-CN': '变更需要读取本企业的全部 IC 卡（法人卡、操作员卡、办税员卡；已挂失或已作废的除外）。现在插入其中任意一张，本机即可列出要带的每一张卡。',
    en: 'A change reads every IC card of the enterprise (legal-person, operator and tax-clerk cards; not those reported lost or invalidated). Insert any one of them now and the kiosk lists each card to bring.',
  },
  'checklist.cardsNamed': {
    'zh-CN': '电子口岸登记的本企业 IC 卡如下，扫描完材料后逐张读取：',
    en: "The enterprise's IC cards registered with E-Port; they are read one by one after the papers:",
  },
  'checklist.cardRead': { 'zh-CN': '已读取', en: 'Read' },
  'checklist.start': { 'zh-CN': '开始扫描', en: 'Start scanning' },
  'checklist.continue': { 'zh-CN': '继续扫描', en: 'Continue scanning' },
  'checklist.check': { 'zh-CN': '检查材料', en: 'Check my papers' },
} as const satisfies Translations;
