// Page layouts for every document kind, in millimetres on A4 (ID cards at 85.6 × 54 mm).
// Modelled on the real certificates: emblem, spaced title, 副本/正本, the code line, label/value
// rows, annual-inspection box, issuing authority with its seal and date; forms as ruled tables.
import { qrSvg } from './qr-svg.ts';
import { encodeLicenceQr } from '../../contract/intake/licence-qr.ts';
import { chineseDate, customsTitles, enterpriseExtras, tradeNumbers, tradeTitles } from './document-data.ts';
import type { CustomsVariant, DocumentSpec, TradeVariant } from './documents.ts';
import type { Palette } from './palette.ts';
import { companySeal, inkOverPrint, reviewStamp } from './seals.ts';
import { fieldTable, glyphs, line, rect, text, wrapped } from './svg.ts';

export interface LayoutContext {
  palette: Palette;
  /** The package date: review stamp and form dates. */
  date: string;
  /** Random tilt of hand-applied stamps, in degrees. */
  stampTilt: () => number;
  /** Stamps to draw (empty when a defect leaves them off). */
  stamps: DocumentSpec['stamps'];
}

export interface Layout {
  widthMm: number;
  heightMm: number;
  body: string;
}

const A4 = { widthMm: 210, heightMm: 297 };
const field = (spec: DocumentSpec, key: string): string => spec.fields[key] ?? '';

function stamps(ctx: LayoutContext, company: [number, number], review: [number, number], enterprise: string): string {
  let out = '';
  if (ctx.stamps.includes('company_seal')) out += companySeal(company[0], company[1], enterprise, ctx.stampTilt());
  if (ctx.stamps.includes('eport_review')) out += reviewStamp(review[0], review[1], enterpriseExtras.eportCentre, ctx.date.replaceAll('-', '.'), ctx.stampTilt());
  return out;
}

function emblem(cx: number, cy: number, colour: string): string {
  let stars = '';
  for (let i = 0; i < 5; i++) {
    const a = ((-90 + (i - 2) * 28) * Math.PI) / 180;
    const r = i === 2 ? 0 : 5;
    stars += `<circle cx="${(cx + r * Math.cos(a)).toFixed(2)}" cy="${(cy - 2 + r * Math.sin(a) + (i === 2 ? 0 : 4)).toFixed(2)}" r="${i === 2 ? 1.8 : 0.9}" fill="${colour}"/>`;
  }
  return (
    `<circle cx="${cx}" cy="${cy}" r="11" fill="none" stroke="${colour}" stroke-width="1.2"/>` +
    `<circle cx="${cx}" cy="${cy}" r="8.6" fill="none" stroke="${colour}" stroke-width="0.5"/>` +
    `<rect x="${cx - 5}" y="${cy + 2}" width="10" height="3" fill="${colour}"/>${stars}`
  );
}

function border(p: Palette): string {
  let corners = '';
  for (const [x, y] of [[13, 13], [191, 13], [13, 278], [191, 278]] as const) corners += rect(x, y, 6, 6, p.border, 0.6);
  return rect(9, 9, 192, 279, p.border, 1.4) + rect(12.5, 12.5, 185, 272, p.border, 0.4) + corners;
}

function inspectionBox(ctx: LayoutContext, spec: DocumentSpec, x: number, y: number): string {
  const c = ctx.palette.inspection;
  const date = field(spec, 'annualInspection');
  if (date === '') return '';
  return (
    rect(x, y, 62, 24, c, 0.5) +
    text(x + 31, y + 6, '年 检 情 况', { size: 3.6, anchor: 'middle', fill: c, face: 'label' }) +
    rect(x + 8, y + 9, 46, 12, c, 0.9) +
    text(x + 31, y + 15, `${date.slice(0, 4)}年度 检验合格`, { size: 3.4, anchor: 'middle', fill: c, weight: 'bold' }) +
    text(x + 31, y + 19.5, chineseDate(date), { size: 2.6, anchor: 'middle', fill: c })
  );
}

