// Helpers for the paper screens (checklist, scanning, confirming fields, verdict): the daemon's
// bilingual text in the screen's language, a scan problem in plain words, the name of an intake
// business.
import type { FlowProblem } from '../../contract/flow-view.ts';
import type { BilingualText } from '../../contract/bilingual-text.ts';
import type { Language } from './language.ts';
import type { scanWords } from './words/scan.ts';

/** The daemon's text in the screen's language. */
export function inLanguage(language: Language, text: BilingualText): string {
  switch (language) {
    case 'zh-CN':
      return text.zh;
    case 'en':
      return text.en;
  }
}

type ScanKey = keyof typeof scanWords;

/** A problem on a paper screen in plain words: what happened, then what to do about it. */
export interface ProblemWords {
  what: ScanKey;
  /** Details, one line each (the checks a rescan failed). */
  details: ScanKey[];
  next: ScanKey;
}

export function problemWords(problem: FlowProblem): ProblemWords {
  switch (problem.kind) {
    case 'scannerJam':
      return { what: 'scanProblem.scannerJam', details: [], next: 'scanProblem.scannerJam.next' };
    case 'scannerCoverOpen':
      return { what: 'scanProblem.scannerCoverOpen', details: [], next: 'scanProblem.scannerCoverOpen.next' };
    case 'scannerNoPaper':
      return { what: 'scanProblem.scannerNoPaper', details: [], next: 'scanProblem.scannerNoPaper.next' };
    case 'scannerUnavailable':
      return { what: 'scanProblem.scannerUnavailable', details: [], next: 'scanProblem.scannerUnavailable.next' };
    // The screen puts in what it looks like and the paper asked for.
    case 'wrongPaper':
      return { what: 'scanProblem.wrongPaper', details: [], next: 'scanProblem.wrongPaper.next' };
    case 'idCardExpired':
      return { what: 'scanProblem.idCardExpired', details: [], next: 'scanProblem.idCardExpired.next' };
    case 'idCardMismatch':
      return { what: 'scanProblem.idCardMismatch', details: [], next: 'scanProblem.idCardMismatch.next' };
    case 'rescan':
      return { what: 'scanProblem.rescan', details: problem.checks.map((check) => `scanProblem.rescan.${check}` as const), next: 'scanProblem.rescan.next' };
    // Not expected on the paper screens (the flow host explains them on its own screens); if
    // one comes, the agent still gets a way on.
    case 'noCard':
    case 'cardRemoved':
    case 'readerUnavailable':
    case 'unreadableCard':
    case 'wrongCardState':
    case 'cardExpired':
    case 'wrongCardType':
    case 'otherEnterprise':
    case 'legalPersonFirst':
    case 'alreadyDone':
    case 'renewedToday':
    case 'wrongPin':
    case 'pinBlocked':
    case 'pinPolicy':
    case 'pinMustChange':
    case 'pinMustChangeAfterCheck':
    case 'pinChangeNotDone':
    case 'authorityUnreachable':
    case 'authorityRefused':
    case 'fieldsInvalid':
    case 'printerNoPaper':
    case 'printerCoverOpen':
    case 'printerUnavailable':
    case 'outOfService':
    case 'internal':
    case 'idCardUnreadable':
      return { what: 'scanProblem.other', details: [], next: 'scanProblem.other.next' };
  }
}

