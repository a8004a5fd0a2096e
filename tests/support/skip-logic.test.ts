// The skip logic of the tests that need a system stack (system-stack.ts), run for real: vitest is
// spawned on every test file that asks for a stack, with KIOSK_TEST_PRETEND_MISSING=* so that
// every tool looks missing. Without CI the run must pass, those files' tests skipped and the
// tools named in the skip log that scripts/test.ts counts (a newcomer's `npm test` without the
// Debian packages); with CI=true the same run must fail, file by file. A stack test that throws
// or starts its stack instead of skipping fails the first run.
import { spawn } from 'node:child_process';
import { existsSync, globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flowStackTools } from '../browser/flow-rig.ts';
import { repoRoot } from './daemon-process.ts';

/** Asks for a stack through system-stack.ts (directly or through the flow rig). */
const asksForStack = /\brequire(SystemTools?|FlowStack)\(/;
/** Starts a stack: a file doing this must ask for it first. */
const startsStack = /\b(startPcscd|launchChromium|openFlowRig|openFlowStack)\(/;

const thisFile = relative(repoRoot, import.meta.filename);
const testFiles = globSync('**/*.test.ts', { cwd: repoRoot, exclude: (path) => basename(path) === 'node_modules' || basename(path).startsWith('.') })
  .filter((file) => file !== thisFile)
  .sort();
const source = (file: string): string => readFileSync(join(repoRoot, file), 'utf8');
const stackFiles = testFiles.filter((file) => asksForStack.test(source(file)));
const flowFiles = stackFiles.filter((file) => /^tests\/browser\/flows-.*\.test\.ts$/.test(file));

interface AssertionResult {
  fullName: string;
  status: string;
  failureMessages: string[];
}
interface FileResult {
  name: string;
  status: string;
  message: string;
  assertionResults: AssertionResult[];
}
interface Report {
  numFailedTests: number;
  numFailedTestSuites: number;
  numPassedTests: number;
  numPendingTests: number;
  testResults: FileResult[];
}
interface Run {
  code: number | null;
  report: Report;
  byFile: Map<string, FileResult>;
  /** The binaries the skip log names (scripts/test.ts reads the same file). */
  skipLogged: Set<string>;
  output: string;
}

/** What failed in a run, file by file, for the assertion messages. */
function failures(run: Run): string {
  const lines: string[] = [];
  for (const [file, result] of run.byFile) {
    if (result.status === 'failed') lines.push(`${file} failed: ${result.message.split('\n')[0] || 'in a hook (vitest keeps no message; run the file alone)'}`);
    for (const test of result.assertionResults) {
      if (test.status === 'failed') lines.push(`${file} > ${test.fullName}: ${test.failureMessages[0]?.split('\n')[0] ?? ''}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') : run.output;
}

const work = mkdtempSync(join(tmpdir(), 'kiosk-skip-logic-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** vitest on the stack files with every tool pretended missing; CI set or not. */
function runStackFiles(name: string, ci: boolean): Promise<Run> {
  const reportFile = join(work, `${name}.json`);
  const skipLog = join(work, `${name}.skipped.tsv`);
  // Not the outer run's worker settings, nor its CI.
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'CI');
  const env = { ...Object.fromEntries(inherited), KIOSK_TEST_PRETEND_MISSING: '*', KIOSK_SKIP_LOG: skipLog, ...(ci && { CI: 'true' }) };
  // --no-isolate: the files share one module graph, 2 s instead of 15 s of importing the same
  // modules thirteen times; whether a file skips or throws is decided as it loads either way.
  const args = [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--no-isolate', '--reporter=json', `--outputFile.json=${reportFile}`, ...stackFiles];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) => {
      if (!existsSync(reportFile)) {
        reject(new Error(`vitest (${name}) wrote no report, exit ${String(code)}:\n${output}`));
        return;
      }
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
      const byFile = new Map(report.testResults.map((result) => [relative(repoRoot, result.name), result]));
      const logged = existsSync(skipLog) ? readFileSync(skipLog, 'utf8').split('\n').filter(Boolean) : [];
      resolve({ code, report, byFile, skipLogged: new Set(logged.map((line) => line.split('\t')[0] ?? '')), output });
    });
  });
}

describe('tests that need a system stack, with every tool missing', () => {
  // Both runs at once: each is a few seconds of loading files that then skip or fail.
  const local = runStackFiles('local', false);
  const ci = runStackFiles('ci', true);
  // Handled by the tests below; without this a failed spawn is an unhandled rejection first.
  local.catch(() => undefined);
  ci.catch(() => undefined);

  it('are found: the browser flow files among them, and every file that starts a stack asks for it first', () => {
    expect(flowFiles.length).toBeGreaterThanOrEqual(4);
    expect(stackFiles.length).toBeGreaterThan(flowFiles.length);
    expect(testFiles.filter((file) => startsStack.test(source(file)) && !asksForStack.test(source(file)))).toEqual([]);
  });

  it('skip outside CI: vitest exits 0, nothing fails, and the skip log names the missing tools', { timeout: 120_000 }, async () => {
    const run = await local;
    const context = failures(run);
    expect(run.report.numFailedTests + run.report.numFailedTestSuites, context).toBe(0);
    expect(run.code, context).toBe(0);
    expect([...run.byFile.keys()].sort()).toEqual(stackFiles);
    for (const file of stackFiles) {
      const statuses = run.byFile.get(file)?.assertionResults.map((test) => test.status) ?? [];
      expect(statuses.filter((status) => status === 'skipped' || status === 'pending').length, `${file} skips nothing`).toBeGreaterThan(0);
    }
    for (const file of flowFiles) {
      const statuses = run.byFile.get(file)?.assertionResults.map((test) => test.status) ?? [];
      expect(statuses.length, file).toBeGreaterThan(0);
      expect(new Set(statuses), file).toEqual(new Set(['skipped']));
    }
    for (const [binary] of flowStackTools) expect(run.skipLogged, `skip log names ${binary}`).toContain(binary);
    expect(run.skipLogged).toContain('systemd-analyze');
  });

  it('fail in CI: vitest exits non-zero, every such file failed on the missing stack, nothing counted as skipped', { timeout: 120_000 }, async () => {
    const run = await ci;
    expect(run.code, run.output).not.toBe(0);
    expect(run.report.numPassedTests, run.output).toBe(0);
    for (const file of stackFiles) {
      const result = run.byFile.get(file);
      expect(result?.status, file).toBe('failed');
      expect(result?.message, file).toContain('system stack missing');
    }
    expect(run.skipLogged.size).toBe(0);
  });
});
