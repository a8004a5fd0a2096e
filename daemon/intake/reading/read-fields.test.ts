// The field readers and the classifier on OCR lines as the engine gives them (no engine here:
// read-paper.test.ts runs the real one on generated pages).
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrPage } from '../../../drivers/ocr/ocr-engine.ts';
import { isCertain } from '../../../contract/intake/paper-reading.ts';
import { paperLooks } from './paper-kind.ts';
import { readFields } from './read-fields.ts';
import { withLicenceQr } from './read-paper.ts';
import { rowsOf } from './rows.ts';

/** A line at (x, y) in a 1654-pixel-wide page, 40 px high; `doubtful` characters get probability 0.3. */
function line(text: string, x: number, y: number, doubtful: readonly number[] = []): OcrLine {
  const chars = Array.from(text);
  const charConfidences = chars.map((_, i) => (doubtful.includes(i) ? 0.3 : 0.99));
  return { text, confidence: 0.99, charConfidences, box: { x: x + chars.length * 18, y, width: chars.length * 36, height: 40, angle: 0 } };
}

function page(lines: OcrLine[]): OcrPage {
  return { width: 1654, height: 2339, lines, ms: 1 };
}

describe('reading an ID card', () => {
  const front = page([
    line('姓名', 40, 60),
    line('许文彬', 140, 62),
    line('性别 男', 40, 120),
    line('民族汉', 220, 121),
    line('出生', 40, 175),
    line('1980年1月9日', 140, 173),
    line('住址', 40, 230),
    line('福建省厦门市思明区湖滨南', 140, 228),
    line('路111号', 140, 268),
    line('公民身份号码 35020419800109011X', 40, 372),
  ]);

  it('reads the portrait face: name, sex, nation, birth date, a wrapped address and the ID number', () => {
    const rows = rowsOf(front);
    expect(paperLooks(rows)).toMatchObject({ kind: 'id_card', side: 'front' });
    const fields = readFields('id_card', rows);
    expect(Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.value]))).toEqual({
      name: '许文彬',
      sex: '男',
      nation: '汉',
      birthDate: '1980-01-09',
      address: '福建省厦门市思明区湖滨南路111号',
      idNumber: '35020419800109011X',
    });
    expect(Object.values(fields).every(isCertain)).toBe(true);
  });

  it('offers an ID number that fails its check character as a suggestion, never as certain', () => {
    const misread = page([line('姓名 许文彬', 40, 60), line('公民身份号码 350204198001090118', 40, 372)]);
    const { idNumber } = readFields('id_card', rowsOf(misread));
    expect(idNumber).toMatchObject({ value: '350204198001090118', checkFailed: true });
    expect(idNumber !== undefined && isCertain(idNumber)).toBe(false);
  });

  it('maps the letters OCR reads for digits inside the number', () => {
    const fields = readFields('id_card', rowsOf(page([line('公民身份号码 35O2O419800109011x', 40, 372)])));
    expect(fields.idNumber).toEqual({ value: '35020419800109011X', confidence: 0.99 });
  });

  it('reads the emblem side: issuing authority and validity, 长期 included', () => {
    const back = page([line('中华人民共和国', 300, 80), line('居民身份证', 300, 140), line('签发机关 厦门市公安局思明分局', 120, 300), line('有效期限 2016.03.18-长期', 120, 360)]);
    const rows = rowsOf(back);
    expect(paperLooks(rows)).toMatchObject({ kind: 'id_card', side: 'back' });
    expect(readFields('id_card', rows)).toEqual({
      issuingAuthority: { value: '厦门市公安局思明分局', confidence: 0.99 },
      validFrom: { value: '2016-03-18', confidence: 0.99 },
      validUntil: { value: '长期', confidence: 0.99 },
    });
  });

  it('reads both faces of a copy (正反面) on one page, and a stray speck before 民族', () => {
    const copy = page([
      ...front.lines.filter((l) => !l.text.startsWith('性别') && !l.text.startsWith('民族')),
      line('性别男.民族汉', 40, 120),
      line('签发机关 厦门市公安局思明分局', 120, 900),
      line('有效期限 2022.01.09-2042.01.09', 120, 960),
      line('身份证复印件（正反面）', 400, 1200),
    ]);
    const fields = readFields('id_card', rowsOf(copy));
    expect(Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.value]))).toMatchObject({
      name: '许文彬',
      sex: '男',
      nation: '汉',
      idNumber: '35020419800109011X',
      issuingAuthority: '厦门市公安局思明分局',
      validFrom: '2022-01-09',
      validUntil: '2042-01-09',
    });
  });

  it('gives a doubtful character its weight: the field is uncertain', () => {
    const fields = readFields('id_card', rowsOf(page([line('姓名', 40, 60), line('许文彬', 140, 62, [2])])));
    expect(fields.name).toEqual({ value: '许文彬', confidence: 0.3 });
  });
});

