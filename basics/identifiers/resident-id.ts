// Resident identity card number (公民身份号码, GB 11643-1999): 18 characters.
// 6 region, 8 birth date, 3 sequence (odd = male), 1 check character.
import { err, ok, type Result } from '../result.ts';

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkCharacters = '10X98765432';
/** Province-level codes (GB/T 2260), including Taiwan, Hong Kong and Macao. */
const provinces = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);

export type ResidentIdProblem = 'length' | 'character' | 'region' | 'birthDate' | 'futureBirthDate' | 'checkCharacter';

export interface ResidentId {
  /** Normalised: upper-case 'X'. Sensitive: mask it (maskIdNumber) wherever it is shown or logged. */
  value: string;
  region: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female';
}

export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('resident ID body must be 17 digits');
  let sum = 0;
  for (const [i, w] of weights.entries()) sum += (first17.charCodeAt(i) - 48) * w;
  return checkCharacters.charAt(sum % 11);
}

function realDate(yyyymmdd: string): Date | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 1990-02-30 over to March: a real date survives the round trip.
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** `now` decides what "in the future" means (the birth date may be today, not tomorrow). */
export function validateResidentId(input: string, now: Date = new Date()): Result<ResidentId, ResidentIdProblem> {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return err('length');
  if (!/^\d{17}[\dX]$/.test(value)) return err('character');
  if (!provinces.has(Number(value.slice(0, 2)))) return err('region');
  const birth = realDate(value.slice(6, 14));
  if (birth === null) return err('birthDate');
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (birth.getTime() > today) return err('futureBirthDate');
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value.charAt(17)) return err('checkCharacter');
  return ok({
    value,
    region: value.slice(0, 6),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex: Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female',
  });
}
