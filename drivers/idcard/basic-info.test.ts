import { describe, expect, it } from 'vitest';
import { encodeBasicInfo, encodeText } from '../../sim/idcard/card-text.ts';
import { idCardFixture } from '../../sim/idcard/id-card-fixtures.ts';
import { basicInfoLayout, decodeBasicInfo, decodeText, longTerm, textLength } from './basic-info.ts';
import { nationCodes, sexCodes } from './gb-codes.ts';

const ucs2 = (text: string, bytes: number): number[] => {
  const out = [...Buffer.from(text, 'utf16le')];
  while (out.length < bytes) out.push(0x20, 0x00);
  return out;
};

/** The text laid out by hand, field by field, independently of the simulator's encoder. */
function handText(fields: { validUntil?: string; nation?: string; sex?: string; birth?: string } = {}): Uint8Array {
  return Uint8Array.from([
    ...ucs2('许文彬', 30),
    ...ucs2(fields.sex ?? '1', 2),
    ...ucs2(fields.nation ?? '01', 4),
    ...ucs2(fields.birth ?? '19800109', 16),
    ...ucs2('福建省厦门市思明区湖滨南路101号', 70),
    ...ucs2('35020419800109011X', 36),
    ...ucs2('厦门市公安局思明分局', 30),
    ...ucs2('20150320', 16),
    ...ucs2(fields.validUntil ?? '20350320', 16),
    ...ucs2('', 36),
  ]);
}

describe('basic information', () => {
  it('decodes the 256-byte UCS-2 LE text: fields trimmed, codes looked up, dates ISO', () => {
    const text = handText();
    expect(text.length).toBe(textLength);
    expect(decodeText(text)).toEqual({
      ok: true,
      value: {
        name: '许文彬',
        sex: { code: '1', label: '男' },
        nation: { code: '01', label: '汉族' },
        birthDate: '1980-01-09',
        address: '福建省厦门市思明区湖滨南路101号',
        idNumber: '35020419800109011X',
        issuingAuthority: '厦门市公安局思明分局',
        validFrom: '2015-03-20',
        validUntil: { kind: 'date', date: '2035-03-20' },
      },
    });
  });

  it('长期 is a long-term validity', () => {
    const decoded = decodeText(handText({ validUntil: longTerm }));
    expect(decoded.ok && decoded.value.validUntil).toEqual({ kind: 'longTerm' });
  });

  it('NUL padding is trimmed as well as spaces', () => {
    const text = handText();
    text.fill(0, 30 - 6, 30); // the name's last three characters' worth of padding as NULs
    expect(decodeText(text)).toMatchObject({ ok: true, value: { name: '许文彬' } });
  });

  it('bad codes and dates are values', () => {
    expect(decodeText(handText({ sex: '3' }))).toMatchObject({ ok: false, error: expect.stringContaining('sex code') });
    expect(decodeText(handText({ nation: '57' }))).toMatchObject({ ok: false, error: expect.stringContaining('nation code') });
    expect(decodeText(handText({ birth: '19800230' }))).toMatchObject({ ok: false, error: expect.stringContaining('calendar') });
    expect(decodeText(handText({ validUntil: '2035' }))).toMatchObject({ ok: false });
    expect(decodeText(new Uint8Array(100))).toMatchObject({ ok: false, error: expect.stringContaining('not 256') });
  });

  it('the tables: all 56 nations, 97 and 98; the four sex codes of GB/T 2261.1', () => {
    const codes = Object.keys(nationCodes);
    expect(codes).toHaveLength(58);
    expect(codes.filter((c) => Number(c) <= 56)).toHaveLength(56);
    expect(nationCodes['22']).toBe('畲族');
    expect(nationCodes['98']).toBe('外国血统中国籍人士');
    expect(Object.keys(sexCodes)).toEqual(['0', '1', '2', '9']);
  });

  it('the 30 01 header: 256 bytes of text, 1024 of photo; the photo is not decoded', () => {
    const data = encodeBasicInfo(idCardFixture('agent').text);
    expect([...data.subarray(0, 4)]).toEqual([0x01, 0x00, 0x04, 0x00]);
    expect(data.length).toBe(4 + 256 + 1024);
    expect(basicInfoLayout(data, false)).toEqual({ ok: true, value: { textLength: 256, photoLength: 1024, fingerprintLength: 0, textOffset: 4 } });
    expect(decodeBasicInfo(data)).toMatchObject({ ok: true, value: { name: '许文彬', idNumber: '35020419800109011X' } });
    expect(decodeBasicInfo(data.subarray(0, 1000))).toMatchObject({ ok: false, error: expect.stringContaining('announced') });
  });

  it('the 30 10 header carries a fingerprint length too', () => {
    const data = encodeBasicInfo(idCardFixture('long-term').text, true);
    expect(decodeBasicInfo(data, true)).toMatchObject({ ok: true, value: { name: '周建华', validUntil: { kind: 'longTerm' } } });
  });

  it("the simulator's encoder agrees byte for byte with the layout written by hand", () => {
    expect([...encodeText(idCardFixture('agent').text)]).toEqual([...handText()]);
  });
});
