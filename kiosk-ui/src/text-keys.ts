// What the text keyboard does, with no DOM: the pinyin typed so far, the candidate characters
// for it and their pages, the mode (拼音 / ABC / 123), and what each key does to the field. The
// component (components/text-keyboard.ts) only draws a state and passes taps here; the field
// takes the edit this returns, as it takes the code keypad's (applyKeypadEdit).
//
// Pinyin: the letters typed split into syllables ("xuwenbin" → xu'wen'bin); the candidates are
// the characters of the first syllable, the common ones first. Picking one types it and leaves
// the rest of the letters, so a whole name can be typed in pinyin and then picked character by
// character. An unfinished syllable at the end ("zh", "x") offers the characters of every
// syllable it starts, the most common of each first.
import type { KeypadEdit } from './components/code-keypad.ts';
import type { PinyinTable } from './pinyin-table.ts';

export const textModes = ['zh', 'en', 'digits'] as const;
/** Pinyin with candidates, Latin letters, digits and symbols. */
export type TextMode = (typeof textModes)[number];

export interface TextKeysState {
  mode: TextMode;
  /** Latin letters in capitals (ABC mode). */
  capitals: boolean;
  /** Pinyin letters typed and not yet turned into characters (拼音 mode only). */
  pinyin: string;
  /** The index of the first candidate shown. */
  offset: number;
  /** The candidates fill the keyboard, a page of `gridSize`, instead of a bar of `barSize`. */
  expanded: boolean;
}

export const initialTextKeys: TextKeysState = { mode: 'zh', capitals: false, pinyin: '', offset: 0, expanded: false };

/** Candidates on the bar above the keys. */
export const barSize = 7;
/** Candidates on a page of the expanded grid (10 columns, 5 rows). */
export const gridSize = 50;
/** No syllable is longer than six letters; no name needs more than five syllables at once. */
export const maxPinyin = 30;

/**
 * The character keys of each mode, row by row (10 columns; the component adds backspace at the
 * end of the second row, capitals before the third in ABC, and the mode, space and clear keys).
 * Letters show and type as pinyin in 拼音 mode; the symbols are those of names (· of minority
 * names), enterprise names (full-width brackets) and addresses.
 */
export const characterRows: Readonly<Record<TextMode, readonly (readonly string[])[]>> = {
  zh: [Array.from('qwertyuiop'), Array.from('asdfghjkl'), [...Array.from('zxcvbnm'), '·', '（', '）']],
  en: [Array.from('qwertyuiop'), Array.from('asdfghjkl'), [...Array.from('zxcvbnm'), '.', '-']],
  digits: [Array.from('1234567890'), Array.from('（）·、-/#&@'), Array.from(`().,:;'"?!`)],
};

export type TextKey =
  | { kind: 'letter'; letter: string }
  /** A digit or symbol: typed as it is. */
  | { kind: 'symbol'; text: string }
  | { kind: 'space' }
  | { kind: 'backspace' }
  | { kind: 'clear' }
  | { kind: 'mode'; mode: TextMode }
  | { kind: 'capitals' }
  /** A candidate by its index in the whole list (not on the page). */
  | { kind: 'candidate'; index: number }
  | { kind: 'page'; step: 1 | -1 }
  | { kind: 'expand'; expanded: boolean };

export interface TextKeyResult {
  state: TextKeysState;
  /** What to do to the field, or null. */
  edit: KeypadEdit | null;
}

/** Syllables made of consonants only (嗯 ń, 呣 m, 哼 hng): typed, they would stop "n…" or "m…". */
const consonantSyllables = new Set(['m', 'n', 'ng', 'hm', 'hng']);

interface Syllables {
  whole: ReadonlySet<string>;
  /** Every syllable and every start of one. */
  starts: ReadonlySet<string>;
  /** The whole syllables each start begins, in alphabetical order. */
  begun: ReadonlyMap<string, readonly string[]>;
  candidates: Map<string, readonly string[]>;
}

const syllablesByTable = new WeakMap<PinyinTable, Syllables>();

