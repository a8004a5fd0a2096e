// The fields printed on generated documents, taken from the simulator's fixtures so a generated
// set agrees with the simulated registry and the virtual cards (same enterprise, codes, legal
// representative, address, card holders). Dates are relative to the package date.
import { longTermDate } from '../../contract/intake/package-schema.ts';
import { cardFixture, fixtureEnterprise, type FixturePerson } from '../registry/sim-registry.ts';
import type { CustomsVariant, TradeVariant } from './documents.ts';

export const enterpriseExtras = {
  companyType: '有限责任公司（自然人投资或控股）',
  registeredCapital: '伍佰万元整',
  establishedOn: '2016-03-18',
  businessScope: '自营和代理各类商品和技术的进出口业务；日用百货、五金交电、纺织品、服装的批发与零售；国际货运代理。',
  licenceIssuer: '厦门市市场监督管理局',
  orgCodeIssuer: '厦门市质量技术监督局',
  taxIssuer: '厦门市国家税务局',
  tradeIssuer: '厦门市商务局',
  customsIssuer: '中华人民共和国厦门海关',
  customsCode: '3502963127',
  postcode: '361006',
  /** The registry's contact phone (the PIN policy refuses it as a PIN). */
  phone: fixtureEnterprise.contact.phone,
  eportCentre: '中国电子口岸数据中心厦门分中心',
} as const;

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 2026-11-22 → 2026年11月22日, as certificates print dates. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${m}月${d}日`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface EnterpriseData {
  name: string;
  uscc: string;
  orgCode: string;
  legalRepresentative: FixturePerson;
  address: string;
}

export function fixtureEnterpriseData(differentName?: string): EnterpriseData {
  return {
    name: differentName ?? fixtureEnterprise.name,
    uscc: fixtureEnterprise.uscc,
    orgCode: fixtureEnterprise.orgCode,
    legalRepresentative: fixtureEnterprise.legalRepresentative,
    address: fixtureEnterprise.address,
  };
}

function holder(name: 'legal-person' | 'operator' | 'tax-clerk' | 'new-operator'): FixturePerson {
  const card = cardFixture(name);
  if (card === undefined) throw new Error(`fixture ${name} missing`);
  return card.holder;
}

export const people = {
  agent: (): FixturePerson => fixtureEnterprise.registeredAgents[0] ?? fixtureEnterprise.legalRepresentative,
  legalPersonHolder: (): FixturePerson => holder('legal-person'),
  operatorHolder: (): FixturePerson => holder('operator'),
  taxClerkHolder: (): FixturePerson => holder('tax-clerk'),
  newHolder: (): FixturePerson => holder('new-operator'),
};

/** The certificate-wide fields every one of the five certificates shares. */
export function sharedFields(enterprise: EnterpriseData, date: string): Record<string, string> {
  return {
    name: enterprise.name,
    uscc: enterprise.uscc,
    orgCode: enterprise.orgCode,
    legalRepresentative: enterprise.legalRepresentative.name,
    address: enterprise.address,
    annualInspection: addDays(date, -120),
    validUntil: addDays(date, 700),
  };
}

export const tradeTitles: Record<TradeVariant, string> = {
  import_export_qualification: '中华人民共和国进出口企业资格证书',
  foreign_trade_filing: '对外贸易经营者备案登记表',
  fie_approval: '中华人民共和国外商投资企业批准证书',
  tw_hk_mo_approval: '中华人民共和国台港澳侨投资企业批准证书',
};

export const tradeNumbers: Record<TradeVariant, [string, string]> = {
  import_export_qualification: ['进出口企业代码', `3500${fixtureEnterprise.orgCode}`],
  foreign_trade_filing: ['备案登记表编号', '03215678'],
  fie_approval: ['批准号', '商外资厦字〔2016〕0123号'],
  tw_hk_mo_approval: ['批准号', '商外资闽台字〔2016〕0456号'],
};

export const customsTitles: Record<CustomsVariant, string> = {
  self_declaration: '自理报关单位注册登记证明书',
  consignor_consignee: '中华人民共和国海关进出口货物收发货人报关注册登记证书',
};

/** Sex and birth date as printed on the ID card, from the ID number (GB 11643). */
export function idCardPerson(person: FixturePerson): { sex: string; birth: string } {
  const id = person.idNumber;
  const sequence = Number(id.charAt(16));
  return { sex: sequence % 2 === 1 ? '男' : '女', birth: `${id.slice(6, 10)}年${Number(id.slice(10, 12))}月${Number(id.slice(12, 14))}日` };
}

/**
 * The back of the person's ID card (国徽面), as printed: the police office of the home district
 * and a validity by age at issue as the Resident Identity Card Law sets it (第五条: 16–25 ten years,
 * 26–45 twenty, 46 and over 长期). The issue year (2017–2022) comes from the ID number: stable, and
 * still valid in the tests' years.
 */
export function idCardBackOf(person: FixturePerson): { issuingAuthority: string; validFrom: string; validUntil: string } {
  const id = person.idNumber;
  const born = Number(id.slice(6, 10));
  const monthDay = `${id.slice(10, 12)}.${id.slice(12, 14)}`;
  const issued = 2017 + (Number(id.slice(14, 17)) % 6);
  const age = issued - born;
  const term = age >= 46 ? null : age >= 26 ? 20 : 10;
  return { issuingAuthority: '厦门市公安局思明分局', validFrom: `${issued}.${monthDay}`, validUntil: term === null ? longTermDate : `${issued + term}.${monthDay}` };
}
