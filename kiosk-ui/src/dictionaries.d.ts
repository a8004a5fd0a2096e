// Types for the two dictionary files the text keyboard's pinyin table imports (pinyin-table.ts):
// neither package types the file as it is imported.

// pinyin-pro exports its files (`./dist/*`) but types only its API: this is its character
// dictionary, a character's code → its readings with tone marks, space-separated ("xǔ hǔ").
declare module 'pinyin-pro/dist/esm/data/dict1.mjs' {
  const dictionary: {
    readonly NumberDICT: readonly (string | undefined)[];
    get(character: string): string | undefined;
  };
  export default dictionary;
}

// An ES module in a package without "type": "module": bundlers and Node load its default export,
// TypeScript would take it for CommonJS.
declare module 'simple-keyboard-layouts/build/layouts/chinese.js' {
  const layout: {
    readonly layout: Readonly<Record<string, readonly string[]>>;
    /** Syllable → characters, space-separated, the most frequent first. */
    readonly layoutCandidates?: Readonly<Record<string, string>>;
  };
  export default layout;
}
