// The text keyboard's pinyin table: for each toneless syllable (ü written v), the characters read
// that way, the common ones first. Built once, in the browser, from two dictionaries on npm, and
// loaded lazily (its own Vite chunk, fetched from the daemon when the keyboard first opens): the
// data is larger than the rest of the kiosk page.
//
// - The order: simple-keyboard-layouts' Chinese layout (MIT), whose `layoutCandidates` are the
//   pinyinjs table of the 6,763 characters of GB 2312, each syllable's characters sorted by a
//   published frequency table of those characters ("常用6763个汉字使用频率表").
// - The coverage: pinyin-pro's character dictionary (MIT), every reading of 20,900 characters,
//   the rare characters of names (彧 赟 喆 琇 旻 …) among them.
//
// A syllable lists: the frequency-ordered characters pinyin-pro agrees are read so (pinyin-pro is
// the more accurate about readings); then the other GB 2312 characters with that reading (a
// common character's rarer reading), the more frequent first; then every other character of the
// CJK Unified Ideographs block with that reading, by code point; then those of Extension A (䶮).
// Characters beyond the Basic Multilingual Plane (extension B and up) are left out.
import pinyinDictionary from 'pinyin-pro/dist/esm/data/dict1.mjs';
import chineseLayout from 'simple-keyboard-layouts/build/layouts/chinese.js';

export interface PinyinTable {
  /** The characters read `syllable` (toneless, lower case, ü as v), the common first; [] if none. */
  characters(syllable: string): readonly string[];
  /** Every syllable that has characters. */
  readonly syllables: ReadonlySet<string>;
}

/** A reading as pinyin-pro writes it (tone marks, ü, ê) as the keyboard types it: `lǚ` → `lv`. */
export function toneless(reading: string): string {
  return reading
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Where the frequency order and the readings come from; the tests give small ones. */
export interface PinyinSources {
  /** Syllable → characters, most frequent first (simple-keyboard-layouts: space-separated). */
  frequencyOrder: Readonly<Record<string, string>>;
  /** Character → its readings, space-separated, with tone marks (pinyin-pro). */
  readingsOf(character: string): string | undefined;
  /** Every character `readingsOf` knows. */
  characters: Iterable<string>;
}

/** 0: CJK Unified Ideographs, 1: Extension A (after them), null: neither. */
function block(character: string): 0 | 1 | null {
  if (/^[\u4e00-\u9fff]$/u.test(character)) return 0;
  if (/^[\u3400-\u4dbf]$/u.test(character)) return 1;
  return null;
}

export function buildPinyinTable(sources: PinyinSources): PinyinTable {
  // Characters share their readings ("xǔ hǔ"): each is made toneless once.
  const syllablesOf = new Map<string, readonly string[]>();
  const readings = new Map<string, readonly string[]>();
  for (const character of sources.characters) {
    if (block(character) === null) continue;
    const read = sources.readingsOf(character);
    if (read === undefined || read === '') continue;
    let syllables = syllablesOf.get(read);
    if (syllables === undefined) {
      syllables = [...new Set(read.split(' ').map(toneless))].filter((syllable) => /^[a-z]+$/.test(syllable));
      syllablesOf.set(read, syllables);
    }
    readings.set(character, syllables);
  }

  // Frequency: each character's best position in any of its frequency-ordered syllables.
  const rank = new Map<string, number>();
  const ordered = new Map<string, string[]>();
  for (const [syllable, list] of Object.entries(sources.frequencyOrder)) {
    const characters = list.split(/\s+/).filter((character) => character !== '');
    characters.forEach((character, index) => rank.set(character, Math.min(rank.get(character) ?? index, index)));
    ordered.set(
      syllable,
      characters.filter((character) => readings.get(character)?.includes(syllable) === true),
    );
  }

  // A Set keeps the order characters were added in, and adds each once.
  const table = new Map<string, Set<string>>();
  const add = (syllable: string, character: string): void => {
    const list = table.get(syllable);
    if (list === undefined) table.set(syllable, new Set([character]));
    else list.add(character);
  };
  for (const [syllable, characters] of ordered) for (const character of characters) add(syllable, character);
  const common: [string, number][] = [];
  const rare: string[] = [];
  for (const character of readings.keys()) {
    const known = rank.get(character);
    if (known === undefined) rare.push(character);
    else common.push([character, known]);
  }
  common.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  for (const [character] of common) for (const syllable of readings.get(character) ?? []) add(syllable, character);
  // The main block, then Extension A; by code point in each (one UTF-16 unit a character).
  rare.sort((a, b) => (block(a) ?? 0) - (block(b) ?? 0) || (a < b ? -1 : 1));
  for (const character of rare) for (const syllable of readings.get(character) ?? []) add(syllable, character);
  const lists = new Map([...table].map(([syllable, characters]) => [syllable, [...characters]]));

  return {
    characters: (syllable) => lists.get(syllable) ?? [],
    syllables: new Set(lists.keys()),
  };
}

/** The table from the npm dictionaries (what the keyboard's lazy chunk holds). */
export const pinyinTable: PinyinTable = buildPinyinTable({
  frequencyOrder: chineseLayout.layoutCandidates ?? {},
  readingsOf: (character) => pinyinDictionary.get(character),
  characters: (function* () {
    for (const [code, reading] of pinyinDictionary.NumberDICT.entries()) if (reading !== undefined) yield String.fromCharCode(code);
  })(),
});
