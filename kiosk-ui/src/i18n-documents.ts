// The words of the paper screens (checklist, scanning, confirming fields, registry differences,
// verdict) and their keypad, kept apart from i18n.ts so the dictionaries stay readable; spread
// into both. Labels of papers and rule findings come from the daemon in both languages.
import type { BilingualText, FlowProblem, IntakeBusiness } from '../../daemon/flows/flow-view.ts';
import type { MessageKey } from './i18n.ts';
import type { Language } from './language.ts';

export const documentsZh = {
  'checklist.title': '{business}需要的材料',
  'checklist.intro': '请准备好下列材料。本机逐份扫描，读出信息请您核对，最后检查材料是否齐全。',
  'checklist.listLabel': '材料清单',
  'checklist.status.missing': '待扫描',
  'checklist.status.pendingConfirmation': '待核对',
  'checklist.status.confirmed': '已核对',
  'checklist.summary': '已核对 {done} 份，共 {of} 份',
  'checklist.start': '开始扫描',
  'checklist.continue': '继续扫描',
  'checklist.check': '检查材料',

  'scan.title': '请放入：{paper}',
  'scan.progress': '已扫描 {done} 份，共 {of} 份',
  'scan.step1': '将这份材料放入扫描仪的进纸口，有字的一面朝上，顶边朝里。',
  'scan.step2': '推动两侧导板，使其贴住纸边。',
  'scan.step3': '按“扫描”。一次只放这一份材料。',
  'scan.illustration': '示意图：将材料放入扫描仪进纸口',
  'scan.button': '扫描',
  'scan.again': '重新扫描',
  'scan.busy': '正在扫描，请勿取出材料…',
  'scan.skip': '没有这份材料，跳过',
  'scan.skipHint': '跳过的材料会在检查结果中列为缺少。',

  'scanProblem.scannerJam': '扫描仪卡纸了。',
  'scanProblem.scannerJam.next': '请打开扫描仪盖板，轻轻取出卡住的纸张，盖好盖板，把材料重新放入进纸口，再按“重新扫描”。',
  'scanProblem.scannerCoverOpen': '扫描仪盖板没有盖好。',
  'scanProblem.scannerCoverOpen.next': '请盖好盖板，再按“重新扫描”。',
  'scanProblem.scannerNoPaper': '扫描仪上没有材料。',
  'scanProblem.scannerNoPaper.next': '请把材料放入进纸口，推好两侧导板，再按“重新扫描”。',
  'scanProblem.scannerUnavailable': '扫描仪暂时不可用。',
  'scanProblem.scannerUnavailable.next': '请稍后按“重新扫描”再试；如仍不能扫描，请到人工窗口办理。',
  'scanProblem.rescan': '这一页需要重新扫描。',
  'scanProblem.rescan.blank': '扫描结果是空白页：请将有字的一面朝上放入。',
  'scanProblem.rescan.lowResolution': '图像不够清晰：请将材料展平，不要折叠或卷曲。',
  'scanProblem.rescan.heavySkew': '材料放歪了：请推动导板，使其贴住纸边。',
  'scanProblem.rescan.next': '请取回材料，重新放好，再按“重新扫描”。',
  'scanProblem.other': '这一步没有完成。',
  'scanProblem.other.next': '请再试一次；如仍不成功，请到人工窗口咨询。',

  'fields.title': '请核对：{paper}',
  'fields.intro': '本机从材料中读出了下列信息。请逐项核对，有错请更正，然后按“确认无误”。',
  'fields.required': '必填',
  'fields.source.qr': '来自营业执照二维码',
  'fields.source.card': '来自 IC 卡',
  'fields.source.registry': '来自登记信息',
  'fields.source.agent': '您填写的',
  'fields.source.none': '未能读出，请填写',
  'fields.error.required': '此项必填。',
  'fields.error.idNumber': '身份证号应为 18 位：数字，最后一位可以是 X。',
  'fields.error.date': '日期请按“年-月-日”填写，例如 2030-06-30；长期有效请按“长期”。',
  'fields.error.refused': '本机核验未通过，请核对后更正。',
  'fields.invalidSummary': '有 {count} 项信息需要更正，已用红框标出。',
  'fields.confirm': '确认无误',
  'fields.rescan': '重新扫描这份材料',
  'fields.keypadFor': '“{field}”的输入键盘',
  'fields.keypadHint': '先点选要填写的输入框，再用这里的键盘输入。',
  'fields.keypadTarget': '正在填写：{field}',

  'keypad.backspace': '删除一个字符',
  'keypad.clear': '清空',
  'keypad.longTerm': '长期',

  'registry.title': '需要先办理企业信息变更',
  'registry.intro': '营业执照上的信息与电子口岸登记的企业信息不一致，因此不能在本机办理证书延期。',
  'registry.tableCaption': '不一致的信息',
  'registry.column.field': '项目',
  'registry.column.onPaper': '营业执照上',
  'registry.column.inRegistry': '电子口岸登记',
  'registry.field.name': '企业名称',
  'registry.field.uscc': '统一社会信用代码',
  'registry.field.legalRepresentative': '法定代表人',
  'registry.field.address': '住所',
  'registry.empty': '（无）',
  'registry.nextTitle': '下一步怎么办',
  'registry.next1': '先办理企业信息变更：到人工窗口办理，或先在本机用“材料预审”检查变更所需的材料。',
  'registry.next2': '变更完成后，再来本机办理证书延期。',
  'registry.cardUnchanged': '您的 IC 卡没有任何改动，证书到期前仍可正常使用。',
  'registry.understood': '知道了',

  'verdict.acceptable.title': '材料齐全',
  'verdict.acceptable.body': '“{business}”的材料已通过预审。',
  'verdict.acceptable.next': '按“取号并打印凭条”后，本机发放排队号并打印凭条。请带上凭条和全部材料到人工窗口办理。',
  'verdict.acceptable.button': '取号并打印凭条',
  'verdict.notAcceptable.title': '材料还不齐全',
  'verdict.notAcceptable.body': '“{business}”的材料还不能办理。请按下面的清单补齐或更正后再来。',
  'verdict.notAcceptable.next': '按“打印清单”可以把这份清单打印出来带走。',
  'verdict.notAcceptable.button': '打印清单',
  'verdict.missingTitle': '缺少的材料（{count} 份）',
  'verdict.findingsTitle': '需要更正的问题（{count} 项）',
  'verdict.warningsTitle': '请注意（{count} 项）',
  'verdict.severity.error': '必须更正',
  'verdict.severity.warning': '请注意',
  'verdict.rule': '规则 {rule}',
} as const;

