// The guided capture with the simulated scanner and the embedded authority: a renewal captured
// paper by paper in the order the checklist asks, confirmed, checked and submitted; bad pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import type { GeneratedPage } from '../../sim/scanner/documents.ts';
import { generatePage } from '../../sim/scanner/generate-page.ts';
import { SimScanner } from '../../sim/scanner/sim-scanner.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { openSimAuthority, type SimAuthority } from '../../sim/authority/sim-authority.ts';
import { AgentSessions } from '../cards/agent-session.ts';
import { ScannedPages } from '../imaging/scanned-pages.ts';
import { openStore, type Store } from '../store/store.ts';
import type { CaptureItem } from '../../contract/intake/capture.ts';
import { IntakeCapture } from './capture-session.ts';
import type { DocumentFields, IntakeCard } from '../../contract/intake/package-schema.ts';

const date = '2026-11-22';
const dpi = 150;

let dir: string;
let authority: SimAuthority;
let store: Store;
let pages: GeneratedPage[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'capture-'));
  authority = await openSimAuthority({ stateDir: join(dir, 'authority') });
  store = openStore(join(dir, 'kiosk.sqlite'));
  // Rendered one by one (not documentSet) so a test can add bad pages of its own.
  pages = await Promise.all(documentSpecs('renewal', { date, threeInOne: true }).map((spec) => generatePage(spec, { date, dpi })));
});

afterAll(() => {
  authority.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

let scanner: SimScanner;
let scanned: ScannedPages;
let sessions: AgentSessions;
let capture: IntakeCapture;

beforeEach(() => {
  scanner = new SimScanner({ pageDelayMs: 1 });
  scanned = new ScannedPages();
  sessions = new AgentSessions(store);
  capture = new IntakeCapture({ sessions, scanner, pages: scanned, authority, kioskId: 'KIOSK-TEST', scan: { resolutionDpi: dpi, mode: 'color' }, now: () => new Date(`${date}T02:00:00Z`) });
});

const variants: Record<string, DocumentFields['variant']> = {
  import_export_qualification: 'import_export_qualification',
  consignor_consignee: 'consignor_consignee_registration',
  self_declaration: 'self_declaration_registration',
};

/** What the agent reads off the paper and confirms (no OCR): the printed fields, in format v1 names. */
function printed(page: GeneratedPage): DocumentFields {
  const f = page.spec.fields;
  const pick = (...keys: (keyof DocumentFields)[]): DocumentFields => Object.fromEntries(keys.filter((k) => f[k] !== undefined).map((k) => [k, f[k]]));
  if (page.spec.kind === 'id_card') return pick('name', 'idNumber');
  if (page.spec.kind === 'introduction_letter') return pick('name', 'agentName', 'agentIdNumber');
  // A renewal has no forms: the rest are certificates.
  return { ...pick('name', 'uscc', 'orgCode', 'legalRepresentative', 'address', 'validUntil', 'annualInspection'), ...(page.spec.variant !== undefined && { variant: variants[page.spec.variant] }) };
}

function pageFor(item: CaptureItem): GeneratedPage {
  const found = pages.find((p) => item.kinds.includes(p.spec.kind) && (item.form === null || item.form === p.spec.form) && (item.roles === undefined || item.roles.includes(p.spec.role ?? 'agent')));
  if (found === undefined) throw new Error(`no generated page for ${item.label.en}`);
  return found;
}

function card(name: string): IntakeCard {
  const f = cardFixture(name);
  if (f === undefined || f.cardType === 'technician') throw new Error(name);
  return { type: f.cardType, cardNo: f.cardNo, holderName: f.holder.name, holderIdNumber: f.holder.idNumber };
}

async function captureAndConfirm(item: CaptureItem): Promise<number> {
  const page = pageFor(item);
  scanner.loadFeeder([page]);
  const role = item.roles?.[0];
  const captured = await capture.capture({ kind: page.spec.kind, form: page.spec.form, ...(role !== undefined && { role }) });
  if (!captured.ok) throw new Error(`${item.label.en}: ${JSON.stringify(captured.error)}`);
  const confirmed = capture.confirm(captured.value.index, printed(page));
  if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.error));
  return captured.value.index;
}

