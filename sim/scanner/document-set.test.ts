import { describe, expect, it } from 'vitest';
import { fixtureEnterprise } from '../registry/sim-registry.ts';
import { rulebookBusinesses } from '../../contract/businesses.ts';
import { documentSet, documentSpecs } from './document-set.ts';
import { documentKinds } from './documents.ts';

const date = '2026-11-22';
const kinds = (business: (typeof rulebookBusinesses)[number], options = {}): string[] =>
  documentSpecs(business, { date, ...options }).map((s) => `${s.kind}:${s.form}${s.role === undefined ? '' : `:${s.role}`}`);

describe('documentSpecs', () => {
  it('asks every business for the introduction letter and the agent’s ID card and copy', () => {
    for (const business of rulebookBusinesses) {
      expect(kinds(business).slice(0, 3)).toEqual(['introduction_letter:original', 'id_card:original:agent', 'id_card:copy:agent']);
    }
  });

  it('new enrolment: five stamped copies with the review stamp, forms 1–3, holders’ IDs, contact proof', () => {
    const specs = documentSpecs('new_enrolment', { date });
    const certificates = specs.filter((s) => ['org_code_certificate', 'business_licence', 'tax_registration', 'trade_qualification', 'customs_registration'].includes(s.kind));
    expect(certificates).toHaveLength(5);
    for (const c of certificates) expect(c).toMatchObject({ form: 'copy', stamps: ['company_seal', 'eport_review'], fields: { name: fixtureEnterprise.name, uscc: fixtureEnterprise.uscc } });
    expect(kinds('new_enrolment')).toEqual(expect.arrayContaining(['form_enterprise:original', 'form_ic_card:original', 'form_tax_clerk_card:original', 'contact_proof:original', 'id_card:copy:tax_clerk_holder']));
    // Every document kind of the format appears in some business's set.
    const all = new Set(rulebookBusinesses.flatMap((b) => documentSpecs(b, { date }).map((s) => s.kind)));
    expect([...all].sort()).toEqual([...documentKinds].sort());
  });

  it('renewal: originals and copies with the company seal only; unlock: nothing more', () => {
    const renewal = documentSpecs('renewal', { date, threeInOne: true, tradeVariant: 'fie_approval', customsVariant: 'self_declaration' });
    expect(renewal.filter((s) => s.form === 'copy' && s.kind !== 'id_card').every((s) => s.stamps.join() === 'company_seal')).toBe(true);
    expect(renewal.some((s) => s.kind === 'org_code_certificate')).toBe(false);
    expect(renewal.find((s) => s.kind === 'trade_qualification')?.fields.variant).toBe('fie_approval');
    expect(kinds('unlock')).toHaveLength(3);
    expect(kinds('add_operator')).toEqual(expect.arrayContaining(['id_card:copy:new_holder', 'form_ic_card:original']));
  });

  it('applies omissions and a different name', () => {
    const specs = documentSpecs('change', { date, omit: [{ kind: 'contact_proof' }], defects: [{ kind: 'tax_registration', defects: { differentName: '厦门别家贸易有限公司' } }] });
    expect(specs.some((s) => s.kind === 'contact_proof')).toBe(false);
    expect(specs.find((s) => s.kind === 'tax_registration')?.fields.name).toBe('厦门别家贸易有限公司');
    expect(specs.find((s) => s.kind === 'business_licence')?.fields.name).toBe(fixtureEnterprise.name);
  });

  it('keeps only the selected paper: the one an agent feeds when the kiosk asks for it', () => {
    expect(kinds('unlock', { only: [{ kind: 'id_card', form: 'copy', role: 'agent' }] })).toEqual(['id_card:copy:agent']);
    // No form: both the original and the copy match.
    expect(kinds('unlock', { only: [{ kind: 'id_card' }] })).toEqual(['id_card:original:agent', 'id_card:copy:agent']);
    expect(kinds('renewal', { only: [{ kind: 'business_licence', form: 'original' }] })).toEqual(['business_licence:original']);
    // A paper the business does not need: nothing.
    expect(kinds('unlock', { only: [{ kind: 'business_licence' }] })).toEqual([]);
  });
});

describe('documentSet', () => {
  it('renders only the selected pages', async () => {
    const pages = await documentSet('new_enrolment', { date, dpi: 100, only: [{ kind: 'id_card', role: 'tax_clerk_holder' }] });
    expect(pages.map((page) => `${page.spec.kind}:${page.spec.form}:${page.spec.role ?? ''}`)).toEqual(['id_card:copy:tax_clerk_holder']);
    expect(pages[0]?.png.subarray(1, 4).toString()).toBe('PNG');
  });
});
