import { describe, expect, it } from 'vitest';
import { applyKeypadEdit, type KeypadEdit } from './components/code-keypad.ts';
import { buildPinyinTable, toneless, type PinyinTable } from './pinyin-table.ts';
import {
  barSize,
  candidatePage,
  candidates,
  characterRows,
  gridSize,
  initialTextKeys,
  maxPinyin,
  pressTextKey,
  resetTextKeys,
  shownPinyin,
  splitPinyin,
  textModes,
  type TextKey,
  type TextKeysState,
} from './text-keys.ts';

/** A small table: the same building as the real one, from a few characters. */
const readings: Record<string, string> = {
  许: 'xǔ hǔ',
  需: 'xū',
  徐: 'xú',
  文: 'wén',
  问: 'wèn',
  彬: 'bīn',
  宾: 'bīn',
  西: 'xī',
  先: 'xiān',
  安: 'ān',
  方: 'fāng',
  吕: 'lǚ',
  张: 'zhāng',
  中: 'zhōng zhòng',
  庄: 'zhuāng',
  谷: 'gǔ',
  专: 'zhuān',
  嗯: 'ń ň ǹ',
  你: 'nǐ',
  虎: 'hǔ',
  // Extension A (U+4DAE) before the main block (U+5944) by code point, after it in the table.
  䶮: 'yǎn',
  奄: 'yǎn',
  // Beyond the Basic Multilingual Plane: left out.
  '𫭟': 'ōu qū',
};
const table: PinyinTable = buildPinyinTable({
  // 许 before 需 by frequency; 虎 is listed under xu by mistake (pinyin-pro disagrees).
  frequencyOrder: { xu: '许 需 虎', wen: '文 问', bin: '宾 彬', hu: '虎' },
  readingsOf: (character) => readings[character],
  characters: Object.keys(readings),
});

/** Presses `keys` in turn from `state`, applying each edit to `value` as the field would. */
function press(keys: TextKey[], state: TextKeysState = initialTextKeys, value = ''): { state: TextKeysState; value: string; edits: KeypadEdit[] } {
  const edits: KeypadEdit[] = [];
  for (const key of keys) {
    const result = pressTextKey(state, key, table);
    state = result.state;
    if (result.edit !== null) {
      edits.push(result.edit);
      value = applyKeypadEdit(value, value.length, value.length, result.edit, 256).value;
    }
  }
  return { state, value, edits };
}

const letters = (text: string): TextKey[] => Array.from(text, (letter) => ({ kind: 'letter', letter }));

describe('the pinyin table', () => {
  it('writes readings as they are typed: no tones, ü as v', () => {
    expect(toneless('xǔ')).toBe('xu');
    expect(toneless('lǚ')).toBe('lv');
    expect(toneless('lüè')).toBe('lve');
    expect(toneless('Zhōng')).toBe('zhong');
  });

  it('lists the frequency order first, then the other readings, then the rest by code point', () => {
    expect(table.characters('xu')).toEqual(['许', '需', '徐']);
    expect(table.characters('hu')).toEqual(['虎', '许']);
    expect(table.characters('bin')).toEqual(['宾', '彬']);
    expect(table.characters('lv')).toEqual(['吕']);
    expect(table.characters('yan')).toEqual(['奄', '䶮']);
    expect(table.characters('ou')).toEqual([]);
  });
});

describe('splitPinyin', () => {
  it('splits letters into syllables, the longest that leaves the rest pinyin', () => {
    expect(splitPinyin('xuwenbin', table).parts).toEqual(['xu', 'wen', 'bin']);
    expect(splitPinyin('xian', table).parts).toEqual(['xian']);
    expect(splitPinyin('fangan', table).parts).toEqual(['fang', 'an']);
    expect(splitPinyin('zhuangu', table).parts).toEqual(['zhuan', 'gu']);
  });

  it('ends on the start of a syllable, or keeps what is no pinyin apart', () => {
    expect(splitPinyin('xuw', table)).toEqual({ parts: ['xu', 'w'], firstWhole: true });
    expect(splitPinyin('zh', table)).toEqual({ parts: ['zh'], firstWhole: false });
    expect(splitPinyin('xuq', table)).toEqual({ parts: ['xu', 'q'], firstWhole: true });
    expect(splitPinyin('q', table)).toEqual({ parts: ['q'], firstWhole: false });
  });

  it('does not stop at a syllable of consonants only (n of 嗯)', () => {
    expect(splitPinyin('n', table)).toEqual({ parts: ['n'], firstWhole: false });
    expect(splitPinyin('ni', table).parts).toEqual(['ni']);
  });
});

