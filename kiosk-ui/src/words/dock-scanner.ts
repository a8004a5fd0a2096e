// The dev dock's scanner: the paper sets it loads, defect pages, faults, the paper a flow asks for.
import type { Translations } from './translations.ts';

export const dockScannerWords = {
  'dock.scanner': { 'zh-CN': '扫描仪模拟', en: 'Scanner simulator' },
  'dock.scannerNotYet': {
    'zh-CN': '卡纸、打开机盖、放入文件组等扫描仪模拟命令暂未提供。',
    en: 'Scanner simulator commands (jam, open the cover, load a document set) are not available yet.',
  },
  'dock.scannerLoad': { 'zh-CN': '放入文件组', en: 'Load a document set' },
  'dock.scannerLoadHint': { 'zh-CN': '先选缺陷页，再按业务放入整套文件。', en: 'Choose the bad page first, then load a whole set for a business.' },
  'dock.scannerDefect': { 'zh-CN': '缺陷页', en: 'Bad page' },
  'dock.defect.none': { 'zh-CN': '无', en: 'None' },
  'dock.defect.blank': { 'zh-CN': '空白页', en: 'Blank page' },
  'dock.defect.noSeal': { 'zh-CN': '缺少印章', en: 'No seal' },
  'dock.defect.heavySkew': { 'zh-CN': '严重歪斜', en: 'Heavily skewed' },
  'dock.defect.lowResolution': { 'zh-CN': '分辨率过低', en: 'Low resolution' },
  'dock.defect.differentName': { 'zh-CN': '姓名不一致', en: 'Different name' },
  'dock.scannerLoaded': { 'zh-CN': '放入“{business}”文件组（缺陷页：{defect}）', en: 'Load the "{business}" set (bad page: {defect})' },
  'dock.scannerPages': { 'zh-CN': '进纸器中有 {pages} 页。', en: '{pages} page(s) in the feeder.' },
  'dock.scannerFaults': { 'zh-CN': '故障', en: 'Faults' },
  'dock.fault.jam': { 'zh-CN': '卡纸', en: 'Jam' },
  'dock.fault.coverOpen': { 'zh-CN': '打开机盖', en: 'Open the cover' },
  'dock.fault.clear': { 'zh-CN': '排除故障', en: 'Clear the faults' },
  'dock.scannerLoadNotYet': { 'zh-CN': '放入文件组的模拟命令暂未提供。', en: 'Loading document sets is not available yet.' },
  'dock.scannerFaultNotYet': { 'zh-CN': '扫描仪故障模拟命令暂未提供。', en: 'Scanner fault simulation is not available yet.' },
  'dock.feedPaper': { 'zh-CN': '放入终端要求的材料：{paper}', en: 'Feed the paper the kiosk asks for: {paper}' },
  'dock.feedPaperHint': {
    'zh-CN': '终端正在请经办人放入这份材料。像真实的经办人一样，只放这一份（所选缺陷页照样生效）。',
    en: 'The kiosk is asking the agent for this paper. Feed only it, as a real agent would (the chosen bad page still applies).',
  },
  'dock.fedPaper': { 'zh-CN': '放入“{paper}”（缺陷页：{defect}）', en: 'Feed "{paper}" (bad page: {defect})' },
  'dock.feedWrongPaper': { 'zh-CN': '放错材料：放入另一份材料', en: 'Wrong paper: feed another one' },
  'dock.fedWrongPaper': { 'zh-CN': '放入了另一份材料（不是“{paper}”）', en: 'Fed another paper (not "{paper}")' },
} as const satisfies Translations;
