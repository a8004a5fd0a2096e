// The real scanner: SANE through the `scanimage` frontend (sane-utils). A child process per
// scan keeps a wedged backend out of the daemon: a timeout or cancel kills it, never us.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../../basics/result.ts';
import { StatusHolder } from '../device/status-holder.ts';
import { decodePnm } from './pnm.ts';
import { classifySaneFailure } from './sane-status.ts';
import { parseDeviceOptions, scanArguments, type DeviceOptions } from './scanimage-options.ts';
import { runScanimage, type ProcessOutcome, type RunningProcess } from './scanimage-process.ts';
import { statusAfterError, type PageSink, type ScannedPage, type Scanner, type ScannerDeviceInfo, type ScanRequest } from './scanner.ts';
import { type ScanError, type ScannerStatus } from '../../contract/devices/scanner.ts';

export interface SaneScannerOptions {
  /** SANE device name (`fujitsu:fi-7160:1234`, `pnm:0`); empty: the first device listed. */
  deviceName: string;
  /** A whole scan (an ADF batch included) may take this long before it is stopped. */
  timeoutMs: number;
  /** The scanimage binary; a path lets tests put a fake one first. */
  scanimage?: string;
  /** Environment for scanimage (tests point SANE_CONFIG_DIR at a dll.conf with `pnm`). */
  env?: NodeJS.ProcessEnv;
  /** Backend options added to every scan, e.g. `--filename=page.pnm` for the pnm backend. */
  extraArgs?: readonly string[];
  /** Where an ADF batch's pages land before they are read into memory (a 0700 temp dir). */
  workDir?: string;
  killGraceMs?: number;
}

const maxStdoutBytes = 256 * 1024 * 1024;

export class SaneScanner extends StatusHolder<ScannerStatus> implements Scanner {
  readonly #options: SaneScannerOptions;
  #device: string | null = null;
  #deviceOptions: DeviceOptions | null = null;
  #running: RunningProcess | null = null;

  constructor(options: SaneScannerOptions) {
    super('scanner', 'hardware', { state: 'noDevice', reason: 'not started' });
    this.#options = options;
  }

