#!/usr/bin/env node
// The `kiosk` command. The code is TypeScript run by Node 24's type stripping; on an older
// Node this shim re-runs itself under the project's provisioned Node 24 (scripts/node24.sh).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
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
