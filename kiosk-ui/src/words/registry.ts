// When the licence differs from the enterprise details registered with China E-Port.
import type { Translations } from './translations.ts';

export const registryWords = {
  'registry.title': { 'zh-CN': '需要先办理企业信息变更', en: 'A change of information is needed first' },
  'registry.intro': {
    'zh-CN': '营业执照上的信息与电子口岸登记的企业信息不一致，因此不能在本机办理证书延期。',
    en: 'The business licence differs from the enterprise details registered with China E-Port, so the certificate cannot be renewed at this kiosk.',
  },
  'registry.tableCaption': { 'zh-CN': '不一致的信息', en: 'Details that differ' },
  'registry.column.field': { 'zh-CN': '项目', en: 'Detail' },
  'registry.column.onPaper': { 'zh-CN': '营业执照上', en: 'On the licence' },
  'registry.column.inRegistry': { 'zh-CN': '电子口岸登记', en: 'Registered with E-Port' },
  'registry.field.name': { 'zh-CN': '企业名称', en: 'Enterprise name' },
  'registry.field.uscc': { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  'registry.field.legalRepresentative': { 'zh-CN': '法定代表人', en: 'Legal representative' },
  'registry.field.address': { 'zh-CN': '住所', en: 'Address' },
  'registry.empty': { 'zh-CN': '（无）', en: '(none)' },
  'registry.nextTitle': { 'zh-CN': '下一步怎么办', en: 'What to do next' },
  'registry.next1': {
    'zh-CN': '先办理企业信息变更：到人工窗口办理，或先在本机用“{tile}”检查变更所需的材料。',
    en: 'First have the enterprise information changed (企业信息变更): at a staffed counter, or check the papers for the change here with "{tile}" first.',
  },
  'registry.next2': { 'zh-CN': '变更完成后，再来本机办理证书延期。', en: 'Once the change is done, come back to renew the certificate.' },
  'registry.cardUnchanged': {
    'zh-CN': '您的 IC 卡没有任何改动，证书到期前仍可正常使用。',
    en: 'Nothing was changed on your IC card; it keeps working until its certificate expires.',
  },
  'registry.rescan': { 'zh-CN': '重新扫描营业执照', en: 'Scan the licence again' },
  'registry.rescanHint': {
    'zh-CN': '如果刚才放入的不是最新的营业执照，请换上最新的，按“重新扫描营业执照”。',
    en: 'If the licence you scanned is not the current one, put in the current one and press "Scan the licence again".',
  },
  'registry.understood': { 'zh-CN': '知道了', en: 'Understood' },
} as const satisfies Translations;