function issuerBlock(ctx: LayoutContext, issuer: string, issuedOn: string): string {
  const p = ctx.palette;
  return (
    text(150, 252, `发证机关：${issuer}`, { size: 3.6, anchor: 'middle', fill: p.ink }) +
    text(150, 260, chineseDate(issuedOn), { size: 3.6, anchor: 'middle', fill: p.ink }) +
    // The issuing authority's own seal: red on an original, grey on a photocopy.
    `<g opacity="0.85" style="${inkOverPrint}">${companySealShape(150, 248, issuer, p.issuerSeal)}</g>`
  );
}

function companySealShape(cx: number, cy: number, name: string, colour: string): string {
  return companySeal(cx, cy, name, 0, 19).replaceAll('#d4202c', colour);
}

interface CertificateLayout {
  title: string;
  subtitle: string;
  codeLine: [string, string];
  rows: [string, string][];
  issuer: string;
  issuedOn: string;
  qr?: string;
  emblem?: boolean;
}

function certificate(spec: DocumentSpec, ctx: LayoutContext, c: CertificateLayout): Layout {
  const p = ctx.palette;
  const titleSize = Math.min(13, 160 / glyphs(c.title).length);
  let body = border(p);
  if (c.emblem !== false) body += emblem(105, 36, p.emblem);
  body += text(105, 64, c.title, { size: titleSize, anchor: 'middle', weight: 'bold', fill: p.ink, spacing: titleSize > 10 ? 3 : 0.4 });
  body += text(105, 76, c.subtitle, { size: 5, anchor: 'middle', fill: p.ink, spacing: 2 });
  body += text(24, 90, `${c.codeLine[0]}  ${c.codeLine[1]}`, { size: 4, fill: p.ink, face: 'label' });
  if (c.qr !== undefined) body += qrSvg(c.qr, 160, 24, 30) + text(175, 57, '扫描二维码登录国家企业', { size: 2, anchor: 'middle', fill: p.label }) + text(175, 60, '信用信息公示系统', { size: 2, anchor: 'middle', fill: p.label });
  let y = 106;
  for (const [label, value] of c.rows) {
    body += text(26, y, label, { size: 4.2, fill: p.label, face: 'label', spacing: label.length <= 3 ? 4 : 0.5 });
    const width = 118;
    body += wrapped(66, y, value, { size: 4.3, fill: p.ink }, width);
    y += 12 + Math.floor(value.length / Math.floor(width / 4.3)) * 7;
  }
  body += inspectionBox(ctx, spec, 24, 232);
  body += issuerBlock(ctx, c.issuer, c.issuedOn);
  if (spec.form === 'copy') body += text(105, 280, '此复印件仅供办理中国电子口岸业务使用，再复印无效', { size: 3, anchor: 'middle', fill: p.ink });
  body += stamps(ctx, [88, 214], [168, 200], field(spec, 'name'));
  return { ...A4, body };
}

const formatOrgCode = (code: string): string => (code.length === 9 ? `${code.slice(0, 8)}-${code.slice(8)}` : code);
const period = (from: string, until: string): string => `${chineseDate(from)} 至 ${chineseDate(until)}`;

function tradeLayout(spec: DocumentSpec, ctx: LayoutContext): Layout {
  const variant = (spec.variant ?? 'import_export_qualification') as TradeVariant;
  const [numberLabel, number] = tradeNumbers[variant];
  const issuedOn = field(spec, 'issuedOn');
  if (variant === 'foreign_trade_filing') return filingForm(spec, ctx, numberLabel, number);
  return certificate(spec, ctx, {
    title: tradeTitles[variant],
    subtitle: '（副  本）',
    codeLine: [numberLabel, number],
    rows: [
      ['企业名称', field(spec, 'name')],
      ['统一社会信用代码', field(spec, 'uscc')],
      ['法定代表人', field(spec, 'legalRepresentative')],
      ['住所', field(spec, 'address')],
      ['经营范围', '货物及技术进出口'],
      ['有效期', period(issuedOn, field(spec, 'validUntil'))],
    ],
    issuer: enterpriseExtras.tradeIssuer,
    issuedOn,
  });
}

