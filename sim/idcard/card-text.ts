// The other direction of drivers/idcard/basic-info.ts, as a card's chip holds it: the 256-byte
// UCS-2 LE text with fields padded with spaces, and the answer to READ BASIC INFORMATION around it.
import { photoLength, textFields, textLength, longTerm, type IdCardText, type TextFieldName } from '../../drivers/idcard/basic-info.ts';

function field(value: string, length: number, name: string): Uint8Array {
  const bytes = new Uint8Array(length);
  // Spaces (20 00) pad every field, as on the cards.
  for (let i = 0; i < length; i += 2) bytes.set([0x20, 0x00], i);
  const encoded = Buffer.from(value, 'utf16le');
  if (encoded.length > length) throw new Error(`${name} "${value}" takes ${encoded.length} bytes, over its ${length}`);
  bytes.set(encoded, 0);
  return bytes;
}

const compact = (isoDate: string): string => isoDate.replaceAll('-', '');

export function encodeText(text: IdCardText): Uint8Array {
  const values: Record<TextFieldName, string> = {
    name: text.name,
    sex: text.sex.code,
    nation: text.nation.code,
    birthDate: compact(text.birthDate),
    address: text.address,
    idNumber: text.idNumber,
    issuingAuthority: text.issuingAuthority,
    validFrom: compact(text.validFrom),
    validUntil: text.validUntil.kind === 'longTerm' ? longTerm : compact(text.validUntil.date),
    reserved: '',
  };
  const out = new Uint8Array(textLength);
  let at = 0;
  for (const [name, length] of textFields) {
    out.set(field(values[name], length, name), at);
    at += length;
  }
  return out;
}

/** The data of a 30 01 answer: lengths, text, and a photo of zeros (the simulator has no WLT). */
export function encodeBasicInfo(text: IdCardText, withFingerprint = false): Uint8Array {
  const header = withFingerprint ? [0x01, 0x00, 0x04, 0x00, 0x00, 0x00] : [0x01, 0x00, 0x04, 0x00];
  const out = new Uint8Array(header.length + textLength + photoLength);
  out.set(header, 0);
  out.set(encodeText(text), header.length);
  return out;
}
