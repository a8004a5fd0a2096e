// The pages a business needs (DOMAIN.md, the intake rulebook's table), generated consistently
// from the fixtures: for the intake check's tests, the pnm-backend tests and the demo feeder.
import type { RulebookBusiness } from '../../contract/businesses.ts';
import type { FixturePerson } from '../registry/sim-registry.ts';
import { addDays, enterpriseExtras, fixtureEnterpriseData, idCardBackOf, idCardPerson, people, sharedFields, today, type EnterpriseData } from './document-data.ts';
import type { CustomsVariant, DocumentForm, DocumentKind, DocumentSpec, GeneratedPage, IdRole, PageDefects, StampKind, TradeVariant } from './documents.ts';
import { generatePage } from './generate-page.ts';


const businessNames: Record<RulebookBusiness, string> = {
  new_enrolment: '新入网',
  change: '信息变更',
  change_renewal: '信息变更并证书延期',
  renewal: '证书延期',
  card_replacement: '换卡',
  add_operator: '增加操作员',
  unlock: '解锁',
};

export interface PageSelector {
  kind: DocumentKind;
  form?: DocumentForm;
  role?: IdRole;
}

export interface DocumentSetOptions {
  /** Package date, YYYY-MM-DD; default today. */
  date?: string;
  dpi?: number;
  seed?: number;
  tradeVariant?: TradeVariant;
  customsVariant?: CustomsVariant;
  /** A 三证合一 licence stands in for the organisation code and tax certificates: leave them out. */
  threeInOne?: boolean;
  /** Leave out documents (a missing material). */
  omit?: readonly PageSelector[];
  /** Bad pages: the defects apply to every page the selector matches. */
  defects?: readonly (PageSelector & { defects: PageDefects })[];
  /** Keep only the pages some selector matches (the one paper an agent feeds); only those render. */
  only?: readonly PageSelector[];
}

const matches = (spec: DocumentSpec, selector: PageSelector): boolean =>
  spec.kind === selector.kind && (selector.form === undefined || selector.form === spec.form) && (selector.role === undefined || selector.role === spec.role);

type CertificateKind = 'org_code_certificate' | 'business_licence' | 'tax_registration' | 'trade_qualification' | 'customs_registration';

function certificateSpec(kind: CertificateKind, form: DocumentForm, stamps: StampKind[], enterprise: EnterpriseData, options: DocumentSetOptions, date: string): DocumentSpec {
  const fields: Record<string, string> = { ...sharedFields(enterprise, date), issuedOn: addDays(date, -900) };
  const spec: DocumentSpec = { kind, form, stamps: form === 'copy' ? stamps : [], fields };
  switch (kind) {
    case 'business_licence':
      // 营业期限: thirty years from establishment.
      fields.validUntil = addDays(enterpriseExtras.establishedOn, 365 * 30 + 6);
      fields.issuedOn = addDays(date, -400);
      break;
    case 'trade_qualification':
      spec.variant = options.tradeVariant ?? 'import_export_qualification';
      fields.variant = spec.variant;
      break;
    case 'customs_registration':
      spec.variant = options.customsVariant ?? 'consignor_consignee';
      fields.variant = spec.variant;
      fields.customsCode = enterpriseExtras.customsCode;
      break;
    case 'org_code_certificate':
    case 'tax_registration':
      break;
  }
  return spec;
}

function idSpec(person: FixturePerson, role: IdRole, form: DocumentForm, stamps: StampKind[], enterprise: EnterpriseData): DocumentSpec {
  const { sex, birth } = idCardPerson(person);
  const back = idCardBackOf(person);
  return {
    kind: 'id_card',
    form,
    role,
    stamps: form === 'copy' ? stamps : [],
    fields: { name: person.name, idNumber: person.idNumber, role, sex, birth, homeAddress: '福建省厦门市思明区湖滨南路' + String(100 + (Number(person.idNumber.slice(-4, -1)) % 300)) + '号', enterpriseName: enterprise.name, ...back },
  };
}

function formSpec(kind: 'form_enterprise' | 'form_ic_card' | 'form_tax_clerk_card' | 'contact_proof', enterprise: EnterpriseData, extra: Record<string, string>): DocumentSpec {
  return {
    kind,
    form: 'original',
    stamps: ['company_seal'],
    fields: { name: enterprise.name, uscc: enterprise.uscc, orgCode: enterprise.orgCode, legalRepresentative: enterprise.legalRepresentative.name, address: enterprise.address, ...extra },
  };
}

