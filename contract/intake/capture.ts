// The guided capture's state as the kiosk shows it: the draft, each captured paper, the checklist
// and what to ask for next, and why a capture failed.
import type { AuthorityError, IntakeTicket } from '../authority/authority.ts';
import type { ScanError } from '../devices/scanner.ts';
import type { PageReport } from '../imaging/page-report.ts';
import type { PaperReading } from './paper-reading.ts';
import type { Text } from './labels.ts';
import type { DocumentForm, DocumentKind, IdCardRole, IntakeDocument, IntakePackage, SchemaProblem } from './package-schema.ts';
import type { Verdict } from './verdict.ts';

export type CaptureStatus = 'missing' | 'pendingConfirmation' | 'confirmed';

export interface CaptureItem {
  /** Any one of these kinds satisfies the step. */
  kinds: DocumentKind[];
  /** null: any form (an introduction letter, a form). */
  form: DocumentForm | null;
  /** ID cards: whose (any of these roles). */
  roles?: IdCardRole[];
  label: Text;
  status: CaptureStatus;
}

export interface CaptureChecklist {
  items: CaptureItem[];
  /** The first missing item: what the kiosk asks for now; null when everything is captured. */
  next: CaptureItem | null;
}

/** A page the kiosk should have fed again; the document is not added. */
export type PageProblem =
  | { page: number; check: 'blank' }
  | { page: number; check: 'lowResolution'; dpi: number; minimumDpi: number }
  | { page: number; check: 'heavySkew'; degrees: number; maximumDegrees: number };

export type CaptureError =
  | { kind: 'noIntake' }
  | { kind: 'scan'; error: ScanError }
  | { kind: 'unreadablePage'; page: number; detail: string }
  | { kind: 'rescan'; problems: PageProblem[] }
  | { kind: 'noSuchDocument'; index: number }
  | { kind: 'invalidFields'; problems: SchemaProblem[] }
  | { kind: 'tooManyDocuments'; limit: number }
  | { kind: 'unconfirmed'; indices: number[] }
  | { kind: 'notAcceptable'; verdict: Verdict }
  | { kind: 'badDate'; value: string }
  | { kind: 'authority'; error: AuthorityError };

export interface CapturedDocumentState {
  index: number;
  status: 'pendingConfirmation' | 'confirmed';
  /** Scanned pages (ScannedPages ids); not part of the package sent to the authority. */
  pageIds: string[];
  prefilledFromQr: boolean;
}

export interface IntakeState {
  sessionId: string;
  draft: IntakePackage;
  documents: CapturedDocumentState[];
  checklist: CaptureChecklist['items'];
  next: CaptureChecklist['next'];
  ticket: IntakeTicket | null;
}

export interface CaptureOutcome {
  index: number;
  document: IntakeDocument;
  pages: { pageId: string; report: PageReport }[];
  prefilledFromQr: boolean;
  /** What OCR read off the paper; null when no engine is fitted or it failed. */
  reading: PaperReading | null;
}
