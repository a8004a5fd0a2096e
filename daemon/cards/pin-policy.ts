// The kiosk's PIN policy (seed 002: keep it secret; not a phone number, not a birth date).
// Checked before a new PIN goes to the card, so the agent hears why in plain words. The one
// definition: the unlock's new PIN and the PIN change both come here (through CardService).
// The phone numbers are the ones the registry holds for the card's holder and the enterprise's
// contact (Authority.phoneNumbersOnRecord, docs/authority.md); the kiosk asks for them per check
// and keeps them no longer than the check.
import { initialPin } from '../../drivers/card/profile.ts';
import type { PinRefusal } from '../../contract/pin-refusal.ts';

export interface PinPolicyInput {
  pin: string;
  /** The second entry on the PIN pad; must equal the first. */
  confirmation?: string;
  /** The holder's resident ID number: the PIN must not be their birth date. */
  holderIdNumber?: string;
  oldPin?: string;
  /** Phone numbers on record (any punctuation): the PIN must not be one of them. */
  phoneNumbers?: readonly string[];
}

function isSequence(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((pin.charCodeAt(i) - pin.charCodeAt(i - 1) + 10) % 10);
  // 12345678, 87654321, and wrapping runs such as 78901234.
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

function birthDateForms(idNumber: string): string[] {
  if (!/^\d{17}[\dXx]$/.test(idNumber)) return [];
  const yyyymmdd = idNumber.slice(6, 14);
  const yymmdd = yyyymmdd.slice(2);
  const mmdd = yyyymmdd.slice(4);
  // YYYYMMDD, DDMMYYYY, MMDDYYYY: the forms people actually pick.
  return [yyyymmdd, `${mmdd.slice(2)}${mmdd.slice(0, 2)}${yyyymmdd.slice(0, 4)}`, `${mmdd}${yyyymmdd.slice(0, 4)}`, yymmdd];
}

/**
 * The 8-digit PINs a phone number suggests: every 8 consecutive digits of the number as dialled
 * (a mobile's last 8, a landline's area code and number run together), and any PIN that contains
 * the local number (the digits after the last separator, when it has 7 or 8).
 */
function looksLikePhone(pin: string, phone: string): boolean {
  const digits = phone.replace(/\D/g, '');
  for (let i = 0; i + pin.length <= digits.length; i++) if (digits.slice(i, i + pin.length) === pin) return true;
  const local = /(\d+)\D*$/.exec(phone)?.[1] ?? '';
  return local.length >= 7 && local !== digits && pin.includes(local);
}

/** The first reason the PIN is refused, or null when it is acceptable. */
export function checkPinPolicy(input: PinPolicyInput): PinRefusal | null {
  const { pin } = input;
  if (!/^\d{8}$/.test(pin)) return 'notEightDigits';
  if (input.confirmation !== undefined && input.confirmation !== pin) return 'mismatch';
  if (pin === initialPin) return 'initialPin';
  if (/^(\d)\1{7}$/.test(pin)) return 'allSame';
  if (isSequence(pin)) return 'sequence';
  if (input.holderIdNumber !== undefined && birthDateForms(input.holderIdNumber).some((form) => pin.includes(form))) return 'birthDate';
  if (input.phoneNumbers?.some((phone) => looksLikePhone(pin, phone)) === true) return 'phoneNumber';
  if (input.oldPin !== undefined && input.oldPin === pin) return 'sameAsOld';
  return null;
}
