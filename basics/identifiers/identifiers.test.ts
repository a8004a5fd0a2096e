import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, validateCardNumber } from './card-number.ts';
import { orgCodeCheckCharacter, validateOrgCode } from './org-code.ts';
import { residentIdCheckCharacter, validateResidentId } from './resident-id.ts';
import { usccCheckCharacter, validateUscc } from './uscc.ts';

describe('USCC (GB 32100)', () => {
  it('accepts published codes of real enterprises', () => {
    for (const code of ['91330100716105852F', '9144030071526726XG', '91110000802100433B']) expect(validateUscc(code).ok).toBe(true);
  });

  it('splits the code and checks the embedded organisation code', () => {
    const r = validateUscc(' 91350200ma2y7k3q6f ');
    expect(r).toEqual({
      ok: true,
      value: { value: '91350200MA2Y7K3Q6F', registrationAuthority: '9', category: '1', region: '350200', orgCode: 'MA2Y7K3Q6', orgCodeValid: true },
    });
  });

  it('gives check character 0 when the weighted sum is a multiple of 31', () => {
    expect(usccCheckCharacter('91110000100000286')).toBe('0');
    expect(validateUscc('911100001000002860').ok).toBe(true);
  });

  it('refuses a wrong check character, a bad length and characters outside the alphabet', () => {
    expect(validateUscc('91330100716105852E')).toEqual({ ok: false, error: 'checkCharacter' });
    expect(validateUscc('91330100716105852')).toEqual({ ok: false, error: 'length' });
    // I, O, S, V and Z are not in the alphabet.
    expect(validateUscc('91330100716105852I')).toEqual({ ok: false, error: 'character' });
  });

  it('reports an embedded organisation code that fails its own check', () => {
    const body = '91350200MA2Y7K3Q7';
    const r = validateUscc(body + usccCheckCharacter(body));
    expect(r.ok && r.value.orgCodeValid).toBe(false);
  });
});

describe('organisation code (GB 11714)', () => {
  it('computes digits, X (10) and 0 (11)', () => {
    expect(orgCodeCheckCharacter('71610585')).toBe('2');
    expect(orgCodeCheckCharacter('20000003')).toBe('X');
    expect(orgCodeCheckCharacter('20000008')).toBe('0');
    expect(orgCodeCheckCharacter('MA2Y7K3Q')).toBe('6');
  });

  it('accepts the hyphenated and plain forms', () => {
    expect(validateOrgCode('71526726-x')).toEqual({ ok: true, value: '71526726X' });
    expect(validateOrgCode('200000080')).toEqual({ ok: true, value: '200000080' });
  });

  it('refuses bad input', () => {
    expect(validateOrgCode('200000081')).toEqual({ ok: false, error: 'checkCharacter' });
    expect(validateOrgCode('2000000')).toEqual({ ok: false, error: 'length' });
    expect(validateOrgCode('2000000-0')).toEqual({ ok: false, error: 'character' });
    expect(validateOrgCode('2000_0080')).toEqual({ ok: false, error: 'character' });
    expect(validateOrgCode('20000008Y')).toEqual({ ok: false, error: 'character' });
  });
});

describe('resident ID number (GB 11643)', () => {
  const now = new Date('2026-11-22T06:00:00Z');

  it('accepts a valid number and reads birth date and sex', () => {
    expect(validateResidentId('350203198203154517', now)).toEqual({
      ok: true,
      value: { value: '350203198203154517', region: '350203', birthDate: '1982-03-15', sex: 'male' },
    });
    const female = validateResidentId('350204199006120028', now);
    expect(female.ok && female.value.sex).toBe('female');
  });

  it('handles the X check character in either case', () => {
    expect(residentIdCheckCharacter('11010519900307128')).toBe('X');
    const r = validateResidentId('11010519900307128x', now);
    expect(r.ok && r.value.value).toBe('11010519900307128X');
  });

  it('refuses dates that do not exist', () => {
    const body = '11010519900230123';
    expect(validateResidentId(body + residentIdCheckCharacter(body), now)).toEqual({ ok: false, error: 'birthDate' });
    const feb29 = '11010519000229123'; // 1900 was not a leap year
    expect(validateResidentId(feb29 + residentIdCheckCharacter(feb29), now)).toEqual({ ok: false, error: 'birthDate' });
    const leap = '11010520000229123';
    expect(validateResidentId(leap + residentIdCheckCharacter(leap), now).ok).toBe(true);
  });

  it('refuses a birth date in the future but accepts today', () => {
    const tomorrow = '11010520261123123';
    expect(validateResidentId(tomorrow + residentIdCheckCharacter(tomorrow), now)).toEqual({ ok: false, error: 'futureBirthDate' });
    const today = '11010520261122123';
    expect(validateResidentId(today + residentIdCheckCharacter(today), now).ok).toBe(true);
  });

  it('refuses a wrong check character, an unknown province and bad characters', () => {
    expect(validateResidentId('350203198203154518', now)).toEqual({ ok: false, error: 'checkCharacter' });
    const region = '99010519900307123';
    expect(validateResidentId(region + residentIdCheckCharacter(region), now)).toEqual({ ok: false, error: 'region' });
    expect(validateResidentId('3502031982031545X7', now)).toEqual({ ok: false, error: 'character' });
    expect(validateResidentId('35020319820315451', now)).toEqual({ ok: false, error: 'length' });
  });
});

describe('card number', () => {
  it('uses a Luhn check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3'); // the textbook example
    expect(validateCardNumber('8135020000000017')).toEqual({ ok: true, value: '8135020000000017' });
    expect(validateCardNumber('8135020000000018')).toEqual({ ok: false, error: 'checkDigit' });
    expect(validateCardNumber('7135020000000017')).toEqual({ ok: false, error: 'format' });
  });
});
