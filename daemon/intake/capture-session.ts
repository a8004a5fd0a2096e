// The guided capture: the draft intake package (format v1) of the agent's current session, filled
// paper by paper from the scanner (stamps from the seals found, licence fields from its QR, the
// other fields read by OCR when an engine is fitted) and from the fields the agent confirms on
// screen. The draft is personal data: it lives in memory only and goes, with its scans, when the
// session ends.
import type { CaptureError, CaptureOutcome, CapturedDocumentState, IntakeState, PageProblem } from '../../contract/intake/capture.ts';
import { randomUUID } from 'node:crypto';
import type { ScanMode, Scanner } from '../../drivers/scanner/scanner.ts';
import type { ScanSource } from '../../contract/devices/scanner.ts';
import type { Authority, IntakeTicket } from '../../contract/authority/authority.ts';
import type { AgentSessions } from '../cards/agent-session.ts';
import { checkPage, imagingLimits } from '../imaging/check-page.ts';
import { type PageReport } from '../../contract/imaging/page-report.ts';
import { parseLicenceQr } from '../../contract/intake/licence-qr.ts';
import type { ScannedPages } from '../imaging/scanned-pages.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import { captureChecklist } from './capture-checklist.ts';
import { type CaptureChecklist } from '../../contract/intake/capture.ts';
import { chinaDay, checkIntake } from './check.ts';
import { type Verdict } from '../../contract/intake/verdict.ts';
import { parseIntakePackage, stampKinds, type DocumentFields, type DocumentForm, type DocumentKind, type IdCardRole, type IntakeCard, type IntakeDocument, type IntakePackage, type StampKind } from '../../contract/intake/package-schema.ts';
import { type RulebookBusiness } from '../../contract/businesses.ts';
import type { OcrEngine } from '../../drivers/ocr/ocr-engine.ts';
import { isCertain, type PaperReading, type ReadFields } from '../../contract/intake/paper-reading.ts';
import type { ScannedPage } from '../../drivers/scanner/scanner.ts';
import { readPaper } from './reading/read-paper.ts';

export type DocumentVariant = NonNullable<DocumentFields['variant']>;
export type IntakeAgent = NonNullable<IntakePackage['agent']>;
export type IntakeEnterprise = NonNullable<IntakePackage['enterprise']>;

export interface CaptureRequest {
  kind: DocumentKind;
  form: DocumentForm;
  variant?: DocumentVariant;
  role?: IdCardRole;
  source?: ScanSource;
}

export interface IntakeCaptureDeps {
  sessions: AgentSessions;
  scanner: Scanner;
  pages: ScannedPages;
  authority: Pick<Authority, 'lookupCard' | 'submitIntake'>;
  kioskId: string;
  scan: { resolutionDpi: number; mode: ScanMode };
  /** Reads the papers' fields and tells what a page is; without one the agent types every field. */
  ocr?: OcrEngine;
  now?: () => Date;
}

interface Draft {
  sessionId: string;
  pkg: IntakePackage;
  meta: Omit<CapturedDocumentState, 'index'>[];
  /** Changes with every edit: a resubmission of the same draft reuses its idempotency key. */
  revision: number;
  submission: { revision: number; key: string } | null;
  ticket: IntakeTicket | null;
}

const maxDocuments = 64;

export class IntakeCapture {
  readonly #deps: IntakeCaptureDeps;
  #draft: Draft | null = null;