function filingForm(spec: DocumentSpec, ctx: LayoutContext, numberLabel: string, number: string): Layout {
  const p = ctx.palette;
  let body = text(105, 34, '对外贸易经营者备案登记表', { size: 8, anchor: 'middle', weight: 'bold', fill: p.ink, spacing: 1 });
  body += text(186, 46, `${numberLabel}：${number}`, { size: 3.6, anchor: 'end', fill: p.ink, face: 'label' });
  body += fieldTable(22, 52, 166, [
    ['经营者中文名称', field(spec, 'name')],
    ['统一社会信用代码', field(spec, 'uscc')],
    ['组织机构代码', formatOrgCode(field(spec, 'orgCode'))],
    ['经营者类型', '有限责任公司'],
    ['住    所', field(spec, 'address')],
    ['法定代表人', field(spec, 'legalRepresentative')],
    ['联系电话', enterpriseExtras.phone],
    ['邮政编码', enterpriseExtras.postcode],
    ['进出口企业代码', `3500${field(spec, 'orgCode')}`],
    ['有效期至', chineseDate(field(spec, 'validUntil'))],
  ]);
  body += text(26, 180, '本表所填内容真实无误，经营者承诺遵守《中华人民共和国对外贸易法》及相关法律法规。', { size: 3.3, fill: p.ink });
  body += text(26, 192, '经营者代表签字：', { size: 3.6, fill: p.ink }) + text(56, 192, field(spec, 'legalRepresentative'), { size: 4.2, fill: p.pen, face: 'hand' });
  body += inspectionBox(ctx, spec, 24, 232);
  body += issuerBlock(ctx, `${enterpriseExtras.tradeIssuer}（备案登记专用章）`.slice(0, 16), field(spec, 'issuedOn'));
  body += stamps(ctx, [88, 214], [168, 200], field(spec, 'name'));
  return { ...A4, body };
}

function customsLayout(spec: DocumentSpec, ctx: LayoutContext): Layout {
  const variant = (spec.variant ?? 'consignor_consignee') as CustomsVariant;
  const issuedOn = field(spec, 'issuedOn');
  return certificate(spec, ctx, {
    title: customsTitles[variant],
    subtitle: '（副  本）',
    codeLine: ['海关注册编码', field(spec, 'customsCode')],
    rows: [
      ['企业名称', field(spec, 'name')],
      ['统一社会信用代码', field(spec, 'uscc')],
      ['组织机构代码', formatOrgCode(field(spec, 'orgCode'))],
      ['法定代表人', field(spec, 'legalRepresentative')],
      ['注册地址', field(spec, 'address')],
      ['企业经营类别', variant === 'self_declaration' ? '自理报关单位' : '进出口货物收发货人'],
      ['有效期', period(issuedOn, field(spec, 'validUntil'))],
    ],
    issuer: enterpriseExtras.customsIssuer,
    issuedOn,
  });
}

function formPage(ctx: LayoutContext, spec: DocumentSpec, title: string, number: string, rows: [string, string][], note: string): Layout {
  const p = ctx.palette;
  let body = text(105, 30, title, { size: 7.5, anchor: 'middle', weight: 'bold', fill: p.ink, spacing: 1 });
  if (number !== '') body += text(24, 42, `表${number}`, { size: 3.4, fill: p.ink, face: 'label' });
  body += text(186, 42, `填表日期：${chineseDate(ctx.date)}`, { size: 3.4, anchor: 'end', fill: p.ink, face: 'label' });
  // The agent fills these forms in by hand: the values in the hand face, the form printed.
  body += fieldTable(22, 48, 166, rows, 12, 46, { face: 'hand', fill: p.pen });
  const after = 48 + rows.length * 12;
  body += wrapped(26, after + 14, note, { size: 3.4, fill: p.ink }, 158);
  body += text(120, 250, '单位（盖章）：', { size: 4, fill: p.ink });
  body += text(120, 262, chineseDate(ctx.date), { size: 4, fill: p.ink });
  body += stamps(ctx, [150, 246], [60, 246], field(spec, 'name'));
  return { ...A4, body };
}

