// Which paper a page is, from its words: each kind has titles that only it prints (营业执照,
// 税务登记证, 介绍信 …) and, weaker, phrases typical of it. The best match wins; its confidence is
// the cue's weight times the probability of the characters that matched. A page that says
// 复印件 is a copy; nothing on a page says "original", so the form is given only for copies.
import type { PaperLooks } from '../../../contract/intake/paper-reading.ts';
import type { DocumentKind, DocumentVariant } from '../../../contract/intake/package-schema.ts';
import { weakest, type Row } from './rows.ts';

interface Cue {
  kind: DocumentKind;
  words: RegExp;
  weight: number;
  variant?: DocumentVariant;
  side?: 'front' | 'back';
}

// Longer titles first where one contains another (企业办税员IC卡登记表 ⊃ IC卡登记表).
const cues: readonly Cue[] = [
  { kind: 'business_licence', words: /营业执照/, weight: 1 },
  { kind: 'org_code_certificate', words: /组织机构代码证/, weight: 1 },
  { kind: 'tax_registration', words: /税务登记证/, weight: 1 },
  { kind: 'trade_qualification', words: /进出口企业资格证书/, weight: 1, variant: 'import_export_qualification' },
  { kind: 'trade_qualification', words: /对外贸易经营者备案登记表/, weight: 1, variant: 'foreign_trade_filing' },
  { kind: 'trade_qualification', words: /台港澳侨投资企业批准证书/, weight: 1, variant: 'tw_hk_mo_approval' },
  { kind: 'trade_qualification', words: /外商投资企业批准证书/, weight: 1, variant: 'fie_approval' },
  { kind: 'customs_registration', words: /自理报关单位注册登记证明书/, weight: 1, variant: 'self_declaration_registration' },
  { kind: 'customs_registration', words: /报关注册登记证书/, weight: 1, variant: 'consignor_consignee_registration' },
  { kind: 'introduction_letter', words: /^介绍信$/, weight: 1 },
  { kind: 'introduction_letter', words: /兹介绍/, weight: 0.9 },
  { kind: 'form_tax_clerk_card', words: /办税员IC卡登记表/, weight: 1 },
  { kind: 'form_ic_card', words: /IC卡登记表/, weight: 1 },
  { kind: 'form_enterprise', words: /企业情况登记表/, weight: 1 },
  { kind: 'contact_proof', words: /联系方式证明/, weight: 1 },
  { kind: 'id_card', words: /公民身份号码/, weight: 1, side: 'front' },
  { kind: 'id_card', words: /签发机关/, weight: 0.95, side: 'back' },
  { kind: 'id_card', words: /居民身份证/, weight: 0.9, side: 'back' },
  // Weaker: what a licence or a certificate prints when its title is under a seal or torn.
  { kind: 'business_licence', words: /营业期限|注册资本/, weight: 0.7 },
  { kind: 'tax_registration', words: /纳税人识别号/, weight: 0.7 },
  { kind: 'customs_registration', words: /海关注册编码|企业经营类别/, weight: 0.7 },
];

export function paperLooks(rows: readonly Row[]): PaperLooks | null {
  let best: (PaperLooks & { at: number }) | null = null;
  for (const [at, row] of rows.entries()) {
    for (const cue of cues) {
      const match = cue.words.exec(row.text);
      if (match === null) continue;
      const start = Array.from(row.text.slice(0, match.index)).length;
      const confidence = cue.weight * weakest({ text: match[0], conf: row.conf.slice(start, start + Array.from(match[0]).length) });
      // A title higher on the page wins a tie (a letter that quotes a licence names it lower down).
      if (best === null || confidence > best.confidence + 1e-6) {
        best = { kind: cue.kind, confidence, evidence: match[0], at, ...(cue.variant !== undefined && { variant: cue.variant }), ...(cue.side !== undefined && { side: cue.side }) };
      }
    }
  }
  if (best === null) return null;
  const { at: _at, ...looks } = best;
  const copy = rows.some((row) => row.text.includes('复印件'));
  return copy ? { ...looks, form: 'copy' } : looks;
}
