// One truth for the papers an intake check is missing. The kiosk asked for every paper on the
// capture checklist (the certificates, the forms, the letter, the agent's and holders' ID cards);
// those still missing are the verdict's "missing papers", counted and listed once. The findings
// that only say the same again — a rule reporting a paper that is not there at all (its document
// has a kind but no index), or the enterprise / agent unknown because the paper naming them is
// missing — are left out of the findings, so no paper is reported twice and none is lost.
import type { CaptureItem } from '../../contract/intake/capture.ts';
import type { Text } from '../../contract/intake/labels.ts';
import type { Finding } from '../../contract/intake/verdict.ts';

export interface MissingPapers<F extends Pick<Finding, 'ruleId' | 'document'>> {
  /** The checklist's labels of the papers not brought, in the checklist's order. */
  missing: Text[];
  /** The findings that say something the missing list does not. */
  findings: F[];
}

export function missingPapers<F extends Pick<Finding, 'ruleId' | 'document'>>(checklist: readonly CaptureItem[], findings: readonly F[]): MissingPapers<F> {
  const absent = checklist.filter((item) => item.status === 'missing');
  const covers = (finding: F): boolean => {
    const doc = finding.document;
    if (doc !== undefined && doc.index === undefined) {
      return absent.some((item) => item.kinds.includes(doc.kind) && (doc.form === undefined || item.form === null || item.form === doc.form));
    }
    // The enterprise comes from the licence, the agent from their own ID card.
    if (finding.ruleId === 'R-ENTERPRISE-MISSING') return absent.some((item) => item.kinds.includes('business_licence'));
    if (finding.ruleId === 'R-AGENT-MISSING') return absent.some((item) => item.kinds.includes('id_card') && item.form === 'original' && (item.roles ?? []).includes('agent'));
    return false;
  };
  return { missing: absent.map((item) => item.label), findings: findings.filter((finding) => !covers(finding)) };
}
