// `npm test`: the whole suite. Installs the system stack the tests need when it can (root and
// apt-get), builds the UI the browser tests load, runs vitest, and ends with one plain line:
// "tests: N passed, N failed, N skipped". Outside CI, tests whose stack is missing are skipped
// and counted loudly; in CI (CI=true) a missing stack fails them.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const ci = process.env.CI === 'true';

function run(command: string, args: string[], options: { quiet?: boolean } = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: options.quiet === true ? 'ignore' : 'inherit' });
  return result.status ?? 1;
}

function canLoad(module: string): boolean {
  try {
    createRequire(join(root, 'package.json'))(module);
    return true;
  } catch {
    return false;
  }
}

function missingPackages(): string[] {
  return readFileSync(join(root, 'scripts', 'system-packages.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/) as [string, string])
    .filter(([, proof]) => !existsSync(proof))
    .map(([pkg]) => pkg);
}

let missing = missingPackages();
if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log(`test: installing the system stack: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
    missing = missingPackages();
    // pcsclite is an optional dependency built against libpcsclite-dev: installed just now, after
    // the npm dependencies were, it needs one more install to be built.
    if (!canLoad('pcsclite') && existsSync('/usr/include/PCSC/winscard.h')) {
      console.log('test: building pcsclite against the newly installed libpcsclite-dev');
      const nodedir = process.env.npm_config_nodedir;
      run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error', ...(nodedir === undefined ? [] : [`--nodedir=${nodedir}`])]);
    }
  }
  if (missing.length > 0) {
    console.warn(`\n!!! system stack missing: ${missing.join(' ')} — ${ci ? 'CI: the tests needing it will FAIL' : 'the tests needing it will be SKIPPED'}`);
    console.warn(`!!! install with: sudo apt-get install ${missing.join(' ')}\n`);
  }
}

// The daemon serves kiosk-ui/dist and the browser tests load it: build it from the sources.
if (run('vite', ['build', '--config', 'kiosk-ui/vite.config.ts', '--logLevel', 'warn']) !== 0) {
  console.error('test: the UI build failed');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'kiosk-test-run-'));
const reportFile = join(work, 'report.json');
const skipLog = join(work, 'skipped-stacks.tsv');
const vitest = spawnSync('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, KIOSK_SKIP_LOG: skipLog },
});

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}
let report: Report | undefined;
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
} catch {
  report = undefined;
}
const skippedStacks = existsSync(skipLog) ? [...new Set(readFileSync(skipLog, 'utf8').trim().split('\n').filter(Boolean))] : [];
rmSync(work, { recursive: true, force: true });

if (report === undefined) {
  console.error('test: vitest wrote no report');
  process.exit(vitest.status ?? 1);
}
const skipped = report.numPendingTests + report.numTodoTests;
if (skippedStacks.length > 0) {
  // Each line is "binary<TAB>Debian package": the package too when its name says something else.
  const named = skippedStacks.map((line) => {
    const [binary = '', pkg = ''] = line.split('\t');
    return pkg === '' || pkg === binary ? binary : `${binary} (${pkg})`;
  });
  console.warn(`\n!!! ${skipped} test(s) SKIPPED; missing system stack: ${named.join(', ')}`);
  console.warn('!!! run npm test as root (it installs them with apt-get), or install the packages in scripts/system-packages.txt\n');
} else if (skipped > 0) {
  console.warn(`\n${skipped} test(s) skipped by their own condition (e.g. udevadm verify, which needs systemd ≥ 253)\n`);
}
// Failed suites (a file that cannot load) count as failures too.
const failed = report.numFailedTests + report.numFailedTestSuites;
console.log(`tests: ${report.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
