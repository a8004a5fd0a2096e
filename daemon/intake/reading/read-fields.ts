// The fields of each kind of paper, found by their printed labels in the OCR rows (DOMAIN.md's
// papers: the licence's 名称/法定代表人/住所…, the ID card's 姓名/公民身份号码…, the letter's
// 兹介绍…同志（身份证号码：…）). A value's confidence is its weakest character's probability; a code
// that fails its check character (USCC, organisation code, ID number) is kept as a suggestion
// with `checkFailed` and a confidence below `certainAt`, never as certain.
import type { ReadField, ReadFieldKey, ReadFields } from '../../../contract/intake/paper-reading.ts';
import type { DocumentKind } from '../../../contract/intake/package-schema.ts';
import { validateOrgCode } from '../../../basics/identifiers/org-code.ts';
import { validateResidentId } from '../../../basics/identifiers/resident-id.ts';
import { validateUscc } from '../../../basics/identifiers/uscc.ts';
import { codeChars, idNumberChars, isoDateOf, join, slice, trimmed, weakest, type Row, type Span } from './rows.ts';

/** A value that fails its check character is at most this sure. */
const checkFailedConfidence = 0.4;

type Reader = (rows: readonly Row[]) => ReadFields;

interface Found {
  index: number;
  span: Span;
}

/**
 * The value after `label` (anchored at the row's start) on the first row that has it. Short
 * labels are printed spaced out (名  称): the recogniser may put a stray character in the gap,
 * hence their patterns' `.?`.
 */
function labelled(rows: readonly Row[], label: RegExp, from = 0): Found | null {
  for (let index = from; index < rows.length; index++) {
    const row = rows[index];
    if (row === undefined) continue;
    const match = label.exec(row.text);
    if (match === null || match.index !== 0) continue;
    return { index, span: trimmed(slice(row, Array.from(match[0]).length)) };
  }
  return null;
}

/** A value that wraps: the rows below it that start with no label of the paper, close enough to be its continuation. */
function continued(rows: readonly Row[], found: Found, labels: RegExp): Span {
  const spans = [found.span];
  let previous = rows[found.index];
  for (let index = found.index + 1; index < rows.length; index++) {
    const row = rows[index];
    if (row === undefined || previous === undefined) break;
    if (row.y - previous.y > 1.9 * Math.max(row.height, previous.height) || labels.test(row.text)) break;
    spans.push(trimmed(row));
    previous = row;
  }
  return join(spans);
}

function text(span: Span | null | undefined): ReadField | undefined {
  if (span === null || span === undefined || span.text === '') return undefined;
  return { value: span.text, confidence: weakest(span) };
}

function date(span: Span | null | undefined): ReadField | undefined {
  if (span === null || span === undefined) return undefined;
  const iso = isoDateOf(span.text);
  return iso === null ? undefined : { value: iso, confidence: weakest(span) };
}

function checked(value: string, span: Span, valid: boolean): ReadField {
  return valid ? { value, confidence: weakest(span) } : { value, confidence: Math.min(weakest(span), checkFailedConfidence), checkFailed: true };
}

/**
 * A code's own characters: no code has a Chinese character, so one before it (a speck or a seal's
 * edge read as a glyph) is dropped, and what follows it on the row (a caption printed beside it)
 * is cut off at the first one once the code is long enough.
 */
function codeOnly(span: Span, length: number): Span {
  const foreign = (c: string): boolean => (c.codePointAt(0) ?? 0) > 0x7f && c !== '×';
  const chars = Array.from(span.text);
  const start = Math.max(0, chars.findIndex((c) => !foreign(c)));
  const end = chars.findIndex((c, i) => i >= start + length && foreign(c));
  return slice(span, start, end < 0 ? chars.length : end);
}

function uscc(found: Span | null | undefined): ReadField | undefined {
  if (found === null || found === undefined || found.text === '') return undefined;
  const span = codeOnly(found, 18);
  const value = codeChars(span.text);
  return checked(value, span, validateUscc(value).ok);
}

function orgCode(found: Span | null | undefined): ReadField | undefined {
  if (found === null || found === undefined || found.text === '') return undefined;
  const span = codeOnly(found, 9);
  const value = codeChars(span.text);
  const valid = validateOrgCode(value);
  return checked(valid.ok ? valid.value : value, span, valid.ok);
}

function idNumber(found: Span | null | undefined): ReadField | undefined {
  if (found === null || found === undefined || found.text === '') return undefined;
  const span = codeOnly(found, 18);
  const value = idNumberChars(span.text);
  return checked(value, span, validateResidentId(value).ok);
}

