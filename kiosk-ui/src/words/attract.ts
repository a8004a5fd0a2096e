// The attract screen: the welcome, the service tiles, and the choice of business for an intake check.
import type { Translations } from './translations.ts';

export const attractWords = {
  'attract.eyebrow': { 'zh-CN': '欢迎使用', en: 'Welcome' },
  'attract.welcome': { 'zh-CN': '中国电子口岸 IC 卡自助服务', en: 'China E-Port IC Card Self-Service' },
  'attract.prompt': { 'zh-CN': '请选择要办理的业务', en: 'Please choose a service' },
  'attract.help': { 'zh-CN': '如需帮助，请联系大厅工作人员', en: 'Need help? Please ask a member of the hall staff.' },
  'attract.comingSoonTitle': { 'zh-CN': '即将开放', en: 'Coming soon' },
  'attract.comingSoonNotice': {
    'zh-CN': '“{service}”业务即将开放，目前暂不可办理。请到人工窗口咨询。',
    en: '{service} is coming soon and not available yet. Please ask at a staffed counter.',
  },
  'attract.dismiss': { 'zh-CN': '知道了', en: 'OK' },

  'attract.intakeTitle': { 'zh-CN': '请选择要预审的业务', en: 'Which business do you want to check?' },
  'attract.intakeHint': {
    'zh-CN': '预审会检查您的材料是否齐全、信息是否一致，通过后打印排队号。',
    en: 'The check looks at whether your papers are complete and consistent, and prints a queue ticket when they are.',
  },
  'attract.back': { 'zh-CN': '返回', en: 'Back' },
  'attract.startFailed': { 'zh-CN': '业务未能开始。', en: 'The business could not start.' },
  'attract.receiptsUnavailable': {
    'zh-CN': '打印机暂时无法打印，本机现在办理的业务不能打印凭条；业务照常办理。',
    en: 'The printer cannot print right now: no receipt can be printed for what you do here, but the services work as usual.',
  },
  'attract.unavailable': { 'zh-CN': '暂停服务 · 暂不可办理', en: 'Out of service · not available' },
  'attract.disabledHint': { 'zh-CN': '本机暂停服务，业务暂不可办理。', en: 'This kiosk is out of service; no business can be done now.' },

  'service.unlock.description': { 'zh-CN': '密码锁定的 IC 卡现场解锁', en: 'Unlock an IC card blocked by wrong PINs' },
  'service.renewal.description': { 'zh-CN': '为未过期的 IC 卡证书续期', en: 'Renew the certificate of a card that has not expired' },
  'service.intake.title': { 'zh-CN': '材料预审', en: 'Materials check' },
  'service.intake.description': { 'zh-CN': '排队前检查办理材料是否齐全', en: 'Check your documents are complete before queueing' },
  'service.query.description': { 'zh-CN': '查看 IC 卡信息和证书有效期', en: 'See card details and certificate validity' },
  'service.unlock.bring': { 'zh-CN': '携带：被锁的卡、单位介绍信、本人身份证及复印件', en: 'Bring: the locked card, the introduction letter, your ID card and a copy' },
  'service.renewal.bring': { 'zh-CN': '携带：法人卡及密码、要延期的卡、营业执照', en: 'Bring: the legal-person card and its PIN, the cards to renew, the business licence' },
  'service.query.bring': { 'zh-CN': '携带：任一张电子口岸 IC 卡', en: 'Bring: any E-Port IC card' },
  'service.pinChange.bring': { 'zh-CN': '携带：IC 卡及当前密码', en: 'Bring: the IC card and its current PIN' },
  'group.cards.title': { 'zh-CN': 'IC 卡业务', en: 'Card services' },
  'group.cards.description': { 'zh-CN': '解锁、证书延期、卡片查询、修改密码', en: 'Unlock, certificate renewal, card query, PIN change' },
  'group.cards.bring': { 'zh-CN': '携带：您的 IC 卡', en: 'Bring: your IC card' },
  'group.management.title': { 'zh-CN': '操作员卡管理', en: 'Operator cards' },
  'group.management.description': {
    'zh-CN': '法人卡持有人：本企业全部卡片综合查询，挂失/解挂、冻结/解冻，申报、注销操作员',
    en: "Legal-person card holder: all the enterprise's cards; report loss or undo, freeze or unfreeze; declare or deregister operators",
  },
  'group.management.bring': { 'zh-CN': '携带：法人卡及密码', en: 'Bring: the legal-person card and its PIN' },
  'group.papers.bring': { 'zh-CN': '携带：所办业务的全部材料（预审会逐项列出）', en: 'Bring: all the papers of the business (the check lists them)' },
  'service.comingSoon': { 'zh-CN': '即将开放 · 暂不可用', en: 'Not available yet' },

} as const satisfies Translations;
