// Bad input in-process: the schema names the field, the reader names the byte, and a package
// that is well-formed but incomplete gives findings, never an exception.
import { describe, expect, it } from 'vitest';
import { checkIntake, checkIntakeInput } from '../../daemon/intake/check.ts';
import { parseIntakePackage } from '../../contract/intake/package-schema.ts';
import { firstInvalidUtf8, readPackageBytes } from '../../daemon/intake/read-package.ts';
import { acceptablePackage } from './fixture-packages.ts';

describe('parseIntakePackage', () => {
  it('accepts every example package and the minimal one', () => {
    expect(parseIntakePackage(acceptablePackage('new_enrolment')).ok).toBe(true);
    expect(parseIntakePackage({ business: 'unlock' })).toMatchObject({ ok: true, value: { business: 'unlock', cards: [], documents: [] } });
  });

  it('ignores keys it does not know (a newer producer), keeps the ones it does', () => {
    const parsed = parseIntakePackage({ business: 'unlock', session: 'abc', documents: [{ kind: 'id_card', form: 'copy', fields: { name: '许文彬', ocrConfidence: 0.9 } }] });
    expect(parsed).toMatchObject({ ok: true, value: { documents: [{ kind: 'id_card', form: 'copy', stamps: [], fields: { name: '许文彬' } }] } });
  });

  it('names the field of a 10 MB string without echoing it', () => {
    const parsed = parseIntakePackage({ business: 'unlock', agent: { name: 'x'.repeat(10_485_760) } });
    expect(parsed).toEqual({ ok: false, error: [{ path: 'agent.name', message: 'too long: 10485760 characters, at most 200 characters' }] });
  });

  it('refuses 100k documents quickly', () => {
    const started = performance.now();
    const parsed = parseIntakePackage({ business: 'unlock', documents: Array.from({ length: 100_000 }, () => ({ kind: 'id_card' })) });
    expect(parsed).toEqual({ ok: false, error: [{ path: 'documents', message: 'too long: 100000 entries, at most 64 entries' }] });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports at most 10 problems', () => {
    const parsed = parseIntakePackage({ business: 'unlock', documents: Array.from({ length: 30 }, () => ({ kind: 'passport' })) });
    expect(!parsed.ok && parsed.error.length).toBe(10);
  });

  it('refuses a package date that is not a real date', () => {
    expect(parseIntakePackage({ business: 'unlock', date: '2026-02-29' })).toEqual({ ok: false, error: [{ path: 'date', message: 'expected a real date as YYYY-MM-DD' }] });
    expect(parseIntakePackage({ business: 'unlock', version: 2 }).ok).toBe(false);
  });
});

describe('readPackageBytes', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('reads UTF-8 JSON, with or without a byte-order mark', () => {
    expect(readPackageBytes(utf8('{"business":"unlock"}'))).toEqual({ ok: true, value: { business: 'unlock' } });
    expect(readPackageBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"business":"unlock"}')]))).toEqual({ ok: true, value: { business: 'unlock' } });
  });

  it('says where the first invalid byte is', () => {
    expect(readPackageBytes(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toEqual({ ok: false, error: { kind: 'notUtf8', offset: 2 } });
  });

  it('finds overlong forms, surrogates and cut-off sequences', () => {
    expect(firstInvalidUtf8(utf8('许文彬 ok'))).toBeNull();
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe8, 0xae]))).toBe(2); // cut off
    expect(firstInvalidUtf8(new Uint8Array([0xf0, 0x9f, 0x98, 0x80]))).toBeNull(); // an emoji
  });

  it('tells a truncated file from other bad JSON', () => {
    expect(readPackageBytes(utf8('{"business":"unl'))).toMatchObject({ ok: false, error: { kind: 'notJson', truncated: true } });
    expect(readPackageBytes(utf8('{business: unlock}'))).toMatchObject({ ok: false, error: { kind: 'notJson', truncated: false } });
    expect(readPackageBytes(utf8('  \n'))).toEqual({ ok: false, error: { kind: 'empty' } });
  });
});

describe('well-formed but incomplete packages give findings', () => {
  it('the bare minimum: what is missing, in order', async () => {
    const checked = await checkIntakeInput({ business: 'unlock', date: '2026-11-22' });
    expect(checked.ok).toBe(true);
    const ids = checked.ok ? checked.value.findings.map((f) => f.ruleId) : [];
    expect(ids).toEqual(['R-ENTERPRISE-MISSING', 'R-AGENT-MISSING', 'R-DOC-MISSING', 'R-AGENT-ID-CARD', 'R-AGENT-ID-CARD', 'R-CARD-UNLOCK']);
    expect(checked.ok && checked.value.checklist).toEqual([{ kinds: ['introduction_letter'], forms: [], label: { zh: '单位介绍信', en: 'company introduction letter' }, present: false }]);
  });

  it('documents with no fields at all', async () => {
    const pkg = acceptablePackage('renewal');
    for (const d of pkg.documents) d.fields = {};
    const checked = await checkIntake(pkg);
    const ids = new Set(checked.ok ? checked.value.findings.map((f) => f.ruleId) : []);
    expect(ids).toContain('R-FIELD-MISSING');
    expect(checked.ok && checked.value.acceptable).toBe(false);
  });

  it('every string field blank or odd: no exception', async () => {
    const pkg = acceptablePackage('new_enrolment');
    for (const d of pkg.documents) for (const key of Object.keys(d.fields) as (keyof typeof d.fields)[]) if (typeof d.fields[key] === 'string') (d.fields as Record<string, unknown>)[key] = ' ';
    pkg.agent = { name: '', idNumber: 'X' };
    pkg.enterprise = { name: '—', uscc: '-', orgCode: '--------' };
    for (const c of pkg.cards) c.holderIdNumber = '0';
    const checked = await checkIntake(pkg);
    expect(checked.ok && checked.value.acceptable).toBe(false);
  });
});