/** "2016年03月18日至2046年03月17日", "2016.03.18-2036.03.18", "…至长期": the start and end of a validity. */
function validity(span: Span | null | undefined): Pick<ReadFields, 'validFrom' | 'validUntil'> {
  if (span === null || span === undefined) return {};
  const chars = Array.from(span.text);
  const cut = chars.findIndex((c, i) => c === '至' || ((c === '-' || c === '—' || c === '~') && i >= 8));
  if (cut < 0) return { ...defined('validUntil', date(span) ?? (span.text.includes('长期') ? { value: '长期', confidence: weakest(span) } : undefined)) };
  const from = slice(span, 0, cut);
  const until = slice(span, cut + 1);
  const end = until.text.includes('长期') ? { value: '长期', confidence: weakest(until) } : date(until);
  return { ...defined('validFrom', date(from)), ...defined('validUntil', end) };
}

function defined<K extends ReadFieldKey>(key: K, field: ReadField | undefined): Partial<Record<K, ReadField>> {
  return field === undefined ? {} : ({ [key]: field } as Partial<Record<K, ReadField>>);
}

function fields(entries: Partial<Record<ReadFieldKey, ReadField | undefined>>): ReadFields {
  const out: ReadFields = {};
  for (const [key, field] of Object.entries(entries) as [ReadFieldKey, ReadField | undefined][]) if (field !== undefined) out[key] = field;
  return out;
}

const after = (rows: readonly Row[], label: RegExp): Span | null => labelled(rows, label)?.span ?? null;

/** The annual inspection box: "2026年度检验合格" and the date under it. */
function annualInspection(rows: readonly Row[]): ReadField | undefined {
  const index = rows.findIndex((row) => /\d{4}年度检验合格/.test(row.text));
  if (index < 0) return undefined;
  return date(rows[index + 1]);
}

function addressAfter(rows: readonly Row[], label: RegExp, labels: RegExp): ReadField | undefined {
  const found = labelled(rows, label);
  return found === null ? undefined : text(continued(rows, found, labels));
}

/** 地  址, spaced out: a stray character may sit in the gap, or the 地 be lost to a speck (址 alone starts no other row). */
const spacedAddress = /^(地.?)?址/;

const certificateLabels = /^(名称|机构名称|纳税人名称|企业名称|经营者中文名称|类型|机构类型|法定代表人|注册资本|成立日期|营业期限|住所|地址|注册地址|经营范围|有效期|登记号|统一社会信用代码|组织机构代码|登记注册类型|批准设立机关|企业经营类别|年检|发证机关|联系电话|邮政编码|进出口企业代码|经营者类型)/;

function certificate(rows: readonly Row[], names: RegExp, address: RegExp): ReadFields {
  return fields({
    name: text(after(rows, names)),
    legalRepresentative: text(after(rows, /^法定代表人/)),
    address: addressAfter(rows, address, certificateLabels),
    annualInspection: annualInspection(rows),
    issuingAuthority: text(after(rows, /^发证机[关吴美]/)),
  });
}

