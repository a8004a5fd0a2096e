// The keypad of the field screens.
import type { Translations } from './translations.ts';

export const keypadWords = {
  'keypad.backspace': { 'zh-CN': '删除一个字符', en: 'Delete one character' },
  'keypad.clear': { 'zh-CN': '清空', en: 'Clear' },
  'keypad.longTerm': { 'zh-CN': '长期', en: 'Long-term' },
} as const satisfies Translations;
