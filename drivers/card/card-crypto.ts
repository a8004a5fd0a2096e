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
  for (let i = 0; i < blockSize; i++) out[i] = ((block.readUInt8(i) << 1) | (i + 1 < blockSize ? block.readUInt8(i + 1) >> 7 : 0)) & 0xff;
  return out;
}

function xor(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(blockSize);
  for (let i = 0; i < blockSize; i++) out[i] = a.readUInt8(i) ^ b.readUInt8(i);
  return out;
}

/** The subkey derived by one doubling in GF(2^128). */
function double(block: Buffer): Buffer {
  const out = shiftLeft(block);
  if ((block.readUInt8(0) & 0x80) !== 0) out.writeUInt8(out.readUInt8(blockSize - 1) ^ rb, blockSize - 1);
  return out;
}

/** AES-CMAC (RFC 4493 / NIST SP 800-38B), full 16-byte tag. Key: 16, 24 or 32 bytes. */
export function aesCmac(key: Uint8Array, message: Uint8Array): Buffer {
  const k = Buffer.from(key);
  if (![16, 24, 32].includes(k.length)) throw new RangeError(`AES key must be 16, 24 or 32 bytes, got ${k.length}`);
  const k1 = double(aesEcbBlock(k, Buffer.alloc(blockSize)));
  const k2 = double(k1);
  const m = Buffer.from(message);
  const blocks = Math.max(1, Math.ceil(m.length / blockSize));
  const complete = m.length > 0 && m.length % blockSize === 0;
  const last = Buffer.alloc(blockSize);
  m.copy(last, 0, (blocks - 1) * blockSize);
  if (!complete) last[m.length - (blocks - 1) * blockSize] = 0x80;
  let x: Buffer = Buffer.alloc(blockSize);
  for (let b = 0; b < blocks - 1; b++) x = aesEcbBlock(k, xor(x, m.subarray(b * blockSize, (b + 1) * blockSize)));
  return aesEcbBlock(k, xor(xor(last, complete ? k1 : k2), x));
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
