// Secret files of the simulated authority: created once with 0600 in a 0700 directory,
// written to a temporary name and renamed so a crash never leaves half a key.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCa, type CaMaterial } from './ca.ts';

export interface AuthorityPaths {
  dir: string;
  database: string;
  caKey: string;
  caCertificate: string;
  masterKey: string;
}

export function authorityPaths(stateDir: string): AuthorityPaths {
  const dir = join(stateDir, 'authority');
  return {
    dir,
    database: join(dir, 'authority.sqlite'),
    caKey: join(dir, 'ca-key.pk8'),
    caCertificate: join(dir, 'ca-cert.der'),
    masterKey: join(dir, 'issuer-master.key'),
  };
}

function writeSecret(path: string, data: Buffer): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, data, { mode: 0o600 });
  renameSync(temporary, path);
}

function readSecret(path: string): Buffer {
  // Someone loosened the mode by hand: tighten it again rather than serve a readable key.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return readFileSync(path);
}

/** The issuer master key: 32 random bytes, an AES-256 key for the unblock-key KDF. */
export function loadOrCreateMasterKey(paths: AuthorityPaths): Buffer {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  if (!existsSync(paths.masterKey)) writeSecret(paths.masterKey, randomBytes(32));
  return readSecret(paths.masterKey);
}

export async function loadOrCreateCa(paths: AuthorityPaths, now: Date): Promise<CaMaterial> {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  // The certificate is written last: a key without a certificate was never used to sign anything.
  if (!existsSync(paths.caCertificate) || !existsSync(paths.caKey)) {
    const created = await createCa(now);
    writeSecret(paths.caKey, created.keyPkcs8);
    writeSecret(paths.caCertificate, created.certificateDer);
  }
  return { keyPkcs8: readSecret(paths.caKey), certificateDer: readSecret(paths.caCertificate) };
}
