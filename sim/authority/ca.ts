// The authority's certificate authority: an ECDSA P-256 key and a self-signed certificate,
// and the card certificates it signs. Layout documented in docs/authority.md ("Certificates").
import { createPublicKey, randomBytes, verify as verifySignature, type KeyObject } from 'node:crypto';
import { err, ok, type Result } from '../../basics/result.ts';
import type { CardType } from '../../contract/devices/card-reader.ts';
import { keyProofMessage } from '../../contract/authority/key-proof.ts';
import { x509 } from './x509.ts';

const webcrypto = globalThis.crypto;
const ecdsaP256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ecdsaSha256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** id-at-organizationIdentifier (X.520), value "NTRCN-" + USCC as ETSI EN 319 412-1 spells it. */
const oidOrganizationIdentifier = '2.5.4.97';
const oidTitle = '2.5.4.12';
const oidSerialNumber = '2.5.4.5';

export const caSubject = 'C=CN, O=China E-Port Data Sub-centre (simulated), CN=E-Port Kiosk Simulated Issuing CA';

export interface CaMaterial {
  /** PKCS#8 DER of the CA's private key. */
  keyPkcs8: Buffer;
  certificateDer: Buffer;
}

export interface Ca {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

export interface CardSubject {
  cardNo: string;
  cardType: CardType;
  holderName: string;
  enterpriseName: string;
  uscc: string;
}

/** A copy on a plain ArrayBuffer, the only kind WebCrypto's types accept. */
function plain(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** A positive, non-zero 128-bit serial (RFC 5280 allows up to 20 octets). */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes.writeUInt8((bytes.readUInt8(0) & 0x7f) | 0x01, 0);
  return bytes.toString('hex');
}

/** Two calendar years later (29 February issues expire on 1 March). */
export function twoYearsAfter(date: Date): Date {
  const end = new Date(date.getTime());
  end.setUTCFullYear(end.getUTCFullYear() + 2);
  return end;
}

export async function createCa(now: Date): Promise<CaMaterial> {
  const keys = await webcrypto.subtle.generateKey(ecdsaP256, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: caSubject,
      keys,
      serialNumber: randomSerial(),
      // Back-dated so that fixture certificates issued "years ago" still fall inside it.
      notBefore: addDays(now, -5 * 366),
      notAfter: addDays(now, 20 * 366),
      signingAlgorithm: ecdsaSha256,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, webcrypto),
      ],
    },
    webcrypto,
  );
  const keyPkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { keyPkcs8, certificateDer: Buffer.from(certificate.rawData) };
}

export async function loadCa(material: CaMaterial): Promise<Ca> {
  const privateKey = await webcrypto.subtle.importKey('pkcs8', plain(material.keyPkcs8), ecdsaP256, false, ['sign']);
  return { certificate: new x509.X509Certificate(plain(material.certificateDer)), privateKey };
}

export function cardSubjectName(subject: CardSubject): x509.Name {
  return new x509.Name([
    { '2.5.4.6': ['CN'] },
    { '2.5.4.10': [subject.enterpriseName] },
    { [oidOrganizationIdentifier]: [`NTRCN-${subject.uscc}`] },
    { [oidTitle]: [subject.cardType] },
    { [oidSerialNumber]: [subject.cardNo] },
    { '2.5.4.3': [subject.holderName] },
  ]);
}

export async function signCardCertificate(
  ca: Ca,
  subject: CardSubject,
  publicKeySpki: Uint8Array,
  validity: { notBefore: Date; notAfter: Date },
  serial: string,
): Promise<Buffer> {
  const publicKey = new x509.PublicKey(plain(publicKeySpki));
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial,
      subject: cardSubjectName(subject),
      issuer: ca.certificate.subjectName,
      notBefore: validity.notBefore,
      notAfter: validity.notAfter,
      publicKey,
      signingKey: ca.privateKey,
      signingAlgorithm: ecdsaSha256,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        // The card signs declarations in the enterprise's or holder's name: signature and non-repudiation.
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth], false),
        await x509.SubjectKeyIdentifierExtension.create(publicKey, false, webcrypto),
        await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false, webcrypto),
      ],
    },
    webcrypto,
  );
  return Buffer.from(certificate.rawData);
}

export type ProofProblem = { reason: 'proofInvalid'; detail: string } | { reason: 'keyNotP256'; detail: string };

function p256Key(spki: Uint8Array): Result<KeyObject, ProofProblem> {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    return err({ reason: 'proofInvalid', detail: 'the public key is not a DER SubjectPublicKeyInfo' });
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    return err({ reason: 'keyNotP256', detail: 'the key to certify must be ECDSA P-256' });
  }
  return ok(key);
}

/** Checks that whoever asked holds the private key; returns the SPKI to certify. */
export async function verifyCsr(csrDer: Uint8Array): Promise<Result<Buffer, ProofProblem>> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(plain(csrDer));
  } catch {
    return err({ reason: 'proofInvalid', detail: 'the certificate request is not DER PKCS#10' });
  }
  const spki = Buffer.from(csr.publicKey.rawData);
  const key = p256Key(spki);
  if (!key.ok) return key;
  const valid = await csr.verify(webcrypto).catch(() => false);
  return valid ? ok(spki) : err({ reason: 'proofInvalid', detail: 'the certificate request signature does not verify' });
}

function signatureValid(message: Buffer, key: KeyObject, dsaEncoding: 'der' | 'ieee-p1363', signature: Uint8Array): boolean {
  try {
    return verifySignature('sha256', message, { key, dsaEncoding }, signature);
  } catch {
    return false; // a malformed DER signature throws: it is just a signature that does not verify
  }
}

export function verifySignedKey(cardNo: string, publicKeySpki: Uint8Array, signature: Uint8Array): Result<Buffer, ProofProblem> {
  const key = p256Key(publicKeySpki);
  if (!key.ok) return key;
  const message = keyProofMessage(cardNo, publicKeySpki);
  // 64 bytes is r||s as a card's raw ECDSA output; anything else is taken as DER.
  const dsaEncoding = signature.length === 64 ? 'ieee-p1363' : 'der';
  return signatureValid(message, key.value, dsaEncoding, signature) ? ok(Buffer.from(publicKeySpki)) : err({ reason: 'proofInvalid', detail: 'the key proof signature does not verify' });
}

/** An ECDSA-SHA256 signature by the P-256 key `spki` over `message`: 64 bytes read as r||s, anything else as DER. */
export function signatureOver(message: Buffer, spki: Uint8Array, signature: Uint8Array): boolean {
  const key = p256Key(spki);
  return key.ok && signatureValid(message, key.value, signature.length === 64 ? 'ieee-p1363' : 'der', signature);
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const base64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}
