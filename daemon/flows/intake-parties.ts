// Who an intake package names, as the agent's papers and cards say: the agent (from the
// introduction letter), the holders of the three cards a new enrolment applies for (from their
// ID copies), the card an added operator gets (from form 2) and the cards read in the reader.
// They pre-fill later papers and make the package's list of cards; the intake flow
// (intake-flow.ts) tells them what was confirmed and read.
import type { DocumentKind, IdCardRole, IntakeCard, IntakeDocument, PackageCardType } from '../../contract/intake/package-schema.ts';
import type { IntakeEnterprise } from '../intake/capture-session.ts';
import type { RulebookBusiness } from '../../contract/businesses.ts';
import type { FieldKey } from './intake-fields.ts';

export interface Person {
  name?: string;
  idNumber?: string;
}

const holderCard: Partial<Record<IdCardRole, PackageCardType>> = {
  legal_person_holder: 'legal_person',
  operator_holder: 'operator',
  tax_clerk_holder: 'tax_clerk',
};

export class IntakeParties {
  readonly #business: RulebookBusiness;
  #letterAgent: Person = {};
  #holders = new Map<PackageCardType, Person>();
  #added: IntakeCard | null = null;
  #brought: IntakeCard[] = [];

  constructor(business: RulebookBusiness) {
    this.#business = business;
  }

  /** A confirmed paper names people the package needs. True: the package's cards changed. */
  learn(document: IntakeDocument): boolean {
    const { fields } = document;
    switch (document.kind) {
      case 'introduction_letter':
        this.#letterAgent = person(fields.agentName, fields.agentIdNumber);
        return false;
      case 'id_card': {
        const role = document.role ?? fields.role;
        const type = role === undefined ? undefined : holderCard[role];
        if (this.#business !== 'new_enrolment' || type === undefined) return false;
        this.#holders.set(type, person(fields.name, fields.idNumber));
        return true;
      }
      case 'form_ic_card':
      case 'form_tax_clerk_card': {
        if (this.#business !== 'add_operator') return false;
        const holder = person(fields.holderName, fields.holderIdNumber);
        this.#added = { type: document.kind === 'form_tax_clerk_card' ? 'tax_clerk' : 'operator', ...cardHolder(holder) };
        return true;
      }
      case 'org_code_certificate':
      case 'business_licence':
      case 'tax_registration':
      case 'trade_qualification':
      case 'customs_registration':
      case 'form_enterprise':
      case 'contact_proof':
        return false;
    }
  }

  /** A card read in the reader, brought to the business. */
  bring(card: IntakeCard): void {
    this.#brought.push(card);
  }

  hasBrought(cardNo: string): boolean {
    return this.#brought.some((brought) => brought.cardNo === cardNo);
  }

  /** The package's cards as far as known (the checklist asks for holders' ID copies from them). */
  cards(): IntakeCard[] {
    switch (this.#business) {
      case 'new_enrolment':
        return (['legal_person', 'operator', 'tax_clerk'] as const).map((type) => ({ type, ...cardHolder(this.#holders.get(type) ?? {}) }));
      case 'add_operator':
        return [...this.#brought, ...(this.#added === null ? [] : [this.#added])];
      case 'change':
      case 'change_renewal':
      case 'renewal':
      case 'card_replacement':
      case 'unlock':
        return [...this.#brought];
    }
  }

  /** What earlier papers (and the package's enterprise) said that a paper of `kind` repeats. */
  known(kind: DocumentKind, role: IdCardRole | undefined, enterprise: IntakeEnterprise): Partial<Record<FieldKey, string>> {
    const agent = this.#letterAgent;
    const clean = (values: Partial<Record<FieldKey, string | undefined>>): Partial<Record<FieldKey, string>> =>
      Object.fromEntries(Object.entries(values).filter(([, value]) => Boolean(value)));
    if (kind === 'id_card') {
      if (role === 'agent') return clean({ name: agent.name, idNumber: agent.idNumber });
      const holder = role === 'new_holder' ? this.#added : null;
      return clean({ name: holder?.holderName, idNumber: holder?.holderIdNumber });
    }
    return clean({ ...enterprise, contactName: agent.name });
  }
}

export function person(name: string | undefined, idNumber: string | undefined): Person {
  return { ...(name !== undefined && { name }), ...(idNumber !== undefined && { idNumber }) };
}

function cardHolder(holder: Person): Pick<IntakeCard, 'holderName' | 'holderIdNumber'> {
  return { ...(holder.name !== undefined && { holderName: holder.name }), ...(holder.idNumber !== undefined && { holderIdNumber: holder.idNumber }) };
}
