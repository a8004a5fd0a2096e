// The text keyboard of the field screens: pinyin with candidates, letters, digits and symbols.
import type { Translations } from './translations.ts';

export const textKeyboardWords = {
  'textKeys.mode.zh': { 'zh-CN': '拼音', en: 'Pinyin' },
  // A mode key's accessible name starts with what the key says (WCAG 2.5.3, label in name).
  'textKeys.modeName.zh': { 'zh-CN': '拼音输入汉字', en: 'Pinyin: Chinese characters' },
  'textKeys.modeName.en': { 'zh-CN': 'ABC 英文字母', en: 'ABC Latin letters' },
  'textKeys.modeName.digits': { 'zh-CN': '123 数字和符号', en: '123 digits and symbols' },
  'textKeys.hint.zh': { 'zh-CN': '输入拼音，再点选汉字（ü 用 v）', en: 'Type the pinyin, then touch the character (ü: v)' },
  'textKeys.hint.en': { 'zh-CN': '英文字母，⇧ 切换大小写', en: 'Letters: ⇧ switches capitals' },
  'textKeys.hint.digits': { 'zh-CN': '数字和符号', en: 'Digits and symbols' },
  'textKeys.loading': { 'zh-CN': '正在准备汉字，请稍候…', en: 'Getting the characters ready…' },
  'textKeys.loadFailed': { 'zh-CN': '汉字未能准备好，请按“ABC”或“123”输入，或请工作人员协助。', en: 'The characters could not be loaded: use ABC or 123, or ask the staff.' },
  'textKeys.noCandidates': { 'zh-CN': '没有这个拼音，请检查', en: 'No characters for this pinyin: check it' },
  'textKeys.candidates': { 'zh-CN': '候选汉字', en: 'Characters to pick' },
  'textKeys.page': { 'zh-CN': '第 {page}/{pages} 页', en: 'Page {page} of {pages}' },
  'textKeys.previous': { 'zh-CN': '上一页候选字', en: 'Previous characters' },
  'textKeys.next': { 'zh-CN': '下一页候选字', en: 'Next characters' },
  'textKeys.more': { 'zh-CN': '更多', en: 'More' },
  'textKeys.moreName': { 'zh-CN': '显示更多候选字', en: 'Show more characters' },
  'textKeys.less': { 'zh-CN': '收起', en: 'Keys' },
  'textKeys.lessName': { 'zh-CN': '收起候选字，回到键盘', en: 'Back to the keys' },
  'textKeys.space': { 'zh-CN': '空格', en: 'Space' },
  'textKeys.capitals': { 'zh-CN': '切换大小写', en: 'Capitals on or off' },
} as const satisfies Translations;