describe('reading an introduction letter', () => {
  const letter = page([
    line('介绍信', 660, 320),
    line('中国电子口岸数据中心厦门分中心：', 190, 550),
    line('兹介绍我单位许文彬同志（身份证号码：350204198001', 260, 660),
    line('09011X）前往贵中心办理中国电子口岸企业IC卡新入网业务，请', 260, 730),
    line('予接洽为盼。', 260, 800),
    line('此致', 260, 1000),
    line('敬礼！', 190, 1080),
    line('厦门海韵进出口贸易有限公司', 1000, 1320, [3]),
    line('2026年12月01日', 1210, 1400),
  ]);

  it('reads the agent and the ID number across the paragraph\'s line break, and the signing enterprise', () => {
    const rows = rowsOf(letter);
    expect(paperLooks(rows)).toMatchObject({ kind: 'introduction_letter' });
    expect(paperLooks(rows)?.form).toBeUndefined();
    expect(readFields('introduction_letter', rows)).toEqual({
      agentName: { value: '许文彬', confidence: 0.99 },
      agentIdNumber: { value: '35020419800109011X', confidence: 0.99 },
      // The company seal over the name leaves one character doubtful.
      name: { value: '厦门海韵进出口贸易有限公司', confidence: 0.3 },
    });
  });
});

