// The intake check's verdict: what `kiosk intake check` prints as JSON and the kiosk shows on the
// verdict screen (format eport-kiosk/intake-verdict@1). The daemon's rules produce it.
import type { Text } from './labels.ts';
import type { DocumentForm, DocumentKind } from './package-schema.ts';
import type { RulebookBusiness } from '../businesses.ts';
import type { RuleId, Severity } from './rule-catalogue.ts';

export interface FindingDocument {
  kind: DocumentKind;
  /** Index in the package's `documents`; absent when the document is missing altogether. */
  index?: number;
  form?: DocumentForm;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  document?: FindingDocument;
  /** Where in the package: `fields.annualInspection` (of the document), `agent.idNumber`, `cards[1].cardNo`. */
  field?: string;
  message: Text;
}

export type RegistryOutcome =
  | { consulted: false; reason: string }
  | { consulted: true; cardNo: string; enterprise: { name: string; uscc: string } | null };

export interface ChecklistItem {
  kinds: DocumentKind[];
  forms: DocumentForm[];
  label: Text;
  present: boolean;
}

export interface Verdict {
  format: 'eport-kiosk/intake-verdict@1';
  acceptable: boolean;
  business: RulebookBusiness;
  /** The date the rules ran against, YYYY-MM-DD, and where it came from. */
  date: string;
  dateSource: 'option' | 'package' | 'today';
  summary: { errors: number; warnings: number; zh: string; en: string };
  /** The papers this business needs (besides ID cards and IC cards), and whether each is there. */
  checklist: ChecklistItem[];
  /** null: the registry was not asked (no --registry). */
  registry: RegistryOutcome | null;
  findings: Finding[];
}
