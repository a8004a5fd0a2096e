// The working screen while the kiosk talks to the card and China E-Port, and its named steps.
import type { Translations } from './translations.ts';

export const progressWords = {
  'working.authorising': { 'zh-CN': '正在向中国电子口岸申请授权', en: 'Asking China E-Port for authorisation' },
  'working.unlocking': { 'zh-CN': '正在解锁', en: 'Unlocking the card' },
  'working.renewing': { 'zh-CN': '正在延期证书', en: 'Renewing the certificate' },
  'working.checking': { 'zh-CN': '正在检查材料', en: 'Checking the papers' },
  'working.submitting': { 'zh-CN': '正在提交', en: 'Submitting' },
  'working.comparing': { 'zh-CN': '正在与登记信息比对', en: 'Comparing with the registry' },
  'working.keepCard': { 'zh-CN': '请稍候，不要拔出 IC 卡。', en: 'Please wait and leave the IC card in the reader.' },
  'working.step': { 'zh-CN': '第 {index} 步，共 {of} 步', en: 'Step {index} of {of}' },
  'working.stepNamed': { 'zh-CN': '第 {index} 步，共 {of} 步：{step}', en: 'Step {index} of {of}: {step}' },
  'step.started': { 'zh-CN': '准备', en: 'Preparing' },
  'step.challenged': { 'zh-CN': '读取卡片验证码', en: 'Reading the card challenge' },
  'step.authorised': { 'zh-CN': '中国电子口岸已授权', en: 'Authorised by China E-Port' },
  'step.authenticated': { 'zh-CN': '卡片认证', en: 'Card authenticated' },
  'step.pinReset': { 'zh-CN': '写入新密码', en: 'Writing the new PIN' },
  'step.pinVerified': { 'zh-CN': '验证新密码', en: 'Checking the new PIN' },
  'step.reported': { 'zh-CN': '报告结果', en: 'Reporting the result' },
  'step.pendingKeyGenerated': { 'zh-CN': '生成新密钥', en: 'Generating the new key' },
  'step.keyProofSigned': { 'zh-CN': '签名确认', en: 'Signing the key proof' },
  'step.certificateIssued': { 'zh-CN': '签发新证书', en: 'Issuing the new certificate' },
  'step.pendingCertificateWritten': { 'zh-CN': '写入新证书', en: 'Writing the new certificate' },
  'step.activated': { 'zh-CN': '启用新证书', en: 'Activating the new certificate' },
  'step.verified': { 'zh-CN': '校验新证书', en: 'Verifying the new certificate' },
  'step.confirmed': { 'zh-CN': '确认完成', en: 'Confirming' },
} as const satisfies Translations;
