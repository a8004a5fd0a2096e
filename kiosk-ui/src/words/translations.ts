// The shape of every words/*.ts module: each message key with its text in every language of the
// kiosk, side by side. A module ends in `as const satisfies Translations`, so a message missing a
// language, or giving one the kiosk does not speak, fails the typecheck.
import type { Language } from '../language.ts';

/** One message in every language of the kiosk. */
export type Translation = Readonly<Record<Language, string>>;

/** The messages of one screen or area, by key. */
export type Translations = Readonly<Record<string, Translation>>;

/**
 * The keys that more than one of `areas` defines (never, when each key has one home). i18n.ts
 * requires never: merged into one dictionary, a key in two modules would silently keep only the
 * later module's words.
 */
export type KeysInTwoAreas<Areas extends readonly Translations[], Seen extends PropertyKey = never> = Areas extends readonly [
  infer Area extends Translations,
  ...infer Rest extends readonly Translations[],
]
  ? (keyof Area & Seen) | KeysInTwoAreas<Rest, Seen | keyof Area>
  : never;
