// The daemon's side of paper-process.ts: renders a document set in the child, forked on first use
// and ended when idle, and hands the pages back as the generator made them.
import { fork, type ChildProcess } from 'node:child_process';
import { getCompileCacheDir } from 'node:module';
import { join } from 'node:path';
import type { RulebookBusiness } from '../../contract/businesses.ts';
import type { DocumentSetOptions } from './document-set.ts';
import type { GeneratedPage } from './documents.ts';

export interface PaperRequest {
  id: number;
  business: RulebookBusiness;
  options: DocumentSetOptions;
}

export type PaperReply = { id: number; ok: true; pages: GeneratedPage[] } | { id: number; ok: false; error: string };

const entry = join(import.meta.dirname, 'paper-process.ts');

export class PaperRenderer {
  readonly #idleMs: number;
  #child: ChildProcess | null = null;
  #nextId = 0;
  readonly #pending = new Map<number, { resolve: (pages: GeneratedPage[]) => void; reject: (e: Error) => void }>();
  #idleTimer: NodeJS.Timeout | null = null;

  /** `idleMs`: how long the child stays after its last set (the dock often loads several in a row). */
  constructor(options: { idleMs?: number } = {}) {
    this.#idleMs = options.idleMs ?? 30_000;
  }

  render(business: RulebookBusiness, options: DocumentSetOptions): Promise<GeneratedPage[]> {
    this.#stopIdleTimer();
    const child = this.#start();
    const id = ++this.#nextId;
    return new Promise<GeneratedPage[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      child.send({ id, business, options } satisfies PaperRequest);
    });
  }

  /** Ends the child (the daemon stopping). */
  async close(): Promise<void> {
    this.#stopIdleTimer();
    const child = this.#child;
    if (child === null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill();
    await exited;
  }

  #start(): ChildProcess {
    if (this.#child !== null) return this.#child;
    const cache = getCompileCacheDir();
    const child = fork(entry, [], {
      // Advanced serialisation: the PNGs travel as bytes, not as JSON arrays.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      // The daemon's compile cache, so the child does not load the TypeScript stripper either.
      env: { ...process.env, ...(cache !== undefined && { NODE_COMPILE_CACHE: cache }) },
    });
    child.on('message', (reply: PaperReply) => this.#settle(reply));
    child.on('exit', (code, signal) => {
      if (this.#child === child) this.#child = null;
      this.#stopIdleTimer();
      for (const [id, waiter] of [...this.#pending]) {
        this.#pending.delete(id);
        waiter.reject(new Error(`the paper renderer ended (${signal ?? `exit ${code}`})`));
      }
    });
    this.#child = child;
    return child;
  }

  #settle(reply: PaperReply): void {
    const waiter = this.#pending.get(reply.id);
    if (waiter === undefined) return;
    this.#pending.delete(reply.id);
    // Structured clone hands Buffers over as plain Uint8Arrays: give them Buffer's methods back.
    if (reply.ok) waiter.resolve(reply.pages.map((page) => ({ ...page, png: Buffer.from(page.png.buffer, page.png.byteOffset, page.png.byteLength) })));
    else waiter.reject(new Error(reply.error));
    if (this.#pending.size === 0) this.#startIdleTimer();
  }

  #startIdleTimer(): void {
    this.#idleTimer = setTimeout(() => void this.close(), this.#idleMs);
    this.#idleTimer.unref();
  }

  #stopIdleTimer(): void {
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}
