// Minimal BER-TLV (ISO 7816-4 §5.2): one- and two-byte tags, definite lengths up to 65535.
// Enough for the card profile's data objects; not a general ASN.1 parser.
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';

export interface Tlv {
  tag: number;
  value: Buffer;
}

function encodeTag(tag: number): Buffer {
  return tag > 0xff ? Buffer.from([tag >> 8, tag & 0xff]) : Buffer.from([tag]);
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length <= 0xff) return Buffer.from([0x81, length]);
  if (length <= 0xffff) return Buffer.from([0x82, length >> 8, length & 0xff]);
  throw new RangeError(`TLV value too long: ${length}`);
}

export function encodeTlv(tag: number, value: Buffer): Buffer {
  return Buffer.concat([encodeTag(tag), encodeLength(value.length), value]);
}

export function encodeTlvs(items: readonly Tlv[]): Buffer {
  return Buffer.concat(items.map((item) => encodeTlv(item.tag, item.value)));
}

/** Decodes a sequence of TLVs that must fill `data` exactly. */
export function decodeTlvs(data: Buffer): Result<Tlv[], string> {
  const out: Tlv[] = [];
  let i = 0;
  while (i < data.length) {
    let tag = data.readUInt8(i++);
    // Low five bits all set: the tag continues in the next byte.
    if ((tag & 0x1f) === 0x1f) {
      if (i >= data.length) return err('truncated tag');
      tag = (tag << 8) | data.readUInt8(i++);
    }
    if (i >= data.length) return err(`tag ${tag.toString(16)} without length`);
    let length = data.readUInt8(i++);
    if (length === 0x81 || length === 0x82) {
      const bytes = length - 0x80;
      if (i + bytes > data.length) return err('truncated length');
      length = bytes === 1 ? data.readUInt8(i) : data.readUInt16BE(i);
      i += bytes;
    } else if (length > 0x80) {
      return err(`unsupported length form ${length.toString(16)}`);
    }
    if (i + length > data.length) return err(`tag ${tag.toString(16)} value truncated`);
    out.push({ tag, value: Buffer.from(data.subarray(i, i + length)) });
    i += length;
  }
  return ok(out);
}

export function findTlv(items: readonly Tlv[], tag: number): Buffer | undefined {
  return items.find((item) => item.tag === tag)?.value;
}
