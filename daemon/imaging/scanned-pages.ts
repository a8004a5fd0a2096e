// The scan → page pipeline's memory: each scanned page gets an id, its image checks' report and
// a compressed copy of the image, tied to the agent's session. Scans are personal data (an ID
// card, the enterprise's certificates): by default they live only in memory and are discarded
// when the session ends. With a directory (<stateDir>/scans, 0700) pages are written as 0600
// files — so a crash loses nothing mid-session — and whatever is there at start-up is wiped:
// no session survives a restart, so neither do its scans.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { loadSharp } from './load-sharp.ts';
import { trimNativeHeap } from './native-heap.ts';
import type { ScannedPage } from '../../drivers/scanner/scanner.ts';
import type { ScanSource } from '../../contract/devices/scanner.ts';
import type { PageReport } from '../../contract/imaging/page-report.ts';
import type { ScannedPageSummary } from '../../contract/protocol/scanner-messages.ts';

/** A kept page: what the UI sees of it, and whose session it belongs to. */
export interface StoredPage extends ScannedPageSummary {
  sessionId: string | null;
}

export interface ScannedPagesOptions {
  /** Keep page images on disk here; null (default): memory only. */
  dir?: string | null;
  /** JPEG quality of the kept copy; the checks ran on the full scan already. */
  quality?: number;
  /** Each page kept (the technician page's pages-scanned counter). */
  onAdded?: (page: StoredPage) => void;
}

export class ScannedPages {
  readonly #dir: string | null;
  readonly #quality: number;
  readonly #onAdded: (page: StoredPage) => void;
  readonly #pages = new Map<string, StoredPage>();
  readonly #images = new Map<string, Buffer>();

  constructor(options: ScannedPagesOptions = {}) {
    this.#dir = options.dir ?? null;
    this.#quality = options.quality ?? 85;
    this.#onAdded = options.onAdded ?? (() => undefined);
    if (this.#dir !== null) {
      mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
      chmodSync(this.#dir, 0o700);
      this.#wipeDir();
    }
  }

  async add(page: ScannedPage, report: PageReport, meta: { sessionId: string | null; source: ScanSource }): Promise<StoredPage> {
    const pageId = randomUUID();
    const sharp = await loadSharp();
    const image = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: page.channels } })
      .jpeg({ quality: this.#quality })
      .withMetadata({ density: page.dpi })
      .toBuffer();
    const stored: StoredPage = { pageId, ...meta, scannedAt: new Date().toISOString(), width: page.width, height: page.height, dpi: page.dpi, report };
    if (this.#dir === null) this.#images.set(pageId, image);
    else writeFileSync(join(this.#dir, `${pageId}.jpg`), image, { mode: 0o600 });
    this.#pages.set(pageId, stored);
    this.#onAdded(stored);
    return stored;
  }

  get(pageId: string): StoredPage | undefined {
    return this.#pages.get(pageId);
  }

  list(sessionId?: string | null): StoredPage[] {
    return [...this.#pages.values()].filter((page) => sessionId === undefined || page.sessionId === sessionId);
  }

  /** The kept JPEG, e.g. for the intake package's `image`. */
  image(pageId: string): Buffer | null {
    if (!this.#pages.has(pageId)) return null;
    if (this.#dir === null) return this.#images.get(pageId) ?? null;
    return readFileSync(join(this.#dir, `${pageId}.jpg`));
  }

  /** Discards the given pages (all when ids is undefined); returns how many went. */
  discard(pageIds?: readonly string[]): number {
    const ids = pageIds ?? [...this.#pages.keys()];
    let count = 0;
    for (const id of ids) {
      if (!this.#pages.delete(id)) continue;
      this.#images.delete(id);
      if (this.#dir !== null) rmSync(join(this.#dir, `${id}.jpg`), { force: true });
      count++;
    }
    // The pages' pipelines freed their buffers long ago; malloc gives the pages back only now.
    if (count > 0) void trimNativeHeap();
    return count;
  }

  /** Retention: when a session ends, its pages go (and any page of a session no longer current). */
  discardAllBut(sessionId: string | null): number {
    return this.discard(this.list().filter((page) => page.sessionId !== sessionId || sessionId === null).map((page) => page.pageId));
  }

  #wipeDir(): void {
    if (this.#dir === null) return;
    for (const name of readdirSync(this.#dir)) rmSync(join(this.#dir, name), { recursive: true, force: true });
  }
}
