// Tests that need an OS stack (pcscd + vpcd, socat, SANE, Chromium, systemd) ask for it here.
// Outside CI a missing stack skips those tests and is counted loudly by scripts/test.ts;
// in CI (CI=true) a missing stack is a failure, never a skip.
// KIOSK_TEST_PRETEND_MISSING (read here only) makes tools look missing, for the test of that skip
// logic (tests/support/skip-logic.test.ts): a comma-separated list of binaries, or * for all.
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

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

function pretendMissing(binary: string): boolean {
  const listed = (process.env.KIOSK_TEST_PRETEND_MISSING ?? '').split(',').map((name) => name.trim());
  return listed.includes('*') || listed.includes(binary);
}

/**
 * Whether `binary` is available (KIOSK_TEST_PRETEND_MISSING counted), without logging or throwing.
 * An absolute path is a file the stack installs (e.g. vpcd's reader.conf) and only has to exist.
 */
export function hasSystemTool(binary: string): boolean {
  if (pretendMissing(binary)) return false;
  return isAbsolute(binary) ? existsSync(binary) : findOnPath(binary) !== null;
}

/**
 * True when every tool, [binary or absolute path, Debian package], is available. Outside CI each missing one is
 * logged (KIOSK_SKIP_LOG, for scripts/test.ts's count) and the answer is false: skip the tests.
 * In CI a missing one throws, naming them all, which fails the test file.
 */
export function requireSystemTools(tools: readonly (readonly [binary: string, debianPackage: string])[]): boolean {
  const missing = tools.filter(([binary]) => !hasSystemTool(binary));
  if (missing.length === 0) return true;
  const message = `system stack missing: ${missing.map(([binary, pkg]) => `${binary} (Debian package ${pkg})`).join(', ')}`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI must install it (.ci/run installs scripts/system-packages.txt)`);
  const log = process.env.KIOSK_SKIP_LOG;
  if (log !== undefined && log !== '') appendFileSync(log, missing.map(([binary, pkg]) => `${binary}\t${pkg}\n`).join(''));
  console.warn(`SKIPPING tests: ${message}`);
  return false;
}

/** True when `binary` is available. In CI a missing one throws, failing the test file. */
export function requireSystemTool(binary: string, debianPackage: string): boolean {
  return requireSystemTools([[binary, debianPackage]]);
}
