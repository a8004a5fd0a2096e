// The receipt at the end of a business: printed once; when the printer fails (paper out, cover
// open) the agent sees why and may retry — the retry is a reprint of the failed job, marked as
// such, so a half-printed slip and its replacement are told apart — or go on without it.
import type { PrintService } from '../printing/print-service.ts';
import type { Receipt } from '../printing/receipt.ts';
import { printJobProblem } from './flow-problem.ts';
import type { ReceiptState } from '../../contract/flow-view.ts';

export class ReceiptStep {
  readonly #printer: PrintService;
  readonly #changed: () => void;
  #state: ReceiptState = { state: 'skipped' };
  #failedJobId: string | null = null;

  constructor(printer: PrintService, changed: () => void) {
    this.#printer = printer;
    this.#changed = changed;
  }

  state(): ReceiptState {
    return this.#state;
  }

  /** Prints `receipt`, or retries the failed one (as a reprint) when called again after a failure. */
  async print(receipt: Receipt): Promise<ReceiptState> {
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

  skip(): void {
    if (this.#state.state !== 'printing') this.#set({ state: 'skipped' });
  }

  #set(state: ReceiptState): void {
    this.#state = state;
    this.#changed();
  }
}
