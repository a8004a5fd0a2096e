// The two languages of the kiosk, in a module of their own so that the words (words/*.ts), the
// dictionaries (i18n.ts) and the helpers around them can all name a Language without importing
// one another.

export type Language = 'zh-CN' | 'en';

export const languages: readonly Language[] = ['zh-CN', 'en'];
export const defaultLanguage: Language = 'zh-CN';

export function otherLanguage(language: Language): Language {
  switch (language) {
    case 'zh-CN':
      return 'en';
    case 'en':
      return 'zh-CN';
  }
}
