// What each business needs (seed 000, 附件3), as data: the intake check, the verdict's
// checklist and (later) the guided capture all read it from here.
import { normaliseCode } from './context.ts';
import type { CertificateKind, DocumentForm, DocumentKind, IntakePackage, StampKind } from '../../contract/intake/package-schema.ts';
import type { RulebookBusiness } from '../../contract/businesses.ts';
import { certificateKinds } from '../../contract/intake/package-schema.ts';

export interface Requirement {
  /** Any one of these kinds satisfies it (add operator: form 2 or form 3). */
  kinds: readonly DocumentKind[];
  /** Each form listed must be present; empty: any form. */
  forms: readonly DocumentForm[];
}

/** 三证合一 (seed 003): a business licence with an 18-character USCC stands in for the organisation code and tax certificates. */
export function threeInOne(pkg: IntakePackage): boolean {
  return pkg.documents.some((doc) => doc.kind === 'business_licence' && doc.fields.uscc !== undefined && normaliseCode(doc.fields.uscc).length === 18);
}

export function certificateForms(business: RulebookBusiness): readonly DocumentForm[] {
  switch (business) {
    case 'new_enrolment':
    case 'change':
      return ['copy'];
    case 'renewal':
    case 'change_renewal':
    case 'card_replacement':
    case 'add_operator':
      return ['original', 'copy'];
    case 'unlock':
      return [];
  }
}

export function certificatesNeeded(pkg: IntakePackage): readonly CertificateKind[] {
  if (certificateForms(pkg.business).length === 0) return [];
  const waived: readonly CertificateKind[] = threeInOne(pkg) ? ['org_code_certificate', 'tax_registration'] : [];
  return certificateKinds.filter((kind) => !waived.includes(kind));
}

function addedCardForms(pkg: IntakePackage): readonly DocumentKind[] {
  const added = pkg.cards.filter((card) => card.cardNo === undefined && card.type !== 'legal_person');
  const kinds = new Set<DocumentKind>();
  for (const card of added) kinds.add(card.type === 'tax_clerk' ? 'form_tax_clerk_card' : 'form_ic_card');
  return kinds.size === 1 ? [...kinds] : ['form_ic_card', 'form_tax_clerk_card'];
}

/** The papers besides the certificates and ID cards (people rules check those). */
export function otherPapersNeeded(pkg: IntakePackage): Requirement[] {
  const letter: Requirement = { kinds: ['introduction_letter'], forms: [] };
  switch (pkg.business) {
    case 'new_enrolment':
      return [letter, { kinds: ['form_enterprise'], forms: [] }, { kinds: ['form_ic_card'], forms: [] }, { kinds: ['form_tax_clerk_card'], forms: [] }, { kinds: ['contact_proof'], forms: [] }];
    case 'change':
    case 'change_renewal':
      return [letter, { kinds: ['contact_proof'], forms: [] }];
    case 'add_operator':
      return [letter, { kinds: addedCardForms(pkg), forms: [] }];
    case 'renewal':
    case 'card_replacement':
    case 'unlock':
      return [letter];
  }
}

export function requirements(pkg: IntakePackage): Requirement[] {
  const forms = certificateForms(pkg.business);
  return [...certificatesNeeded(pkg).map((kind) => ({ kinds: [kind], forms })), ...otherPapersNeeded(pkg)];
}

/** Kinds a business has any use for; an id_card's use depends on whose it is (people rules). */
export function usefulKinds(pkg: IntakePackage): ReadonlySet<DocumentKind> {
  const kinds = new Set<DocumentKind>(['id_card']);
  if (certificateForms(pkg.business).length > 0) for (const kind of certificateKinds) kinds.add(kind);
  for (const requirement of otherPapersNeeded(pkg)) for (const kind of requirement.kinds) kinds.add(kind);
  return kinds;
}

const sealedPapers: readonly DocumentKind[] = ['form_enterprise', 'form_ic_card', 'form_tax_clerk_card', 'contact_proof', 'introduction_letter'];

/** The stamps a paper must carry for this business. Originals of certificates carry their own. */
export function stampsNeeded(business: RulebookBusiness, kind: DocumentKind, form: DocumentForm | undefined): readonly StampKind[] {
  if (sealedPapers.includes(kind)) return ['company_seal'];
  if (!(certificateKinds as readonly DocumentKind[]).includes(kind) || form !== 'copy') return [];
  switch (business) {
    case 'new_enrolment':
    case 'change':
    case 'change_renewal':
      return ['company_seal', 'eport_review'];
    case 'renewal':
    case 'card_replacement':
    case 'add_operator':
      return ['company_seal'];
    case 'unlock':
      return [];
  }
}