describe('candidates', () => {
  it('offers the first syllable, common characters first', () => {
    expect(candidates({ ...initialTextKeys, pinyin: 'xuwen' }, table)).toEqual(['许', '需', '徐']);
    expect(candidates({ ...initialTextKeys, pinyin: 'wen' }, table)).toEqual(['文', '问']);
  });

  it('offers every syllable an unfinished one starts, each one’s first characters first', () => {
    expect(candidates({ ...initialTextKeys, pinyin: 'zh' }, table)).toEqual(['张', '中', '专', '庄']);
    expect(candidates({ ...initialTextKeys, pinyin: 'x' }, table)).toEqual(['西', '先', '许', '需', '徐']);
  });

  it('offers nothing outside pinyin mode, before the table is there, or for no pinyin', () => {
    expect(candidates({ ...initialTextKeys, pinyin: 'xu', mode: 'en' }, table)).toEqual([]);
    expect(candidates({ ...initialTextKeys, pinyin: 'xu' }, null)).toEqual([]);
    expect(candidates({ ...initialTextKeys, pinyin: 'q' }, table)).toEqual([]);
  });
});

describe('pressTextKey in pinyin mode', () => {
  it('types a name: the pinyin, then each character picked', () => {
    const typed = press(letters('xuwenbin'));
    expect(typed.state.pinyin).toBe('xuwenbin');
    expect(shownPinyin(typed.state, table)).toBe("xu'wen'bin");
    expect(typed.edits).toEqual([]);
    const picked = press(
      [
        { kind: 'candidate', index: 0 },
        { kind: 'candidate', index: 0 },
        { kind: 'candidate', index: 1 },
      ],
      typed.state,
    );
    expect(picked.value).toBe('许文彬');
    expect(picked.state.pinyin).toBe('');
  });

  it('takes the first candidate on space, and types a space with no pinyin', () => {
    expect(press([...letters('wen'), { kind: 'space' }]).value).toBe('文');
    expect(press([{ kind: 'space' }]).value).toBe(' ');
    // Pinyin with no characters goes in as letters.
    expect(press([...letters('q'), { kind: 'space' }]).value).toBe('q');
  });

  it('takes back a letter of pinyin before a character of the field', () => {
    const typed = press([...letters('xu'), { kind: 'candidate', index: 0 }, ...letters('wex')]);
    expect(typed.value).toBe('许');
    const back = press([{ kind: 'backspace' }], typed.state, typed.value);
    expect(back.state.pinyin).toBe('we');
    expect(back.value).toBe('许');
    const more = press([{ kind: 'backspace' }, { kind: 'backspace' }, { kind: 'backspace' }], back.state, back.value);
    expect(more.state.pinyin).toBe('');
    expect(more.value).toBe('');
  });

  it('commits the pinyin before a symbol, each syllable its first character', () => {
    expect(press([...letters('zhangxu'), { kind: 'symbol', text: '·' }]).value).toBe('张许·');
    expect(press([{ kind: 'symbol', text: '（' }]).value).toBe('（');
  });

  it('clears the field and the pinyin', () => {
    const cleared = press([...letters('xu'), { kind: 'clear' }], initialTextKeys, '许文');
    expect(cleared).toMatchObject({ value: '', state: { pinyin: '' }, edits: [{ kind: 'clear' }] });
  });

  it('stops taking letters at the longest pinyin', () => {
    const typed = press(letters('a'.repeat(maxPinyin + 5)));
    expect(typed.state.pinyin).toHaveLength(maxPinyin);
  });

  it('ignores a candidate that is not there', () => {
    const typed = press(letters('wen'));
    expect(pressTextKey(typed.state, { kind: 'candidate', index: 9 }, table)).toEqual({ state: typed.state, edit: null });
    expect(pressTextKey(typed.state, { kind: 'candidate', index: 0 }, null)).toEqual({ state: typed.state, edit: null });
  });
});