  get #binary(): string {
    return this.#options.scanimage ?? 'scanimage';
  }

  #run(args: readonly string[], timeoutMs: number): RunningProcess {
    return runScanimage(this.#binary, args, {
      ...(this.#options.env !== undefined && { env: this.#options.env }),
      timeoutMs,
      killGraceMs: this.#options.killGraceMs ?? 2000,
      maxStdoutBytes,
    });
  }

  override async start(): Promise<void> {
    await this.refresh();
  }

  override async stop(): Promise<void> {
    this.cancel();
    await this.#running?.done;
    await super.stop();
  }

  /** Finds the device again (after a replug or a noDevice state) and reports idle or noDevice. */
  async refresh(): Promise<ScannerStatus> {
    if (this.#running !== null) return this.status();
    const found = await this.#resolveDevice();
    if (!found.ok) this.setStatus(statusAfterError(found.error, this.#options.deviceName));
    else this.setStatus({ state: 'idle', device: found.value });
    return this.status();
  }

  async listDevices(): Promise<Result<ScannerDeviceInfo[], ScanError>> {
    const outcome = await this.#run(['-f', '%d\t%v\t%m\t%t%n'], 30_000).done;
    if (outcome.spawnError !== null) return err({ kind: 'noDevice', message: `cannot run ${this.#binary}: ${outcome.spawnError}` });
    if (outcome.exitCode !== 0) return err(classifySaneFailure(outcome.stderr, outcome.exitCode));
    const devices = outcome.stdout
      .toString('utf8')
      .split('\n')
      .filter((line) => line.includes('\t'))
      .map((line) => {
        const [name = '', vendor = '', model = '', type = ''] = line.split('\t');
        return { name, vendor, model, type };
      });
    return ok(devices);
  }

  async #resolveDevice(): Promise<Result<string, ScanError>> {
    if (this.#device !== null) return ok(this.#device);
    const listed = await this.listDevices();
    if (!listed.ok) return listed;
    const wanted = this.#options.deviceName;
    const device = wanted === '' ? listed.value[0] : listed.value.find((d) => d.name === wanted || d.name.startsWith(wanted));
    if (device === undefined) {
      return err({ kind: 'noDevice', message: wanted === '' ? 'no SANE scanner found' : `SANE device ${wanted} not found` });
    }
    const help = await this.#run(['-d', device.name, '-A'], 30_000).done;
    if (help.exitCode !== 0) return err(classifySaneFailure(help.stderr, help.exitCode));
    this.#device = device.name;
    this.#deviceOptions = parseDeviceOptions(help.stdout.toString('utf8'));
    return ok(device.name);
  }

  cancel(): boolean {
    if (this.#running === null) return false;
    this.#running.stop('canceled');
    return true;
  }

  /** `extraArgs`: backend options for this scan only, after the configured ones (the pnm backend's `--filename` of the sheet being fed). */
  async scan(request: ScanRequest, signal?: AbortSignal, extraArgs: readonly string[] = []): Promise<Result<ScannedPage[], ScanError>> {
    const pages: ScannedPage[] = [];
    const scanned = await this.scanPages(request, async (page) => void pages.push(page), signal, extraArgs);
    return scanned.ok ? ok(pages) : scanned;
  }

  /**
   * An ADF batch lands in the batch directory as scanimage feeds it; once it is done the pages are
   * read, handed over and deleted one at a time, so only one raw page is in memory at once.
   */
  async scanPages(request: ScanRequest, onPage: PageSink, signal?: AbortSignal, extraArgs: readonly string[] = []): Promise<Result<number, ScanError>> {
    if (this.#running !== null) return err({ kind: 'busy', message: 'a scan is already running' });
    if (signal?.aborted === true) return err({ kind: 'canceled', message: 'canceled before the scan started' });
    const resolved = await this.#resolveDevice();
    if (!resolved.ok) {
      this.setStatus(statusAfterError(resolved.error, this.#options.deviceName));
      return resolved;
    }
    const device = resolved.value;
    const { args, dpi } = scanArguments(this.#deviceOptions ?? parseDeviceOptions(''), request);
    const batchDir = request.source === 'adf' ? mkdtempSync(join(this.#options.workDir ?? tmpdir(), 'eport-scan-')) : null;
    const output = batchDir === null ? ['--format=pnm'] : ['--format=pnm', `--batch=${join(batchDir, 'page-%04d.pnm')}`];
    const running = this.#run(['-d', device, ...args, ...(this.#options.extraArgs ?? []), ...extraArgs, ...output], this.#options.timeoutMs);
    this.#running = running;
    this.setStatus({ state: 'busy', device, operation: request.source === 'adf' ? 'scanBatch' : 'scan' });
    const onAbort = (): void => running.stop('canceled');
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const outcome = await running.done;
      const result = batchDir === null ? await this.#single(outcome, dpi, onPage) : await this.#batch(outcome, batchDir, dpi, onPage);
      if (!result.ok && result.error.kind === 'noDevice') this.#device = null;
      this.setStatus(result.ok ? { state: 'idle', device } : statusAfterError(result.error, device));
      return result;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.#running = null;
      // Scans are personal data: nothing stays on disk after they are in memory.
      if (batchDir !== null) rmSync(batchDir, { recursive: true, force: true });
    }
  }

  #failure(outcome: ProcessOutcome): ScanError | null {
    if (outcome.spawnError !== null) return { kind: 'noDevice', message: `cannot run ${this.#binary}: ${outcome.spawnError}` };
    if (outcome.stoppedFor === 'canceled') return { kind: 'canceled', message: 'scan canceled' };
    if (outcome.stoppedFor === 'timedOut') return { kind: 'timedOut', message: `scan took longer than ${this.#options.timeoutMs} ms` };
    if (outcome.exitCode !== 0) return classifySaneFailure(outcome.stderr, outcome.exitCode);
    return null;
  }

  async #single(outcome: ProcessOutcome, dpi: number, onPage: PageSink): Promise<Result<number, ScanError>> {
    const failure = this.#failure(outcome);
    if (failure !== null) return err(failure);
    const page = decodePnm(outcome.stdout);
    if (!page.ok) return err({ kind: 'error', message: `unreadable scan: ${page.error}` });
    await onPage({ ...page.value, data: Buffer.from(page.value.data), dpi }, { page: 1, of: 1 });
    return ok(1);
  }

  async #batch(outcome: ProcessOutcome, dir: string, dpi: number, onPage: PageSink): Promise<Result<number, ScanError>> {
    const failure = this.#failure(outcome);
    const files = readdirSync(dir).filter((name) => name.endsWith('.pnm')).sort();
    // The batch ends when the feeder runs dry: scanimage then reports the next sane_start's
    // "out of documents" (or EOF, from backends such as pnm) after "Batch terminated, N pages".
    const feederEmptied = failure !== null && outcome.stoppedFor === null && /batch terminated, [1-9]/i.test(outcome.stderr) && (failure.kind === 'noPaper' || /end of file/i.test(failure.message));
    if (failure !== null && !feederEmptied) return err(failure);
    let count = 0;
    for (const file of files) {
      const path = join(dir, file);
      const page = decodePnm(await readFile(path));
      // A page cut short by a jam or a cancel is not a page: the batch ends before it.
      if (!page.ok) break;
      // Off the disk as soon as it is in memory: a scan is personal data.
      await rm(path, { force: true });
      count++;
      await onPage({ ...page.value, dpi }, { page: count, of: files.length });
    }
    if (count > 0) return ok(count);
    return err(failure ?? { kind: 'noPaper', message: 'no pages in the feeder' });
  }
}
