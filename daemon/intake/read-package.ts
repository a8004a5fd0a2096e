// From bytes (a file, a request body) to the JSON value the schema then checks. Every way a file
// can be unreadable is a value with a sentence for the agent or operator, never an exception.
import { err, ok, type Result } from '../../basics/result.ts';
import { limits } from '../../contract/intake/package-schema.ts';

export type ReadProblem =
  | { kind: 'tooLarge'; bytes: number; limit: number }
  | { kind: 'empty' }
  | { kind: 'notUtf8'; offset: number | null }
  | { kind: 'notJson'; detail: string; truncated: boolean };

export function describeReadProblem(problem: ReadProblem): string {
  switch (problem.kind) {
    case 'tooLarge':
      return `the file has ${problem.bytes} bytes; an intake package is at most ${problem.limit} bytes`;
    case 'empty':
      return 'the file is empty';
    case 'notUtf8':
      return `the file is not UTF-8 text${problem.offset === null ? '' : ` (invalid byte at offset ${problem.offset})`}; an intake package is JSON in UTF-8`;
    case 'notJson':
      return `the file is not valid JSON${problem.truncated ? ' (it ends too early: truncated?)' : ''}: ${problem.detail}`;
  }
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence, or null. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= bytes.length) return i; // a lead byte that cannot start one, or a cut-off sequence
    let cp = b & (0x7f >> (need + 1));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return null;
}

export function readPackageBytes(bytes: Uint8Array): Result<unknown, ReadProblem> {
  if (bytes.length > limits.fileBytes) return err({ kind: 'tooLarge', bytes: bytes.length, limit: limits.fileBytes });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return err({ kind: 'notUtf8', offset: firstInvalidUtf8(bytes) });
  }
  if (text.trim() === '') return err({ kind: 'empty' });
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return err({ kind: 'notJson', detail, truncated: /end of JSON input|Unterminated|Unexpected end/i.test(detail) });
  }
}