function introductionLetter(spec: DocumentSpec, ctx: LayoutContext): Layout {
  const p = ctx.palette;
  const paragraph = `兹介绍我单位 ${field(spec, 'agentName')} 同志（身份证号码：${field(spec, 'agentIdNumber')}）前往贵中心办理中国电子口岸企业IC卡${field(spec, 'businessName')}业务，请予接洽为盼。`;
  let body = text(105, 48, '介  绍  信', { size: 10, anchor: 'middle', weight: 'bold', fill: p.ink, spacing: 2 });
  body += text(24, 72, `${enterpriseExtras.eportCentre}：`, { size: 4.6, fill: p.ink });
  body += wrapped(33, 86, paragraph, { size: 4.6, fill: p.ink }, 150, 1.9);
  body += text(33, 130, '此致', { size: 4.6, fill: p.ink });
  body += text(24, 140, '敬礼！', { size: 4.6, fill: p.ink });
  body += text(186, 170, field(spec, 'name'), { size: 4.6, anchor: 'end', fill: p.ink });
  body += text(186, 180, chineseDate(ctx.date), { size: 4.6, anchor: 'end', fill: p.ink });
  body += text(24, 200, '（有效期七天）', { size: 3.6, fill: p.ink });
  body += line(20, 210, 190, 210, p.label, 0.2);
  body += stamps(ctx, [160, 170], [60, 170], field(spec, 'name'));
  return { ...A4, body };
}

function photo(x: number, y: number, p: Palette): string {
  return (
    rect(x, y, 26, 32, 'none', 0, p.cardTint) +
    `<circle cx="${x + 13}" cy="${y + 12}" r="6.5" fill="#7b7f86"/>` +
    `<path d="M${x + 2} ${y + 32} Q${x + 13} ${y + 16} ${x + 24} ${y + 32} Z" fill="#5d6168"/>`
  );
}

/** The front (人像面) of a second-generation resident ID card. */
function idCardFace(spec: DocumentSpec, p: Palette): string {
  const label = { size: 2.5, fill: p.cardLabel, face: 'label' } as const;
  const value = { size: 3.1, fill: '#111', face: 'label' } as const;
  let body = `<rect x="0" y="0" width="85.6" height="54" rx="3.2" fill="${p.cardTint}" stroke="#a9bfc9" stroke-width="0.3"/>`;
  for (let i = 0; i < 6; i++) body += `<circle cx="62" cy="27" r="${6 + i * 4}" fill="none" stroke="#c7dde6" stroke-width="0.25"/>`;
  body += text(5, 9, '姓 名', label) + text(15, 9, field(spec, 'name'), { ...value, size: 3.6 });
  body += text(5, 16, '性 别', label) + text(15, 16, field(spec, 'sex'), value);
  body += text(25, 16, '民 族', label) + text(35, 16, '汉', value);
  body += text(5, 23, '出 生', label) + text(15, 23, field(spec, 'birth'), value);
  body += text(5, 30, '住 址', label) + wrapped(15, 30, field(spec, 'homeAddress'), value, 40, 1.45);
  body += text(5, 48, '公民身份号码', label) + text(23, 48, field(spec, 'idNumber'), { size: 3.6, fill: '#111', face: 'digits', spacing: 0.45 });
  body += photo(56, 6, p);
  return body;
}

