// What a generated page is: the document kinds of intake package format v1 (DESIGN.md), the
// form it is presented in, the stamps on it and the fields printed on it.

export const documentKinds = [
  'org_code_certificate',
  'business_licence',
  'tax_registration',
  'trade_qualification',
  'customs_registration',
  'introduction_letter',
  'id_card',
  'form_enterprise',
  'form_ic_card',
  'form_tax_clerk_card',
  'contact_proof',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const tradeVariants = ['import_export_qualification', 'foreign_trade_filing', 'fie_approval', 'tw_hk_mo_approval'] as const;
export type TradeVariant = (typeof tradeVariants)[number];

/** 自理报关单位注册登记证明书 | 海关进出口货物收发货人报关注册登记证书 */
export const customsVariants = ['self_declaration', 'consignor_consignee'] as const;
export type CustomsVariant = (typeof customsVariants)[number];

export type StampKind = 'company_seal' | 'eport_review';
export type DocumentForm = 'original' | 'copy';
export type IdRole = 'agent' | 'legal_person_holder' | 'operator_holder' | 'tax_clerk_holder' | 'new_holder';

/** Ways a page can be wrong, for the intake check's tests and the demo. */
export interface PageDefects {
  blank?: boolean;
  /** Leave off the stamps the page should carry. */
  noSeal?: boolean;
  /** Skew in degrees instead of the mild ±1° of a hand-fed sheet. */
  heavySkew?: number;
  /** Render at this (low) resolution instead of the requested one. */
  lowResolutionDpi?: number;
  /** Print another enterprise name than the fixture's (a mismatched document). */
  differentName?: string;
}

export interface DocumentSpec {
  kind: DocumentKind;
  variant?: TradeVariant | CustomsVariant;
  form: DocumentForm;
  role?: IdRole;
  stamps: StampKind[];
  /** The printed fields, named as in intake package format v1. */
  fields: Record<string, string>;
}

export interface GeneratedPage {
  spec: DocumentSpec;
  defects: PageDefects;
  widthMm: number;
  heightMm: number;
  dpi: number;
  /** PNG with the dpi in its pHYs chunk. */
  png: Buffer;
}
