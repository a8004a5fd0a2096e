// The card's basic information as the SAM module returns it for READ BASIC INFORMATION (30 01) and
// its fingerprint variant (30 10) — see docs/idcard-reader.md:
//
//   30 01: TEXT_LEN(2, BE) PHOTO_LEN(2, BE)               TEXT PHOTO
//   30 10: TEXT_LEN(2, BE) PHOTO_LEN(2, BE) FP_LEN(2, BE) TEXT PHOTO FINGERPRINTS
//
// TEXT is 256 bytes of UCS-2 little-endian, fixed fields padded with spaces. The photo (WLT, a
// proprietary compressed format only the vendors' licensed decoder opens) and the fingerprint
// templates are skipped here, never copied: the kiosk keeps no photo and no fingerprint.
import { err, ok, type Result } from '../../basics/result.ts';
import { nationCodes, sexCodes } from './gb-codes.ts';
import type { IdCardValidUntil } from '../../contract/devices/id-card-reader.ts';

export const textLength = 256;
export const photoLength = 1024;

/** The fields of the 256-byte text, in order, with their lengths in bytes. */
export const textFields = [
  ['name', 30],
  ['sex', 2],
  ['nation', 4],
  ['birthDate', 16],
  ['address', 70],
  ['idNumber', 36],
  ['issuingAuthority', 30],
  ['validFrom', 16],
  ['validUntil', 16],
  ['reserved', 36],
] as const satisfies readonly (readonly [string, number])[];

export type TextFieldName = (typeof textFields)[number][0];

/** The text decoded: strings trimmed, codes looked up, dates as YYYY-MM-DD. Sensitive: the full ID number. */
export interface IdCardText {
  name: string;
  sex: { code: string; label: string };
  nation: { code: string; label: string };
  birthDate: string;
  address: string;
  idNumber: string;
  issuingAuthority: string;
  validFrom: string;
  validUntil: IdCardValidUntil;
}

export const longTerm = '长期';

const utf16 = new TextDecoder('utf-16le', { fatal: true });

/** Each field's raw string (UCS-2 LE), untrimmed. */
export function splitText(text: Uint8Array): Result<Record<TextFieldName, string>, string> {
  if (text.length !== textLength) return err(`the text is ${text.length} bytes, not ${textLength}`);
  const out: Partial<Record<TextFieldName, string>> = {};
  let at = 0;
  for (const [name, length] of textFields) {
    try {
      out[name] = utf16.decode(text.subarray(at, at + length));
    } catch {
      return err(`the ${name} field is not UCS-2`);
    }
    at += length;
  }
  return ok(out as Record<TextFieldName, string>);
}

/** Padding is spaces on the cards; some modules pad with NULs. */
function trimField(raw: string): string {
  const isPad = (c: string): boolean => c === '\u0000' || c.trim() === '';
  const chars = Array.from(raw);
  let start = 0;
  let end = chars.length;
  while (start < end && isPad(chars[start] ?? '')) start++;
  while (end > start && isPad(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

function isoDate(field: string, raw: string): Result<string, string> {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (m === null) return err(`${field} is not a YYYYMMDD date: ${JSON.stringify(raw)}`);
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return err(`${field} is not a calendar date: ${raw}`);
  return ok(`${y}-${mo}-${d}`);
}

export function decodeText(text: Uint8Array): Result<IdCardText, string> {
  const split = splitText(text);
  if (!split.ok) return split;
  const f = Object.fromEntries(Object.entries(split.value).map(([k, v]) => [k, trimField(v)])) as Record<TextFieldName, string>;
  if (f.name === '') return err('the name is empty');
  const sex = sexCodes[f.sex];
  if (sex === undefined) return err(`unknown sex code ${JSON.stringify(f.sex)} (GB/T 2261.1)`);
  const nation = nationCodes[f.nation];
  if (nation === undefined) return err(`unknown nation code ${JSON.stringify(f.nation)} (GB 3304)`);
  const birthDate = isoDate('the birth date', f.birthDate);
  if (!birthDate.ok) return birthDate;
  if (!/^\d{17}[\dX]$/.test(f.idNumber)) return err('the ID number is not 17 digits and a check character');
  const validFrom = isoDate('valid from', f.validFrom);
  if (!validFrom.ok) return validFrom;
  let validUntil: IdCardValidUntil;
  if (f.validUntil === longTerm) validUntil = { kind: 'longTerm' };
  else {
    const until = isoDate('valid until', f.validUntil);
    if (!until.ok) return until;
    validUntil = { kind: 'date', date: until.value };
  }
  return ok({
    name: f.name,
    sex: { code: f.sex, label: sex },
    nation: { code: f.nation, label: nation },
    birthDate: birthDate.value,
    address: f.address,
    idNumber: f.idNumber,
    issuingAuthority: f.issuingAuthority,
    validFrom: validFrom.value,
    validUntil,
  });
}

/** Lengths in the header of a basic-information answer, and where its text starts. */
export interface BasicInfoLayout {
  textLength: number;
  photoLength: number;
  fingerprintLength: number;
  textOffset: number;
}

/** The header of a 30 01 (`withFingerprint` false) or 30 10 answer's data. */
export function basicInfoLayout(data: Uint8Array, withFingerprint: boolean): Result<BasicInfoLayout, string> {
  const header = withFingerprint ? 6 : 4;
  if (data.length < header) return err(`basic information of ${data.length} bytes has no length header`);
  const u16 = (at: number): number => ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);
  const layout = { textLength: u16(0), photoLength: u16(2), fingerprintLength: withFingerprint ? u16(4) : 0, textOffset: header };
  if (layout.textLength !== textLength) return err(`the text is announced as ${layout.textLength} bytes, not ${textLength}`);
  const expected = header + layout.textLength + layout.photoLength + layout.fingerprintLength;
  if (data.length !== expected) return err(`basic information of ${data.length} bytes, ${expected} announced`);
  return ok(layout);
}

/** The text of a basic-information answer, decoded; the photo and fingerprints are not looked at. */
export function decodeBasicInfo(data: Uint8Array, withFingerprint = false): Result<IdCardText, string> {
  const layout = basicInfoLayout(data, withFingerprint);
  if (!layout.ok) return layout;
  return decodeText(data.subarray(layout.value.textOffset, layout.value.textOffset + textLength));
}
