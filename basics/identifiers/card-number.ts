// Card numbers of the simulated E-Port registry (the real format is not public): 16 digits,
// "81" issuer prefix, 4-digit data sub-centre code, 9-digit sequence, Luhn check digit —
// so a mistyped card number is caught before it reaches the authority.
import { err, ok, type Result } from '../result.ts';

export type CardNumberProblem = 'format' | 'checkDigit';

export function luhnCheckDigit(body: string): string {
  if (!/^\d+$/.test(body)) throw new RangeError('Luhn body must be digits');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Double every second digit counting from the right of the body (the check digit goes after it).
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function validateCardNumber(input: string): Result<string, CardNumberProblem> {
  const value = input.trim();
  if (!/^81\d{14}$/.test(value)) return err('format');
  if (luhnCheckDigit(value.slice(0, 15)) !== value.charAt(15)) return err('checkDigit');
  return ok(value);
}
