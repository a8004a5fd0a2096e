// The technician's card reader test.
import type { Translations } from './translations.ts';

export const cardTestWords = {
  'cardTest.title': { 'zh-CN': '读卡器测试', en: 'Card reader test' },
  'cardTest.hint': { 'zh-CN': '读取卡片的 ATR 并选择电子口岸应用（SELECT）。', en: "Reads the card's ATR and selects the E-Port application (SELECT)." },
  'cardTest.run': { 'zh-CN': '测试读卡器', en: 'Test the card reader' },
  'cardTest.running': { 'zh-CN': '正在测试…', en: 'Testing…' },
  'cardTest.passed': { 'zh-CN': '读卡器正常，电子口岸应用已应答。', en: 'The card reader works; the E-Port application answered.' },
  'cardTest.noApplication': { 'zh-CN': '卡片已应答，但电子口岸应用未应答。', en: 'The card answered, but the E-Port application did not.' },
  'cardTest.reader': { 'zh-CN': '读卡器', en: 'Reader' },
  'cardTest.cardType': { 'zh-CN': '卡类型', en: 'Card type' },
  'cardTest.holder': { 'zh-CN': '持卡人', en: 'Holder' },
  'cardTest.pinTries': { 'zh-CN': 'PIN 剩余次数', en: 'PIN tries left' },
} as const satisfies Translations;
