// Scanning one paper, and what to do when a scan fails.
import type { Translations } from './translations.ts';

export const scanWords = {
  'scan.title': { 'zh-CN': '请放入：{paper}', en: 'Place the paper: {paper}' },
  'scan.progress': { 'zh-CN': '已扫描 {done} 份，共 {of} 份', en: '{done} of {of} papers scanned' },
  'scan.step1': {
    'zh-CN': '将这份材料放入扫描仪的进纸口，有字的一面朝上，顶边朝里。',
    en: 'Put this paper into the feeder of the scanner, printed side up, top edge first.',
  },
  'scan.step2': { 'zh-CN': '推动两侧导板，使其贴住纸边。', en: 'Slide the side guides against the edges of the paper.' },
  'scan.step3': { 'zh-CN': '按“扫描”。一次只放这一份材料。', en: 'Press "Scan". Only this one paper at a time.' },
  'scan.illustration': { 'zh-CN': '示意图：将材料放入扫描仪进纸口', en: 'Picture: putting the paper into the feeder of the scanner' },
  'scan.button': { 'zh-CN': '扫描', en: 'Scan' },
  'scan.again': { 'zh-CN': '重新扫描', en: 'Scan again' },
  'scan.busy': { 'zh-CN': '正在扫描，请勿取出材料…', en: 'Scanning. Please leave the paper in the scanner…' },
  'scan.skip': { 'zh-CN': '没有这份材料，跳过', en: "I don't have this paper: skip it" },
  'scan.skipHint': { 'zh-CN': '跳过的材料会在检查结果中列为缺少。', en: 'A paper you skip is listed as missing in the result of the check.' },

  'scanProblem.scannerJam': { 'zh-CN': '扫描仪卡纸了。', en: 'The paper jammed in the scanner.' },
  'scanProblem.scannerJam.next': {
    'zh-CN': '请打开扫描仪盖板，轻轻取出卡住的纸张，盖好盖板，把材料重新放入进纸口，再按“重新扫描”。',
    en: 'Open the scanner cover, gently take out the jammed paper, close the cover, put the paper back into the feeder and press "Scan again".',
  },
  'scanProblem.scannerCoverOpen': { 'zh-CN': '扫描仪盖板没有盖好。', en: 'The scanner cover is not closed.' },
  'scanProblem.scannerCoverOpen.next': { 'zh-CN': '请盖好盖板，再按“重新扫描”。', en: 'Close the cover, then press "Scan again".' },
  'scanProblem.scannerNoPaper': { 'zh-CN': '扫描仪上没有材料。', en: 'There is no paper in the scanner.' },
  'scanProblem.scannerNoPaper.next': {
    'zh-CN': '请把材料放入进纸口，推好两侧导板，再按“重新扫描”。',
    en: 'Put the paper into the feeder, slide the guides against it and press "Scan again".',
  },
  'scanProblem.scannerUnavailable': { 'zh-CN': '扫描仪暂时不可用。', en: 'The scanner is not available right now.' },
  'scanProblem.scannerUnavailable.next': {
    'zh-CN': '请稍后按“重新扫描”再试；如仍不能扫描，请到人工窗口办理。',
    en: 'Press "Scan again" in a moment; if it still does not scan, please go to a staffed counter.',
  },
  'scanProblem.rescan': { 'zh-CN': '这一页需要重新扫描。', en: 'This page needs to be scanned again.' },
  'scanProblem.rescan.blank': { 'zh-CN': '扫描结果是空白页：请将有字的一面朝上放入。', en: 'The scan came out blank: put the paper printed side up.' },
  'scanProblem.rescan.lowResolution': {
    'zh-CN': '图像不够清晰：请将材料展平，不要折叠或卷曲。',
    en: 'The image is not sharp enough: flatten the paper; do not fold or roll it.',
  },
  'scanProblem.rescan.heavySkew': { 'zh-CN': '材料放歪了：请推动导板，使其贴住纸边。', en: 'The paper went in crooked: slide the guides against its edges.' },
  'scanProblem.rescan.next': { 'zh-CN': '请取回材料，重新放好，再按“重新扫描”。', en: 'Take the paper back, place it again and press "Scan again".' },
  'scanProblem.wrongPaper': { 'zh-CN': '这是{looksLike}，请放入{wanted}。', en: 'This is the {looksLike}. Please put in the {wanted}.' },
  'scanProblem.wrongPaper.next': {
    'zh-CN': '请取回这份材料，放入要扫描的材料，再按“重新扫描”。',
    en: 'Take this paper back, put in the one asked for, then press "Scan again".',
  },
  'scanProblem.other': { 'zh-CN': '这一步没有完成。', en: 'This step did not complete.' },
  'scanProblem.idCardExpired': {
    'zh-CN': '读卡器上的身份证已经过期，过期的身份证不能用来证明身份。',
    en: 'The ID card on the reader has expired; an expired ID card cannot prove who you are.',
  },
  'scanProblem.idCardExpired.next': {
    'zh-CN': '请带有效的身份证（或临时身份证）到人工窗口办理；这份检查可以继续，但窗口会要求有效身份证。',
    en: 'Bring a valid ID card (or a temporary one) to the counter; you may finish this check, but the counter will ask for a valid ID card.',
  },
  'scanProblem.idCardMismatch': {
    'zh-CN': '这里的姓名或身份证号码与读卡器从您身份证芯片读出的不一致。',
    en: "The name or ID number here differs from what the reader read from your ID card's chip.",
  },
  'scanProblem.idCardMismatch.next': {
    'zh-CN': '信息以身份证芯片为准：请按“重新扫描这份材料”扫描本人身份证的复印件，或把信息改回芯片读出的内容。',
    en: "The chip's details stand: scan the copy of your own ID card again, or change the details back to what the chip says.",
  },
  'scanProblem.other.next': {
    'zh-CN': '请再试一次；如仍不成功，请到人工窗口咨询。',
    en: 'Please try again; if it still fails, please ask at a staffed counter.',
  },
} as const satisfies Translations;