describe('candidate pages', () => {
  // A syllable with more characters than a bar and than a grid page holds.
  const many = Array.from({ length: 120 }, (_, index) => String.fromCharCode(0x4e00 + index));
  const big = buildPinyinTable({ frequencyOrder: { yu: many.join(' ') }, readingsOf: () => 'yù', characters: many });
  const step = (state: TextKeysState, key: TextKey) => pressTextKey(state, key, big).state;
  const typed = press(letters('yu')).state;

  it('pages the bar, and stops at either end', () => {
    expect(candidatePage(typed, big)).toMatchObject({ page: 1, pages: Math.ceil(120 / barSize), hasPrevious: false, hasNext: true });
    expect(candidatePage(typed, big).shown.map((shown) => shown.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(step(typed, { kind: 'page', step: -1 })).toBe(typed);
    let state = typed;
    for (let page = 1; page < Math.ceil(120 / barSize); page++) state = step(state, { kind: 'page', step: 1 });
    expect(candidatePage(state, big)).toMatchObject({ hasNext: false, hasPrevious: true });
    expect(step(state, { kind: 'page', step: 1 })).toBe(state);
  });

  it('expands to pages of the grid, keeping the candidates in view, and back', () => {
    const second = step(step(typed, { kind: 'page', step: 1 }), { kind: 'page', step: 1 });
    const expanded = step(second, { kind: 'expand', expanded: true });
    expect(candidatePage(expanded, big)).toMatchObject({ page: 1, pages: 3 });
    expect(candidatePage(expanded, big).shown).toHaveLength(gridSize);
    const last = step(step(expanded, { kind: 'page', step: 1 }), { kind: 'page', step: 1 });
    expect(candidatePage(last, big)).toMatchObject({ page: 3, hasNext: false });
    expect(candidatePage(last, big).shown.map((shown) => shown.character)).toEqual(many.slice(100));
    // Picking the 111th types it, and the keys come back.
    const picked = pressTextKey(last, { kind: 'candidate', index: 110 }, big);
    expect(picked.edit).toEqual({ kind: 'insert', text: many[110] });
    expect(picked.state).toMatchObject({ pinyin: '', expanded: false, offset: 0 });
    // Back to the bar: the page holding the grid page's first candidate.
    const back = step(last, { kind: 'expand', expanded: false });
    expect(candidatePage(back, big).shown.map((shown) => shown.index)).toContain(100);
  });

  it('starts again at the first page with every letter', () => {
    const paged = step(typed, { kind: 'page', step: 1 });
    expect(step(paged, { kind: 'backspace' }).offset).toBe(0);
  });
});

describe('pressTextKey in the other modes', () => {
  it('types letters, in capitals on request', () => {
    const en = press([{ kind: 'mode', mode: 'en' }]).state;
    expect(press([...letters('ab'), { kind: 'capitals' }, ...letters('c')], en).value).toBe('abC');
  });

  it('types digits and symbols as they are', () => {
    const digits = press([{ kind: 'mode', mode: 'digits' }]).state;
    expect(press([{ kind: 'symbol', text: '1' }, { kind: 'symbol', text: '8' }, { kind: 'symbol', text: '#' }], digits).value).toBe('18#');
  });

  it('keeps pinyin typed before a switch as letters', () => {
    const switched = press([...letters('abc'), { kind: 'mode', mode: 'en' }]);
    expect(switched).toMatchObject({ value: 'abc', state: { mode: 'en', pinyin: '' } });
    expect(press([{ kind: 'mode', mode: 'zh' }]).edits).toEqual([]);
  });

  it('deletes characters of the field', () => {
    const en = press([{ kind: 'mode', mode: 'en' }]).state;
    expect(press([{ kind: 'backspace' }], en, 'ab').value).toBe('a');
  });

  it('forgets the pinyin for another field, the mode kept', () => {
    expect(resetTextKeys({ mode: 'en', capitals: true, pinyin: 'xu', offset: 7, expanded: true })).toEqual({ mode: 'en', capitals: true, pinyin: '', offset: 0, expanded: false });
  });
});

describe('characterRows', () => {
  it('has ten keys a row but the second (backspace ends it), and every mode a row of each kind', () => {
    for (const mode of textModes) {
      expect(characterRows[mode].map((row) => row.length)).toEqual([10, 9, 10 - (mode === 'en' ? 1 : 0)]);
    }
    expect(characterRows.zh.flat().filter((key) => /^[a-z]$/.test(key))).toHaveLength(26);
    expect(characterRows.digits[0]).toEqual(Array.from('1234567890'));
  });
});