export const documentsEn: Readonly<Record<keyof typeof documentsZh, string>> = {
  'checklist.title': 'Papers for {business}',
  'checklist.intro': 'Please have these papers ready. The kiosk scans them one by one, you check what it read, and then it checks that nothing is missing.',
  'checklist.listLabel': 'Checklist',
  'checklist.status.missing': 'To scan',
  'checklist.status.pendingConfirmation': 'To check',
  'checklist.status.confirmed': 'Checked',
  'checklist.summary': '{done} of {of} papers checked',
  'checklist.start': 'Start scanning',
  'checklist.continue': 'Continue scanning',
  'checklist.check': 'Check my papers',

  'scan.title': 'Place the paper: {paper}',
  'scan.progress': '{done} of {of} papers scanned',
  'scan.step1': 'Put this paper into the feeder of the scanner, printed side up, top edge first.',
  'scan.step2': 'Slide the side guides against the edges of the paper.',
  'scan.step3': 'Press "Scan". Only this one paper at a time.',
  'scan.illustration': 'Picture: putting the paper into the feeder of the scanner',
  'scan.button': 'Scan',
  'scan.again': 'Scan again',
  'scan.busy': 'Scanning. Please leave the paper in the scanner…',
  'scan.skip': "I don't have this paper: skip it",
  'scan.skipHint': 'A paper you skip is listed as missing in the result of the check.',

  'scanProblem.scannerJam': 'The paper jammed in the scanner.',
  'scanProblem.scannerJam.next': 'Open the scanner cover, gently take out the jammed paper, close the cover, put the paper back into the feeder and press "Scan again".',
  'scanProblem.scannerCoverOpen': 'The scanner cover is not closed.',
  'scanProblem.scannerCoverOpen.next': 'Close the cover, then press "Scan again".',
  'scanProblem.scannerNoPaper': 'There is no paper in the scanner.',
  'scanProblem.scannerNoPaper.next': 'Put the paper into the feeder, slide the guides against it and press "Scan again".',
  'scanProblem.scannerUnavailable': 'The scanner is not available right now.',
  'scanProblem.scannerUnavailable.next': 'Press "Scan again" in a moment; if it still does not scan, please go to a staffed counter.',
  'scanProblem.rescan': 'This page needs to be scanned again.',
  'scanProblem.rescan.blank': 'The scan came out blank: put the paper printed side up.',
  'scanProblem.rescan.lowResolution': 'The image is not sharp enough: flatten the paper; do not fold or roll it.',
  'scanProblem.rescan.heavySkew': 'The paper went in crooked: slide the guides against its edges.',
  'scanProblem.rescan.next': 'Take the paper back, place it again and press "Scan again".',
  'scanProblem.other': 'This step did not complete.',
  'scanProblem.other.next': 'Please try again; if it still fails, please ask at a staffed counter.',

  'fields.title': 'Check: {paper}',
  'fields.intro': 'The kiosk read these details from the paper. Check each one, correct any mistake, then press "All correct".',
  'fields.required': 'Required',
  'fields.source.qr': 'From the licence QR code',
  'fields.source.card': 'From the IC card',
  'fields.source.registry': 'From the registry',
  'fields.source.agent': 'Entered by you',
  'fields.source.none': 'Not read: please fill in',
  'fields.error.required': 'This is required.',
  'fields.error.idNumber': 'An ID number has 18 characters: digits, the last may be X.',
  'fields.error.date': 'Write the date as year-month-day, e.g. 2030-06-30; for no end date press "Long-term".',
  'fields.error.refused': 'The kiosk could not accept this. Please check and correct it.',
  'fields.invalidSummary': '{count} detail(s) need correcting; they are marked in red.',
  'fields.confirm': 'All correct',
  'fields.rescan': 'Scan this paper again',
  'fields.keypadFor': 'Keypad for "{field}"',
  'fields.keypadHint': 'Touch the box to fill in, then type with these keys.',
  'fields.keypadTarget': 'Filling in: {field}',

  'keypad.backspace': 'Delete one character',
  'keypad.clear': 'Clear',
  'keypad.longTerm': 'Long-term',

  'registry.title': 'A change of information is needed first',
  'registry.intro': 'The business licence differs from the enterprise details registered with China E-Port, so the certificate cannot be renewed at this kiosk.',
  'registry.tableCaption': 'Details that differ',
  'registry.column.field': 'Detail',
  'registry.column.onPaper': 'On the licence',
  'registry.column.inRegistry': 'Registered with E-Port',
  'registry.field.name': 'Enterprise name',
  'registry.field.uscc': 'Unified social credit code',
  'registry.field.legalRepresentative': 'Legal representative',
  'registry.field.address': 'Address',
  'registry.empty': '(none)',
  'registry.nextTitle': 'What to do next',
  'registry.next1': 'First have the enterprise information changed (企业信息变更): at a staffed counter, or check the papers for the change here with "Intake check" first.',
  'registry.next2': 'Once the change is done, come back to renew the certificate.',
  'registry.cardUnchanged': 'Nothing was changed on your IC card; it keeps working until its certificate expires.',
  'registry.understood': 'Understood',

  'verdict.acceptable.title': 'Your papers are complete',
  'verdict.acceptable.body': 'The papers for "{business}" passed the intake check.',
  'verdict.acceptable.next': 'Press "Get a ticket": the kiosk issues a queue number and prints it. Take the ticket and all your papers to the counter.',
  'verdict.acceptable.button': 'Get a ticket',
  'verdict.notAcceptable.title': 'Your papers are not complete yet',
  'verdict.notAcceptable.body': 'The papers for "{business}" cannot be handled yet. Please add or correct what is listed below, then come back.',
  'verdict.notAcceptable.next': 'Press "Print the list" to take this list with you.',
  'verdict.notAcceptable.button': 'Print the list',
  'verdict.missingTitle': 'Missing papers ({count})',
  'verdict.findingsTitle': 'To correct ({count})',
  'verdict.warningsTitle': 'Please note ({count})',
  'verdict.severity.error': 'Must be corrected',
  'verdict.severity.warning': 'Please note',
  'verdict.rule': 'Rule {rule}',
};

