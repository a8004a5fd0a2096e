// Plain words for what the agent's flow screens show: every FlowProblem as what happened and what
// to do next, the working steps, card states and advice, and a command the UI could not send.
import { authorityRefusalKey } from './words/authority-refusals.ts';
import { cardTypeKey, pinRefusalKey } from './words/domain.ts';
import type { CardLifecycle } from '../../contract/devices/card-reader.ts';
import type { CardAdvice, CardWanted, FlowProblem, FlowScreen, ReceiptState } from '../../contract/flow-view.ts';
import { translate, type Language, type MessageKey } from './i18n.ts';
import type { SendOutcome } from './ws-client.ts';

export interface Words {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** What went wrong, and the way on. */
export interface ProblemWords {
  what: Words;
  next: Words;
}

export function say(language: Language, words: Words): string {
  return translate(language, words.key, words.params);
}

/**
 * The done screen of an intake check that found papers missing or wrong: it says the receipt lists
 * them only when the receipt printed; the list itself stays on screen either way.
 */
export function intakeNotAcceptableKey(receipt: ReceiptState): MessageKey {
  switch (receipt.state) {
    case 'printed':
      return 'done.intakeNotAcceptable.printed';
    case 'printing':
    case 'failed':
    case 'skipped':
      return 'done.intakeNotAcceptable.onScreen';
  }
}

export function lifecycleKey(lifecycle: CardLifecycle): MessageKey {
  switch (lifecycle) {
    case 'active':
      return 'lifecycle.active';
    case 'expired':
      return 'lifecycle.expired';
    case 'locked':
      return 'lifecycle.locked';
    case 'frozen':
      return 'lifecycle.frozen';
    case 'reportedLost':
      return 'lifecycle.reportedLost';
    case 'invalidated':
      return 'lifecycle.invalidated';
  }
}

type RescanCheck = Extract<FlowProblem, { kind: 'rescan' }>['checks'][number];

function rescanKey(check: RescanCheck): MessageKey {
  switch (check) {
    case 'blank':
      return 'fp.rescan.blank';
    case 'lowResolution':
      return 'fp.rescan.lowResolution';
    case 'heavySkew':
      return 'fp.rescan.heavySkew';
  }
}

const listSeparator = (language: Language): string => (language === 'en' ? ', ' : '、');

/** A certificate's expiry as a day in the service hall's calendar. */
function dayWords(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(date);
}

/** A problem in the agent's terms: what happened, then what to do (never a dead end). */
export function flowProblemWords(problem: FlowProblem, language: Language): ProblemWords {
  const t = (key: MessageKey): string => translate(language, key);
  const words = (what: MessageKey, next: MessageKey, params?: Record<string, string | number>): ProblemWords => ({
    what: params === undefined ? { key: what } : { key: what, params },
    next: { key: next },
  });
  switch (problem.kind) {
    case 'noCard':
      return words('fp.noCard', 'fpNext.insertCard');
    case 'cardRemoved':
      return words('fp.cardRemoved', 'fpNext.insertAgain');
    case 'readerUnavailable':
      return words('fp.readerUnavailable', 'fpNext.counter');
    case 'unreadableCard':
      return words('fp.unreadableCard', 'fpNext.checkCard');
    case 'wrongCardState':
      return words('fp.wrongCardState', 'fpNext.otherCardOrCounter', { state: t(lifecycleKey(problem.lifecycle)) });
    case 'wrongCardType':
      return words('fp.wrongCardType', 'fpNext.otherCard', {
        actual: t(cardTypeKey(problem.actual)),
        expected: problem.expected.map((type) => t(cardTypeKey(type))).join(listSeparator(language)),
      });
    case 'cardExpired':
      return words('fp.cardExpired', 'fpNext.cardExpired', { cardNo: problem.cardNo });
    case 'otherEnterprise':
      return words('fp.otherEnterprise', 'fpNext.otherCard');
    case 'legalPersonFirst':
      return words('fp.legalPersonFirst', 'fpNext.legalPerson');
    case 'alreadyDone':
      return words('fp.alreadyDone', 'fpNext.nextCardOrFinish', { cardNo: problem.cardNo });
    case 'renewedToday':
      return words('fp.renewedToday', 'fpNext.renewedToday', { cardNo: problem.cardNo, date: dayWords(problem.notAfter, language) });
    case 'wrongPin':
      // Always the tries left: the last one is said as such, none means the card is now locked.
      if (problem.triesLeft <= 0) return words('fp.wrongPinNoTries', 'fpNext.unlock');
      if (problem.triesLeft === 1) return words('fp.wrongPinLastTry', 'fpNext.pinLastTry');
      return words('fp.wrongPin', 'fpNext.pinAgain', { tries: problem.triesLeft });
    case 'pinBlocked':
      return words('fp.pinBlocked', 'fpNext.unlock');
    case 'pinPolicy':
      return words(pinRefusalKey(problem.refusal), 'fpNext.newPin');
    case 'pinMustChange':
      return words('fp.pinMustChange', 'fpNext.changePin');
    case 'pinChangeNotDone':
      return words('fp.pinChangeNotDone', 'fpNext.pinChangeNotDone', { tries: problem.triesLeft });
    case 'pinMustChangeAfterCheck':
      return words('fp.pinMustChange', 'fpNext.changePinAfterCheck', { cardNo: problem.cardNo });
    case 'authorityUnreachable':
      return words('fp.authorityUnreachable', 'fpNext.later');
    case 'authorityRefused':
      return words('fp.authorityRefused', 'fpNext.counter', { reason: t(authorityRefusalKey(problem.reason)) });
    case 'scannerJam':
      return words('fp.scannerJam', 'fpNext.staffScanner');
    case 'scannerCoverOpen':
      return words('fp.scannerCoverOpen', 'fpNext.closeCover');
    case 'scannerNoPaper':
      return words('fp.scannerNoPaper', 'fpNext.placePaper');
    case 'scannerUnavailable':
      return words('fp.scannerUnavailable', 'fpNext.counter');
    case 'rescan':
      return words('fp.rescan', 'fpNext.rescan', { checks: problem.checks.map((check) => t(rescanKey(check))).join(listSeparator(language)) });
    case 'wrongPaper':
      return words('fp.wrongPaper', 'fpNext.wrongPaper', { looksLike: problem.looksLike[language === 'en' ? 'en' : 'zh'] });
    case 'fieldsInvalid':
      return words('fp.fieldsInvalid', 'fpNext.fixFields', { fields: problem.fields.join(listSeparator(language)) });
    case 'printerNoPaper':
      return words('fp.printerNoPaper', 'fpNext.receiptStaff');
    case 'printerCoverOpen':
      return words('fp.printerCoverOpen', 'fpNext.receiptStaff');
    case 'printerUnavailable':
      return words('fp.printerUnavailable', 'fpNext.noReceipt');
    case 'outOfService':
      return words('fp.outOfService', 'fpNext.counterNow');
    case 'internal':
      // The detail is for the log, not the agent.
      return words('fp.internal', 'fpNext.counter');
    case 'idCardExpired':
      return words('fp.idCardExpired', 'fpNext.idCardExpired', { date: problem.validUntil });
    case 'idCardUnreadable':
      return words('fp.idCardUnreadable', 'fpNext.useCopy');
    case 'idCardMismatch':
      return words('fp.idCardMismatch', 'fpNext.idCardMismatch', { fields: problem.fields.join(listSeparator(language)) });
  }
}

export function cardWantedKey(wanted: CardWanted): MessageKey {
  switch (wanted) {
    case 'lockedCard':
      return 'insert.wanted.lockedCard';
    case 'legalPersonCard':
      return 'insert.wanted.legalPersonCard';
    case 'cardToRenew':
      return 'insert.wanted.cardToRenew';
    case 'anyCard':
      return 'insert.wanted.anyCard';
    case 'enterpriseCards':
      return 'insert.wanted.enterpriseCards';
    case 'cardForPinChange':
      return 'insert.wanted.cardForPinChange';
  }
}

export function adviceKey(advice: CardAdvice): MessageKey {
  switch (advice) {
    case 'none':
      return 'advice.none';
    case 'renewSoon':
      return 'advice.renewSoon';
    case 'renewNow':
      return 'advice.renewNow';
    case 'expired':
      return 'advice.expired';
    case 'unlock':
      return 'advice.unlock';
    case 'counter':
      return 'advice.counter';
    case 'changePin':
      return 'advice.changePin';
    case 'unfreezeHere':
      return 'advice.unfreezeHere';
    case 'undoLossHere':
      return 'advice.undoLossHere';
    case 'deregisterHere':
      return 'advice.deregisterHere';
    case 'counterLegalPerson':
      return 'advice.counterLegalPerson';
  }
}

type WorkingTask = Extract<FlowScreen, { screen: 'working' }>['task'];

export function taskKey(task: WorkingTask): MessageKey {
  switch (task) {
    case 'authorising':
      return 'working.authorising';
    case 'unlocking':
      return 'working.unlocking';
    case 'renewing':
      return 'working.renewing';
    case 'checking':
      return 'working.checking';
    case 'submitting':
      return 'working.submitting';
    case 'comparing':
      return 'working.comparing';
    case 'changingPin':
      return 'working.changingPin';
    case 'listing':
      return 'working.listing';
  }
}

/** The unlock and renewal journal steps (daemon/cards/unlock.ts, renewal.ts) the UI has words for. */
const stepKeys: Readonly<Record<string, MessageKey>> = {
  started: 'step.started',
  challenged: 'step.challenged',
  authorised: 'step.authorised',
  authenticated: 'step.authenticated',
  pinReset: 'step.pinReset',
  pinVerified: 'step.pinVerified',
  reported: 'step.reported',
  pendingKeyGenerated: 'step.pendingKeyGenerated',
  keyProofSigned: 'step.keyProofSigned',
  certificateIssued: 'step.certificateIssued',
  pendingCertificateWritten: 'step.pendingCertificateWritten',
  activated: 'step.activated',
  verified: 'step.verified',
  confirmed: 'step.confirmed',
};

export interface ProgressShown {
  /** 1-based step number for the words, clamped to 1..of. */
  number: number;
  of: number;
  /** 0..1 for the bar. */
  fraction: number;
  words: Words;
}

/**
 * A working screen's progress. `index` counts from 0 (the step just reached); an unknown step id
 * (a daemon newer than this UI) still shows "step i of n".
 */
export function progressShown(progress: { step: string; index: number; of: number }): ProgressShown {
  const of = Math.max(1, Math.round(progress.of));
  const number = Math.min(of, Math.max(1, Math.round(progress.index) + 1));
  const stepKey = Object.hasOwn(stepKeys, progress.step) ? stepKeys[progress.step] : undefined;
  const words: Words =
    stepKey === undefined ? { key: 'working.step', params: { index: number, of } } : { key: 'working.stepNamed', params: { index: number, of, step: stepKey } };
  return { number, of, fraction: number / of, words };
}

/** The step name inside `working.stepNamed` is a key; translate it for the sentence. */
export function progressText(language: Language, shown: ProgressShown): string {
  const params = { ...shown.words.params };
  if (typeof params.step === 'string') params.step = translate(language, params.step as MessageKey);
  return translate(language, shown.words.key, params);
}

type SendFailure = Exclude<SendOutcome<unknown>, { kind: 'success' }>;

/** A flow command that did not go through, for the agent (no completion codes on screen). */
export function sendFailureWords(failure: SendFailure): Words {
  if (failure.kind === 'failed') {
    switch (failure.reason) {
      case 'notConnected':
      case 'connectionLost':
        return { key: 'flow.send.connection' };
      case 'noReply':
        return { key: 'flow.send.timeout' };
      case 'badReply':
        return { key: 'flow.send.other' };
    }
  }
  switch (failure.completionCode) {
    case 'sequenceError':
      return { key: 'flow.send.stale' };
    case 'timeOut':
      return { key: 'flow.send.timeout' };
    case 'deviceNotReady':
    case 'hardwareError':
    case 'authorisationRequired':
    case 'unsupportedCommand':
    case 'tooManyRequests':
    case 'invalidData':
    case 'invalidCommand':
    case 'canceled':
    case 'userError':
    case 'internalError':
      return { key: 'flow.send.other' };
  }
}
