// The OCR engine the daemon holds: a child process (ocr-process.ts) forked on the first page and
// ended after `idleMs` without one, so an idle kiosk carries no models and onnxruntime is never
// loaded into the daemon itself (the daemon's event loop stays free while a page is read).
// Pages go one at a time; a crash fails the pages in flight and the next page starts a new process.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../basics/result.ts';
import { warmUpImage, type OcrEngine, type OcrError, type OcrImage, type OcrPage } from './ocr-engine.ts';
import type { OcrProcessOptions, OcrReply, OcrRequest } from './ocr-process.ts';

export interface ProcessOcrEngineOptions extends OcrProcessOptions {
  /** Idle time after which the process ends; default one minute (an agent's next paper comes sooner). */
  idleMs?: number;
}

interface Pending {
  /** The process the page went to: only its exit fails the page. */
  child: ChildProcess;
  resolve: (result: Result<OcrPage, OcrError>) => void;
  onAbort?: () => void;
  signal?: AbortSignal;
}

const entry = fileURLToPath(new URL('./ocr-process.ts', import.meta.url));

export class ProcessOcrEngine implements OcrEngine {
  readonly #options: ProcessOcrEngineOptions;
  #child: ChildProcess | null = null;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #idle: NodeJS.Timeout | null = null;
  /** Set when the models could not be loaded: later pages fail fast instead of forking again. */
  #unavailable: string | null = null;

  constructor(options: ProcessOcrEngineOptions = {}) {
    this.#options = options;
  }

  /** Whether the engine's process is running (for the memory bench and the tests). */
  get running(): boolean {
    return this.#child !== null;
  }

  /** The process id while running, for RSS sampling. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  read(image: OcrImage, signal?: AbortSignal): Promise<Result<OcrPage, OcrError>> {
    if (this.#unavailable !== null) return Promise.resolve(err({ kind: 'engineUnavailable', detail: this.#unavailable }));
    if (signal?.aborted === true) return Promise.resolve(err({ kind: 'aborted' }));
    this.#stopIdleTimer();
    const child = this.#start();
    child.ref();
    child.channel?.ref();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const pending: Pending = { child, resolve };
      if (signal !== undefined) {
        pending.signal = signal;
        pending.onAbort = () => this.#settle(id, err({ kind: 'aborted' }));
        signal.addEventListener('abort', pending.onAbort, { once: true });
      }
      this.#pending.set(id, pending);
      const request: OcrRequest = { id, image };
      child.send(request, (error) => {
        if (error !== null) this.#settle(id, err({ kind: 'engineFailed', detail: error.message }));
      });
    });
  }

  warm(): void {
    void this.read(warmUpImage);
  }

  async close(): Promise<void> {
    this.#stopIdleTimer();
    const child = this.#child;
    if (child === null) return;
    this.#child = null;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // An idle process is unreferenced; whoever awaits its end must be kept alive until it comes.
    child.ref();
    child.kill('SIGTERM');
    await exited;
  }

  #start(): ChildProcess {
    if (this.#child !== null) return this.#child;
    const child = fork(entry, [], {
      // Advanced serialisation: the page's pixels travel as a typed array, not as JSON numbers.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, KIOSK_OCR_OPTIONS: JSON.stringify({ paddle: this.#options.paddle ?? {} }) },
    });
    child.on('message', (reply: OcrReply) => this.#onReply(reply));
    child.on('exit', (code, signal) => {
      if (this.#child === child) this.#child = null;
      this.#stopIdleTimer();
      // A process ended for idleness may exit after the next page went to its successor: that page is not its to fail.
      for (const [id, pending] of [...this.#pending.entries()]) if (pending.child === child) this.#settle(id, err({ kind: 'engineFailed', detail: `OCR process ended (${signal ?? `exit ${code}`})` }));
    });
    this.#child = child;
    return child;
  }

  #onReply(reply: OcrReply): void {
    if (reply.ok) this.#settle(reply.id, ok(reply.page));
    else if (reply.stage === 'load') {
      this.#unavailable = reply.detail;
      this.#settle(reply.id, err({ kind: 'engineUnavailable', detail: reply.detail }));
    } else this.#settle(reply.id, err({ kind: 'engineFailed', detail: reply.detail }));
  }

  #settle(id: number, result: Result<OcrPage, OcrError>): void {
    const pending = this.#pending.get(id);
    if (pending === undefined) return;
    this.#pending.delete(id);
    if (pending.onAbort !== undefined) pending.signal?.removeEventListener('abort', pending.onAbort);
    pending.resolve(result);
    if (this.#pending.size === 0 && this.#child !== null) this.#startIdleTimer();
  }

  #startIdleTimer(): void {
    this.#stopIdleTimer();
    this.#idle = setTimeout(() => void this.close(), this.#options.idleMs ?? 60_000);
    // An idle engine must not keep a CLI or a test process alive.
    this.#idle.unref();
    this.#child?.unref();
    this.#child?.channel?.unref();
  }

  #stopIdleTimer(): void {
    if (this.#idle !== null) clearTimeout(this.#idle);
    this.#idle = null;
  }
}
