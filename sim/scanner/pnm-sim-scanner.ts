// The simulated scanner through the real SANE stack ("system stacks" simulator mode): the
// SimScanner model (feeder, glass, the dock's jam and cover) decides what the next scan yields,
// and the real `scanimage` with SANE's pnm backend delivers it through the real SaneScanner. A
// fault becomes the backend's --status-* option, so the ScanError comes from SANE's status and the
// driver's mapping, never from TypeScript.
//
// The pnm backend serves one file per batch (the next sane_start reports EOF), so an ADF batch is
// one `scanimage --batch` per sheet, each exercising the driver's batch path.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../basics/result.ts';
import { encodePnm } from '../../drivers/scanner/pnm.ts';
import { SaneScanner } from '../../drivers/scanner/sane-scanner.ts';
import { handOver, statusAfterError, type PageSink, type ScannedPage, type ScannerDeviceInfo, type ScanRequest } from '../../drivers/scanner/scanner.ts';
import { type ScanError, type ScannerStatus } from '../../contract/devices/scanner.ts';
import type { GeneratedPage } from './documents.ts';
import { preparePnmBackend, type PnmBackend } from './pnm-backend.ts';
import { SimScanner } from './sim-scanner.ts';

export interface PnmSimScannerOptions {
  /** The daemon's state directory; the backend's private directory lives in it (one scanner per stateDir). */
  stateDir: string;
  /** Each scanimage run (one sheet) may take this long. */
  timeoutMs: number;
}

/** The model's faults as the pnm backend's status simulation options. */
const statusOption: Partial<Record<ScanError['kind'], string>> = {
  jammed: '--status-jammed=yes',
  coverOpen: '--status-coveropen=yes',
  noPaper: '--status-nodocs=yes',
};

/** What the backend opens when it is only to fail: sane_start needs a readable file. */
const placeholderSheet = encodePnm({ width: 8, height: 8, channels: 1, data: Buffer.alloc(64, 255) });

export class PnmSimScanner extends SimScanner {
  readonly #root: string;
  readonly #backend: PnmBackend;
  readonly #driver: SaneScanner;
  /** The feeder's sheets in order, mirrored so that sheets a failed SANE run did not deliver go back. */
  #sheets: GeneratedPage[] = [];
  /** While a scan runs, the model's own status updates are held here instead of published. */
  #scanning: AbortController | null = null;
  #pending: Promise<unknown> = Promise.resolve();
  #modelStatus: ScannerStatus;

