// The end of a business: the done screen and its receipt. The receipt is printed once; when the
// printer fails (paper out, cover open) the agent sees why and may retry — the retry is a reprint
// of the failed job, marked as such, so a half-printed slip and its replacement are told apart —
// or go on without it; `finish` ends the business.
//
// To reuse in a flow: keep one ReceiptStep (its `finish` ends the flow), build the business's
// receipt on `stamp()` and `print` it on reaching the done state, then show `screen(outcome)`
// and take `actions` there. The done state holds only what the outcome needs.
import type { PrintService } from '../printing/print-service.ts';
import type { Receipt } from '../printing/receipt.ts';
import type { TransactionStamp } from '../printing/business-receipts.ts';
import { printJobProblem } from './flow-problem.ts';
import type { FlowDeps } from './flow.ts';
import type { Actions } from './flow-machine.ts';
import type { FlowOutcome, FlowScreen, ReceiptState } from '../../contract/flow-view.ts';

export class ReceiptStep {
  readonly #printer: PrintService;
  readonly #deps: Pick<FlowDeps, 'kioskId' | 'now'>;
  /** The agent session the flow runs in: the receipt's transaction. */
  readonly #transactionId: string;
  readonly #changed: () => void;
  #receipt: Receipt | null = null;
  #state: ReceiptState = { state: 'skipped' };
  #failedJobId: string | null = null;
  /** The done screen's actions: print (again), go on without, finish. */
  readonly actions: Actions;

  constructor(deps: Pick<FlowDeps, 'printer' | 'sessions' | 'kioskId' | 'now'>, changed: () => void, finish: () => void) {
    this.#printer = deps.printer;
    this.#deps = deps;
    this.#transactionId = deps.sessions.current()?.id ?? 'no-session';
    this.#changed = changed;
    this.actions = {
      printReceipt: async () => {
        if (this.#receipt !== null) await this.print(this.#receipt);
      },
      skipReceipt: () => {
        if (this.#state.state !== 'printing') this.#set({ state: 'skipped' });
      },
      finish,
    };
  }

  /** Which business this is, where and when: the head of every receipt. */
  stamp(): TransactionStamp {
    return { transactionId: this.#transactionId, kioskId: this.#deps.kioskId, at: this.#deps.now() };
  }

  screen(outcome: FlowOutcome): FlowScreen {
    return { screen: 'done', outcome, receipt: this.#state };
  }

  /** Prints `receipt`, or retries the failed one (as a reprint) when called again after a failure. */
  async print(receipt: Receipt): Promise<ReceiptState> {
    this.#receipt = receipt;
    if (this.#state.state === 'printing' || this.#state.state === 'printed') return this.#state;
    this.#set({ state: 'printing' });
    const result = this.#failedJobId === null ? await this.#printer.print(receipt) : await this.#printer.reprint(this.#failedJobId);
    if (result.ok) {
      this.#failedJobId = null;
      this.#set({ state: 'printed', jobId: result.value.jobId });
    } else {
      if (result.error.kind === 'printFailed') this.#failedJobId = result.error.job.jobId;
      this.#set({ state: 'failed', problem: printJobProblem(result.error) });
    }
    return this.#state;
  }

  #set(state: ReceiptState): void {
    this.#state = state;
    this.#changed();
  }
}