/** The daemon's text in the screen's language. */
export function inLanguage(language: Language, text: BilingualText): string {
  switch (language) {
    case 'zh-CN':
      return text.zh;
    case 'en':
      return text.en;
  }
}

type DocumentsKey = keyof typeof documentsZh;

/** A problem on a paper screen in plain words: what happened, then what to do about it. */
export interface ProblemWords {
  what: DocumentsKey;
  /** Details, one line each (the checks a rescan failed). */
  details: DocumentsKey[];
  next: DocumentsKey;
}

export function problemWords(problem: FlowProblem): ProblemWords {
  switch (problem.kind) {
    case 'scannerJam':
      return { what: 'scanProblem.scannerJam', details: [], next: 'scanProblem.scannerJam.next' };
    case 'scannerCoverOpen':
      return { what: 'scanProblem.scannerCoverOpen', details: [], next: 'scanProblem.scannerCoverOpen.next' };
    case 'scannerNoPaper':
      return { what: 'scanProblem.scannerNoPaper', details: [], next: 'scanProblem.scannerNoPaper.next' };
    case 'scannerUnavailable':
      return { what: 'scanProblem.scannerUnavailable', details: [], next: 'scanProblem.scannerUnavailable.next' };
    case 'rescan':
      return { what: 'scanProblem.rescan', details: problem.checks.map((check) => `scanProblem.rescan.${check}` as const), next: 'scanProblem.rescan.next' };
    // Not expected on the paper screens (the flow host explains them on its own screens); if
    // one comes, the agent still gets a way on.
    case 'noCard':
    case 'cardRemoved':
    case 'readerUnavailable':
    case 'unreadableCard':
    case 'wrongCardState':
    case 'wrongCardType':
    case 'otherEnterprise':
    case 'legalPersonFirst':
    case 'alreadyDone':
    case 'wrongPin':
    case 'pinBlocked':
    case 'pinPolicy':
    case 'authorityUnreachable':
    case 'authorityRefused':
    case 'fieldsInvalid':
    case 'printerNoPaper':
    case 'printerCoverOpen':
    case 'printerUnavailable':
    case 'outOfService':
    case 'internal':
      return { what: 'scanProblem.other', details: [], next: 'scanProblem.other.next' };
  }
}

/**
 * The name of an intake business, as the attract screen's choice and the done screen name it
 * (i18n-flows.ts; the dev dock's shorter names are for the technician).
 */
export function businessKey(business: IntakeBusiness): MessageKey {
  switch (business) {
    case 'new_enrolment':
      return 'intake.business.new_enrolment';
    case 'change':
      return 'intake.business.change';
    case 'card_replacement':
      return 'intake.business.card_replacement';
    case 'add_operator':
      return 'intake.business.add_operator';
  }
}