  constructor(options: PnmSimScannerOptions) {
    super({ name: 'pnm:0', pageDelayMs: 0 });
    this.#modelStatus = this.status();
    // A fixed directory wiped on start: pages a crash left behind (personal data) do not survive it.
    this.#root = join(options.stateDir, 'sane-pnm');
    rmSync(this.#root, { recursive: true, force: true });
    mkdirSync(this.#root, { recursive: true, mode: 0o700 });
    this.#backend = preparePnmBackend(this.#root);
    this.#driver = new SaneScanner({ deviceName: this.#backend.device, timeoutMs: options.timeoutMs, env: this.#backend.env, workDir: this.#backend.dir });
  }

  override loadFeeder(pages: readonly GeneratedPage[]): void {
    this.#sheets.push(...pages);
    super.loadFeeder(pages);
  }

  override clearFeeder(): void {
    this.#sheets = [];
    super.clearFeeder();
  }

  protected override setStatus(next: ScannerStatus): void {
    if (this.#scanning !== null) this.#modelStatus = next;
    else super.setStatus(next);
  }

  #publish(next: ScannerStatus): void {
    super.setStatus(next);
  }

  /** Checks that scanimage and the pnm backend answer; noDevice when they do not. */
  override async start(): Promise<void> {
    const probed = await this.#driver.refresh();
    if (probed.state === 'noDevice' || probed.state === 'error') this.#publish(probed);
  }

  override async stop(): Promise<void> {
    this.cancel();
    await this.#pending;
    await this.#driver.stop();
    rmSync(this.#root, { recursive: true, force: true });
    await super.stop();
  }

  override async listDevices(): Promise<Result<ScannerDeviceInfo[], ScanError>> {
    return this.#driver.listDevices();
  }

  override cancel(): boolean {
    if (this.#scanning === null) return false;
    this.#scanning.abort();
    return true;
  }

  /** One scanimage run per sheet, the model's pages collected first: this simulator hands a batch over whole. */
  override async scanPages(request: ScanRequest, onPage: PageSink, signal?: AbortSignal): Promise<Result<number, ScanError>> {
    return handOver(await this.scan(request, signal), onPage);
  }

  override async scan(request: ScanRequest, signal?: AbortSignal): Promise<Result<ScannedPage[], ScanError>> {
    if (this.#scanning !== null) return err({ kind: 'busy', message: 'a scan is already running' });
    if (signal?.aborted === true) return err({ kind: 'canceled', message: 'canceled before the scan started' });
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    this.#modelStatus = this.status();
    this.#scanning = controller;
    this.#publish({ state: 'busy', device: this.name, operation: request.source === 'adf' ? 'scanBatch' : 'scan' });
    // Scans are personal data: the sheets exist on disk only for this scan, 0700/0600.
    const dir = mkdtempSync(join(this.#backend.dir, 'sheets-'));
    let result: Result<ScannedPage[], ScanError> = err({ kind: 'error', message: 'scan did not run' });
    try {
      const scanning = this.#scan(request, controller.signal, dir);
      this.#pending = scanning.catch(() => undefined);
      result = await scanning;
      return result;
    } finally {
      rmSync(dir, { recursive: true, force: true });
      signal?.removeEventListener('abort', onAbort);
      this.#scanning = null;
      // What the driver saw; after a success (or a cancel) the model's own view, so a fault the
      // dock set during the scan shows.
      const after = result.ok ? this.#modelStatus : statusAfterError(result.error, this.name);
      this.#publish(after.state === 'idle' ? this.#modelStatus : after);
    }
  }

  async #scan(request: ScanRequest, signal: AbortSignal, dir: string): Promise<Result<ScannedPage[], ScanError>> {
    const modelled = await super.scan(request, signal);
    // The sheets the model fed are those gone from the front of the feeder.
    const fed = this.#sheets.splice(0, this.#sheets.length - this.feederCount);
    if (!modelled.ok) {
      const option = statusOption[modelled.error.kind];
      if (option === undefined) return modelled; // canceled while the model rendered: nothing reached SANE
      const sheet = join(dir, 'fault.pnm');
      writeFileSync(sheet, placeholderSheet, { mode: 0o600 });
      return this.#driver.scan(request, signal, [`--filename=${sheet}`, option]);
    }
    const pages: ScannedPage[] = [];
    for (const [index, page] of modelled.value.entries()) {
      const sheet = join(dir, `sheet-${String(index).padStart(4, '0')}.pnm`);
      writeFileSync(sheet, encodePnm(page), { mode: 0o600 });
      // The resolution the model scanned this sheet at (lower for a low-resolution original).
      const scanned = await this.#driver.scan({ ...request, resolutionDpi: page.dpi }, signal, [`--filename=${sheet}`]);
      rmSync(sheet, { force: true });
      if (!scanned.ok) {
        // Like a real feeder: the sheets not delivered stay in it, in front of any loaded since.
        if (request.source === 'adf') this.#putBack(fed.slice(index));
        return scanned;
      }
      pages.push(...scanned.value);
    }
    return ok(pages);
  }

  #putBack(sheets: readonly GeneratedPage[]): void {
    if (sheets.length === 0) return;
    const rest = this.#sheets;
    this.clearFeeder();
    this.loadFeeder([...sheets, ...rest]);
  }
}
