// Certificates for tests and demos without the authority: a throwaway ECDSA P-256 CA that
// certifies card keys. Large enough (subject, extensions) to need chaining when written.
import type { KeyObject } from 'node:crypto';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
// The project's one entry to @peculiar/x509 (it installs the metadata shim the library needs).
import { x509 } from '../../sim/authority/x509.ts';

x509.cryptoProvider.set(globalThis.crypto);

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface TestCa {
  name: string;
  keys: CryptoKeyPair;
  certificateDer: Buffer;
}

export async function createTestCa(name = 'CN=E-Port Test CA,O=E-Port Kiosk Tests,C=CN'): Promise<TestCa> {
  const keys = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name, keys, serialNumber: '01', notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2044-01-01T00:00:00Z'), signingAlgorithm: algorithm,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
  });
  return { name, keys, certificateDer: Buffer.from(certificate.rawData) };
}

export interface CertificateRequest {
  /** DER SubjectPublicKeyInfo of the card key. */
  spki: Buffer;
  cardNo: string;
  notBefore: Date;
  notAfter: Date;
  serialNumber?: string;
}

export async function issueTestCertificate(ca: TestCa, request: CertificateRequest): Promise<Buffer> {
  const publicKey = await crypto.subtle.importKey('spki', new Uint8Array(request.spki), algorithm, true, ['verify']);
  const certificate = await x509.X509CertificateGenerator.create({
    subject: `CN=E-Port card ${request.cardNo},OU=Operator certificate for customs declarations,O=Example Import and Export Trading Company Limited,L=Shenzhen,ST=Guangdong,C=CN`,
    issuer: ca.name,
    serialNumber: request.serialNumber ?? Date.now().toString(16),
    notBefore: request.notBefore,
    notAfter: request.notAfter,
    publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return Buffer.from(certificate.rawData);
}

/** A card key pair and its certificate, as an issuer would personalise them. */
export async function createTestCardKey(ca: TestCa, cardNo: string, notAfter: Date, notBefore = new Date('2025-01-01T00:00:00Z')): Promise<{ privateKey: KeyObject; certificateDer: Buffer }> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const certificateDer = await issueTestCertificate(ca, { spki, cardNo, notBefore, notAfter });
  return { privateKey: createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })), certificateDer };
}
