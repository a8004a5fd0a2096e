// Personalisation: the issuer writes a new card's file from a record. The authority uses it for
// its fixture cards (unblock key derived from its master key, certificate signed by its CA).
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';
import type { CardLifecycle, CardType } from '../../contract/devices/card-reader.ts';
import type { CardAdminStatus } from '../../drivers/card/profile.ts';
import { initialPin, isValidPin, pinMaxTries, unblockKeyMaxTries } from '../../drivers/card/profile.ts';
import type { CardState } from './card-state.ts';
import { CardStateFile, cardStatePath } from './card-state.ts';
import { newPinRecord } from './pin-record.ts';


/** The card's current private key (P-256): a KeyObject, PKCS#8 DER, or a JWK. */
export type CardPrivateKey = KeyObject | { pkcs8Der: Uint8Array } | { jwk: JsonWebKey };

export interface PersonalisationRecord {
  cardNo: string;
  cardType: CardType;
  holderName: string;
  holderIdNumber: string;
  enterpriseName: string;
  uscc: string;
  /** `locked` personalises a blocked PIN; `expired` is an active card whose certificate has expired. */
  lifecycle: CardLifecycle;
  pin: string;
  /** Default: the maximum (3); forced to 0 for `locked`. */
  pinTriesLeft?: number;
  /** Default: the PIN is the issuer's initial one (88888888). */
  pinMustChange?: boolean;
  /** AES-128 key, deriveUnblockKey(master, cardNo). */
  unblockKey: Uint8Array;
  currentKeyPair: CardPrivateKey;
  currentCertificateDer: Uint8Array;
}

export interface PersonaliseOptions {
  /** Replace an existing card file (default: refuse). */
  overwrite?: boolean;
}

function adminStatusOf(lifecycle: CardLifecycle): CardAdminStatus {
  switch (lifecycle) {
    case 'active':
    case 'locked':
    case 'expired':
      return 'active';
    case 'frozen':
    case 'reportedLost':
    case 'invalidated':
      return lifecycle;
  }
}

function toKeyObject(key: CardPrivateKey): KeyObject | undefined {
  try {
    if ('pkcs8Der' in key) return createPrivateKey({ key: Buffer.from(key.pkcs8Der), format: 'der', type: 'pkcs8' });
    if ('jwk' in key) return createPrivateKey({ key: key.jwk, format: 'jwk' });
    return key.type === 'private' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the card's persistent state from a record; every inconsistency is an error value. */
export function cardStateFromRecord(record: PersonalisationRecord): Result<CardState, string> {
  if (!/^[0-9A-Za-z]{1,32}$/.test(record.cardNo)) return err('cardNo must be 1-32 letters or digits');
  if (!isValidPin(record.pin)) return err('PIN must be 8 digits');
  const triesLeft = record.lifecycle === 'locked' ? 0 : (record.pinTriesLeft ?? pinMaxTries);
  if (!Number.isInteger(triesLeft) || triesLeft < 0 || triesLeft > pinMaxTries) return err(`pinTriesLeft must be 0..${pinMaxTries}`);
  if (record.unblockKey.length !== 16) return err('unblockKey must be 16 bytes (AES-128)');
  const key = toKeyObject(record.currentKeyPair);
  if (key?.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return err('current key must be an ECDSA P-256 private key');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(record.currentCertificateDer));
  } catch {
    return err('current certificate is not DER X.509');
  }
  if (!certificate.checkPrivateKey(key)) return err('current certificate does not certify the current key');
  return ok({
    version: 1,
    cardNo: record.cardNo,
    cardType: record.cardType,
    holderName: record.holderName,
    holderIdNumber: record.holderIdNumber,
    enterpriseName: record.enterpriseName,
    uscc: record.uscc,
    status: adminStatusOf(record.lifecycle),
    pin: newPinRecord(record.pin, pinMaxTries, triesLeft, record.pinMustChange ?? record.pin === initialPin),
    unblock: { key: Buffer.from(record.unblockKey).toString('hex'), triesLeft: unblockKeyMaxTries, maxTries: unblockKeyMaxTries },
    current: {
      privateKeyPkcs8: key.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      certificateDer: Buffer.from(record.currentCertificateDer).toString('base64'),
    },
    pending: { privateKeyPkcs8: null, certificateDer: null },
  });
}

/** Writes `<stateDir>/<cardNo>.json`; answers its path. */
export function personalise(stateDir: string, record: PersonalisationRecord, options: PersonaliseOptions = {}): Result<string, string> {
  const state = cardStateFromRecord(record);
  if (!state.ok) return state;
  const path = cardStatePath(stateDir, record.cardNo);
  if (options.overwrite !== true && existsSync(path)) return err(`card ${record.cardNo} already personalised`);
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const saved = new CardStateFile(path).save(state.value);
  return saved.ok ? ok(path) : err(`cannot write ${path}: ${saved.error}`);
}
