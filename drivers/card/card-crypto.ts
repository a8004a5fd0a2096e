// Symmetric cryptography shared by the card profile, the virtual card and the authority.
//
// The unblock key of each card is diversified from the issuer master key and the card number
// with the NIST SP 800-108 KDF in counter mode, AES-CMAC (RFC 4493) as the PRF. Only the
// authority holds the master key; a card holds only its own derived key; the kiosk holds neither.
import { createCipheriv, timingSafeEqual } from 'node:crypto';

const blockSize = 16;
const rb = 0x87;

function aesEcbBlock(key: Buffer, block: Buffer): Buffer {
  const cipher = createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

function shiftLeft(block: Buffer): Buffer {
  const out = Buffer.alloc(blockSize);
  for (let i = 0; i < blockSize; i++) out[i] = ((block[i]! << 1) | (i + 1 < blockSize ? block[i + 1]! >> 7 : 0)) & 0xff;
  return out;
}

function subkeys(key: Buffer): [Buffer, Buffer] {
  const l = aesEcbBlock(key, Buffer.alloc(blockSize));
  const k1 = shiftLeft(l);
  if ((l[0]! & 0x80) !== 0) k1[blockSize - 1]! ^= rb;
  const k2 = shiftLeft(k1);
  if ((k1[0]! & 0x80) !== 0) k2[blockSize - 1]! ^= rb;
  return [k1, k2];
}

/** AES-CMAC (RFC 4493 / NIST SP 800-38B), full 16-byte tag. Key: 16, 24 or 32 bytes. */
export function aesCmac(key: Uint8Array, message: Uint8Array): Buffer {
  const k = Buffer.from(key);
  if (![16, 24, 32].includes(k.length)) throw new RangeError(`AES key must be 16, 24 or 32 bytes, got ${k.length}`);
  const [k1, k2] = subkeys(k);
  const m = Buffer.from(message);
  const blocks = Math.max(1, Math.ceil(m.length / blockSize));
  const complete = m.length > 0 && m.length % blockSize === 0;
  const last = Buffer.alloc(blockSize);
  m.copy(last, 0, (blocks - 1) * blockSize);
  if (!complete) last[m.length - (blocks - 1) * blockSize] = 0x80;
  const lastKey = complete ? k1 : k2;
  for (let i = 0; i < blockSize; i++) last[i]! ^= lastKey[i]!;
  let x: Buffer = Buffer.alloc(blockSize);
  for (let b = 0; b < blocks - 1; b++) {
    const y = Buffer.alloc(blockSize);
    for (let i = 0; i < blockSize; i++) y[i] = x[i]! ^ m[b * blockSize + i]!;
    x = aesEcbBlock(k, y);
  }
  for (let i = 0; i < blockSize; i++) last[i]! ^= x[i]!;
  return aesEcbBlock(k, last);
}

/** SP 800-108 counter-mode KDF with AES-CMAC: [i]1 || label || 0x00 || context || [L]2, bits. */
export function kdfCounterCmac(key: Uint8Array, label: string, context: Uint8Array, lengthBytes: number): Buffer {
  const out: Buffer[] = [];
  const lengthBits = Buffer.alloc(2);
  lengthBits.writeUInt16BE(lengthBytes * 8);
  for (let i = 1; out.length * blockSize < lengthBytes; i++) {
    out.push(aesCmac(key, Buffer.concat([Buffer.from([i]), Buffer.from(label, 'ascii'), Buffer.from([0]), Buffer.from(context), lengthBits])));
  }
  return Buffer.concat(out).subarray(0, lengthBytes);
}

/** The card's AES-128 unblock key: KDF(master, "EPORT-UNBLOCK", card number in ASCII). */
export function deriveUnblockKey(masterKey: Uint8Array, cardNo: string): Buffer {
  return kdfCounterCmac(masterKey, 'EPORT-UNBLOCK', Buffer.from(cardNo, 'ascii'), 16);
}

/** EXTERNAL AUTHENTICATE cryptogram: AES-CMAC(unblock key, challenge || card number ASCII). */
export function unblockCryptogram(unblockKey: Uint8Array, challenge: Uint8Array, cardNo: string): Buffer {
  return aesCmac(unblockKey, Buffer.concat([Buffer.from(challenge), Buffer.from(cardNo, 'ascii')]));
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
