// `kiosk intake read FILE [--kind KIND]`: one scanned page (PNG, JPEG or PNM) read by OCR, as
// JSON on stdout: {"kind", "kindConfidence", "fields": {"<field>": {"value", "confidence"}}, "ms"}.
// With --kind the kind is given and only its fields are read. Exit 0 when a kind was recognised
// (with --kind: when a field was read), 1 when nothing could be read, 2 when the file cannot be
// read as an image or the OCR engine cannot start (one line on stderr; no stack trace).
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InProcessOcrEngine } from '../../drivers/ocr/in-process-ocr-engine.ts';
import type { OcrError } from '../../drivers/ocr/ocr-engine.ts';
import { assertNever } from '../../basics/assert.ts';
import { parseLicenceQr } from '../../contract/intake/licence-qr.ts';
import { documentKinds, type DocumentKind } from '../../contract/intake/package-schema.ts';
import { checkPage } from '../imaging/check-page.ts';
import { loadPage } from '../imaging/raster.ts';
import { readPaper, withLicenceQr } from '../intake/reading/read-paper.ts';
import { intakeUsage } from './usage.ts';

/** A 600 dpi A4 colour scan as PNM is ~100 MB; nothing a scanner gives the kiosk is bigger. */
const maxFileBytes = 128 * 1024 * 1024;

function unreadable(message: string): number {
  process.stderr.write(`kiosk intake read: ${message}\n`);
  return 2;
}

function isKind(value: string): value is DocumentKind {
  return (documentKinds as readonly string[]).includes(value);
}

function describeOcrError(error: OcrError): string {
  switch (error.kind) {
    case 'engineUnavailable':
      return `the OCR engine cannot start: ${error.detail}`;
    case 'engineFailed':
      return `the OCR engine failed on this page: ${error.detail}`;
    case 'aborted':
      return 'aborted';
    default:
      return assertNever(error);
  }
}

function readBytes(file: string): Buffer | string {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return `${file} is a directory, not an image`;
    if (stat.size > maxFileBytes) return `${file} has ${stat.size} bytes; a scanned page is at most ${maxFileBytes}`;
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`;
  }
}

export async function intakeRead(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { kind: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (e) {
    return unreadable(`${(e as Error).message}\n\nusage:\n${intakeUsage}`);
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (file === undefined) return unreadable(`no FILE given\n\nusage:\n${intakeUsage}`);
  if (extra.length > 0) return unreadable(`one FILE at a time; also given: ${extra.join(' ')}`);
  const kind = values.kind;
  if (kind !== undefined && !isKind(kind)) return unreadable(`--kind: expected one of ${documentKinds.join(', ')}; got ${JSON.stringify(kind)}`);

  const started = performance.now();
  const bytes = readBytes(file);
  if (typeof bytes === 'string') return unreadable(bytes);
  const page = await loadPage({ image: bytes });
  if (!page.ok) return unreadable(`${file}: ${page.error}`);
  const image = page.value.full;
  // The licence's QR is its own data: decoded only where a licence may be.
  const qrOf = async (): Promise<ReturnType<typeof parseLicenceQr>> => {
    const report = await checkPage({ image, dpi: page.value.dpi }, { qr: 'page' });
    return report.ok && report.value.qr !== null ? parseLicenceQr(report.value.qr) : null;
  };
  const engine = new InProcessOcrEngine();
  try {
    const first = await readPaper(engine, [image], kind !== undefined ? { kind } : {});
    if (!first.ok) return unreadable(describeOcrError(first.error));
    let reading = first.value;
    if ((kind ?? reading.looksLike?.kind) === 'business_licence') {
      const qr = await qrOf();
      if (qr !== null) reading = { ...reading, fields: withLicenceQr(reading.fields, qr) };
    }
    const fields = Object.fromEntries(Object.entries(reading.fields).map(([key, field]) => [key, { value: field.value, confidence: round(field.confidence) }]));
    const out = {
      kind: kind ?? reading.looksLike?.kind ?? null,
      kindConfidence: kind !== undefined ? 1 : round(reading.looksLike?.confidence ?? 0),
      fields,
      ms: Math.round(performance.now() - started),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    const recognised = kind !== undefined ? Object.keys(fields).length > 0 : reading.looksLike !== null;
    return recognised ? 0 : 1;
  } finally {
    await engine.close();
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
