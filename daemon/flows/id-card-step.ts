// The agent's resident ID card on the ID-card reader, for the flows that need the agent's identity
// (docs/idcard-reader.md, "In the flows"). A reader is fitted when its status is anything but
// notFitted or noDevice; then the chip gives the agent's name and ID number, which need no typing.
// The chip's full text goes into the agent's session (AgentSessions.recordIdCard) and nowhere
// else: the flows keep the name and the number for the evidence, every view masks the number.
// An expired ID card proves nothing and is refused; a card the reader cannot read (or a reader
// that fails) lets the agent go on with the scanned copy and typing.
import { err, ok, type Result } from '../../basics/result.ts';
import { idCardExpired, type IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import type { FlowProblem } from '../../contract/flow-view.ts';
import { chinaDay } from '../intake/check.ts';
import type { FlowDeps } from './flow.ts';

/** The agent as the chip of their ID card says: the full ID number (never shown unmasked). */
export interface ChipAgent {
  name: string;
  idNumber: string;
}

/** Why no agent came from the chip: nothing on the reader (yet, or taken off), or a problem to show. */
export type ChipFailure = { kind: 'noIdCard' } | { kind: 'problem'; problem: Extract<FlowProblem, { kind: 'idCardExpired' | 'idCardUnreadable' }> };

/** The kiosk has an ID-card reader that is there: the flows ask for the ID card on it. */
export function idCardReaderFitted(status: IdCardReaderStatus): boolean {
  switch (status.state) {
    case 'notFitted':
    case 'noDevice':
      return false;
    case 'noCard':
    case 'cardPresent':
    case 'error':
      return true;
  }
}

/** What the screen asking for the ID card may offer: the copy instead, when the reader failed. */
export function idCardReaderFailed(status: IdCardReaderStatus): boolean {
  return status.state === 'error';
}

/**
 * Reads the ID card on the reader now: the agent from its chip (the text kept in the session), or
 * why not. An ID card past its last valid day (China's today) is refused and not kept.
 */
export async function readAgentIdCard(deps: Pick<FlowDeps, 'idCards' | 'sessions' | 'now'>): Promise<Result<ChipAgent, ChipFailure>> {
  const read = await deps.idCards.read();
  if (!read.ok) {
    switch (read.error.reason) {
      case 'noCard':
        return err({ kind: 'noIdCard' });
      case 'noDevice':
      case 'timeout':
      case 'samError':
      case 'badData':
        return err({ kind: 'problem', problem: { kind: 'idCardUnreadable' } });
    }
  }
  const { text } = read.value;
  const validity = { from: text.validFrom, until: text.validUntil };
  if (idCardExpired(validity, chinaDay(deps.now())) && text.validUntil.kind === 'date') {
    return err({ kind: 'problem', problem: { kind: 'idCardExpired', validUntil: text.validUntil.date } });
  }
  deps.sessions.recordIdCard(text);
  return ok({ name: text.name, idNumber: text.idNumber.toUpperCase() });
}

/** The agent from the chip read earlier in this session, if any (the intake's papers). */
export function chipAgentOfSession(deps: Pick<FlowDeps, 'sessions'>): ChipAgent | null {
  const text = deps.sessions.idCard();
  return text === null ? null : { name: text.name, idNumber: text.idNumber.toUpperCase() };
}

/** The keys of `fields` (name, ID number) whose confirmed value differs from the chip's. */
export function differingFromChip(chip: ChipAgent, values: { name: string; idNumber: string }, keys: { name: string; idNumber: string }): string[] {
  const differing: string[] = [];
  if (values.name.normalize('NFKC').replace(/\s+/g, '') !== chip.name.normalize('NFKC').replace(/\s+/g, '')) differing.push(keys.name);
  if (values.idNumber.trim().toUpperCase() !== chip.idNumber) differing.push(keys.idNumber);
  return differing;
}