function syllablesOf(table: PinyinTable): Syllables {
  const known = syllablesByTable.get(table);
  if (known !== undefined) return known;
  const whole = new Set([...table.syllables].filter((syllable) => !consonantSyllables.has(syllable)));
  const begun = new Map<string, string[]>();
  for (const syllable of [...whole].sort()) {
    for (let length = 1; length <= syllable.length; length++) {
      const start = syllable.slice(0, length);
      const list = begun.get(start);
      if (list === undefined) begun.set(start, [syllable]);
      else list.push(syllable);
    }
  }
  const syllables: Syllables = { whole, starts: new Set(begun.keys()), begun, candidates: new Map() };
  syllablesByTable.set(table, syllables);
  return syllables;
}

export interface PinyinParts {
  /** The letters in syllables, in order; the last may be unfinished or not pinyin at all. */
  parts: string[];
  /** Whether the first part is a whole syllable (else the start of one, or no pinyin). */
  firstWhole: boolean;
}

/**
 * Splits pinyin letters into syllables, the longest first where the rest still splits ("xian",
 * "zhuangu" → zhuan'gu); the last part may be the start of a syllable ("xuw" → xu'w). Letters that
 * are no pinyin stay together after the longest start that is.
 */
export function splitPinyin(letters: string, table: PinyinTable): PinyinParts {
  const { whole, starts } = syllablesOf(table);
  const memo = new Map<number, string[] | null>();
  const from = (index: number): string[] | null => {
    if (index === letters.length) return [];
    const known = memo.get(index);
    if (known !== undefined) return known;
    let found: string[] | null = null;
    for (let length = Math.min(6, letters.length - index); length >= 1 && found === null; length--) {
      const piece = letters.slice(index, index + length);
      if (!whole.has(piece)) continue;
      const rest = from(index + length);
      if (rest !== null) found = [piece, ...rest];
    }
    if (found === null && starts.has(letters.slice(index))) found = [letters.slice(index)];
    memo.set(index, found);
    return found;
  };
  const parts = from(0);
  if (parts !== null) return { parts, firstWhole: parts.length > 0 && whole.has(parts[0] ?? '') };
  let head = Math.min(6, letters.length);
  while (head > 0 && !starts.has(letters.slice(0, head))) head--;
  if (head === 0) return { parts: [letters], firstWhole: false };
  return { parts: [letters.slice(0, head), letters.slice(head)], firstWhole: whole.has(letters.slice(0, head)) };
}

/** The characters a syllable, or the start of syllables, offers: the common first. */
export function charactersFor(part: string, table: PinyinTable): readonly string[] {
  const syllables = syllablesOf(table);
  if (syllables.whole.has(part)) return table.characters(part);
  const known = syllables.candidates.get(part);
  if (known !== undefined) return known;
  // Each syllable's first character, then each one's second, …: common characters of every
  // syllable before the rare ones of any.
  const lists = (syllables.begun.get(part) ?? []).map((syllable) => table.characters(syllable));
  const merged = new Set<string>();
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let rank = 0; rank < longest; rank++) {
    for (const list of lists) {
      const character = list[rank];
      if (character !== undefined) merged.add(character);
    }
  }
  const candidates = [...merged];
  syllables.candidates.set(part, candidates);
  return candidates;
}

/** The candidates for the pinyin typed: the first syllable's characters. */
export function candidates(state: TextKeysState, table: PinyinTable | null): readonly string[] {
  if (state.mode !== 'zh' || state.pinyin === '' || table === null) return [];
  const first = splitPinyin(state.pinyin, table).parts[0];
  return first === undefined ? [] : charactersFor(first, table);
}

