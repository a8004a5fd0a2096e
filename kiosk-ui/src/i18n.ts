// The kiosk speaks Simplified Chinese by default and English on request.
//
// Where the words live: in kiosk-ui/src/words/, one module per screen or area (attract.ts,
// card.ts, scan.ts, technician-login.ts, dock.ts, …), each message with its Chinese and its
// English side by side:
//   'attract.welcome': { 'zh-CN': '中国电子口岸 IC 卡自助服务', en: 'China E-Port IC Card Self-Service' },
// To change a screen's words, edit its module. To add a message, add a key with the screen's
// prefix to that module and pass the key to translate() (or anything typed MessageKey). A new
// area gets a new module, `export const areaWords = { … } as const satisfies Translations;`,
// listed in wordsByArea below. The typecheck fails on a message missing a language, on a
// language the kiosk does not speak and on a key two modules both define; i18n.test.ts fails on
// an empty text or on placeholders that differ between the languages.
import type { Language } from './language.ts';
import { appWords } from './words/app.ts';
import { attractWords } from './words/attract.ts';
import { auditWords } from './words/audit.ts';
import { authorityRefusalWords } from './words/authority-refusals.ts';
import { cardWords } from './words/card.ts';
import { cardStatusWords } from './words/card-status.ts';
import { cardTestWords } from './words/card-test.ts';
import { checklistWords } from './words/checklist.ts';
import { confirmFieldsWords } from './words/confirm-fields.ts';
import { connectionWords } from './words/connection.ts';
import { consentWords } from './words/consent.ts';
import { countersWords } from './words/counters.ts';
import { deviceStatusWords } from './words/device-status.ts';
import { deviceTestWords } from './words/device-test.ts';
import { businessWords, cardTypeWords, pinRefusalWords } from './words/domain.ts';
import { dockWords } from './words/dock.ts';
import { dockScannerWords } from './words/dock-scanner.ts';
import { doneWords } from './words/done.ts';
import { flowWords } from './words/flow.ts';
import { flowProblemsWords } from './words/flow-problems.ts';
import { gpioWords } from './words/gpio.ts';
import { idCardReaderWords } from './words/id-card-reader.ts';
import { keypadWords } from './words/keypad.ts';
import { logTailWords } from './words/log-tail.ts';
import { managementWords, registryOperationWords } from './words/management.ts';
import { pinWords } from './words/pin.ts';
import { pinChangeWords } from './words/pin-change.ts';
import { placeIdCardWords } from './words/place-id-card.ts';
import { progressWords } from './words/progress.ts';
import { registryWords } from './words/registry.ts';
import { reportsWords } from './words/reports.ts';
import { scanWords } from './words/scan.ts';
import { serviceStateWords } from './words/service-state.ts';
import { technicianWords } from './words/technician.ts';
import { technicianLoginWords } from './words/technician-login.ts';
import { technicianProblemsWords } from './words/technician-problems.ts';
import { textKeyboardWords } from './words/text-keyboard.ts';
import { verdictWords } from './words/verdict.ts';
import type { KeysInTwoAreas, Translations } from './words/translations.ts';

export { defaultLanguage, languages, otherLanguage, type Language } from './language.ts';

/** The words of every screen and area, each in its own module under words/. */
export const wordsByArea = [
  // The domain's words: businesses, card types and PIN refusals, from the contract
  businessWords,
  cardTypeWords,
  pinRefusalWords,
  managementWords,
  registryOperationWords,
  authorityRefusalWords,
  // The agent's screens
  appWords,
  connectionWords,
  attractWords,
  deviceStatusWords,
  idCardReaderWords,
  flowWords,
  consentWords,
  cardWords,
  placeIdCardWords,
  pinWords,
  pinChangeWords,
  progressWords,
  cardStatusWords,
  doneWords,
  flowProblemsWords,
  // The paper screens: checklist, scanning, fields, registry differences, verdict
  checklistWords,
  scanWords,
  confirmFieldsWords,
  keypadWords,
  textKeyboardWords,
  registryWords,
  verdictWords,
  // The technician page
  technicianWords,
  technicianLoginWords,
  technicianProblemsWords,
  serviceStateWords,
  cardTestWords,
  gpioWords,
  deviceTestWords,
  auditWords,
  countersWords,
  logTailWords,
  reportsWords,
  // The simulator's dev dock
  dockWords,
  dockScannerWords,
] as const;

type KeysOf<Area> = Area extends Translations ? keyof Area : never;
/** Compiles only when `Keys` is never. */
type None<Keys extends never> = Keys;
// Merged into one dictionary, a key two areas define would keep only the later area's words:
// this fails to compile instead, and the error names the key.
type _NoKeyInTwoAreas = None<KeysInTwoAreas<typeof wordsByArea>>;

/** Every message the UI can show. */
export type MessageKey = KeysOf<(typeof wordsByArea)[number]>;
export type Dictionary = Readonly<Record<MessageKey, string>>;

/** One language's dictionary: every area's messages in `language`. */
function dictionaryIn(language: Language): Dictionary {
  const areas: readonly Translations[] = wordsByArea;
  // The keys are exactly MessageKey: the same areas make both.
  return Object.fromEntries(areas.flatMap((area) => Object.entries(area).map(([key, translation]) => [key, translation[language]]))) as Dictionary;
}

export const dictionaries: Readonly<Record<Language, Dictionary>> = { 'zh-CN': dictionaryIn('zh-CN'), en: dictionaryIn('en') };

/** The message in `language`, with `{name}` placeholders filled from `params`. */
export function translate(language: Language, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return dictionaries[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The page speaks `language`: its `lang` (screen readers, fonts, axe) and its title follow. */
export function showPageIn(language: Language, titleKey: MessageKey): void {
  document.documentElement.lang = language;
  document.title = translate(language, titleKey);
}
