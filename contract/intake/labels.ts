// Names an agent understands, in Simplified Chinese and English: the rulebook's own titles
// (seed 000, 附件3) for documents, businesses and cards.
import type { BilingualText } from '../bilingual-text.ts';
import type { DocumentForm, DocumentKind, DocumentVariant, IdCardRole, StampKind } from './package-schema.ts';

/** A label in both languages (the contract's BilingualText). */
export type Text = BilingualText;

export const documentLabel: Record<DocumentKind, Text> = {
  org_code_certificate: { zh: '《组织机构代码证（正本）》', en: 'Organisation Code Certificate' },
  business_licence: { zh: '《营业执照（副本）》', en: 'business licence (duplicate)' },
  tax_registration: { zh: '《税务登记证（副本）》', en: 'tax registration certificate (duplicate)' },
  trade_qualification: {
    zh: '进出口资格证明（进出口企业资格证书、对外贸易经营者备案登记表、外商投资企业批准证书、台港澳侨投资企业批准证书任选其一）',
    en: 'trade qualification (one of: Import/Export Enterprise Qualification, Foreign Trade Operator Filing Form, Foreign-Invested Enterprise Approval, Taiwan/HK/Macao/Overseas-Chinese Investment Approval)',
  },
  customs_registration: {
    zh: '海关注册登记证书（自理报关单位注册登记证明书或海关进出口货物收发货人报关注册登记证书）',
    en: 'customs registration (self-declaring unit registration, or consignor/consignee customs registration)',
  },
  introduction_letter: { zh: '单位介绍信', en: 'company introduction letter' },
  id_card: { zh: '身份证', en: 'resident ID card' },
  form_enterprise: { zh: '1号表《中国电子口岸企业情况登记表》', en: 'form 1 (E-Port enterprise registration form)' },
  form_ic_card: { zh: '2号表《中国电子口岸企业IC卡登记表》', en: 'form 2 (E-Port IC card registration form)' },
  form_tax_clerk_card: { zh: '3号表《中国电子口岸企业办税员IC卡登记表》', en: 'form 3 (E-Port tax-clerk card registration form)' },
  contact_proof: { zh: '加盖公章的企业联系方式证明', en: 'contact-details proof with the company seal' },
};

export const formLabel: Record<DocumentForm, Text> = {
  original: { zh: '原件', en: 'original' },
  copy: { zh: '复印件', en: 'copy' },
};

export const stampLabel: Record<StampKind, Text> = {
  company_seal: { zh: '企业公章', en: 'company seal' },
  eport_review: { zh: '发证机关加盖的“电子口岸审核章”', en: "the issuing authority's E-Port review stamp" },
};

export const roleLabel: Record<IdCardRole, Text> = {
  agent: { zh: '经办人', en: 'the agent' },
  legal_person_holder: { zh: '法人卡持卡人', en: 'the legal-person card holder' },
  operator_holder: { zh: '操作员卡持卡人', en: 'the operator card holder' },
  tax_clerk_holder: { zh: '办税员卡持卡人', en: 'the tax-clerk card holder' },
  new_holder: { zh: '新增持卡人', en: 'the new card holder' },
};

export const fieldLabel: Record<string, Text> = {
  name: { zh: '名称', en: 'name' },
  uscc: { zh: '统一社会信用代码', en: 'Unified Social Credit Code' },
  orgCode: { zh: '组织机构代码', en: 'organisation code' },
  legalRepresentative: { zh: '法定代表人', en: 'legal representative' },
  address: { zh: '地址', en: 'address' },
  validUntil: { zh: '有效期', en: 'valid-until date' },
  annualInspection: { zh: '年检日期', en: 'annual inspection date' },
  variant: { zh: '证书种类', en: 'which certificate it is' },
  idNumber: { zh: '身份证号码', en: 'ID number' },
  agentName: { zh: '经办人姓名', en: "agent's name" },
  holderName: { zh: '持卡人姓名', en: "holder's name" },
  postcode: { zh: '邮编', en: 'postcode' },
  contactName: { zh: '联系人姓名', en: 'contact name' },
  phone: { zh: '联系电话', en: 'phone number' },
  consentToMail: { zh: '同意电子口岸邮寄IC卡的文字说明', en: 'consent to mail the IC cards' },
};

export function label(key: string): Text {
  return fieldLabel[key] ?? { zh: key, en: key };
}

/** A field as a paper of `kind` names it: an ID card's `name` is a person's (姓名), any other paper's the enterprise's. */
export function fieldLabelOf(kind: DocumentKind, key: string): Text {
  if (key === 'name') return kind === 'id_card' ? { zh: '姓名', en: 'name' } : { zh: '企业名称', en: 'enterprise name' };
  return label(key);
}

/** "the business licence (duplicate) (copy)" — which paper, in both languages. */
export function paperLabel(kind: DocumentKind, form?: DocumentForm): Text {
  const doc = documentLabel[kind];
  if (form === undefined) return doc;
  return { zh: `${doc.zh}${formLabel[form].zh}`, en: `${doc.en} (${formLabel[form].en})` };
}

/** Which certificate a trade-qualification or customs-registration paper is (seed 000, items 4 and 5). */
export const variantLabel: Record<DocumentVariant, Text> = {
  import_export_qualification: { zh: '《中华人民共和国进出口企业资格证书》', en: 'Import/Export Enterprise Qualification Certificate' },
  foreign_trade_filing: { zh: '《对外贸易经营者备案登记表》', en: 'Foreign Trade Operator Filing Form' },
  fie_approval: { zh: '《中华人民共和国外商投资企业批准证书》', en: 'Foreign-Invested Enterprise Approval Certificate' },
  tw_hk_mo_approval: { zh: '《中华人民共和国台港澳侨投资企业批准证书》', en: 'Taiwan/HK/Macao/Overseas-Chinese Investment Enterprise Approval Certificate' },
  self_declaration_registration: { zh: '《自理报关单位注册登记证明书》', en: 'Self-Declaring Unit Registration Certificate' },
  consignor_consignee_registration: { zh: '《中华人民共和国海关进出口货物收发货人报关注册登记证书》', en: 'Customs Consignor/Consignee Registration Certificate' },
};