describe('guided capture', () => {
  it('asks for each paper of a renewal in turn, fills the package, checks it and submits it', async () => {
    const started = capture.start('renewal');
    expect(started.draft).toMatchObject({ version: 1, business: 'renewal', date, documents: [], cards: [] });
    // The licence first: its QR decides 三证合一, which waives two certificates.
    expect(started.next).toMatchObject({ kinds: ['business_licence'], form: 'original' });
    expect(started.checklist.map((i) => i.kinds[0])).toContain('org_code_certificate');

    // The first capture: the licence's QR pre-fills it; it waits for the agent's confirmation.
    scanner.loadFeeder([pageFor(started.next!)]);
    const licence = await capture.capture({ kind: 'business_licence', form: 'original' });
    if (!licence.ok) throw new Error(JSON.stringify(licence.error));
    expect(licence.value.prefilledFromQr).toBe(true);
    expect(licence.value.document.fields).toMatchObject({ name: '厦门海韵进出口贸易有限公司', uscc: '91350200MA2Y7K3Q6F', legalRepresentative: '陈海峰' });
    const afterLicence = capture.state();
    if (!afterLicence.ok) throw new Error('no state');
    expect(afterLicence.value.documents).toEqual([expect.objectContaining({ index: 0, status: 'pendingConfirmation' })]);
    expect(afterLicence.value.checklist.map((i) => i.kinds[0])).not.toContain('org_code_certificate');
    expect(capture.confirm(0, printed(pageFor(started.next!)))).toMatchObject({ ok: true });

    const asked: string[] = ['business_licence/original'];
    for (let next = capture.checklist(); next.ok && next.value.next !== null; next = capture.checklist()) {
      const item = next.value.next;
      asked.push(`${item.kinds.join('|')}/${item.form ?? 'any'}${item.roles === undefined ? '' : `/${item.roles.join('|')}`}`);
      await captureAndConfirm(item);
      if (asked.length > 20) throw new Error('the checklist never ends');
    }
    expect(asked).toEqual([
      'business_licence/original',
      'business_licence/copy',
      'trade_qualification/original',
      'trade_qualification/copy',
      'customs_registration/original',
      'customs_registration/copy',
      'introduction_letter/any',
      'id_card/original/agent',
      'id_card/copy/agent',
    ]);

    // The enterprise came from the licence, the agent from their ID card; the cards from the reader (here: given).
    const state = capture.setCards([card('legal-person'), card('expiring-operator')]);
    if (!state.ok) throw new Error('no state');
    expect(state.value.draft.enterprise).toMatchObject({ uscc: '91350200MA2Y7K3Q6F', orgCode: 'MA2Y7K3Q6' });
    expect(state.value.draft.agent).toMatchObject({ name: '许文彬' });
    expect(state.value.draft.documents.find((d) => d.kind === 'business_licence' && d.form === 'copy')?.stamps).toEqual(['company_seal']);

    const verdict = await capture.check();
    if (!verdict.ok) throw new Error(JSON.stringify(verdict.error));
    expect(verdict.value.findings).toEqual([]);
    expect(verdict.value).toMatchObject({ acceptable: true, registry: { consulted: true } });

    const ticket = await capture.submit();
    expect(ticket).toMatchObject({ ok: true, value: { ticket: expect.stringMatching(/^A\d{4}$/) } });
    // A retry of the same draft gets the same ticket (idempotent).
    expect(await capture.submit()).toEqual(ticket);

    // Personal data: the draft and its scans go with the session.
    expect(scanned.list().length).toBe(9);
    sessions.end('completed');
    expect(capture.state()).toEqual({ ok: false, error: { kind: 'noIntake' } });
    expect(scanned.list()).toEqual([]);
  });

  it('refuses a blank page and reports a copy without the company seal', async () => {
    capture.start('renewal');
    const specOf = (kind: string, form: string) => pages.find((p) => p.spec.kind === kind && p.spec.form === form)!.spec;

    scanner.loadFeeder([await generatePage(specOf('business_licence', 'original'), { date, dpi, defects: { blank: true } })]);
    expect(await capture.capture({ kind: 'business_licence', form: 'original' })).toEqual({ ok: false, error: { kind: 'rescan', problems: [{ page: 1, check: 'blank' }] } });
    expect(capture.state()).toMatchObject({ ok: true, value: { draft: { documents: [] } } });
    expect(scanned.list()).toEqual([]);

    const copy = specOf('business_licence', 'copy');
    scanner.loadFeeder([await generatePage(copy, { date, dpi, defects: { noSeal: true } })]);
    const captured = await capture.capture({ kind: 'business_licence', form: 'copy' });
    if (!captured.ok) throw new Error(JSON.stringify(captured.error));
    expect(captured.value.document.stamps).toEqual([]);
    // Unconfirmed papers are not sent.
    expect(await capture.submit()).toEqual({ ok: false, error: { kind: 'unconfirmed', indices: [0] } });
    expect(capture.confirm(0, { annualInspection: 'x'.repeat(33) })).toMatchObject({ ok: false, error: { kind: 'invalidFields', problems: [{ path: 'documents[0].fields.annualInspection' }] } });
    expect(capture.confirm(0, { annualInspection: copy.fields.annualInspection })).toMatchObject({ ok: true });

    const verdict = await capture.check();
    if (!verdict.ok) throw new Error(JSON.stringify(verdict.error));
    expect(verdict.value.acceptable).toBe(false);
    expect(verdict.value.findings).toContainEqual(expect.objectContaining({ ruleId: 'R-STAMP-COMPANY-SEAL', document: { kind: 'business_licence', index: 0, form: 'copy' } }));
    expect(await capture.submit()).toMatchObject({ ok: false, error: { kind: 'notAcceptable' } });
  });
});
