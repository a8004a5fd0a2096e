// PNM (PGM P5 / PPM P6, 8-bit) is what SANE frontends write and what the pnm backend reads.
// sharp does not load PNM, so we parse and write the header ourselves; the body is raw pixels.
import { err, ok, type Result } from '../../basics/result.ts';

export interface RawImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Buffer;
}

export function encodePnm(image: RawImage): Buffer {
  const header = Buffer.from(`${image.channels === 3 ? 'P6' : 'P5'}\n${image.width} ${image.height}\n255\n`, 'ascii');
  return Buffer.concat([header, image.data.subarray(0, image.width * image.height * image.channels)]);
}

const isSpace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Parses a binary 8-bit PGM or PPM; comments (`# SANE data follows`) are skipped. */
export function decodePnm(bytes: Buffer): Result<RawImage, string> {
  let at = 0;
  const token = (): string | null => {
    for (;;) {
      while (at < bytes.length && isSpace(bytes[at])) at++;
      if (bytes[at] !== 0x23) break;
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
    }
    const start = at;
    while (at < bytes.length && !isSpace(bytes[at])) at++;
    return at > start ? bytes.toString('ascii', start, at) : null;
  };
  const magic = token();
  if (magic !== 'P5' && magic !== 'P6') return err(`not a binary PGM/PPM (magic ${JSON.stringify(magic)})`);
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return err('bad PNM dimensions');
  if (maxval !== 255) return err(`unsupported PNM maxval ${maxval} (8-bit only)`);
  at++; // the single whitespace byte after maxval
  const channels = magic === 'P6' ? 3 : 1;
  const size = width * height * channels;
  if (bytes.length - at < size) return err(`truncated PNM: ${bytes.length - at} of ${size} pixel bytes`);
  return ok({ width, height, channels, data: bytes.subarray(at, at + size) });
}
