#!/usr/bin/env node
// The `kiosk` command. The code is TypeScript run by Node 24's type stripping; on an older
// Node this shim re-runs itself under the project's provisioned Node 24 (scripts/node24.sh).
import { spawn } from 'node:child_process';
import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { daemonV8Flags } from './daemon-v8-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);

/**
 * Node's compile cache keeps each module's type-stripped source and V8 code on disk, so a start
 * with a warm cache never loads the TypeScript stripper (its WebAssembly memory, which never
 * shrinks, was ~45 MB of a 135 MB daemon: issue 14). A private directory: a cache entry is code
 * Node runs, so it must not sit where another user could write it. systemd's CacheDirectory=
 * (0700) on the appliance, the user's cache elsewhere; NODE_COMPILE_CACHE or
 * NODE_DISABLE_COMPILE_CACHE=1 override it (Node reads them itself).
 */
function compileCacheDir() {
  const systemdCache = process.env.CACHE_DIRECTORY?.split(':')[0];
  if (systemdCache) return join(systemdCache, 'compile-cache');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'eport-kiosk', 'compile-cache');
}

/** A flag's name without its value or --no- (an operator's own --no-optimize-for-size wins). */
const flagName = (arg) => arg.split('=')[0].replace(/^--no-/, '--');

/** The daemon's flags not yet given, on the command line or in NODE_OPTIONS. */
function missingDaemonFlags() {
  const given = new Set([...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map(flagName));
  return daemonV8Flags.filter((flag) => !given.has(flagName(flag)));
}

if (major >= 24) {
  // V8 reads heap sizes when the process starts. The systemd unit gives the flags; started any
  // other way (tests, benches, by hand) the daemon re-executes itself with them, in place (same
  // pid), before loading anything — one more Node start (~0.1–0.4 s on the 2-core machine).
  const missing = process.argv[2] === 'run' ? missingDaemonFlags() : [];
  if (missing.length > 0 && typeof process.execve === 'function') {
    process.execve(process.execPath, [process.execPath, ...missing, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], process.env);
  }
  if (process.env.NODE_COMPILE_CACHE === undefined) enableCompileCache(compileCacheDir());
  await import(join(root, 'daemon', 'cli', 'main.ts'));
} else {
  const child = spawn('sh', [join(root, 'scripts', 'node24.sh'), 'node', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 1 : 128);
  });
}
