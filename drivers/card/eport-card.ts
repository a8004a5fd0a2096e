// The E-Port card as the kiosk talks to it: one method per profile command over any transport,
// each answering a value (the data, or why the card or the transport said no).
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';
import type { CommandApdu, ResponseApdu, SendApdu, TransmitOptions } from './apdu.ts';
import { transmit } from './apdu.ts';
import type { CardError, CardRecord, KeySlot, PendingStatus, PinStatus } from './profile.ts';
import {
  challengeLength, command, dataObject, expectSuccess, parseCardRecord, parsePendingStatus, parsePinStatus, parsePublicKey,
} from './profile.ts';

export class EportCard {
  readonly #send: SendApdu;
  readonly #options: TransmitOptions;

  /** `extendedLength`: use extended APDUs instead of chaining and GET RESPONSE (the card takes both). */
  constructor(send: SendApdu, options: TransmitOptions = { extendedLength: false }) {
    this.#send = send;
    this.#options = options;
  }

  async #run(apdu: CommandApdu): Promise<Result<ResponseApdu, CardError>> {
    const response = await transmit(this.#send, apdu, this.#options);
    return response.ok ? response : err({ kind: 'transport', error: response.error });
  }

  async #data(apdu: CommandApdu): Promise<Result<Buffer, CardError>> {
    const response = await this.#run(apdu);
    return response.ok ? expectSuccess(response.value) : response;
  }

  async #done(apdu: CommandApdu): Promise<Result<void, CardError>> {
    const data = await this.#data(apdu);
    return data.ok ? ok(undefined) : data;
  }

  async select(): Promise<Result<void, CardError>> {
    return this.#done(command.select());
  }

  async readInfo(): Promise<Result<CardRecord, CardError>> {
    const data = await this.#data(command.getData(dataObject.cardInfo));
    if (!data.ok) return data;
    const record = parseCardRecord(data.value);
    return record.ok ? record : err({ kind: 'malformedResponse', detail: record.error });
  }

  async pinStatus(): Promise<Result<PinStatus, CardError>> {
    const response = await this.#run(command.pinStatus());
    return response.ok ? parsePinStatus(response.value) : response;
  }

  async verifyPin(pin: string): Promise<Result<void, CardError>> {
    return this.#done(command.verifyPin(pin));
  }

  async changePin(oldPin: string, newPin: string): Promise<Result<void, CardError>> {
    return this.#done(command.changePin(oldPin, newPin));
  }

  async getChallenge(): Promise<Result<Buffer, CardError>> {
    const data = await this.#data(command.getChallenge());
    if (!data.ok) return data;
    return data.value.length === challengeLength ? data : err({ kind: 'malformedResponse', detail: `challenge of ${data.value.length} bytes` });
  }

  async externalAuthenticate(cryptogram: Buffer): Promise<Result<void, CardError>> {
    return this.#done(command.externalAuthenticate(cryptogram));
  }

  async resetRetryCounter(newPin: string): Promise<Result<void, CardError>> {
    return this.#done(command.resetRetryCounter(newPin));
  }

  /** A new key pair in the pending slot; its public key as an uncompressed point 04||X||Y. */
  async generatePendingKeyPair(): Promise<Result<Buffer, CardError>> {
    return this.#publicKey(command.generatePendingKeyPair());
  }

  async readPublicKey(slot: KeySlot): Promise<Result<Buffer, CardError>> {
    return this.#publicKey(command.readPublicKey(slot));
  }

  async #publicKey(apdu: CommandApdu): Promise<Result<Buffer, CardError>> {
    const data = await this.#data(apdu);
    if (!data.ok) return data;
    const point = parsePublicKey(data.value);
    return point.ok ? point : err({ kind: 'malformedResponse', detail: point.error });
  }

  /** ECDSA P-256 / SHA-256 signature (DER Ecdsa-Sig-Value) over `data` with the pending key. */
  async signWithPendingKey(data: Buffer): Promise<Result<Buffer, CardError>> {
    return this.#data(command.signWithPendingKey(data));
  }

  /** ECDSA P-256 / SHA-256 signature (DER) over `challenge` with the current key. */
  async internalAuthenticate(challenge: Buffer): Promise<Result<Buffer, CardError>> {
    return this.#data(command.internalAuthenticate(challenge));
  }

  async writePendingCertificate(der: Buffer): Promise<Result<void, CardError>> {
    return this.#done(command.putPendingCertificate(der));
  }

  async activatePending(): Promise<Result<void, CardError>> {
    return this.#done(command.activatePending());
  }

  async discardPending(): Promise<Result<void, CardError>> {
    return this.#done(command.discardPending());
  }

  async readPendingStatus(): Promise<Result<PendingStatus, CardError>> {
    const data = await this.#data(command.getData(dataObject.pendingStatus));
    if (!data.ok) return data;
    const status = parsePendingStatus(data.value);
    return status.ok ? status : err({ kind: 'malformedResponse', detail: status.error });
  }

  /** DER X.509 of the current certificate, or of the pending one (notFound when the slot is empty). */
  async readCertificate(slot: KeySlot): Promise<Result<Buffer, CardError>> {
    return this.#data(command.getData(slot === 'current' ? dataObject.currentCertificate : dataObject.pendingCertificate));
  }
}

