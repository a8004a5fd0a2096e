// The virtual E-Port card: the profile of docs/card-profile.md over a JSON file per card.
// Persistent state lives in the file and is re-read at every power-on; security state
// (PIN verified, external authentication, challenge, chains, pending response) lives in memory
// and dies with the power. Every command answers a status word; nothing here throws on input.
import type { KeyObject } from 'node:crypto';
import { X509Certificate, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { DecodedCommand, ResponseApdu } from '../../drivers/card/apdu.ts';
import { claChaining, decodeCommand, encodeResponse } from '../../drivers/card/apdu.ts';
import { constantTimeEqual, unblockCryptogram } from '../../drivers/card/card-crypto.ts';
import type { CardRecord } from '../../drivers/card/profile.ts';
import {
  challengeLength, cryptogramLength, dataObject, eportAid, encodeCardRecord, encodePendingStatus, encodePublicKey, ins,
  keySlot, maxCertificateLength, maxSignDataLength, pinLength, pinReference, spkiToEcPoint, unblockKeyReference,
} from '../../drivers/card/profile.ts';
import { sw } from '../../drivers/card/status-words.ts';
import { encodeTlv, encodeTlvs } from '../../drivers/card/tlv.ts';
import type { SimulatedCard } from './simulated-card.ts';
import type { CardState } from './card-state.ts';
import { CardStateFile, cardStatePath } from './card-state.ts';
import { newPinRecord, pinMatches } from './pin-record.ts';

/** T=1, 10 historical bytes "EPORT-SIM1", TCK. */
export const virtualCardAtr = withTck(Buffer.concat([Buffer.from([0x3b, 0x8a, 0x80, 0x01]), Buffer.from('EPORT-SIM1', 'ascii')]));

function withTck(atr: Buffer): Buffer {
  let tck = 0;
  for (const b of atr.subarray(1)) tck ^= b;
  return Buffer.concat([atr, Buffer.from([tck])]);
}

/** Card capabilities in the FCI (tag C0): bit 0 extended length, bit 1 command chaining. */
export const capabilityFlags = { extendedLength: 0x01, chaining: 0x02 } as const;

export interface VirtualCardOptions {
  stateDir: string;
  cardNo: string;
  /** Test hook: the n-th persistent write of this instance loses power half-way (card goes mute). */
  powerLossAtWrite?: number;
}

interface Session {
  selected: boolean;
  pinVerified: boolean;
  externalAuthenticated: boolean;
  challenge: Buffer | null;
  chain: { ins: number; p1: number; p2: number; parts: Buffer[]; length: number } | null;
  /** Response bytes not yet fetched with GET RESPONSE. */
  remaining: Buffer | null;
}

type Memory = { state: 'loaded'; data: CardState } | { state: 'unreadable'; reason: string };

const freshSession = (): Session => ({ selected: false, pinVerified: false, externalAuthenticated: false, challenge: null, chain: null, remaining: null });

const status = (word: number, data: Buffer = Buffer.alloc(0)): ResponseApdu => ({ data, sw: word });

function isPinFormat(data: Buffer): boolean {
  return data.length === pinLength && data.every((b) => b >= 0x30 && b <= 0x39);
}

function privateKeyOf(pkcs8Base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(pkcs8Base64, 'base64'), format: 'der', type: 'pkcs8' });
}

function ecPointOf(key: KeyObject): Buffer {
  const point = spkiToEcPoint(createPublicKey(key).export({ format: 'der', type: 'spki' }));
  if (point === undefined) throw new Error('card key is not P-256'); // personalisation guarantees it
  return point;
}

function certificateOf(derBase64: string): X509Certificate | undefined {
  try {
    return new X509Certificate(Buffer.from(derBase64, 'base64'));
  } catch {
    return undefined;
  }
}

function certificateMatchesKey(certificateDer: string | null, pkcs8: string | null): boolean {
  if (certificateDer === null || pkcs8 === null) return false;
  const certificate = certificateOf(certificateDer);
  return certificate?.checkPrivateKey(privateKeyOf(pkcs8)) ?? false;
}