/** The documents (without pixels) a business needs, in the order an agent would feed them. */
export function documentSpecs(business: RulebookBusiness, options: DocumentSetOptions = {}): DocumentSpec[] {
  const date = options.date ?? today();
  const enterprise = fixtureEnterpriseData();
  const agent = people.agent();
  const specs: DocumentSpec[] = [
    {
      kind: 'introduction_letter',
      form: 'original',
      stamps: ['company_seal'],
      fields: { name: enterprise.name, uscc: enterprise.uscc, agentName: agent.name, agentIdNumber: agent.idNumber, businessName: businessNames[business], date },
    },
    idSpec(agent, 'agent', 'original', [], enterprise),
    idSpec(agent, 'agent', 'copy', [], enterprise),
  ];
  const certificates: CertificateKind[] = options.threeInOne === true
    ? ['business_licence', 'trade_qualification', 'customs_registration']
    : ['org_code_certificate', 'business_licence', 'tax_registration', 'trade_qualification', 'customs_registration'];
  const copies = (stamps: StampKind[]): void => {
    for (const kind of certificates) specs.push(certificateSpec(kind, 'copy', stamps, enterprise, options, date));
  };
  const originalsAndCopies = (): void => {
    for (const kind of certificates) specs.push(certificateSpec(kind, 'original', [], enterprise, options, date));
    copies(['company_seal']);
  };
  const contact = (): DocumentSpec => formSpec('contact_proof', enterprise, { contact: agent.name });
  const legal = people.legalPersonHolder();
  const operator = people.operatorHolder();
  const taxClerk = people.taxClerkHolder();
  switch (business) {
    case 'new_enrolment':
      copies(['company_seal', 'eport_review']);
      specs.push(
        formSpec('form_enterprise', enterprise, { contact: agent.name }),
        formSpec('form_ic_card', enterprise, { legalPersonHolderName: legal.name, legalPersonHolderIdNumber: legal.idNumber, operatorName: operator.name, operatorIdNumber: operator.idNumber }),
        formSpec('form_tax_clerk_card', enterprise, { taxClerkName: taxClerk.name, taxClerkIdNumber: taxClerk.idNumber }),
        idSpec(legal, 'legal_person_holder', 'copy', ['company_seal'], enterprise),
        idSpec(operator, 'operator_holder', 'copy', ['company_seal'], enterprise),
        idSpec(taxClerk, 'tax_clerk_holder', 'copy', ['company_seal'], enterprise),
        contact(),
      );
      break;
    case 'change':
      copies(['company_seal', 'eport_review']);
      specs.push(contact());
      break;
    case 'change_renewal':
      // Both sets: the renewal's originals, the change's copies with both stamps, the contact proof.
      for (const kind of certificates) specs.push(certificateSpec(kind, 'original', [], enterprise, options, date));
      copies(['company_seal', 'eport_review']);
      specs.push(contact());
      break;
    case 'renewal':
    case 'card_replacement':
      originalsAndCopies();
      break;
    case 'add_operator': {
      originalsAndCopies();
      const holder = people.newHolder();
      specs.push(
        idSpec(holder, 'new_holder', 'copy', ['company_seal'], enterprise),
        formSpec('form_ic_card', enterprise, { legalPersonHolderName: legal.name, legalPersonHolderIdNumber: legal.idNumber, operatorName: holder.name, operatorIdNumber: holder.idNumber }),
      );
      break;
    }
    case 'unlock':
      break;
  }
  const { omit = [], only } = options;
  const kept = specs.filter((spec) => !omit.some((selector) => matches(spec, selector)) && (only === undefined || only.some((selector) => matches(spec, selector))));
  return kept.map((spec) => {
    const differentName = defectsFor(spec, options).differentName;
    if (differentName === undefined || spec.fields.name === undefined || spec.kind === 'id_card') return spec;
    return { ...spec, fields: { ...spec.fields, name: differentName } };
  });
}

function defectsFor(spec: DocumentSpec, options: DocumentSetOptions): PageDefects {
  return Object.assign({}, ...(options.defects ?? []).filter((entry) => matches(spec, entry)).map((entry) => entry.defects)) as PageDefects;
}

/** Renders the pages a business needs; pages render in parallel on libvips' thread pool. */
export async function documentSet(business: RulebookBusiness, options: DocumentSetOptions = {}): Promise<GeneratedPage[]> {
  const date = options.date ?? today();
  return Promise.all(
    documentSpecs(business, options).map((spec) =>
      generatePage(spec, { date, defects: defectsFor(spec, options), ...(options.dpi !== undefined && { dpi: options.dpi }), ...(options.seed !== undefined && { seed: options.seed }) }),
    ),
  );
}
