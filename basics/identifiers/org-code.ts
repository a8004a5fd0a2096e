// Organisation code (组织机构代码, GB 11714-1997): 8 body characters and a check character.
// Since 三证合一 it lives on as characters 9–17 of the USCC.
import { err, ok, type Result } from '../result.ts';

const weights = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const bodyPattern = /^[0-9A-Z]{8}$/;

export type OrgCodeProblem = 'length' | 'character' | 'checkCharacter';

/** Digits are their value, letters A=10 … Z=35 (GB 11714; not the USCC alphabet index). */
function charValue(c: string): number {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
}

/** The check character for an 8-character body: 11 − (Σ mod 11), where 10 is 'X' and 11 is '0'. */
export function orgCodeCheckCharacter(body: string): string {
  if (!bodyPattern.test(body)) throw new RangeError('organisation code body must be 8 characters 0-9 A-Z');
  let sum = 0;
  for (const [i, w] of weights.entries()) sum += charValue(body.charAt(i)) * w;
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** Accepts `12345678-9` or `123456789` (any case); the value is normalised to 9 characters. */
export function validateOrgCode(input: string): Result<string, OrgCodeProblem> {
  const value = input.trim().toUpperCase().replace(/^(.{8})-(.)$/, '$1$2');
  if (value.length !== 9) return err('length');
  const body = value.slice(0, 8);
  const check = value.slice(8);
  if (!bodyPattern.test(body) || !/^[0-9X]$/.test(check)) return err('character');
  if (orgCodeCheckCharacter(body) !== check) return err('checkCharacter');
  return ok(value);
}
