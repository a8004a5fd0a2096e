// The layering rules fail `npm run lint` on a forbidden import. Each case builds a small tree of
// the project's folders in a temporary directory, with the project's own dependency-cruiser
// configuration and tsconfig, and runs the command `npm run lint:layers` runs there: a rule that
// stopped matching (a renamed folder, a typo in a path pattern) fails this test.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const layersScript = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['lint:layers'] ?? '';
// `sh scripts/node24.sh depcruise …`: the same depcruise arguments, run with this Node.
const depcruiseArgs = layersScript.replace(/^sh scripts\/node24\.sh depcruise /, '').split(' ');

let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

/** Lays out `files` (path → source) beside the project's config and runs the layering lint. */
function lintTree(files: Record<string, string>): { status: number | null; output: string } {
  work = mkdtempSync(join(tmpdir(), 'kiosk-layers-'));
  copyFileSync(join(root, '.dependency-cruiser.cjs'), join(work, '.dependency-cruiser.cjs'));
  copyFileSync(join(root, 'tsconfig.json'), join(work, 'tsconfig.json'));
  // Every layer the script names must exist, even when a case leaves it empty.
  for (const folder of depcruiseArgs.filter((arg) => /^[a-z-]+$/.test(arg))) mkdirSync(join(work, folder), { recursive: true });
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), source);
  }
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs'), ...depcruiseArgs], { cwd: work, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const leaf = 'export const value = 1;\n';

describe('the layering, as npm run lint checks it', () => {
  it('the script lints every layer', () => {
    expect(depcruiseArgs).toEqual(expect.arrayContaining(['--config', '.dependency-cruiser.cjs', 'basics', 'contract', 'drivers', 'sim', 'daemon', 'kiosk-ui']));
  });

  it('passes a tree that keeps the layering', () => {
    const result = lintTree({
      'basics/result.ts': leaf,
      'contract/view.ts': "import { value } from '../basics/result.ts';\nexport const view = value;\n",
      'drivers/card/reader.ts': "import { view } from '../../contract/view.ts';\nexport const reader = view;\n",
      'sim/card/sim-reader.ts': "import { reader } from '../../drivers/card/reader.ts';\nexport const simReader = reader;\n",
      'daemon/devices/devices.ts': "import { simReader } from '../../sim/card/sim-reader.ts';\nexport const devices = simReader;\n",
      'kiosk-ui/src/page.ts': "import { view } from '../../contract/view.ts';\nexport const page = view;\n",
    });
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  it.each([
    ['a driver importing the daemon', 'drivers-below-daemon', { 'daemon/result.ts': leaf, 'drivers/printer/printer.ts': "import { value } from '../../daemon/result.ts';\nexport const v = value;\n" }],
    ['the UI importing a daemon module', 'ui-only-contract', { 'daemon/flows/flow-view.ts': leaf, 'kiosk-ui/src/flow.ts': "import type { value } from '../../daemon/flows/flow-view.ts';\nexport type V = typeof value;\n" }],
    ['the UI importing a driver', 'ui-only-contract', { 'drivers/gpio/gpio.ts': leaf, 'kiosk-ui/src/gpio.ts': "import { value } from '../../drivers/gpio/gpio.ts';\nexport const v = value;\n" }],
    ['the simulator importing the daemon', 'sim-below-daemon', { 'daemon/log/redact.ts': leaf, 'sim/card/wallet.ts': "import { value } from '../../daemon/log/redact.ts';\nexport const v = value;\n" }],
    ['the contract importing a driver', 'contract-only-basics', { 'drivers/card/card-reader.ts': leaf, 'contract/devices.ts': "import { value } from '../drivers/card/card-reader.ts';\nexport const v = value;\n" }],
    ['basics importing the contract', 'basics-imports-nothing', { 'contract/envelope.ts': leaf, 'basics/helper.ts': "import { value } from '../contract/envelope.ts';\nexport const v = value;\n" }],
    ['the daemon choosing a simulator outside its composition roots', 'daemon-sim-in-roots-only', { 'sim/card/sim-reader.ts': leaf, 'daemon/flows/flow.ts': "import { value } from '../../sim/card/sim-reader.ts';\nexport const v = value;\n" }],
    ['production code importing a test kit', 'production-not-tests', { 'tests/support/kit.ts': leaf, 'daemon/flows/flow.ts': "import { value } from '../../tests/support/kit.ts';\nexport const v = value;\n" }],
    ['a test kit among production modules', 'test-kits-are-tests', { 'daemon/flows/flow-test-kit.ts': "import { value } from './flow.ts';\nexport const v = value;\n", 'daemon/flows/flow.ts': leaf }],
    [
      'an import cycle through type-only imports',
      'no-cycle',
      {
        'contract/a.ts': "import type { B } from './b.ts';\nexport interface A { b?: B }\n",
        'contract/b.ts': "import type { A } from './a.ts';\nexport interface B { a?: A }\n",
      },
    ],
  ] as const)('fails %s (%s)', (_what, rule, files) => {
    const result = lintTree(files);
    expect(result.output).toContain(`error ${rule}:`);
    expect(result.status).not.toBe(0);
  });
});
