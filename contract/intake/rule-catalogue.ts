// Every rule of the intake check: a stable id (receipts, logs and the UI key on it), its
// severity (error blocks, warning informs), the businesses it applies to and where the
// rulebook says so. docs/intake.md's table is this catalogue; a test keeps the two in step.
import type { RulebookBusiness } from '../businesses.ts';

export type Severity = 'error' | 'warning';

export interface RuleInfo {
  severity: Severity;
  businesses: readonly RulebookBusiness[] | 'all';
  what: string;
  seed: string;
}

const withCertificates = ['new_enrolment', 'change', 'renewal', 'change_renewal', 'card_replacement', 'add_operator'] as const;
const withOriginals = ['renewal', 'change_renewal', 'card_replacement', 'add_operator'] as const;
const registryCompared = ['renewal', 'card_replacement', 'add_operator'] as const;
/** A change of information, alone or with the renewal: the papers' copies, contact proof and every card of 附件3 二. */
const changes = ['change', 'change_renewal'] as const;
const cardsBrought = ['change', 'renewal', 'change_renewal', 'card_replacement', 'add_operator', 'unlock'] as const;

export const ruleCatalogue = {
  'R-ENTERPRISE-MISSING': { severity: 'error', businesses: 'all', what: 'the package names the enterprise and gives its USCC or organisation code', seed: '000 附件3 (all businesses concern one enterprise)' },
  'R-AGENT-MISSING': { severity: 'error', businesses: 'all', what: "the package gives the agent's name and ID number", seed: '000 附件3 一(二)…六 (经办人)' },
  'R-FIELD-MISSING': { severity: 'error', businesses: 'all', what: 'a document carries the fields its kind needs (names, codes, dates, contact details)', seed: '000 附件3 一(一), 一(二); DESIGN format v1' },
  'R-FIELD-DATE': { severity: 'error', businesses: 'all', what: 'a date on a paper is a real YYYY-MM-DD date (validUntil may also be 长期 / long_term)', seed: 'DESIGN format v1' },
  'R-DOC-VARIANT': { severity: 'error', businesses: withCertificates, what: 'the trade qualification is one of the four accepted papers; the customs registration one of the two', seed: '000 附件3 一(一)4, 5' },
  'R-DOC-MISSING': { severity: 'error', businesses: 'all', what: 'every document the business needs is in the package (five certificates, or a 三证合一 licence for the organisation code and tax certificates; forms; contact proof; introduction letter)', seed: '000 附件3 一…六; 003 三证合一' },
  'R-DOC-ORIGINAL-MISSING': { severity: 'error', businesses: withOriginals, what: 'the originals of the certificates are brought', seed: '000 附件3 三(一), 四(一), 五(一)' },
  'R-DOC-COPY-MISSING': { severity: 'error', businesses: withCertificates, what: 'the copies of the certificates are brought', seed: '000 附件3 一(一), 二(一), 三(一), 四(一), 五(一)' },
  'R-DOC-UNEXPECTED': { severity: 'warning', businesses: 'all', what: 'a document the business does not need (the counter will not take it; personal data is collected only as needed)', seed: 'DOMAIN "Personal information" (PIPL)' },
  'R-STAMP-COMPANY-SEAL': { severity: 'error', businesses: 'all', what: 'the company seal is on every certificate copy, on forms 1/2/3, on the contact-details proof and on the introduction letter', seed: '000 附件3 一(一)(二), 二(一)(二), 三(一), 四(一), 五(一)(二)' },
  'R-STAMP-EPORT-REVIEW': { severity: 'error', businesses: ['new_enrolment', ...changes], what: "the issuing authority's E-Port review stamp is on every certificate copy", seed: '000 附件1 第二条; 附件3 一(一), 二(一)' },
  'R-CONTACT-CONSENT': { severity: 'error', businesses: ['new_enrolment', ...changes], what: 'the contact-details proof contains the consent to mail the IC cards', seed: '000 附件3 一(二), 二(二)' },
  'R-CERT-INSPECTION': { severity: 'error', businesses: withCertificates, what: 'each certificate passed its annual inspection within the 12 months before the package date', seed: '000 附件3 一(一) 均需进行年检, 二…五' },
  'R-DOC-EXPIRED': { severity: 'error', businesses: 'all', what: 'no paper (certificate, ID card) has a valid-until date before the package date', seed: 'DOMAIN "five certificates … within its validity"' },
  'R-CONSISTENCY-NAME': { severity: 'error', businesses: withCertificates, what: "the enterprise name is the same on every paper and in the package's enterprise", seed: '000 附件3 共同信息保持一致' },
  'R-CONSISTENCY-CODE': { severity: 'error', businesses: withCertificates, what: 'the USCC and the organisation code are the same on every paper and in the enterprise', seed: '000 附件3 共同信息保持一致' },
  'R-CONSISTENCY-LEGAL-REP': { severity: 'error', businesses: withCertificates, what: 'the legal representative is the same on every paper', seed: '000 附件3 共同信息保持一致' },
  'R-CONSISTENCY-ADDRESS': { severity: 'error', businesses: withCertificates, what: 'the registered address is the same on every paper (the contact proof’s mailing address may differ)', seed: '000 附件3 共同信息保持一致' },
  'R-USCC-FORMAT': { severity: 'error', businesses: 'all', what: 'a USCC has 18 characters from the GB 32100 alphabet', seed: 'GB 32100-2015; 003 三证合一' },
  'R-USCC-CHECK': { severity: 'error', businesses: 'all', what: "a USCC's check character (character 18) is right", seed: 'GB 32100-2015' },
  'R-USCC-ORG-CODE': { severity: 'error', businesses: 'all', what: 'USCC characters 9–17 equal the enterprise’s organisation code', seed: '003 三证合一信息_变更 注意事项2' },
  'R-ORG-CODE-FORMAT': { severity: 'error', businesses: 'all', what: 'an organisation code has 8 characters 0-9/A-Z and a check character', seed: 'GB 11714-1997' },
  'R-ORG-CODE-CHECK': { severity: 'error', businesses: 'all', what: "an organisation code's check digit is right (also the one inside a USCC)", seed: 'GB 11714-1997; 003' },
  'R-ID-FORMAT': { severity: 'error', businesses: 'all', what: 'a resident ID number has 18 characters (17 digits and a digit or X) and a real province', seed: 'GB 11643-1999' },
  'R-ID-BIRTH-DATE': { severity: 'error', businesses: 'all', what: "a resident ID number's birth date is a real date, not after the package date", seed: 'GB 11643-1999' },
  'R-ID-CHECK': { severity: 'error', businesses: 'all', what: "a resident ID number's check character is right", seed: 'GB 11643-1999' },
  'R-CARD-NUMBER': { severity: 'warning', businesses: cardsBrought, what: 'a card number has the registry’s format (16 digits, 81 prefix, Luhn check)', seed: 'docs/authority.md (simulated registry numbering)' },
  'R-AGENT-ID-CARD': { severity: 'error', businesses: 'all', what: "the agent's own ID card, original and a copy, is in the package", seed: '000 附件3 一(二), 二(二), 三(二), 四(二), 五(二), 六' },
  'R-AGENT-ID-MATCH': { severity: 'error', businesses: 'all', what: "the agent's ID card shows the agent's name and number", seed: '000 附件3 本人身份证' },
  'R-INTRO-LETTER-AGENT': { severity: 'error', businesses: 'all', what: 'the introduction letter names the agent (and the agent’s ID number, when it gives one)', seed: '000 附件3 单位介绍信' },
  'R-INTRO-LETTER-ENTERPRISE': { severity: 'error', businesses: 'all', what: 'the introduction letter is from the enterprise of the package', seed: '000 附件3 单位介绍信' },
  'R-HOLDER-ID-COPY': { severity: 'error', businesses: ['new_enrolment', 'add_operator'], what: 'an ID copy of every card holder applied for (legal-person, operator, tax clerk; the new holder)', seed: '000 附件3 一(二), 五(二)' },
  'R-OPERATOR-TAX-CLERK': { severity: 'error', businesses: ['new_enrolment', ...changes, 'add_operator'], what: 'no one is both operator and tax clerk (for adding: the new holder is not already the other kind)', seed: '000 附件3 一(二) 操作员和办税员不能为同一个人' },
  'R-CARD-LEGAL-PERSON': { severity: 'error', businesses: withCertificates, what: 'the legal-person card is brought (new enrolment: its holder is named)', seed: '000 附件3 一(二), 二(二), 三(二), 四(二), 五(二)' },
  'R-CARD-NO-MISSING': { severity: 'error', businesses: cardsBrought, what: 'a card brought has its card number', seed: '000 附件3 二…六 (the cards are brought)' },
  'R-CARD-NEW-HOLDER': { severity: 'error', businesses: ['add_operator'], what: 'the package names the operator or tax clerk to add (a card without a number, with its holder)', seed: '000 附件3 五(二)' },
  'R-CARD-UNLOCK': { severity: 'error', businesses: ['unlock'], what: 'exactly one card: the locked one', seed: '000 附件3 六' },
  'R-CARD-DUPLICATE': { severity: 'error', businesses: cardsBrought, what: 'no card number is listed twice', seed: '—' },
  'R-REG-UNAVAILABLE': { severity: 'error', businesses: cardsBrought, what: '--registry: the registry answered', seed: '000 附件3 三…五 (比对电子口岸数据)' },
  'R-REG-NO-CARD': { severity: 'error', businesses: cardsBrought, what: '--registry: the package has a card number to look the enterprise up by', seed: '000 附件3 三…五' },
  'R-REG-CARD-UNKNOWN': { severity: 'error', businesses: cardsBrought, what: '--registry: every card brought is in the registry', seed: '000 附件3 三…五' },
  'R-REG-CARD-OTHER-ENTERPRISE': { severity: 'error', businesses: cardsBrought, what: '--registry: every card brought belongs to the same enterprise', seed: '000 附件3 三…五' },
  'R-REG-CHANGE-REQUIRED': { severity: 'error', businesses: registryCompared, what: '--registry: the papers agree with the registry (name, USCC, organisation code, legal representative, address); otherwise a change of information is required first (需先办理变更)', seed: '000 附件3 三, 四, 五 (需先按《办理企业信息变更手续所需单证》办理变更)' },
  'R-REG-CHANGED': { severity: 'warning', businesses: changes, what: '--registry: what the change will update (expected for a change, alone or with the renewal)', seed: '000 附件3 二; 三 同时办理变更和IC卡证书重签' },
  'R-REG-NO-CHANGE': { severity: 'warning', businesses: changes, what: '--registry: a change whose papers already agree with the registry changes nothing', seed: '000 附件3 二' },
  'R-REG-CARD-HOLDER': { severity: 'error', businesses: cardsBrought, what: "--registry: a card's type and holder are the registry's", seed: '000 附件3 三…六' },
  'R-REG-CARD-NOT-BROUGHT': { severity: 'error', businesses: changes, what: '--registry: a change brings all of the enterprise’s IC cards (except those reported lost or invalidated)', seed: '000 附件3 二(二) IC卡(包括法人卡、操作员卡、办税员卡)' },
  'R-REG-CARD-NOT-LOCKED': { severity: 'error', businesses: ['unlock'], what: '--registry: the card to unlock is locked or active in the registry (a PIN blocks on the card without the registry knowing: the card’s retry counter is the truth; an expired certificate does not stop an unlock), not frozen, reported lost or invalidated', seed: '000 附件3 六 被锁定的IC卡; 003 IC卡解锁' },
  'R-REG-CARD-STATUS': { severity: 'warning', businesses: ['renewal', 'change_renewal', 'card_replacement', 'add_operator'], what: '--registry: a card brought is expired, frozen, reported lost or invalidated (the counter decides)', seed: '003 IC卡延期 只可对未过期的IC卡进行延期' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof ruleCatalogue;
export const ruleIds = Object.keys(ruleCatalogue) as RuleId[];