const readers: Record<DocumentKind, Reader> = {
  id_card: (rows) => {
    const front = labelled(rows, /^公民身份号码/);
    // The emblem side: alone (an original's back), or under the portrait face on a copy (正反面).
    const hasBack = rows.some((row) => /^(签发机关|有效期限)/.test(row.text));
    const back = hasBack ? fields({ issuingAuthority: text(after(rows, /^签发机关/)), ...validity(after(rows, /^有效期限/)) }) : {};
    if (front === null && hasBack && !rows.some((row) => /^(姓名|住址)/.test(row.text))) return back;
    const sexRow = rows.find((row) => /^性别/.test(row.text));
    // 性别 男 民族 汉: the gap before 民族 may hold a stray character, as a spaced label's does.
    const sexMatch = sexRow === undefined ? null : /^性别(.).?民族(.+)$/.exec(sexRow.text);
    const nationAt = sexMatch === null ? -1 : Array.from(sexMatch[0]).length - Array.from(sexMatch[2] ?? '').length;
    return fields({
      name: text(after(rows, /^姓名/)),
      ...(sexRow !== undefined && sexMatch !== null ? { sex: text(slice(sexRow, 2, 3)), nation: text(slice(sexRow, nationAt)) } : {}),
      birthDate: date(after(rows, /^出生/)),
      address: addressAfter(rows, /^住址/, /^(公民身份号码|姓名|性别|出生)/),
      idNumber: idNumber(front?.span),
      ...back,
    });
  },
  introduction_letter: (rows) => {
    const all = join(rows);
    const agent = /兹介绍(?:我单位)?(.{2,4}?)同志/d.exec(all.text);
    const id = /身份证号码?[：:]?([0-9XxOoIl×]{17,19})/d.exec(all.text);
    const at = (match: RegExpExecArray | null): Span | null => {
      const group = match?.indices?.[1];
      if (group === undefined) return null;
      const [from, to] = group;
      const start = Array.from(all.text.slice(0, from)).length;
      return slice(all, start, start + Array.from(all.text.slice(from, to)).length);
    };
    // The issuing enterprise signs at the bottom, above the date; the addressee line ends with a colon.
    const closing = rows.findIndex((row) => /敬礼|此致/.test(row.text));
    const signer = rows
      .slice(Math.max(0, closing))
      .filter((row) => /(公司|集团|厂|中心|商行|企业|事务所)$/.test(row.text))
      .sort((a, b) => weakest(b) - weakest(a))[0];
    return fields({ name: text(signer), agentName: text(at(agent)), agentIdNumber: idNumber(at(id)) });
  },
  business_licence: (rows) => ({
    ...certificate(rows, /^名.?称/, /^住.?所/),
    ...fields({ uscc: uscc(after(rows, /^统一社会信用代码/)), establishedOn: date(after(rows, /^成立日期/)) }),
    ...validity(after(rows, /^营业期限/)),
  }),
  org_code_certificate: (rows) => ({
    ...certificate(rows, /^机构名称/, spacedAddress),
    ...fields({ orgCode: orgCode(after(rows, /^代.?码/)) }),
    ...validity(after(rows, /^有效期/)),
  }),
  tax_registration: (rows) => ({
    ...certificate(rows, /^纳税人名称/, spacedAddress),
    ...fields({ uscc: uscc(after(rows, /^纳税人识别号/)) }),
    ...validity(after(rows, /^有效期/)),
  }),
  trade_qualification: (rows) => ({
    ...certificate(rows, /^(企业名称|经营者中文名称)/, /^住.?所/),
    ...fields({ uscc: uscc(after(rows, /^统一社会信用代码/)), orgCode: orgCode(after(rows, /^组织机构代码/)) }),
    ...validity(after(rows, /^有效期至?/)),
  }),
  customs_registration: (rows) => ({
    ...certificate(rows, /^企业名称/, /^注册地址/),
    ...fields({ uscc: uscc(after(rows, /^统一社会信用代码/)), orgCode: orgCode(after(rows, /^组织机构代码/)), customsCode: text(after(rows, /^海关注册编码/)) }),
    ...validity(after(rows, /^有效期/)),
  }),
  form_enterprise: (rows) =>
    fields({
      name: text(after(rows, /^企业名称/)),
      uscc: uscc(after(rows, /^统一社会信用代码/)),
      orgCode: orgCode(after(rows, /^组织机构代码/)),
      legalRepresentative: text(after(rows, /^法定代表人/)),
      address: text(after(rows, /^注册地址/)),
      customsCode: text(after(rows, /^海关注册编码/)),
      postcode: text(after(rows, /^邮政编码/)),
      contactName: text(after(rows, /^联系人/)),
      phone: text(after(rows, /^联系电话/)),
    }),
  form_ic_card: (rows) => {
    // The operator's card is the one a form registers for a new holder; its ID number is the row after.
    const holder = labelled(rows, /^操作员卡持卡人/);
    const holderId = holder === null ? null : labelled(rows, /^身份证号码/, holder.index + 1);
    return fields({ name: text(after(rows, /^企业名称/)), uscc: uscc(after(rows, /^统一社会信用代码/)), holderName: text(holder?.span), holderIdNumber: idNumber(holderId?.span) });
  },
  form_tax_clerk_card: (rows) =>
    fields({
      name: text(after(rows, /^企业名称/)),
      uscc: uscc(after(rows, /^统一社会信用代码/)),
      holderName: text(after(rows, /^办税员姓名/)),
      holderIdNumber: idNumber(after(rows, /^身份证号码/)),
    }),
  contact_proof: (rows) =>
    fields({
      name: text(after(rows, /^企业名称/)),
      address: text(after(rows, /^通讯地址/)),
      postcode: text(after(rows, /^邮政编码/)),
      contactName: text(after(rows, /^联系人/)),
      phone: text(after(rows, /^联系电话/)),
    }),
};

export function readFields(kind: DocumentKind, rows: readonly Row[]): ReadFields {
  return readers[kind](rows);
}
