// Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters.
// 1 registration authority, 2 category, 3–8 region, 9–17 organisation code, 18 check.
import { err, ok, type Result } from '../result.ts';
import { validateOrgCode } from './org-code.ts';

export const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem = 'length' | 'character' | 'checkCharacter';

export interface Uscc {
  /** Normalised (upper case, trimmed). */
  value: string;
  registrationAuthority: string;
  category: string;
  region: string;
  /** Characters 9–17: the enterprise's organisation code. */
  orgCode: string;
  /** Whether characters 9–17 pass the GB 11714 check; the intake rules decide what that means. */
  orgCodeValid: boolean;
}

/** The check character for the first 17 characters. Σ ≡ 0 (mod 31) gives '0', not index 31. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('USCC body must be 17 characters');
  let sum = 0;
  for (const [i, w] of weights.entries()) {
    const c = first17.charAt(i);
    const v = usccAlphabet.indexOf(c);
    if (v < 0) throw new RangeError(`not a USCC character: ${c}`);
    sum += v * w;
  }
  return usccAlphabet.charAt((31 - (sum % 31)) % 31);
}

export function validateUscc(input: string): Result<Uscc, UsccProblem> {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return err('length');
  for (const c of value) if (!usccAlphabet.includes(c)) return err('character');
  if (usccCheckCharacter(value.slice(0, 17)) !== value.charAt(17)) return err('checkCharacter');
  const orgCode = value.slice(8, 17);
  return ok({
    value,
    registrationAuthority: value.slice(0, 1),
    category: value.slice(1, 2),
    region: value.slice(2, 8),
    orgCode,
    orgCodeValid: validateOrgCode(orgCode).ok,
  });
}
