// The resident ID-card reader (the fifth device): its name and states on the status strip and the
// technician page, its details, its device test, and the dev dock's hands on it.
import type { Translations } from './translations.ts';

export const idCardReaderWords = {
  'device.idCardReader': { 'zh-CN': '身份证阅读器', en: 'ID-card reader' },
  'state.idCardReader.noCard': { 'zh-CN': '就绪', en: 'Ready' },
  'state.idCardReader.cardPresent': { 'zh-CN': '已放身份证', en: 'ID card on reader' },
  'state.idCardReader.error': { 'zh-CN': '故障', en: 'Fault' },
  'tech.detail.idCardValidUntil': { 'zh-CN': '证件有效期至', en: 'Card valid until' },
  'tech.test.idCard': { 'zh-CN': '测试身份证阅读器', en: 'Test ID-card reader' },
  'tech.test.idCardResult': { 'zh-CN': '安全模块 {samId}，{name} {idNumberMasked}，用时 {ms} 毫秒', en: 'SAM {samId}, {name} {idNumberMasked}, {ms} ms' },
  'dock.idCard.title': { 'zh-CN': '身份证', en: 'ID card' },
  'dock.idCard.place': { 'zh-CN': '放身份证 {fixture}', en: 'Place ID card {fixture}' },
  'dock.idCard.remove': { 'zh-CN': '取走身份证', en: 'Remove ID card' },
} as const satisfies Translations;
