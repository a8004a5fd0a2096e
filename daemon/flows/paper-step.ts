// One paper a business asks for: the scan screen (scan; a fault is shown, scan again), then, for
// a paper the agent reads, the confirm screen with its fields pre-filled (confirm, or drop the
// scan and feed the paper again: rescan, or back). ID numbers are shown masked and the full ones
// kept here: a masked number that comes back unchanged means "keep what was read", so a full ID
// number never reaches the screen and the agent need not type it again.
//
// To reuse in a flow: put `PaperAsked` in the flow's scanPaper state (`askFor`) and `PaperRead`
// in its confirmFields state (`readPaper`, from the fields with their full values); show them
// with `scanScreen` / `confirmScreen`; on scanPaper offer `scan: … paper.scan(state, request,
// signal, then)`, and on confirmFields take `paper.confirmActions(state, again, confirm)`.
import type { CaptureOutcome } from '../../contract/intake/capture.ts';
import type { CaptureRequest, IntakeCapture } from '../intake/capture-session.ts';
import { maskIdNumber } from '../../basics/redact.ts';
import { captureProblem } from './flow-problem.ts';
import type { Actions, FlowMachine } from './flow-machine.ts';
import type { FieldView, FlowProblem, FlowScreen, PaperRequest } from '../../contract/flow-view.ts';

/** The scan screen's part of a flow state. */
export interface PaperAsked {
  paper: PaperRequest;
  scanning: boolean;
  problem: FlowProblem | null;
}

/** The confirm screen's part: the paper captured, its fields as shown, the full ID numbers behind them. */
export interface PaperRead {
  paper: PaperRequest;
  /** The capture's index of the document scanned. */
  document: number;
  fields: FieldView[];
  hidden: Partial<Record<string, string>>;
  problem: FlowProblem | null;
}

export function askFor(paper: PaperRequest, problem: FlowProblem | null = null): PaperAsked {
  return { paper, scanning: false, problem };
}

export function scanScreen(asked: PaperAsked): FlowScreen {
  return { screen: 'scanPaper', paper: asked.paper, scanning: asked.scanning, problem: asked.problem };
}

export function confirmScreen(read: PaperRead): FlowScreen {
  return { screen: 'confirmFields', paper: read.paper, fields: read.fields, problem: read.problem };
}

/** The confirm screen's part for `fields` with their full values: ID numbers masked, kept aside. */
export function readPaper(paper: PaperRequest, document: number, fields: FieldView[], problem: FlowProblem | null = null): PaperRead {
  const hidden: Partial<Record<string, string>> = {};
  const shown = fields.map((field) => {
    if (field.input !== 'idNumber' || field.value === '') return field;
    hidden[field.key] = field.value;
    return { ...field, value: maskIdNumber(field.value) };
  });
  return { paper, document, fields: shown, hidden, problem };
}

/**
 * The confirm screen again after the agent's values were refused: the values as confirmed (ID
 * numbers in full, so a newly typed number is the one kept), masked again on screen.
 */
export function readAgain(read: PaperRead, values: Record<string, string>, problem: FlowProblem): PaperRead {
  const fields = read.fields.map((field): FieldView => {
    const before = read.hidden[field.key] ?? field.value;
    const value = values[field.key];
    return value === undefined || value === before ? { ...field, value: before } : { ...field, value, source: 'agent' };
  });
  return readPaper(read.paper, read.document, fields, problem);
}

/** The values the agent confirmed, by field key: one not sent stays as shown; a masked ID number left as shown is the full one. */
export function confirmedValues(read: PaperRead, given: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of read.fields) {
    const value = (given[field.key] ?? field.value).trim();
    const full = read.hidden[field.key];
    values[field.key] = full !== undefined && value === field.value ? full : value;
  }
  return values;
}

export class PaperStep<State> {
  readonly #flow: Pick<FlowMachine<State>, 'go' | 'stale'>;
  readonly #capture: Pick<IntakeCapture, 'capture' | 'remove'>;

  constructor(flow: Pick<FlowMachine<State>, 'go' | 'stale'>, capture: Pick<IntakeCapture, 'capture' | 'remove'>) {
    this.#flow = flow;
    this.#capture = capture;
  }

  /**
   * Scans the paper `state` asks for: the screen shows the scanner at work, then the fault (told
   * to `refused` first) or whatever `scanned` makes of the capture. A late answer is dropped.
   */
  async scan(state: State & PaperAsked, request: CaptureRequest, signal: AbortSignal, scanned: (outcome: CaptureOutcome) => unknown, refused?: (problem: FlowProblem) => void): Promise<void> {
    const ticket = this.#flow.go({ ...state, scanning: true, problem: null });
    const captured = await this.#capture.capture(request, signal);
    if (this.#flow.stale(ticket)) return;
    if (captured.ok) {
      await scanned(captured.value);
      return;
    }
    const problem = captureProblem(captured.error);
    refused?.(problem);
    this.#flow.go({ ...state, scanning: false, problem });
  }

  /**
   * The confirm screen's actions: rescan and back drop the paper, scans and all, and `again`
   * asks for it anew; confirmFields hands the agent's values (ID numbers restored) to `confirm`.
   */
  confirmActions(read: PaperRead, again: (asked: PaperAsked) => void, confirm: (values: Record<string, string>, given: Record<string, string>) => unknown): Actions {
    const rescan = (): void => {
      this.#capture.remove(read.document);
      again(askFor(read.paper));
    };
    return { back: rescan, rescan, confirmFields: (action) => confirm(confirmedValues(read, action.fields), action.fields) };
  }
}
