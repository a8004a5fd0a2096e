// The OCR lines of a page as rows of text (a label and its value are often two detections on one
// row), whitespace dropped, each character with its probability; and the small parsers the
// field readers share (dates, codes with the confusions OCR makes in them).
import type { OcrLine, OcrPage } from '../../../drivers/ocr/ocr-engine.ts';

export interface Row {
  /** The row's characters, left to right, without whitespace. */
  text: string;
  /** One per character of `text` (code points). */
  conf: number[];
  /** Centre and height of the row, in page pixels. */
  y: number;
  height: number;
  /** Left edge of the row's first line. */
  left: number;
}

/** A piece of a row: text with its characters' probabilities. */
export interface Span {
  text: string;
  conf: number[];
}

/**
 * The page's skew, in radians: the median slope of its long lines (a short one's angle says
 * little). On a page fed 3° askew a value 40 mm right of its label sits 2 mm lower, which is
 * half a line: rows are grouped in the page's own frame, not the scanner's.
 */
function skewOf(lines: readonly OcrLine[]): number {
  const angles = lines
    .filter((line) => line.box.width > 4 * line.box.height)
    .map((line) => line.box.angle)
    .sort((a, b) => a - b);
  const median = angles[Math.floor(angles.length / 2)] ?? 0;
  return (median * Math.PI) / 180;
}

export function rowsOf(page: OcrPage): Row[] {
  const slope = Math.tan(skewOf(page.lines));
  // Height along the page's own vertical: constant along a skewed line.
  const level = (line: OcrLine): number => line.box.y - line.box.x * slope;
  const sorted = [...page.lines].sort((a, b) => level(a) - level(b));
  const groups: OcrLine[][] = [];
  for (const line of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group !== undefined && first !== undefined && Math.abs(level(line) - level(first)) < Math.min(line.box.height, first.box.height) / 2) group.push(line);
    else groups.push([line]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.box.x - b.box.x);
    const chars: string[] = [];
    const conf: number[] = [];
    for (const line of group) {
      Array.from(line.text).forEach((c, i) => {
        if (/\s/.test(c)) return;
        chars.push(c);
        conf.push(line.charConfidences[i] ?? line.confidence);
      });
    }
    // A speck before a row's first character reads as a point or a quote: no row starts with one.
    while (chars.length > 0 && /^[.,，。·'`:;、]$/.test(chars[0] ?? '')) {
      chars.shift();
      conf.shift();
    }
    const first = group[0];
    const height = Math.max(...group.map((line) => line.box.height));
    return { text: chars.join(''), conf, y: group.reduce((sum, line) => sum + level(line), 0) / group.length, height, left: first === undefined ? 0 : first.box.x - first.box.width / 2 };
  });
}

/** The span of `row` from code point `start` (to `end`). */
export function slice(span: Span, start: number, end?: number): Span {
  const chars = Array.from(span.text);
  const stop = end ?? chars.length;
  return { text: chars.slice(start, stop).join(''), conf: span.conf.slice(start, stop) };
}

export function join(spans: readonly Span[]): Span {
  return { text: spans.map((s) => s.text).join(''), conf: spans.flatMap((s) => s.conf) };
}

/** The weakest character's probability: one doubtful character makes the value doubtful. */
export function weakest(span: Span): number {
  return span.conf.length === 0 ? 0 : Math.min(...span.conf);
}

/** Trims punctuation OCR puts around a value (a colon after a label, brackets, a full stop). */
export function trimmed(span: Span): Span {
  const chars = Array.from(span.text);
  let start = 0;
  let end = chars.length;
  const junk = /[：:，,。.、;；（）()【】[\]|_\-—~·'"“”]/;
  while (start < end && junk.test(chars[start] ?? '')) start++;
  while (end > start && junk.test(chars[end - 1] ?? '')) end--;
  return slice(span, start, end);
}

/** 2016年03月18日, 2016.03.18, 2016-3-18, 2016/03/18 → 2016-03-18; null when not a date. */
export function isoDateOf(text: string): string | null {
  const match = /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})/.exec(text);
  if (match === null) return null;
  const [, y = '', m = '', d = ''] = match;
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Letters OCR reads for digits inside a number. */
const digitLookalikes: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', Z: '2', z: '2', S: '5', s: '5', B: '8', G: '6', b: '6' };

/** An ID number's 18 characters: digits, a final X; lookalikes mapped. */
export function idNumberChars(text: string): string {
  const chars = Array.from(text.replace(/[\s-]/g, ''));
  return chars
    .map((c, i) => {
      if (i === chars.length - 1 && (c === 'x' || c === 'X' || c === '×')) return 'X';
      return digitLookalikes[c] ?? c;
    })
    .join('');
}

/** USCC and organisation code use 0–9 and capitals without I, O, S, V, Z: those OCR reads are digits. */
export function codeChars(text: string): string {
  return Array.from(text.replace(/[\s\-—]/g, '').toUpperCase())
    .map((c) => ({ I: '1', O: '0', S: '5', Z: '2' })[c] ?? c)
    .join('');
}
