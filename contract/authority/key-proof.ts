// The signedKey proof of possession (KeyProof in authority.ts): the message a card signs with the
// new key so the authority knows whoever asks for the certificate holds its private key. The kiosk
// builds it for the card to sign; the authority rebuilds it to verify.
const label = new TextEncoder().encode('EPORT-KEY-PROOF\0');

/** The message a card signs for the signedKey proof: label, card number (ASCII), 0, the key's SPKI. */
export function keyProofMessage(cardNo: string, publicKeySpki: Uint8Array): Buffer {
  return Buffer.concat([label, Buffer.from(cardNo, 'ascii'), Buffer.from([0]), publicKeySpki]);
}
