// Tests that need an OS stack (pcscd + vpcd, socat, SANE, Chromium, systemd) ask for it here.
// Outside CI a missing stack skips those tests and is counted loudly by scripts/test.ts;
// in CI (CI=true) a missing stack is a failure, never a skip.
import { accessSync, appendFileSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findOnPath(binary: string): string | null {
  if (binary.includes('/')) return isExecutable(binary) ? binary : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, binary);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when `binary` is available. In CI a missing one throws, failing the test file. */
export function requireSystemTool(binary: string, debianPackage: string): boolean {
  if (findOnPath(binary) !== null) return true;
  const message = `system stack missing: ${binary} (Debian package ${debianPackage})`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI must install it (see .ci/run)`);
  const log = process.env.KIOSK_SKIP_LOG;
  if (log !== undefined && log !== '') appendFileSync(log, `${binary}\t${debianPackage}\n`);
  console.warn(`SKIPPING tests: ${message}`);
  return false;
}
