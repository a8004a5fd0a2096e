// The resident ID-card reader (the fifth device): its name and states on the status strip and the
// technician page, its details, its device test, and the dev dock's hands on it.
import type { Translations } from './translations.ts';

export const idCardReaderWords = {
  'device.idCardReader': { 'zh-CN': '身份证阅读器', en: 'ID-card reader' },
  'state.idCardReader.notFitted': { 'zh-CN': '未安装', en: 'Not fitted' },
  'state.idCardReader.noCard': { 'zh-CN': '就绪', en: 'Ready' },
  'state.idCardReader.cardPresent': { 'zh-CN': '已放身份证', en: 'ID card on reader' },
  'state.idCardReader.error': { 'zh-CN': '故障', en: 'Fault' },
  'tech.detail.idCardValidUntil': { 'zh-CN': '证件有效期至', en: 'Card valid until' },
  'idCardTest.title': { 'zh-CN': '身份证阅读器测试', en: 'ID-card reader test' },
  'idCardTest.hint': { 'zh-CN': '读取安全模块（SAM）编号，并读一次阅读器上的身份证。', en: "Reads the SAM module's id and the ID card on the reader once." },
  'idCardTest.run': { 'zh-CN': '测试身份证阅读器', en: 'Test the ID-card reader' },
  'idCardTest.running': { 'zh-CN': '正在测试…', en: 'Testing…' },
  'idCardTest.passed': { 'zh-CN': '身份证阅读器正常，读卡用时 {ms} 毫秒。', en: 'The ID-card reader works; the card was read in {ms} ms.' },
  'idCardTest.samId': { 'zh-CN': '安全模块编号', en: 'SAM id' },
  'idCardTest.holder': { 'zh-CN': '持证人', en: 'Holder' },
  'idCardTest.longTerm': { 'zh-CN': '长期', en: 'Long-term' },
  'dock.idCard.title': { 'zh-CN': '身份证', en: 'ID card' },
  'dock.idCard.place': { 'zh-CN': '放身份证 {fixture}', en: 'Place ID card {fixture}' },
  'dock.idCard.remove': { 'zh-CN': '取走身份证', en: 'Remove ID card' },
} as const satisfies Translations;
