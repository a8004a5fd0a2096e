// The evidence rule for an unlock (docs/authority.md, "Unlock evidence"). The kiosk cannot judge
// an introduction letter's authenticity, so the authority asks for more than the counter does:
// the agent must be a person the enterprise has on record — its legal representative, the holder
// of one of its cards that is not invalidated, or an agent registered on its enterprise form —
// with name AND ID number matching.
import { validateResidentId } from '../../basics/identifiers/resident-id.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import type { RefusalReason, UnlockEvidence } from '../../contract/authority/authority.ts';

export interface PersonOnRecord {
  name: string;
  idNumber: string;
}

export interface EnterpriseOnRecord {
  uscc: string;
  people: PersonOnRecord[];
}

export interface EvidenceRefusal {
  reason: Extract<RefusalReason, 'introductionLetterMissing' | 'enterpriseMismatch' | 'agentIdNumberInvalid' | 'agentNotOnRecord'>;
  detail: string;
}

/** Full-width and spacing variants of the same name compare equal. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s·•・]/g, '');
  return norm(a) === norm(b);
}

export function checkUnlockEvidence(evidence: UnlockEvidence, enterprise: EnterpriseOnRecord, now: Date): Result<PersonOnRecord, EvidenceRefusal> {
  if (!evidence.introductionLetter) return err({ reason: 'introductionLetterMissing', detail: 'the introduction letter (单位介绍信) is required' });
  if (evidence.enterpriseUscc.trim().toUpperCase() !== enterprise.uscc) {
    return err({ reason: 'enterpriseMismatch', detail: "the USCC on the evidence is not the card's enterprise" });
  }
  const id = validateResidentId(evidence.agentIdNumber, now);
  if (!id.ok) return err({ reason: 'agentIdNumberInvalid', detail: `the agent's ID number is not valid (${id.error})` });
  const person = enterprise.people.find((p) => p.idNumber === id.value.value && sameName(p.name, evidence.agentName));
  if (person === undefined) return err({ reason: 'agentNotOnRecord', detail: 'the agent is not a person on record for the enterprise' });
  return ok(person);
}