/** The back (国徽面): the emblem, the card's title, the issuing authority and the validity. */
function idCardBack(spec: DocumentSpec, p: Palette): string {
  const label = { size: 2.5, fill: p.cardLabel, face: 'label' } as const;
  const value = { size: 3.1, fill: '#111', face: 'label' } as const;
  let body = `<rect x="0" y="0" width="85.6" height="54" rx="3.2" fill="${p.cardTint}" stroke="#a9bfc9" stroke-width="0.3"/>`;
  body += `<g transform="translate(3 3) scale(0.62) translate(-1 -1)">${emblem(13, 13, p.emblem)}</g>`;
  body += text(50, 14, '中华人民共和国', { size: 4.6, anchor: 'middle', fill: '#111', face: 'label', spacing: 0.8 });
  body += text(50, 25, '居民身份证', { size: 6.6, anchor: 'middle', fill: '#111', face: 'label', weight: 'bold', spacing: 1.6 });
  body += text(16, 40, '签发机关', label) + text(30, 40, field(spec, 'issuingAuthority'), value);
  body += text(16, 47, '有效期限', label) + text(30, 47, `${field(spec, 'validFrom')}-${field(spec, 'validUntil')}`, value);
  return body;
}

function idCard(spec: DocumentSpec, ctx: LayoutContext): Layout {
  if (spec.form === 'original') return { widthMm: 85.6, heightMm: 54, body: idCardFace(spec, ctx.palette) };
  // A copy: both sides of the card photocopied on one A4 sheet, as the counters ask for it
  // (正反面), the copy marked and (for holders) stamped.
  let body = `<g transform="translate(62 32)">${idCardFace(spec, ctx.palette)}</g>`;
  body += `<g transform="translate(62 100)">${idCardBack(spec, ctx.palette)}</g>`;
  body += text(105, 172, '身份证复印件（正反面）', { size: 4, anchor: 'middle', fill: ctx.palette.ink });
  body += text(105, 182, '仅供办理中国电子口岸业务使用', { size: 3.6, anchor: 'middle', fill: ctx.palette.ink });
  body += stamps(ctx, [150, 210], [60, 210], field(spec, 'enterpriseName'));
  return { ...A4, body };
}

