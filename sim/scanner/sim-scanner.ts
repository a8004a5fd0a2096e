// The simulated scanner for demo mode and unit tests: the same Scanner interface as the SANE
// driver, "scanning" generated pages in-process (no SANE, no root). The dev dock's hands are the
// methods below: load the feeder, put a page on the glass, jam, open the cover.
import sharp from 'sharp';
import { err, ok, type Result } from '../../basics/result.ts';
import { StatusHolder } from '../../drivers/device/status-holder.ts';
import { statusAfterError, type PageSink, type ScannedPage, type Scanner, type ScannerDeviceInfo, type ScanRequest } from '../../drivers/scanner/scanner.ts';
import { type ScanError, type ScannerStatus } from '../../contract/devices/scanner.ts';
import type { GeneratedPage } from './documents.ts';

export interface SimScannerOptions {
  name?: string;
  /** Time to "scan" each page, so cancel and busy can be seen; default 150 ms. */
  pageDelayMs?: number;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

export class SimScanner extends StatusHolder<ScannerStatus> implements Scanner {
  readonly name: string;
  readonly #pageDelayMs: number;
  #feeder: GeneratedPage[] = [];
  #glass: GeneratedPage | null = null;
  #jammed = false;
  #coverOpen = false;
  /** Jam after this many more pages of the next batch (a sheet that folds halfway). */
  #jamAfter: number | null = null;
  #running: AbortController | null = null;

  constructor(options: SimScannerOptions = {}) {
    const name = options.name ?? 'sim:adf-scanner';
    super('scanner', 'sim', { state: 'idle', device: name });
    this.name = name;
    this.#pageDelayMs = options.pageDelayMs ?? 150;
  }

  get feederCount(): number {
    return this.#feeder.length;
  }

  /** Puts sheets into the feeder, behind any already there. */
  loadFeeder(pages: readonly GeneratedPage[]): void {
    this.#feeder.push(...pages);
    this.#refresh();
  }

  clearFeeder(): void {
    this.#feeder = [];
    this.#refresh();
  }

  placeOnGlass(page: GeneratedPage | null): void {
    this.#glass = page;
  }

  jam(afterPages: number | null = null): void {
    if (afterPages === null) this.#jammed = true;
    else this.#jamAfter = afterPages;
    this.#refresh();
  }

  clearJam(): void {
    this.#jammed = false;
    this.#jamAfter = null;
    this.#refresh();
  }

  openCover(): void {
    this.#coverOpen = true;
    this.#refresh();
  }

  closeCover(): void {
    this.#coverOpen = false;
    this.#refresh();
  }

  async listDevices(): Promise<Result<ScannerDeviceInfo[], ScanError>> {
    return ok([{ name: this.name, vendor: 'E-Port Kiosk', model: 'Simulated duplex ADF scanner', type: 'sheetfed scanner' }]);
  }

  cancel(): boolean {
    if (this.#running === null) return false;
    this.#running.abort();
    return true;
  }

  async scan(request: ScanRequest, signal?: AbortSignal): Promise<Result<ScannedPage[], ScanError>> {
    const pages: ScannedPage[] = [];
    const scanned = await this.#run(request, async (page) => void pages.push(page), signal);
    return scanned.ok ? ok(pages) : scanned;
  }

  /** Each sheet is rasterised as it is fed and handed over: one raw page in memory at a time. */
  async scanPages(request: ScanRequest, onPage: PageSink, signal?: AbortSignal): Promise<Result<number, ScanError>> {
    return this.#run(request, onPage, signal);
  }

  async #run(request: ScanRequest, onPage: PageSink, signal?: AbortSignal): Promise<Result<number, ScanError>> {
    if (this.#running !== null) return err({ kind: 'busy', message: 'a scan is already running' });
    const blocked = this.#blocked();
    if (blocked !== null) return err(blocked);
    const controller = new AbortController();
    this.#running = controller;
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    this.setStatus({ state: 'busy', device: this.name, operation: request.source === 'adf' ? 'scanBatch' : 'scan' });
    try {
      const result = await this.#scan(request, controller.signal, onPage);
      this.setStatus(result.ok ? this.#idleStatus() : statusAfterError(result.error, this.name));
      return result;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.#running = null;
    }
  }

  #blocked(): ScanError | null {
    if (this.#coverOpen) return { kind: 'coverOpen', message: 'Scanner cover is open' };
    if (this.#jammed) return { kind: 'jammed', message: 'Document feeder jammed' };
    return null;
  }

  async #scan(request: ScanRequest, signal: AbortSignal, onPage: PageSink): Promise<Result<number, ScanError>> {
    const canceled = { kind: 'canceled', message: 'scan canceled' } as const;
    if (request.source === 'flatbed') {
      if (this.#glass === null) return err({ kind: 'noPaper', message: 'nothing on the glass' });
      await sleep(this.#pageDelayMs, signal);
      if (signal.aborted) return err(canceled);
      await onPage(await toScannedPage(this.#glass, request), { page: 1, of: 1 });
      return ok(1);
    }
    if (this.#feeder.length === 0) return err({ kind: 'noPaper', message: 'Document feeder out of documents' });
    const of = this.#feeder.length;
    let count = 0;
    while (this.#feeder.length > 0) {
      if (this.#jamAfter !== null && this.#jamAfter-- <= 0) {
        this.#jamAfter = null;
        this.#jammed = true;
        return err({ kind: 'jammed', message: 'Document feeder jammed' });
      }
      await sleep(this.#pageDelayMs, signal);
      // A canceled batch stops between sheets; the sheets not yet fed stay in the feeder.
      if (signal.aborted) return err(canceled);
      const page = this.#feeder.shift();
      if (page !== undefined) await onPage(await toScannedPage(page, request), { page: ++count, of });
    }
    return ok(count);
  }

  #idleStatus(): ScannerStatus {
    return this.#blocked() !== null ? statusAfterError(this.#blocked() ?? { kind: 'error', message: '' }, this.name) : { state: 'idle', device: this.name };
  }

  #refresh(): void {
    if (this.#running === null) this.setStatus(this.#idleStatus());
  }
}

/**
 * The page as the scanner would deliver it at the requested resolution and mode. A page generated
 * at a lower resolution (the lowResolution defect) stays low: that is the scan the checks must catch.
 */
export async function toScannedPage(page: GeneratedPage, request: Pick<ScanRequest, 'resolutionDpi' | 'mode'>): Promise<ScannedPage> {
  const dpi = Math.min(page.dpi, request.resolutionDpi);
  let image = sharp(page.png).removeAlpha();
  if (dpi !== page.dpi) {
    const { width } = await sharp(page.png).metadata();
    image = image.resize({ width: Math.round((width * dpi) / page.dpi) });
  }
  if (request.mode === 'gray') image = image.grayscale();
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels === 1 ? 1 : 3, data, dpi };
}
