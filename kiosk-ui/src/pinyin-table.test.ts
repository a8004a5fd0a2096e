// The real pinyin table (the npm dictionaries) under the text keyboard's logic: every name,
// enterprise name and address of the simulator's registry typed key by key, as the agent would,
// and the rare characters of names reachable by paging.
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { cardFixtures, fixtureEnterprises } from '../../sim/registry/sim-registry.ts';
import { applyKeypadEdit } from './components/code-keypad.ts';
import { pinyinTable } from './pinyin-table.ts';
import { candidatePage, characterRows, initialTextKeys, pressTextKey, type TextKey, type TextKeysState, type TextMode } from './text-keys.ts';

interface Typed {
  value: string;
  /** Taps on the keyboard, all told. */
  taps: number;
  /** Per Chinese character: the taps after its pinyin (paging and the pick). */
  picks: Map<string, number>;
}

/**
 * Types `text` as an agent would, on the keys the keyboard shows: each Chinese character by its
 * reading (`readings`, one per character), the pinyin letters, then the page that shows it;
 * letters in ABC, digits and symbols in 123 (or on the pinyin keys' row).
 */
function typeByKeys(text: string, readings: readonly string[]): Typed {
  let state: TextKeysState = initialTextKeys;
  let value = '';
  let taps = 0;
  const picks = new Map<string, number>();
  const tap = (key: TextKey): void => {
    taps++;
    const result = pressTextKey(state, key, pinyinTable);
    state = result.state;
    if (result.edit !== null) value = applyKeypadEdit(value, value.length, value.length, result.edit, 256).value;
  };
  const inMode = (mode: TextMode): void => {
    if (state.mode !== mode) tap({ kind: 'mode', mode });
  };
  Array.from(text).forEach((character, index) => {
    const symbolMode = (['zh', 'digits'] as const).find((mode) => characterRows[mode].flat().includes(character) && !/^[a-z]$/.test(character));
    if (/^[A-Za-z]$/.test(character)) {
      inMode('en');
      if (state.capitals !== (character !== character.toLowerCase())) tap({ kind: 'capitals' });
      tap({ kind: 'letter', letter: character });
    } else if (symbolMode !== undefined) {
      if (state.mode !== 'zh' || symbolMode !== 'zh') inMode(symbolMode);
      tap({ kind: 'symbol', text: character });
    } else {
      inMode('zh');
      for (const letter of readings[index] ?? '') tap({ kind: 'letter', letter });
      const before = taps;
      for (;;) {
        const page = candidatePage(state, pinyinTable);
        const shown = page.shown.find((candidate) => candidate.character === character);
        if (shown !== undefined) {
          tap({ kind: 'candidate', index: shown.index });
          break;
        }
        if (!state.expanded && page.hasNext) tap({ kind: 'expand', expanded: true });
        else if (page.hasNext) tap({ kind: 'page', step: 1 });
        else throw new Error(`${character} (${readings[index] ?? '?'}) is not among its candidates`);
      }
      picks.set(character, taps - before);
    }
  });
  return { value, taps, picks };
}

/** The reading of each character, as pinyin-pro reads the text in context (ü as v). */
function readingsOf(text: string, kind: 'name' | 'text'): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, mode: kind === 'name' ? 'surname' : 'normal' }).map((reading) => reading.toLowerCase());
}

const persons = [
  ...cardFixtures.map((card) => card.holder.name),
  ...fixtureEnterprises.flatMap((enterprise) => [enterprise.legalRepresentative.name, ...enterprise.registeredAgents.map((agent) => agent.name)]),
];

describe('the text keyboard over the real pinyin table', () => {
  it('has the syllables of Mandarin and the characters of names', () => {
    expect(pinyinTable.syllables.size).toBeGreaterThan(400);
    for (const syllable of ['a', 'zhuang', 'lv', 'lve', 'nv', 'er']) expect(pinyinTable.characters(syllable).length).toBeGreaterThan(0);
  });

  it('puts the common characters first (frequency order)', () => {
    expect(pinyinTable.characters('de')[0]).toBe('的');
    expect(pinyinTable.characters('yi')[0]).toBe('一');
    expect(pinyinTable.characters('shi').slice(0, 7)).toContain('是');
    expect(pinyinTable.characters('wen')[0]).toBe('文');
    // 许 on the first page of xu, ahead of 栩 and the rare ones.
    const xu = pinyinTable.characters('xu');
    expect(xu.indexOf('许')).toBeLessThan(7);
    expect(xu.indexOf('许')).toBeLessThan(xu.indexOf('栩'));
    expect(xu.indexOf('栩')).toBeLessThan(xu.indexOf('旴'));
  });

  it('types the agent of the unlock, 许文彬, each character on the first page', () => {
    const typed = typeByKeys('许文彬', ['xu', 'wen', 'bin']);
    expect(typed.value).toBe('许文彬');
    expect([...typed.picks.values()]).toEqual([1, 1, 1]);
    expect(typed.taps).toBe(2 + 3 + 3 + 3);
  });

  it.each(persons)('types the name %s key by key', (name) => {
    const typed = typeByKeys(name, readingsOf(name, 'name'));
    expect(typed.value).toBe(name);
    // Common names: every character on the bar's first or second page.
    expect(Math.max(...typed.picks.values())).toBeLessThanOrEqual(2);
  });

  it.each(fixtureEnterprises.flatMap((enterprise) => [enterprise.name, enterprise.address]))('types %s key by key', (text) => {
    const typed = typeByKeys(text, readingsOf(text, 'text'));
    expect(typed.value).toBe(text);
  });

  it('reaches the rare characters of names by paging the candidates', () => {
    // The name characters outside GB 2312 come after its characters, by code point: a few pages
    // of the expanded grid (50 a page) for the syllables with many characters.
    const rare = [
      ['彧', 'yu', 4],
      ['赟', 'yun', 3],
      ['喆', 'zhe', 2],
      ['琇', 'xiu', 2],
      ['旻', 'min', 2],
      ['昇', 'sheng', 2],
      ['堃', 'kun', 2],
      ['玥', 'yue', 2],
      ['瑄', 'xuan', 3],
      ['垚', 'yao', 2],
      ['祎', 'yi', 7],
      ['燚', 'yi', 6],
      // Extension A, the last of yan.
      ['䶮', 'yan', 7],
    ] as const;
    for (const [character, reading, most] of rare) {
      const typed = typeByKeys(character, [reading]);
      expect(typed.value).toBe(character);
      // Expand, the pages, the pick.
      expect({ character, taps: typed.picks.get(character) }).toEqual({ character, taps: most });
    }
  });
});
