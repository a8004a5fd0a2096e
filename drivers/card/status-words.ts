// The status words the E-Port card profile uses (docs/card-profile.md), with their ISO 7816-4
// meaning, for logs, diagnostics and the technician page.

export const sw = {
  ok: 0x9000,
  /** 62 83: selected application deactivated (not used by this profile; listed for real cards). */
  selectedFileDeactivated: 0x6283,
  memoryFailure: 0x6581,
  wrongLength: 0x6700,
  /** 68 83: the last command of a chain was expected. */
  lastCommandOfChainExpected: 0x6883,
  chainingNotSupported: 0x6884,
  securityStatusNotSatisfied: 0x6982,
  authenticationMethodBlocked: 0x6983,
  referenceDataNotUsable: 0x6984,
  conditionsOfUseNotSatisfied: 0x6985,
  commandNotAllowed: 0x6986,
  incorrectSecureMessaging: 0x6988,
  incorrectData: 0x6a80,
  functionNotSupported: 0x6a81,
  fileNotFound: 0x6a82,
  notEnoughMemory: 0x6a84,
  incorrectP1P2: 0x6a86,
  referenceDataNotFound: 0x6a88,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
  noPreciseDiagnosis: 0x6f00,
} as const;

const fixed: ReadonlyMap<number, string> = new Map([
  [sw.ok, 'success'],
  [sw.selectedFileDeactivated, 'selected application deactivated'],
  [sw.memoryFailure, 'memory failure (persistent write failed)'],
  [sw.wrongLength, 'wrong length (Lc or APDU length)'],
  [sw.lastCommandOfChainExpected, 'last command of the chain expected'],
  [sw.chainingNotSupported, 'command chaining not supported for this command'],
  [sw.securityStatusNotSatisfied, 'security status not satisfied (PIN or external authentication needed)'],
  [sw.authenticationMethodBlocked, 'authentication method blocked (PIN or unblock key blocked)'],
  [sw.referenceDataNotUsable, 'reference data not usable (pending certificate does not match pending key)'],
  [sw.conditionsOfUseNotSatisfied, 'conditions of use not satisfied (card status or missing prerequisite)'],
  [sw.commandNotAllowed, 'command not allowed'],
  [sw.incorrectSecureMessaging, 'incorrect secure messaging data objects'],
  [sw.incorrectData, 'incorrect data in the command'],
  [sw.functionNotSupported, 'function not supported'],
  [sw.fileNotFound, 'application or data not found'],
  [sw.notEnoughMemory, 'not enough memory space'],
  [sw.incorrectP1P2, 'incorrect P1 or P2'],
  [sw.referenceDataNotFound, 'referenced data not found'],
  [sw.insNotSupported, 'instruction not supported'],
  [sw.claNotSupported, 'class not supported'],
  [sw.noPreciseDiagnosis, 'no precise diagnosis'],
]);

/** A human meaning for any status word, including the parametrised ones (61xx, 6Cxx, 63Cx). */
export function statusWordMeaning(word: number): string {
  const known = fixed.get(word);
  if (known !== undefined) return known;
  const sw1 = word >> 8;
  const sw2 = word & 0xff;
  if (sw1 === 0x61) return `${sw2 === 0 ? 256 : sw2} more response bytes available (GET RESPONSE)`;
  if (sw1 === 0x6c) return `wrong Le; exact length is ${sw2 === 0 ? 256 : sw2}`;
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) return `verification failed, ${sw2 & 0x0f} tries left`;
  return 'unknown status word';
}

/** Tries left carried by 63Cx, or null for any other status word. */
export function triesLeftOf(word: number): number | null {
  return (word & 0xfff0) === 0x63c0 ? word & 0x0f : null;
}

export function isSuccess(word: number): boolean {
  return word === sw.ok;
}
