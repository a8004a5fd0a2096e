// The daemon's start-up module graph leaves out what only some kiosks or some moments need
// (issue 14: idle ≤ 120 MB on hardware): the image libraries load with the first page, the
// simulator with --sim. Memory itself is measured by `npm run bench:startup`, not asserted here.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Every module URL loaded by importing daemon.ts (its static graph), in a fresh Node. */
function startupModules(): string[] {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = [];
    registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } });
    await import(${JSON.stringify(join(root, 'daemon', 'daemon.ts'))});
    process.stdout.write(JSON.stringify(seen));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as string[];
}

describe('the daemon at start', () => {
  it('loads no image library, certificate library or simulator device', { timeout: 20_000 }, () => {
    const modules = startupModules();
    expect(modules.some((url) => url.includes('/daemon/daemon.ts'))).toBe(true);
    const heavy = modules.filter((url) => /node_modules\/(sharp|zxing-wasm|@peculiar|tsyringe|qrcode|pngjs|serialport|koffi)\//.test(url));
    expect(heavy).toEqual([]);
    // The dock's handlers are there (answering "no simulated device" on hardware); what they drive is not.
    const simulator = modules.filter((url) => url.includes('/sim/')).map((url) => url.slice(url.indexOf('/sim/')));
    expect(simulator.sort()).toEqual(['/sim/dock/sim-dock.ts']);
  });
});