export interface CandidatePage {
  /** The candidates shown, with their index in the whole list. */
  shown: { index: number; character: string }[];
  /** 1-based, of `pages`. */
  page: number;
  pages: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function pageSize(state: TextKeysState): number {
  return state.expanded ? gridSize : barSize;
}

export function candidatePage(state: TextKeysState, table: PinyinTable | null): CandidatePage {
  const all = candidates(state, table);
  const size = pageSize(state);
  const shown = all.slice(state.offset, state.offset + size).map((character, at) => ({ index: state.offset + at, character }));
  return {
    shown,
    page: Math.floor(state.offset / size) + 1,
    pages: Math.max(1, Math.ceil(all.length / size)),
    hasPrevious: state.offset > 0,
    hasNext: state.offset + size < all.length,
  };
}

/** The pinyin as the agent reads it: syllables apart ("xu'wen'bin"). */
export function shownPinyin(state: TextKeysState, table: PinyinTable | null): string {
  return table === null ? state.pinyin : splitPinyin(state.pinyin, table).parts.join("'");
}

/** Each syllable's first candidate, what a symbol or digit typed after pinyin commits. */
function bestGuess(pinyin: string, table: PinyinTable | null): string {
  if (table === null) return pinyin;
  return splitPinyin(pinyin, table)
    .parts.map((part) => charactersFor(part, table)[0] ?? part)
    .join('');
}

const insert = (text: string): KeypadEdit => ({ kind: 'insert', text });

/** Back to nothing typed (another field), the mode kept. */
export function resetTextKeys(state: TextKeysState): TextKeysState {
  return { ...state, pinyin: '', offset: 0, expanded: false };
}

/** What `key` does: the keyboard's next state, and the edit for the field. */
export function pressTextKey(state: TextKeysState, key: TextKey, table: PinyinTable | null): TextKeyResult {
  const composing = state.mode === 'zh' && state.pinyin !== '';
  const fresh = { ...state, offset: 0, expanded: false };
  switch (key.kind) {
    case 'letter': {
      const letter = key.letter.toLowerCase();
      if (!/^[a-z]$/.test(letter)) return { state, edit: null };
      if (state.mode !== 'zh') return { state, edit: insert(state.capitals ? letter.toUpperCase() : letter) };
      if (state.pinyin.length >= maxPinyin) return { state, edit: null };
      return { state: { ...fresh, pinyin: state.pinyin + letter }, edit: null };
    }
    case 'symbol':
      if (composing) return { state: { ...fresh, pinyin: '' }, edit: insert(bestGuess(state.pinyin, table) + key.text) };
      return { state, edit: insert(key.text) };
    case 'space': {
      if (!composing) return { state, edit: insert(' ') };
      if (candidates(state, table).length === 0) return { state: { ...fresh, pinyin: '' }, edit: insert(state.pinyin) };
      return pressTextKey(state, { kind: 'candidate', index: 0 }, table);
    }
    case 'backspace':
      if (composing) return { state: { ...fresh, pinyin: state.pinyin.slice(0, -1) }, edit: null };
      return { state, edit: { kind: 'backspace' } };
    case 'clear':
      return { state: { ...fresh, pinyin: '' }, edit: { kind: 'clear' } };
    case 'mode':
      // Letters typed as pinyin are not lost: they go into the field as they are.
      if (key.mode === state.mode) return { state, edit: null };
      return { state: { ...fresh, mode: key.mode, pinyin: '' }, edit: composing ? insert(state.pinyin) : null };
    case 'capitals':
      return { state: { ...state, capitals: !state.capitals }, edit: null };
    case 'candidate': {
      if (!composing || table === null) return { state, edit: null };
      const character = candidates(state, table)[key.index];
      if (character === undefined) return { state, edit: null };
      const first = splitPinyin(state.pinyin, table).parts[0] ?? state.pinyin;
      return { state: { ...fresh, pinyin: state.pinyin.slice(first.length) }, edit: insert(character) };
    }
    case 'page': {
      const size = pageSize(state);
      const offset = Math.max(0, state.offset + key.step * size);
      if (offset === state.offset || offset >= candidates(state, table).length) return { state, edit: null };
      return { state: { ...state, offset }, edit: null };
    }
    case 'expand': {
      if (key.expanded === state.expanded) return { state, edit: null };
      const size = key.expanded ? gridSize : barSize;
      return { state: { ...state, expanded: key.expanded, offset: Math.floor(state.offset / size) * size }, edit: null };
    }
  }
}
