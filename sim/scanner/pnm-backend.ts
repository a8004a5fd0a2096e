// Feeding generated pages to the real `scanimage` through SANE's pnm test backend: a private
// SANE_CONFIG_DIR whose dll.conf names only `pnm` (the system's /etc/sane.d/dll.conf has it
// commented out, and tests must not edit /etc), and each page written as a binary PPM that the
// backend's `--filename` option serves.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePnm } from '../../drivers/scanner/pnm.ts';
import type { GeneratedPage } from './documents.ts';
import { pageToRaw } from './generate-page.ts';

export interface PnmBackend {
  dir: string;
  /** Environment for scanimage: SANE_CONFIG_DIR pointing at the private configuration. */
  env: NodeJS.ProcessEnv;
  /** The pnm backend's first device. */
  device: 'pnm:0';
}

export function preparePnmBackend(parent = tmpdir()): PnmBackend {
  const dir = mkdtempSync(join(parent, 'eport-sane-'));
  const config = join(dir, 'sane.d');
  mkdirSync(config, { mode: 0o700 });
  writeFileSync(join(config, 'dll.conf'), 'pnm\n');
  return { dir, env: { ...process.env, SANE_CONFIG_DIR: config }, device: 'pnm:0' };
}

/** Writes the page as a PPM in the backend's directory and returns its path. */
export async function writePnmPage(backend: PnmBackend, page: GeneratedPage, name: string): Promise<string> {
  const path = join(backend.dir, `${name}.ppm`);
  writeFileSync(path, encodePnm(await pageToRaw(page)), { mode: 0o600 });
  return path;
}
