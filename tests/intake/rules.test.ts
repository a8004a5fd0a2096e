// Every rule both ways, for every business it applies to: the acceptable package of each business
// passes with no findings; each break case yields the rule's finding, pointing at the right
// document or field; each pass case is acceptable. Runs against the real simulated authority.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSimAuthority, type SimAuthority } from '../../sim/authority/sim-authority.ts';
import { checkIntake, type RegistryLookup } from '../../daemon/intake/check.ts';
import { type Verdict } from '../../contract/intake/verdict.ts';
import { type IntakePackage } from '../../contract/intake/package-schema.ts';
import { rulebookBusinesses } from '../../contract/businesses.ts';
import { ruleCatalogue, ruleIds } from '../../contract/intake/rule-catalogue.ts';
import { err } from '../../basics/result.ts';
import { breakCases, passCases } from './cases.ts';
import { acceptablePackage, clone } from './fixture-packages.ts';

let stateDir: string;
let authority: SimAuthority;
let lookup: RegistryLookup;
const unreachable: RegistryLookup = async () => err({ kind: 'unreachable', detail: 'connection refused' });

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-intake-rules-'));
  authority = await openSimAuthority({ stateDir });
  lookup = (cardNo) => authority.lookupCard(cardNo);
});

afterAll(() => {
  authority.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function verdictOf(pkg: IntakePackage, registry?: RegistryLookup): Promise<Verdict> {
  const checked = await checkIntake(pkg, registry === undefined ? {} : { registry });
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  return checked.value;
}

/** No full resident ID number anywhere in a verdict (PIPL; DOMAIN "Personal information"). */
function expectNoFullIdNumbers(verdict: Verdict): void {
  expect(JSON.stringify(verdict)).not.toMatch(/(?<![\dA-Z])\d{17}[\dXx](?![\dA-Z])/);
}

describe('the acceptable package of each business', () => {
  it.each(rulebookBusinesses)('%s: acceptable, no findings, every checklist item present', async (business) => {
    const verdict = await verdictOf(acceptablePackage(business));
    expect(verdict.findings).toEqual([]);
    expect(verdict).toMatchObject({ acceptable: true, business, date: '2026-11-22', dateSource: 'package', registry: null, summary: { errors: 0, warnings: 0 } });
    expect(verdict.checklist.every((item) => item.present)).toBe(true);
  });

  it.each(rulebookBusinesses)('%s: acceptable against the registry too', async (business) => {
    const verdict = await verdictOf(acceptablePackage(business), lookup);
    expect(verdict.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(verdict.acceptable).toBe(true);
  });
});

describe('each rule broken', () => {
  const rows = breakCases.flatMap((c) => c.businesses.map((business) => ({ ...c, business, title: `${c.rule} · ${business} · ${c.name}` })));
  it.each(rows)('$title', async (row) => {
    const pkg = clone(acceptablePackage(row.business));
    row.mutate(pkg);
    const registry = row.registry === true ? (row.rule === 'R-REG-UNAVAILABLE' ? unreachable : lookup) : undefined;
    const verdict = await verdictOf(pkg, registry);
    const hits = verdict.findings.filter((f) => f.ruleId === row.rule);
    expect(hits, JSON.stringify(verdict.findings, null, 1)).not.toHaveLength(0);
    const expected = row.expect?.(pkg);
    if (expected !== undefined) expect(hits).toContainEqual(expect.objectContaining(expected));
    const severity = ruleCatalogue[row.rule].severity;
    for (const hit of hits) {
      expect(hit.severity).toBe(severity);
      expect(hit.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(hit.message.en).toMatch(/^[\x20-\x7e\u2018-\u201d\u2013\u2192\u00a0-\u00ff\u3000-\u9fff\uff00-\uffef]+$/u);
      // The agent's screens show these: no "package" (a file format word), no curly apostrophe (renders as a gap).
      expect(hit.message.en).not.toMatch(/\bpackage\b|’/u);
    }
    if (severity === 'error') expect(verdict.acceptable).toBe(false);
    expectNoFullIdNumbers(verdict);
  });
});

describe('each rule satisfied', () => {
  const rows = passCases.flatMap((c) => c.businesses.map((business) => ({ ...c, business, title: `${business} · ${c.name}` })));
  it.each(rows)('$title', async (row) => {
    const pkg = clone(acceptablePackage(row.business));
    row.mutate(pkg);
    const verdict = await verdictOf(pkg, row.registry === true ? lookup : undefined);
    expect(verdict.findings.filter((f) => f.severity === 'error' || row.rules.includes(f.ruleId))).toEqual([]);
    expect(verdict.acceptable).toBe(true);
  });
});

describe('the rule table', () => {
  it('breaks every rule of the catalogue at least once', () => {
    const broken = new Set(breakCases.map((c) => c.rule));
    expect(ruleIds.filter((id) => !broken.has(id))).toEqual([]);
  });

  it('breaks each rule for every business the catalogue says it applies to', () => {
    const missing: string[] = [];
    for (const id of ruleIds) {
      const applies = ruleCatalogue[id].businesses;
      const tested = new Set(breakCases.filter((c) => c.rule === id).flatMap((c) => c.businesses));
      for (const business of applies === 'all' ? rulebookBusinesses : applies) if (!tested.has(business)) missing.push(`${id} ${business}`);
    }
    expect(missing).toEqual([]);
  });

  it('documents every rule in docs/intake.md, and no other', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'intake.md'), 'utf8');
    const documented = new Set([...doc.matchAll(/^\| `(R-[A-Z0-9-]+)` \|/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual([...ruleIds].sort());
  });
});

describe('dates', () => {
  it('checks as of the given date instead of the package date', async () => {
    const checked = await checkIntake(acceptablePackage('renewal'), { date: '2027-02-28' });
    expect(checked.ok && checked.value.dateSource).toBe('option');
    const findings = checked.ok ? checked.value.findings : [];
    // The inspections of March and April 2026 are still within the 12 months; nothing expired.
    expect(findings).toEqual([]);
    const later = await checkIntake(acceptablePackage('renewal'), { date: '2027-03-02' });
    expect(later.ok && later.value.findings.filter((f) => f.ruleId === 'R-CERT-INSPECTION').map((f) => f.document?.kind)).toEqual(['business_licence', 'business_licence']);
  });

  it('uses today in China when neither the package nor the caller gives a date', async () => {
    const pkg = clone(acceptablePackage('unlock'));
    delete pkg.date;
    // 2026-11-22 16:30 UTC is already 23 November in China.
    const checked = await checkIntake(pkg, { now: new Date('2026-11-22T16:30:00Z') });
    expect(checked.ok && [checked.value.date, checked.value.dateSource]).toEqual(['2026-11-23', 'today']);
  });

  it('refuses a check date that is not a date', async () => {
    expect(await checkIntake(acceptablePackage('unlock'), { date: '2026-02-30' })).toEqual({ ok: false, error: { kind: 'badDate', value: '2026-02-30' } });
  });
});

describe('registry messages', () => {
  it('says a change of information is required first, in both languages', async () => {
    const pkg = clone(acceptablePackage('card_replacement'));
    pkg.enterprise!.legalRepresentative = '陈海锋';
    for (const d of pkg.documents) if (d.fields.legalRepresentative !== undefined) d.fields.legalRepresentative = '陈海锋';
    const verdict = await verdictOf(pkg, lookup);
    const [finding] = verdict.findings;
    expect(verdict.findings).toHaveLength(1);
    expect(finding).toMatchObject({ ruleId: 'R-REG-CHANGE-REQUIRED', severity: 'error', field: 'enterprise.legalRepresentative' });
    expect(finding!.message.zh).toContain('需先办理变更');
    expect(finding!.message.en).toContain('a change of information is required first');
    expect(verdict.registry).toEqual({ consulted: true, cardNo: '8135020000000017', enterprise: { name: '厦门海韵进出口贸易有限公司', uscc: '91350200MA2Y7K3Q6F' } });
  });

  it('a renewal whose papers differ from the registry is a change first; the same renewal with the change papers is one visit', async () => {
    // The enterprise moved: the renewal alone is refused with "a change of information is required first (or both together)".
    const renewal = clone(acceptablePackage('renewal'));
    for (const d of renewal.documents) if (d.fields.address !== undefined && d.kind !== 'id_card') d.fields.address = acceptablePackage('change').enterprise!.address!;
    renewal.enterprise!.address = acceptablePackage('change').enterprise!.address!;
    const alone = await verdictOf(renewal, lookup);
    expect(alone.acceptable).toBe(false);
    expect(alone.findings.map((f) => f.ruleId)).toEqual(['R-REG-CHANGE-REQUIRED']);
    expect(alone.findings[0]!.message.zh).toContain('也可同时办理');

    // Together: both sets of papers — the renewal's originals, the change's copies with the review stamp, the
    // contact proof and every card — and the address is what the change updates (a warning, not a stop).
    const together = acceptablePackage('change_renewal');
    const verdict = await verdictOf(together, lookup);
    expect(verdict.acceptable).toBe(true);
    expect(verdict.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(verdict.findings.filter((f) => f.ruleId === 'R-REG-CHANGED').map((f) => f.field)).toEqual(['enterprise.address']);
    expect(verdict.findings.map((f) => f.ruleId)).not.toContain('R-REG-CHANGE-REQUIRED');
    const labels = verdict.checklist.map((item) => item.label.en).join(' | ');
    for (const paper of ['(original and copy)', 'contact-details proof']) expect(labels).toContain(paper);
  });

  it('change and renewal together: each set alone is not enough', async () => {
    // The change's papers only: no originals of the certificates for the renewal.
    const changePapers = { ...clone(acceptablePackage('change')), business: 'change_renewal' as const };
    const noOriginals = await verdictOf(changePapers);
    expect(noOriginals.findings.filter((f) => f.ruleId === 'R-DOC-ORIGINAL-MISSING').map((f) => f.document?.kind).sort()).toEqual(['business_licence', 'customs_registration', 'trade_qualification']);
    // The renewal's papers only: no contact proof, and copies without the review stamp.
    const renewalPapers = { ...clone(acceptablePackage('renewal')), business: 'change_renewal' as const };
    const rules = new Set((await verdictOf(renewalPapers)).findings.map((f) => f.ruleId));
    expect(rules).toContain('R-DOC-MISSING');
    expect(rules).toContain('R-STAMP-EPORT-REVIEW');
  });

  it('masks holder ID numbers in registry findings', async () => {
    const pkg = clone(acceptablePackage('renewal'));
    pkg.cards[1]!.holderIdNumber = '350204197511110024';
    const verdict = await verdictOf(pkg, lookup);
    const finding = verdict.findings.find((f) => f.ruleId === 'R-REG-CARD-HOLDER');
    expect(finding?.message.en).toContain('350204********0024');
    expectNoFullIdNumbers(verdict);
  });
});
