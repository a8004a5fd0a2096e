import { describe, expect, it } from 'vitest';
import { wordsByArea } from '../i18n.ts';
import type { KeysInTwoAreas, Translation, Translations } from './translations.ts';

// The typecheck (tsc) is the real test here: each @ts-expect-error fails it if the line compiles.
describe('Translations', () => {
  it('takes a message only with every language of the kiosk and no other', () => {
    const complete = { 'test.ok': { 'zh-CN': '好', en: 'OK' } } as const satisfies Translations;
    // @ts-expect-error -- no English
    const noEnglish = { 'test.noEnglish': { 'zh-CN': '好' } } as const satisfies Translations;
    // @ts-expect-error -- no Chinese
    const noChinese = { 'test.noChinese': { en: 'OK' } } as const satisfies Translations;
    // @ts-expect-error -- French is not a language of the kiosk
    const french = { 'test.french': { 'zh-CN': '好', en: 'OK', fr: "D'accord" } } as const satisfies Translations;
    expect(Object.keys({ ...complete, ...noEnglish, ...noChinese, ...french })).toHaveLength(4);
  });

  it('names the keys that two areas both define', () => {
    type Twice = KeysInTwoAreas<[{ 'test.a': Translation; 'test.b': Translation }, { 'test.b': Translation }, { 'test.c': Translation }]>;
    const twice: Twice = 'test.b';
    // @ts-expect-error -- test.a has one home
    const once: Twice = 'test.a';
    expect([twice, once]).toEqual(['test.b', 'test.a']);
  });
});

describe('the words of i18n.ts', () => {
  it('define each key in one area only', () => {
    const areasOf = new Map<string, number>();
    for (const area of wordsByArea) for (const key of Object.keys(area)) areasOf.set(key, (areasOf.get(key) ?? 0) + 1);
    expect([...areasOf].filter(([, areas]) => areas > 1).map(([key]) => key)).toEqual([]);
  });
});