export function layoutFor(spec: DocumentSpec, ctx: LayoutContext): Layout {
  const issuedOn = field(spec, 'issuedOn');
  switch (spec.kind) {
    case 'business_licence':
      return certificate(spec, ctx, {
        title: '营业执照',
        subtitle: '（副  本）',
        codeLine: ['统一社会信用代码', field(spec, 'uscc')],
        rows: [
          ['名称', field(spec, 'name')],
          ['类型', enterpriseExtras.companyType],
          ['法定代表人', field(spec, 'legalRepresentative')],
          ['注册资本', enterpriseExtras.registeredCapital],
          ['成立日期', chineseDate(enterpriseExtras.establishedOn)],
          ['营业期限', period(enterpriseExtras.establishedOn, field(spec, 'validUntil'))],
          ['住所', field(spec, 'address')],
          ['经营范围', enterpriseExtras.businessScope],
        ],
        issuer: enterpriseExtras.licenceIssuer,
        issuedOn,
        qr: encodeLicenceQr({
          name: field(spec, 'name'),
          uscc: field(spec, 'uscc'),
          legalRepresentative: field(spec, 'legalRepresentative'),
          address: field(spec, 'address'),
          establishedOn: enterpriseExtras.establishedOn,
          validUntil: field(spec, 'validUntil'),
          issuer: enterpriseExtras.licenceIssuer,
        }),
      });
    case 'org_code_certificate':
      return certificate(spec, ctx, {
        title: '中华人民共和国组织机构代码证',
        subtitle: '（正  本）',
        codeLine: ['代码', formatOrgCode(field(spec, 'orgCode'))],
        rows: [
          ['机构名称', field(spec, 'name')],
          ['机构类型', '企业法人'],
          ['法定代表人', field(spec, 'legalRepresentative')],
          ['地址', field(spec, 'address')],
          ['有效期', period(issuedOn, field(spec, 'validUntil'))],
          ['登记号', '组代管350200-012345'],
        ],
        issuer: enterpriseExtras.orgCodeIssuer,
        issuedOn,
      });
    case 'tax_registration':
      return certificate(spec, ctx, {
        title: '税务登记证',
        subtitle: '（副  本）',
        codeLine: ['纳税人识别号', field(spec, 'uscc')],
        rows: [
          ['纳税人名称', field(spec, 'name')],
          ['法定代表人', field(spec, 'legalRepresentative')],
          ['地址', field(spec, 'address')],
          ['登记注册类型', '有限责任公司'],
          ['经营范围', enterpriseExtras.businessScope],
          ['批准设立机关', enterpriseExtras.licenceIssuer],
          ['有效期', period(issuedOn, field(spec, 'validUntil'))],
        ],
        issuer: enterpriseExtras.taxIssuer,
        issuedOn,
      });
    case 'trade_qualification':
      return tradeLayout(spec, ctx);
    case 'customs_registration':
      return customsLayout(spec, ctx);
    case 'introduction_letter':
      return introductionLetter(spec, ctx);
    case 'id_card':
      return idCard(spec, ctx);
    case 'form_enterprise':
      return formPage(ctx, spec, '企业情况登记表', '一', [
        ['企业名称', field(spec, 'name')],
        ['统一社会信用代码', field(spec, 'uscc')],
        ['组织机构代码', formatOrgCode(field(spec, 'orgCode'))],
        ['法定代表人', field(spec, 'legalRepresentative')],
        ['注册地址', field(spec, 'address')],
        ['海关注册编码', enterpriseExtras.customsCode],
        ['邮政编码', enterpriseExtras.postcode],
        ['联系人', field(spec, 'contact')],
        ['联系电话', enterpriseExtras.phone],
      ], '本单位保证所填内容真实、准确，并对因填写不实造成的后果承担责任。');
    case 'form_ic_card':
      return formPage(ctx, spec, '企业IC卡登记表', '二', [
        ['企业名称', field(spec, 'name')],
        ['统一社会信用代码', field(spec, 'uscc')],
        ['法人卡持卡人', field(spec, 'legalPersonHolderName')],
        ['身份证号码', field(spec, 'legalPersonHolderIdNumber')],
        ['操作员卡持卡人', field(spec, 'operatorName')],
        ['身份证号码', field(spec, 'operatorIdNumber')],
        ['申领卡数', '法人卡 1 张，操作员卡 1 张'],
      ], '持卡人对本人IC卡及密码负责保管，不得转借他人。操作员与办税员不得为同一人。');
    case 'form_tax_clerk_card':
      return formPage(ctx, spec, '企业办税员IC卡登记表', '三', [
        ['企业名称', field(spec, 'name')],
        ['统一社会信用代码', field(spec, 'uscc')],
        ['办税员姓名', field(spec, 'taxClerkName')],
        ['身份证号码', field(spec, 'taxClerkIdNumber')],
        ['主管税务机关', enterpriseExtras.taxIssuer],
        ['申领卡数', '办税员卡 1 张'],
      ], '办税员卡仅限本人使用。办税员不得同时担任本企业操作员。');
    case 'contact_proof':
      return formPage(ctx, spec, '企业联系方式证明', '', [
        ['企业名称', field(spec, 'name')],
        ['通讯地址', field(spec, 'address')],
        ['邮政编码', enterpriseExtras.postcode],
        ['联系人', field(spec, 'contact')],
        ['联系电话', enterpriseExtras.phone],
        ['同意邮寄IC卡', '☑ 同意  □ 不同意'],
      ], '以上联系方式真实有效。本单位同意中国电子口岸数据分中心将IC卡及相关材料邮寄至上述地址。');
  }
}