  constructor(deps: IntakeCaptureDeps) {
    this.#deps = deps;
    deps.sessions.onEnd((session) => {
      if (this.#draft?.sessionId === session.id) this.#discard();
    });
  }

  /** A new draft in the current session (a new session when none is open for this business). */
  start(business: RulebookBusiness): IntakeState {
    const { sessions } = this.#deps;
    const current = sessions.current();
    const session = current !== null && current.business === business ? current : sessions.start(business);
    this.#discard();
    const date = chinaDay(this.#now());
    this.#draft = { sessionId: session.id, pkg: { version: 1, business, date, cards: [], documents: [] }, meta: [], revision: 0, submission: null, ticket: null };
    sessions.journal('intake.started', { business, date });
    // Papers will be scanned: the OCR engine starts now, while the agent reads the checklist.
    this.#deps.ocr?.warm();
    return this.#stateOf(this.#draft);
  }

  state(): Result<IntakeState, CaptureError> {
    const draft = this.#current();
    return draft === null ? err({ kind: 'noIntake' }) : ok(this.#stateOf(draft));
  }

  checklist(): Result<CaptureChecklist, CaptureError> {
    const draft = this.#current();
    return draft === null ? err({ kind: 'noIntake' }) : ok(this.#checklistOf(draft));
  }

  /** Scans one paper (every page of the scan belongs to it) and adds it, pending the agent's confirmation. */
  async capture(request: CaptureRequest, signal?: AbortSignal): Promise<Result<CaptureOutcome, CaptureError>> {
    const draft = this.#current();
    if (draft === null) return err({ kind: 'noIntake' });
    if (draft.pkg.documents.length >= maxDocuments) return err({ kind: 'tooManyDocuments', limit: maxDocuments });
    const { scanner, pages } = this.#deps;
    // Retention as for Scanner.Scan: pages of a session that has ended go before new ones come in.
    pages.discardAllBut(draft.sessionId);
    const source = request.source ?? 'adf';
    const kept: CaptureOutcome['pages'] = [];
    const problems: PageProblem[] = [];
    // Set from the page callback (a property: TypeScript would narrow a local to null).
    const failed: { unreadable: CaptureError | null } = { unreadable: null };
    // OCR reads the paper's pages together once they are all in: one paper is a page or two, so
    // holding its pixels that long is small (a feeder batch through Scanner.Scan holds none).
    const toRead: ScannedPage[] = [];
    // Page by page as the scanner reads them: checked, kept as a JPEG, the raw pixels let go.
    const scanned = await scanner.scanPages(
      { source, ...this.#deps.scan },
      async (page, { page: number }) => {
        if (failed.unreadable !== null) return;
        const report = await checkPage({ image: page, dpi: page.dpi }, { qr: request.kind === 'business_licence' ? 'page' : 'located' });
        if (!report.ok) {
          failed.unreadable = { kind: 'unreadablePage', page: number, detail: report.error };
          return;
        }
        problems.push(...pageProblems(number, report.value));
        const stored = await pages.add(page, report.value, { sessionId: draft.sessionId, source });
        kept.push({ pageId: stored.pageId, report: report.value });
        if (this.#deps.ocr !== undefined) toRead.push(page);
      },
      signal,
    );
    if (!scanned.ok || failed.unreadable !== null) {
      pages.discard(kept.map((p) => p.pageId));
      return err(failed.unreadable ?? { kind: 'scan', error: scanned.ok ? { kind: 'error', message: 'unreadable page' } : scanned.error });
    }
    if (problems.length > 0) {
      // Nothing to confirm on a page that must be fed again; its scan is personal data.
      pages.discard(kept.map((p) => p.pageId));
      this.#deps.sessions.journal('intake.rescanNeeded', { kind: request.kind, form: request.form, problems: problems.map((p) => p.check) });
      return err({ kind: 'rescan', problems });
    }
    const licence = request.kind === 'business_licence' ? licenceFields(kept.map((p) => p.report)) : null;
    const reading = await this.#read(request, toRead, signal);
    const variant = request.variant ?? (reading?.looksLike?.kind === request.kind ? reading.looksLike.variant : undefined);
    // The QR is the licence's own data: it wins over what OCR read off the print.
    const fields: DocumentFields = { ...(reading !== null && packageFields(reading.fields)), ...licence, ...(variant !== undefined && { variant }) };
    const document: IntakeDocument = {
      kind: request.kind,
      form: request.form,
      stamps: stampsFound(kept.map((p) => p.report)),
      fields,
      ...(request.role !== undefined && { role: request.role }),
    };
    draft.pkg.documents.push(document);
    draft.meta.push({ status: 'pendingConfirmation', pageIds: kept.map((p) => p.pageId), prefilledFromQr: licence !== null });
    draft.revision++;
    this.#deps.sessions.journal('intake.captured', { kind: document.kind, form: request.form, pages: kept.length, stamps: document.stamps, fromQr: licence !== null });
    return ok({ index: draft.pkg.documents.length - 1, document, pages: kept, prefilledFromQr: licence !== null, reading });
  }

  /** The paper read by OCR; null without an engine or when it fails (the agent types, as without OCR). */
  async #read(request: CaptureRequest, pages: readonly ScannedPage[], signal?: AbortSignal): Promise<PaperReading | null> {
    const { ocr, sessions } = this.#deps;
    if (ocr === undefined) return null;
    const read = await readPaper(ocr, pages, { kind: request.kind, ...(signal !== undefined && { signal }) });
    if (!read.ok) {
      sessions.journal('intake.ocrFailed', { kind: request.kind, problem: read.error.kind });
      return null;
    }
    const { looksLike, fields, ms } = read.value;
    // Which fields, never their values: the journal holds no ID number or name.
    sessions.journal('intake.read', {
      kind: request.kind,
      looksLike: looksLike?.kind ?? null,
      confidence: looksLike === null ? null : Math.round(looksLike.confidence * 100) / 100,
      read: Object.keys(fields),
      uncertain: Object.entries(fields).flatMap(([key, field]) => (isCertain(field) ? [] : [key])),
      ms,
    });
    return read.value;
  }

  /**
   * The agent's confirmation: the fields given override the pre-filled ones, `stamps` (when given)
   * what the seal detection found. A business licence fills the enterprise and the agent's ID card
   * fills the agent, unless those were set already.
   */
  confirm(index: number, fields: DocumentFields, extra: { stamps?: StampKind[] } = {}): Result<IntakeDocument, CaptureError> {
    const draft = this.#current();
    if (draft === null) return err({ kind: 'noIntake' });
    const before = draft.pkg.documents[index];
    const meta = draft.meta[index];
    if (before === undefined || meta === undefined) return err({ kind: 'noSuchDocument', index });
    const candidate = { ...before, fields: { ...before.fields, ...fields }, ...(extra.stamps !== undefined && { stamps: extra.stamps }) };
    const documents = draft.pkg.documents.map((doc, i) => (i === index ? candidate : doc));
    const parsed = parseIntakePackage({ ...draft.pkg, documents });
    if (!parsed.ok) return err({ kind: 'invalidFields', problems: parsed.error });
    const confirmed = parsed.value.documents[index] ?? candidate;
    draft.pkg.documents[index] = confirmed;
    meta.status = 'confirmed';
    if (confirmed.kind === 'business_licence' && draft.pkg.enterprise === undefined) draft.pkg.enterprise = enterpriseFrom(confirmed.fields);
    if (confirmed.kind === 'id_card' && confirmed.role === 'agent' && draft.pkg.agent === undefined) {
      draft.pkg.agent = { ...(confirmed.fields.name !== undefined && { name: confirmed.fields.name }), ...(confirmed.fields.idNumber !== undefined && { idNumber: confirmed.fields.idNumber }) };
    }
    draft.revision++;
    this.#deps.sessions.journal('intake.confirmed', { index, kind: confirmed.kind, fields: Object.keys(fields) });
    return ok(confirmed);
  }

  /** Drops a captured document (a wrong paper); later indices move down by one. */
  remove(index: number): Result<IntakeState, CaptureError> {
    const draft = this.#current();
    if (draft === null) return err({ kind: 'noIntake' });
    const meta = draft.meta[index];
    if (meta === undefined) return err({ kind: 'noSuchDocument', index });
    this.#deps.pages.discard(meta.pageIds);
    draft.pkg.documents.splice(index, 1);
    draft.meta.splice(index, 1);
    draft.revision++;
    return ok(this.#stateOf(draft));
  }

  setAgent(agent: IntakeAgent): Result<IntakeState, CaptureError> {
    return this.#edit((pkg) => (pkg.agent = agent));
  }

  setEnterprise(enterprise: IntakeEnterprise): Result<IntakeState, CaptureError> {
    return this.#edit((pkg) => (pkg.enterprise = enterprise));
  }

  setCards(cards: IntakeCard[]): Result<IntakeState, CaptureError> {
    return this.#edit((pkg) => (pkg.cards = cards));
  }

  /** The intake check on the draft, with the registry (the kiosk's own flow always compares). */
  async check(): Promise<Result<Verdict, CaptureError>> {
    const draft = this.#current();
    if (draft === null) return err({ kind: 'noIntake' });
    const verdict = await checkIntake(draft.pkg, { registry: (cardNo) => this.#deps.authority.lookupCard(cardNo) });
    if (!verdict.ok) return err(verdict.error);
    this.#deps.sessions.journal('intake.checked', { acceptable: verdict.value.acceptable, rules: verdict.value.findings.map((f) => f.ruleId) });
    return ok(verdict.value);
  }

  /** Sends an acceptable, fully confirmed draft to the authority; the ticket is the agent's place at the counter. */
  async submit(): Promise<Result<IntakeTicket, CaptureError>> {
    const draft = this.#current();
    if (draft === null) return err({ kind: 'noIntake' });
    if (draft.ticket !== null && draft.submission?.revision === draft.revision) return ok(draft.ticket);
    const unconfirmed = draft.meta.flatMap((meta, index) => (meta.status === 'confirmed' ? [] : [index]));
    if (unconfirmed.length > 0) return err({ kind: 'unconfirmed', indices: unconfirmed });
    const verdict = await this.check();
    if (!verdict.ok) return verdict;
    if (!verdict.value.acceptable) return err({ kind: 'notAcceptable', verdict: verdict.value });
    // One key per revision: a retry after a lost answer gets the same ticket, an edited draft a new one.
    if (draft.submission?.revision !== draft.revision) draft.submission = { revision: draft.revision, key: randomUUID() };
    const ticket = await this.#deps.authority.submitIntake({ idempotencyKey: draft.submission.key, kioskId: this.#deps.kioskId, intakePackage: structuredClone(draft.pkg) });
    if (!ticket.ok) return err({ kind: 'authority', error: ticket.error });
    draft.ticket = ticket.value;
    this.#deps.sessions.journal('intake.submitted', { ticket: ticket.value.ticket, business: draft.pkg.business });
    return ok(ticket.value);
  }

  #edit(change: (pkg: IntakePackage) => void): Result<IntakeState, CaptureError> {
    const draft = this.#current();
    if (draft === null) return err({ kind: 'noIntake' });
    change(draft.pkg);
    draft.revision++;
    return ok(this.#stateOf(draft));
  }

  /** The draft, if it belongs to the session open now. */
  #current(): Draft | null {
    const draft = this.#draft;
    if (draft === null || this.#deps.sessions.current()?.id !== draft.sessionId) return null;
    return draft;
  }

  #discard(): void {
    if (this.#draft === null) return;
    this.#deps.pages.discard(this.#draft.meta.flatMap((meta) => meta.pageIds));
    this.#draft = null;
  }

  #checklistOf(draft: Draft): CaptureChecklist {
    const pending = new Set(draft.meta.flatMap((meta, index) => (meta.status === 'pendingConfirmation' ? [index] : [])));
    return captureChecklist(draft.pkg, pending);
  }

  #stateOf(draft: Draft): IntakeState {
    const { items, next } = this.#checklistOf(draft);
    return {
      sessionId: draft.sessionId,
      draft: structuredClone(draft.pkg),
      documents: draft.meta.map((meta, index) => ({ index, ...meta, pageIds: [...meta.pageIds] })),
      checklist: items,
      next,
      ticket: draft.ticket,
    };
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }
}

/** The image checks the agent must act on (feed the page again); the thresholds are imagingLimits'. */
export function pageProblems(page: number, report: PageReport): PageProblem[] {
  if (report.blank) return [{ page, check: 'blank' }];
  const problems: PageProblem[] = [];
  if (report.dpi < imagingLimits.minimumDpi) problems.push({ page, check: 'lowResolution', dpi: report.dpi, minimumDpi: imagingLimits.minimumDpi });
  if (report.skewDegrees !== null && Math.abs(report.skewDegrees) > imagingLimits.maximumSkewDegrees) {
    problems.push({ page, check: 'heavySkew', degrees: report.skewDegrees, maximumDegrees: imagingLimits.maximumSkewDegrees });
  }
  return problems;
}

function stampsFound(reports: readonly PageReport[]): StampKind[] {
  const found = new Set(reports.flatMap((report) => report.seals.map((seal) => seal.kind)));
  return stampKinds.filter((kind) => found.has(kind));
}

/** What OCR read that the intake package holds (the rest, like an ID card's sex, is for `kiosk intake read`). */
function packageFields(read: ReadFields): DocumentFields {
  const fields: DocumentFields = {};
  const keys = ['name', 'uscc', 'orgCode', 'legalRepresentative', 'address', 'validUntil', 'annualInspection', 'idNumber', 'agentName', 'agentIdNumber', 'holderName', 'holderIdNumber', 'postcode', 'contactName', 'phone'] as const;
  for (const key of keys) {
    const field = read[key];
    if (field !== undefined) fields[key] = field.value;
  }
  return fields;
}

/** The fields a licence's QR fills. */
export const licenceQrFields = ['name', 'uscc', 'legalRepresentative', 'address', 'validUntil'] as const;

function licenceFields(reports: readonly PageReport[]): DocumentFields | null {
  for (const report of reports) {
    const qr = report.qr === null ? null : parseLicenceQr(report.qr);
    if (qr !== null) return Object.fromEntries(licenceQrFields.map((key) => [key, qr[key]]));
  }
  return null;
}

/** The package's enterprise as a business licence's fields name it (the intake flow sets it from the licence too). */
export function enterpriseFrom(fields: DocumentFields): IntakeEnterprise {
  const uscc = fields.uscc?.trim();
  return {
    ...(fields.name !== undefined && { name: fields.name }),
    ...(uscc !== undefined && { uscc }),
    // GB 32100: characters 9–17 of a USCC are the organisation code.
    ...(uscc?.length === 18 && { orgCode: uscc.slice(8, 17) }),
    ...(fields.legalRepresentative !== undefined && { legalRepresentative: fields.legalRepresentative }),
    ...(fields.address !== undefined && { address: fields.address }),
  };
}
