import { describe, expect, it } from 'vitest';
import { dictionaries, languages, otherLanguage, translate, type MessageKey } from './i18n.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

describe('i18n dictionaries', () => {
  const keys = Object.keys(dictionaries['zh-CN']).sort() as MessageKey[];

  it('have the same keys in every language', () => {
    for (const language of languages) {
      expect(Object.keys(dictionaries[language]).sort(), language).toEqual(keys);
    }
  });

  it('have no missing or empty translation', () => {
    for (const language of languages) {
      for (const key of keys) {
        const text = dictionaries[language][key] as string | undefined;
        expect(typeof text, `${language} ${key}`).toBe('string');
        expect(text?.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in every language', () => {
    for (const key of keys) {
      const expected = placeholders(dictionaries['zh-CN'][key]);
      for (const language of languages) {
        expect(placeholders(dictionaries[language][key]), `${language} ${key}`).toEqual(expected);
      }
    }
  });

  it('keep English out of the Chinese dictionary except in names and the toggle', () => {
    // A Chinese string that is plain ASCII is almost always an untranslated copy.
    const asciiOnly = keys.filter((key) => /^[\x20-\x7e]+$/.test(dictionaries['zh-CN'][key]));
    expect(asciiOnly).toEqual(['language.toggle', 'language.toggleLabel']);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'connection.reconnecting', { seconds: 4 })).toBe('Reconnecting in 4 s');
    expect(translate('zh-CN', 'connection.reconnecting', { seconds: 4 })).toBe('4 秒后重新连接');
    expect(translate('en', 'connection.reconnecting')).toBe('Reconnecting in {seconds} s');
  });

  it('toggles between the two languages', () => {
    expect(otherLanguage('zh-CN')).toBe('en');
    expect(otherLanguage('en')).toBe('zh-CN');
  });
});