describe('reading a business licence', () => {
  const licence = page([
    line('营业执照', 760, 470),
    line('（副本）', 780, 585),
    line('统一社会信用代码91350200MA2Y7K3Q6F', 200, 698),
    line('名称', 230, 824),
    line('厦门海韵进出口贸易有限公司', 520, 824),
    line('法定代表人', 210, 1011),
    line('陈海峰', 520, 1012),
    line('成立日期', 210, 1201),
    line('2016年03月18日', 520, 1202),
    line('营业期限', 210, 1296),
    line('2016年03月18日至2046年03月17日', 520, 1296),
    line('住所', 230, 1390),
    line('福建省厦门市湖里区海韵路18号3楼301室', 520, 1391),
    line('经营范围', 210, 1484),
    line('自营和代理各类商品和技术的进出口业务；日用百货、五金交', 520, 1486),
    line('2026年度检验合格', 330, 1937),
    line('2026年08月03日', 330, 1974),
    line('此复印件仅供办理中国电子口岸业务使用，再复印无效', 380, 2199),
  ]);

  it('reads its fields and tells a copy', () => {
    const rows = rowsOf(licence);
    expect(paperLooks(rows)).toMatchObject({ kind: 'business_licence', form: 'copy', evidence: '营业执照' });
    const values = Object.fromEntries(Object.entries(readFields('business_licence', rows)).map(([key, field]) => [key, field.value]));
    expect(values).toEqual({
      name: '厦门海韵进出口贸易有限公司',
      legalRepresentative: '陈海峰',
      address: '福建省厦门市湖里区海韵路18号3楼301室',
      annualInspection: '2026-08-03',
      uscc: '91350200MA2Y7K3Q6F',
      establishedOn: '2016-03-18',
      validFrom: '2016-03-18',
      validUntil: '2046-03-17',
    });
  });

  it('groups a label with its value on a page fed 3° askew, where the value sits half a line lower', () => {
    const slope = Math.tan((3 * Math.PI) / 180);
    const askew = page(
      [line('名称', 230, 824), line('厦门海韵进出口贸易有限公司', 520, 824), line('法定代表人', 210, 1011), line('陈海峰', 520, 1012), line('住所', 230, 1390), line('福建省厦门市湖里区海韵路18号3楼301室', 520, 1391)].map((l) => ({
        ...l,
        box: { ...l.box, y: l.box.y + l.box.x * slope, angle: 3 },
      })),
    );
    const fields = readFields('business_licence', rowsOf(askew));
    expect(fields.name?.value).toBe('厦门海韵进出口贸易有限公司');
    expect(fields.legalRepresentative?.value).toBe('陈海峰');
    expect(fields.address?.value).toBe('福建省厦门市湖里区海韵路18号3楼301室');
  });

  it('cuts a code off at a glyph before it and at what is printed beside it, and takes a label whose first character a speck hid', () => {
    const rows = rowsOf(page([line('统一社会信用代码马91350200MA2Y7K3Q6F公示', 200, 698), line('.法定代表人', 210, 1011), line('陈海峰', 520, 1012)]));
    expect(readFields('business_licence', rows).uscc).toEqual({ value: '91350200MA2Y7K3Q6F', confidence: 0.99 });
    expect(readFields('business_licence', rows).legalRepresentative?.value).toBe('陈海峰');
    const org = rowsOf(page([line('址 福建省厦门市湖里区海韵路18号', 230, 1390)]));
    expect(readFields('org_code_certificate', org).address?.value).toBe('福建省厦门市湖里区海韵路18号');
  });

  it('vets the USCC: a misread one is a suggestion', () => {
    const misread = page([line('统一社会信用代码91350200MA2Y7K3Q6E', 200, 698)]);
    expect(readFields('business_licence', rowsOf(misread)).uscc).toMatchObject({ value: '91350200MA2Y7K3Q6E', checkFailed: true });
  });

  it('takes the QR\'s fields over the print, as certain', () => {
    const misread = readFields('business_licence', rowsOf(page([line('名称', 230, 824), line('厦门海韵进出口贸易有限公司', 520, 824, [0])])));
    const checked = withLicenceQr(misread, { name: '厦门海韵进出口贸易有限公司', uscc: '91350200MA2Y7K3Q6F', legalRepresentative: '陈海峰', address: '福建省厦门市湖里区海韵路18号3楼301室', establishedOn: '2016-03-18', validUntil: '长期', issuer: '厦门市市场监督管理局' });
    expect(checked.name).toEqual({ value: '厦门海韵进出口贸易有限公司', confidence: 1 });
    expect(checked.validUntil).toEqual({ value: '长期', confidence: 1 });
  });
});

describe('telling the papers apart', () => {
  const cases: [string, string, object][] = [
    ['中华人民共和国组织机构代码证', 'org_code_certificate', {}],
    ['税务登记证', 'tax_registration', {}],
    ['对外贸易经营者备案登记表', 'trade_qualification', { variant: 'foreign_trade_filing' }],
    ['自理报关单位注册登记证明书', 'customs_registration', { variant: 'self_declaration_registration' }],
    ['企业办税员IC卡登记表', 'form_tax_clerk_card', {}],
    ['企业IC卡登记表', 'form_ic_card', {}],
    ['企业情况登记表', 'form_enterprise', {}],
    ['企业联系方式证明', 'contact_proof', {}],
  ];
  it.each(cases)('%s is %s', (title, kind, extra) => {
    expect(paperLooks(rowsOf(page([line(title, 400, 200), line('企业名称 厦门海韵进出口贸易有限公司', 200, 400)])))).toMatchObject({ kind, ...extra });
  });

  it('says nothing of a page without any cue', () => {
    expect(paperLooks(rowsOf(page([line('今天天气很好', 200, 200)])))).toBeNull();
  });
});