export class VirtualCard implements SimulatedCard {
  readonly atr = virtualCardAtr;
  readonly cardNo: string;
  readonly #file: CardStateFile;
  #powered = false;
  #memory: Memory = { state: 'unreadable', reason: 'not powered yet' };
  #session: Session = freshSession();

  constructor(options: VirtualCardOptions) {
    this.cardNo = options.cardNo;
    this.#file = new CardStateFile(cardStatePath(options.stateDir, options.cardNo), { powerLossAtWrite: options.powerLossAtWrite });
  }

  get powered(): boolean {
    return this.#powered;
  }

  /** Persistent writes attempted by this instance (torn one included). */
  get writes(): number {
    return this.#file.writes;
  }

  #isMute(): boolean {
    return !this.#powered;
  }

  powerOn(): void {
    this.#file.removeTornWrite();
    const loaded = this.#file.load();
    this.#memory = loaded.ok ? { state: 'loaded', data: loaded.value } : { state: 'unreadable', reason: loaded.error };
    this.#session = freshSession();
    this.#powered = true;
  }

  powerOff(): void {
    this.#powered = false;
    this.#session = freshSession();
  }

  reset(): void {
    this.powerOff();
    this.powerOn();
  }

  transmit(apdu: Buffer): Buffer {
    // A card without power says nothing; the reader sees no response.
    if (this.#isMute()) return Buffer.alloc(0);
    const response = this.#respond(apdu);
    // A torn write cut the power during this command: no answer either.
    return this.#isMute() ? Buffer.alloc(0) : encodeResponse(response);
  }

  #respond(apdu: Buffer): ResponseApdu {
    const decoded = decodeCommand(apdu);
    if (!decoded.ok) return this.#forgetRemaining(status(sw.wrongLength));
    const cmd = decoded.value;
    const baseCla = cmd.cla & ~claChaining;
    if (baseCla !== 0x00 && baseCla !== 0x80) return this.#forgetRemaining(status(sw.claNotSupported));
    if (cmd.ins === ins.getResponse && baseCla === 0x00 && (cmd.cla & claChaining) === 0) return this.#getResponse(cmd);
    this.#session.remaining = null;
    if (this.#memory.state === 'unreadable') return status(sw.memoryFailure);
    const data = this.#memory.data;

    // A chain in progress accepts only its own continuation.
    const chain = this.#session.chain;
    if (chain !== null && (chain.ins !== cmd.ins || chain.p1 !== cmd.p1 || chain.p2 !== cmd.p2)) {
      this.#session.chain = null;
      return status(sw.lastCommandOfChainExpected);
    }
    if ((cmd.cla & claChaining) !== 0) return this.#chainPart(cmd);
    let full = cmd;
    if (chain !== null) {
      this.#session.chain = null;
      full = { ...cmd, data: Buffer.concat([...chain.parts, cmd.data]) };
    }
    return this.#withLe(full, this.#dispatch(full, baseCla, data));
  }

  #forgetRemaining(response: ResponseApdu): ResponseApdu {
    this.#session.remaining = null;
    return response;
  }

  #chainPart(cmd: DecodedCommand): ResponseApdu {
    const chainable = (cmd.cla & ~claChaining) === 0x00 && (cmd.ins === ins.putData || cmd.ins === ins.performSecurityOperation);
    if (!chainable) return status(sw.chainingNotSupported);
    const chain = this.#session.chain ?? { ins: cmd.ins, p1: cmd.p1, p2: cmd.p2, parts: [], length: 0 };
    chain.parts.push(cmd.data);
    chain.length += cmd.data.length;
    if (chain.length > maxCertificateLength) {
      this.#session.chain = null;
      return status(sw.notEnoughMemory);
    }
    this.#session.chain = chain;
    return status(sw.ok);
  }

  /** Sends at most Ne bytes; the rest waits for GET RESPONSE behind 61xx. */
  #withLe(cmd: DecodedCommand, response: ResponseApdu): ResponseApdu {
    if (response.data.length === 0 || response.sw !== sw.ok) return response;
    const ne = cmd.le ?? 0;
    if (response.data.length <= ne) return response;
    this.#session.remaining = response.data.subarray(ne);
    return status(0x6100 | (Math.min(this.#session.remaining.length, 256) & 0xff), response.data.subarray(0, ne));
  }

  #getResponse(cmd: DecodedCommand): ResponseApdu {
    const remaining = this.#session.remaining;
    if (cmd.p1 !== 0 || cmd.p2 !== 0) return this.#forgetRemaining(status(sw.incorrectP1P2));
    if (remaining === null) return status(sw.conditionsOfUseNotSatisfied);
    const ne = cmd.le ?? 0;
    if (ne === 0) return status(sw.wrongLength);
    const chunk = remaining.subarray(0, ne);
    const rest = remaining.subarray(ne);
    this.#session.remaining = rest.length > 0 ? rest : null;
    return rest.length > 0 ? status(0x6100 | (Math.min(rest.length, 256) & 0xff), chunk) : status(sw.ok, chunk);
  }

  #dispatch(cmd: DecodedCommand, baseCla: number, data: CardState): ResponseApdu {
    if (baseCla === 0x80) {
      if (cmd.ins !== ins.pendingSlot) return status(sw.insNotSupported);
      return this.#guarded(data, () => this.#pendingSlot(cmd, data));
    }
    if (cmd.ins === ins.select) return this.#select(cmd);
    if (!this.#session.selected) {
      const known: readonly number[] = Object.values(ins);
      return status(known.includes(cmd.ins) ? sw.conditionsOfUseNotSatisfied : sw.insNotSupported);
    }
    switch (cmd.ins) {
      case ins.getData:
        return this.#getData(cmd, data);
      case ins.verify:
        return this.#guarded(data, () => this.#verify(cmd, data));
      case ins.changeReferenceData:
        return this.#guarded(data, () => this.#changePin(cmd, data));
      case ins.getChallenge:
        return this.#guarded(data, () => this.#getChallenge(cmd, data));
      case ins.externalAuthenticate:
        return this.#guarded(data, () => this.#externalAuthenticate(cmd, data));
      case ins.resetRetryCounter:
        return this.#guarded(data, () => this.#resetRetryCounter(cmd, data));
      case ins.generateAsymmetricKeyPair:
        return cmd.p1 === 0x81 ? this.#readPublicKey(cmd, data) : this.#guarded(data, () => this.#generate(cmd, data));
      case ins.performSecurityOperation:
        return this.#guarded(data, () => this.#signPending(cmd, data));
      case ins.internalAuthenticate:
        return this.#guarded(data, () => this.#internalAuthenticate(cmd, data));
      case ins.putData:
        return this.#guarded(data, () => this.#putPendingCertificate(cmd, data));
      default:
        return status(sw.insNotSupported);
    }
  }

  /** Everything but SELECT, GET DATA and reading public keys needs an active card. */
  #guarded(data: CardState, run: () => ResponseApdu): ResponseApdu {
    if (!this.#session.selected) return status(sw.conditionsOfUseNotSatisfied);
    return data.status === 'active' ? run() : status(sw.conditionsOfUseNotSatisfied);
  }

  /** Commits new persistent state; a torn write powers the card down mid-command. */
  #commit(next: CardState): boolean {
    const saved = this.#file.save(next);
    if (saved.ok) {
      this.#memory = { state: 'loaded', data: next };
      return true;
    }
    switch (saved.error) {
      case 'powerLost':
        this.powerOff();
        return false;
      case 'ioError':
        return false;
    }
  }

  #commitOr(next: CardState, then: () => ResponseApdu): ResponseApdu {
    return this.#commit(next) ? then() : status(sw.memoryFailure);
  }

  #select(cmd: DecodedCommand): ResponseApdu {
    if (cmd.p1 !== 0x04 || (cmd.p2 !== 0x00 && cmd.p2 !== 0x0c)) return status(sw.incorrectP1P2);
    // Selecting (again) starts a fresh security context.
    this.#session = freshSession();
    if (!cmd.data.equals(eportAid)) return status(sw.fileNotFound);
    this.#session.selected = true;
    if (cmd.p2 === 0x0c) return status(sw.ok);
    const fci = encodeTlv(0x6f, encodeTlvs([
      { tag: 0x84, value: eportAid },
      { tag: 0xc0, value: Buffer.from([capabilityFlags.extendedLength | capabilityFlags.chaining]) },
    ]));
    return status(sw.ok, fci);
  }

  #record(data: CardState): CardRecord {
    const certificate = certificateOf(data.current.certificateDer);
    const iso = (date: Date | undefined): string => (date ?? new Date(0)).toISOString().replace('.000Z', 'Z');
    return {
      cardNo: data.cardNo, cardType: data.cardType, holderName: data.holderName, holderIdNumber: data.holderIdNumber,
      uscc: data.uscc, enterpriseName: data.enterpriseName,
      certificateNotBefore: iso(certificate?.validFromDate), certificateNotAfter: iso(certificate?.validToDate),
      status: data.status, pinTriesLeft: data.pin.triesLeft, pinMaxTries: data.pin.maxTries,
      unblockTriesLeft: data.unblock.triesLeft, pinMustChange: data.pin.mustChange,
    };
  }

  #getData(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.data.length > 0) return status(sw.wrongLength);
    switch ((cmd.p1 << 8) | cmd.p2) {
      case dataObject.cardInfo:
        return status(sw.ok, encodeCardRecord(this.#record(data)));
      case dataObject.pendingStatus:
        return status(sw.ok, encodePendingStatus({
          hasKey: data.pending.privateKeyPkcs8 !== null,
          hasCertificate: data.pending.certificateDer !== null,
          certificateMatchesKey: certificateMatchesKey(data.pending.certificateDer, data.pending.privateKeyPkcs8),
        }));
      case dataObject.currentCertificate:
        return status(sw.ok, Buffer.from(data.current.certificateDer, 'base64'));
      case dataObject.pendingCertificate:
        return data.pending.certificateDer === null ? status(sw.fileNotFound) : status(sw.ok, Buffer.from(data.pending.certificateDer, 'base64'));
      default:
        return status(sw.referenceDataNotFound);
    }
  }

  #pinTriesWord(triesLeft: number): number {
    return triesLeft === 0 ? sw.authenticationMethodBlocked : 0x63c0 | Math.min(triesLeft, 15);
  }

  /**
   * Checks a PIN against the counter the way a tearing-safe card does: the try is spent (and
   * persisted) before comparing, and given back only after a match.
   */
  #spendPinTry(pin: Buffer, data: CardState, onMatch: (restored: CardState) => CardState): ResponseApdu {
    if (data.pin.triesLeft === 0) return status(sw.authenticationMethodBlocked);
    const spent: CardState = { ...data, pin: { ...data.pin, triesLeft: data.pin.triesLeft - 1 } };
    if (!this.#commit(spent)) return status(sw.memoryFailure);
    if (!pinMatches(pin.toString('ascii'), data.pin)) {
      this.#session.pinVerified = false;
      return status(this.#pinTriesWord(spent.pin.triesLeft));
    }
    return this.#commitOr(onMatch({ ...spent, pin: { ...spent.pin, triesLeft: spent.pin.maxTries } }), () => {
      this.#session.pinVerified = true;
      return status(sw.ok);
    });
  }

  #verify(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.p1 !== 0x00) return status(sw.incorrectP1P2);
    if (cmd.p2 !== pinReference) return status(sw.referenceDataNotFound);
    if (cmd.data.length === 0) {
      if (data.pin.triesLeft === 0) return status(sw.authenticationMethodBlocked);
      return status(this.#session.pinVerified ? sw.ok : this.#pinTriesWord(data.pin.triesLeft));
    }
    if (cmd.data.length !== pinLength) return status(sw.wrongLength);
    if (!isPinFormat(cmd.data)) return status(sw.incorrectData);
    return this.#spendPinTry(cmd.data, data, (restored) => restored);
  }

  #changePin(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.p1 !== 0x00) return status(sw.incorrectP1P2);
    if (cmd.p2 !== pinReference) return status(sw.referenceDataNotFound);
    if (cmd.data.length !== 2 * pinLength) return status(sw.wrongLength);
    const oldPin = cmd.data.subarray(0, pinLength);
    const newPin = cmd.data.subarray(pinLength);
    if (!isPinFormat(oldPin) || !isPinFormat(newPin)) return status(sw.incorrectData);
    return this.#spendPinTry(oldPin, data, (restored) => ({
      ...restored,
      pin: newPinRecord(newPin.toString('ascii'), restored.pin.maxTries, restored.pin.maxTries, false),
    }));
  }

  #getChallenge(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.p1 !== 0 || cmd.p2 !== 0) return status(sw.incorrectP1P2);
    if (cmd.data.length > 0 || cmd.le === undefined) return status(sw.wrongLength);
    if (cmd.le !== challengeLength) return status(0x6c00 | challengeLength);
    if (data.unblock.triesLeft === 0) return status(sw.authenticationMethodBlocked);
    const challenge = randomBytes(challengeLength);
    this.#session.challenge = challenge;
    this.#session.externalAuthenticated = false;
    return status(sw.ok, Buffer.from(challenge));
  }

  #externalAuthenticate(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.p1 !== 0x00) return status(sw.incorrectP1P2);
    if (cmd.p2 !== unblockKeyReference) return status(sw.referenceDataNotFound);
    if (cmd.data.length !== cryptogramLength) return status(sw.wrongLength);
    if (data.unblock.triesLeft === 0) return status(sw.authenticationMethodBlocked);
    const challenge = this.#session.challenge;
    if (challenge === null) return status(sw.conditionsOfUseNotSatisfied);
    this.#session.challenge = null; // one cryptogram per challenge, right or wrong
    const spent: CardState = { ...data, unblock: { ...data.unblock, triesLeft: data.unblock.triesLeft - 1 } };
    if (!this.#commit(spent)) return status(sw.memoryFailure);
    const expected = unblockCryptogram(Buffer.from(data.unblock.key, 'hex'), challenge, data.cardNo);
    if (!constantTimeEqual(expected, cmd.data)) {
      return status(spent.unblock.triesLeft === 0 ? sw.authenticationMethodBlocked : 0x63c0 | Math.min(spent.unblock.triesLeft, 15));
    }
    return this.#commitOr({ ...spent, unblock: { ...spent.unblock, triesLeft: spent.unblock.maxTries } }, () => {
      this.#session.externalAuthenticated = true;
      return status(sw.ok);
    });
  }

  #resetRetryCounter(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.p1 !== 0x02) return status(sw.incorrectP1P2);
    if (cmd.p2 !== pinReference) return status(sw.referenceDataNotFound);
    if (cmd.data.length !== pinLength) return status(sw.wrongLength);
    if (!isPinFormat(cmd.data)) return status(sw.incorrectData);
    if (!this.#session.externalAuthenticated) return status(sw.securityStatusNotSatisfied);
    this.#session.externalAuthenticated = false; // one unblock per authorisation
    this.#session.pinVerified = false;
    return this.#commitOr({ ...data, pin: newPinRecord(cmd.data.toString('ascii'), data.pin.maxTries, data.pin.maxTries, false) }, () => status(sw.ok));
  }

  #readPublicKey(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.data.length > 0) return status(sw.wrongLength);
    if (cmd.p2 === keySlot.current) return status(sw.ok, encodePublicKey(ecPointOf(privateKeyOf(data.current.privateKeyPkcs8))));
    if (cmd.p2 !== keySlot.pending) return status(sw.referenceDataNotFound);
    const pending = data.pending.privateKeyPkcs8;
    return pending === null ? status(sw.referenceDataNotFound) : status(sw.ok, encodePublicKey(ecPointOf(privateKeyOf(pending))));
  }

  #generate(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.p1 !== 0x80 || cmd.p2 !== keySlot.pending) return status(sw.incorrectP1P2);
    if (cmd.data.length > 0) return status(sw.wrongLength);
    if (!this.#session.pinVerified) return status(sw.securityStatusNotSatisfied);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    // A new pending key voids any pending certificate (it certified the old pending key).
    return this.#commitOr({ ...data, pending: { privateKeyPkcs8: pkcs8, certificateDer: null } }, () => status(sw.ok, encodePublicKey(ecPointOf(privateKey))));
  }

  #signPending(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.p1 !== 0x9e || cmd.p2 !== 0x9a) return status(sw.incorrectP1P2);
    if (cmd.data.length === 0 || cmd.data.length > maxSignDataLength) return status(sw.wrongLength);
    if (!this.#session.pinVerified) return status(sw.securityStatusNotSatisfied);
    const pending = data.pending.privateKeyPkcs8;
    if (pending === null) return status(sw.conditionsOfUseNotSatisfied);
    return status(sw.ok, sign('sha256', cmd.data, privateKeyOf(pending)));
  }

  #internalAuthenticate(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.p1 !== 0x00) return status(sw.incorrectP1P2);
    if (cmd.p2 !== keySlot.current) return status(sw.referenceDataNotFound);
    if (cmd.data.length === 0) return status(sw.wrongLength);
    if (!this.#session.pinVerified) return status(sw.securityStatusNotSatisfied);
    return status(sw.ok, sign('sha256', cmd.data, privateKeyOf(data.current.privateKeyPkcs8)));
  }

  #putPendingCertificate(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (((cmd.p1 << 8) | cmd.p2) !== dataObject.pendingCertificate) return status(sw.referenceDataNotFound);
    if (cmd.data.length === 0) return status(sw.wrongLength);
    if (cmd.data.length > maxCertificateLength) return status(sw.notEnoughMemory);
    if (!this.#session.pinVerified) return status(sw.securityStatusNotSatisfied);
    if (data.pending.privateKeyPkcs8 === null) return status(sw.conditionsOfUseNotSatisfied);
    const der = cmd.data.toString('base64');
    if (certificateOf(der) === undefined) return status(sw.incorrectData);
    return this.#commitOr({ ...data, pending: { ...data.pending, certificateDer: der } }, () => status(sw.ok));
  }

  #pendingSlot(cmd: DecodedCommand, data: CardState): ResponseApdu {
    if (cmd.p2 !== 0x00 || (cmd.p1 !== 0x00 && cmd.p1 !== 0x01)) return status(sw.incorrectP1P2);
    if (cmd.data.length > 0) return status(sw.wrongLength);
    if (!this.#session.pinVerified) return status(sw.securityStatusNotSatisfied);
    const { privateKeyPkcs8, certificateDer } = data.pending;
    const empty = { privateKeyPkcs8: null, certificateDer: null };
    if (cmd.p1 === 0x01) return this.#commitOr({ ...data, pending: empty }, () => status(sw.ok));
    if (privateKeyPkcs8 === null || certificateDer === null) return status(sw.conditionsOfUseNotSatisfied);
    if (!certificateMatchesKey(certificateDer, privateKeyPkcs8)) return status(sw.referenceDataNotUsable);
    // One atomic file replacement: after it the new pair is current, before it the old one is.
    return this.#commitOr({ ...data, current: { privateKeyPkcs8, certificateDer }, pending: empty }, () => status(sw.ok));
  }
}
