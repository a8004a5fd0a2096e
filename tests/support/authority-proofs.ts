// Helpers for the authority's tests (not production code): card-like key pairs and requests.
import { createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyProof } from '../../contract/authority/authority.ts';
import { keyProofMessage } from '../../contract/authority/key-proof.ts';
import { x509 } from '../../sim/authority/x509.ts';

export function temporaryStateDir(): string {
  return mkdtempSync(join(tmpdir(), 'eport-authority-'));
}

export function key(): string {
  return randomUUID();
}

/** A PKCS#10 request signed by a fresh key pair on the given curve, as the card's pending key would. */
export async function csrProof(namedCurve: 'P-256' | 'P-384' = 'P-256'): Promise<{ proof: KeyProof; spki: Buffer }> {
  const keys = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve }, true, ['sign', 'verify']);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create(
    { name: 'CN=pending key', keys, signingAlgorithm: { name: 'ECDSA', hash: namedCurve === 'P-256' ? 'SHA-256' : 'SHA-384' } },
    globalThis.crypto,
  );
  const spki = Buffer.from(await globalThis.crypto.subtle.exportKey('spki', keys.publicKey));
  return { proof: { kind: 'csr', csrDer: Buffer.from(csr.rawData) }, spki };
}

export function signedKeyProof(cardNo: string, encoding: 'der' | 'ieee-p1363' = 'ieee-p1363', privateKey?: KeyObject): { proof: KeyProof; spki: Buffer } {
  const pair = privateKey === undefined ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : null;
  const secret = privateKey ?? pair?.privateKey;
  if (secret === undefined) throw new Error('no key');
  const spki = (pair?.publicKey ?? createPublicKey(secret)).export({ format: 'der', type: 'spki' });
  const signature = sign('sha256', keyProofMessage(cardNo, spki), { key: secret, dsaEncoding: encoding });
  return { proof: { kind: 'signedKey', publicKeySpki: spki, signature }, spki };
}
