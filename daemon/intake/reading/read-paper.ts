// One paper read by OCR: its pages through the engine, their rows in page order, what kind it
// looks like and its fields (for the kind asked for, or the kind it looks like). A business
// licence's QR, when the image checks decoded one, is the licence's own data with error
// correction: its fields replace the printed ones as certain (docs/ocr.md).
import type { OcrEngine, OcrError, OcrImage } from '../../../drivers/ocr/ocr-engine.ts';
import type { LicenceQr } from '../../../contract/intake/licence-qr.ts';
import type { PaperReading, ReadFieldKey, ReadFields } from '../../../contract/intake/paper-reading.ts';
import type { DocumentKind } from '../../../contract/intake/package-schema.ts';
import { err, ok, type Result } from '../../../basics/result.ts';
import { paperLooks } from './paper-kind.ts';
import { readFields } from './read-fields.ts';
import { rowsOf, type Row } from './rows.ts';

export interface ReadPaperOptions {
  /** The kind asked for: its fields are read whatever the page looks like. */
  kind?: DocumentKind;
  /** The licence QR's fields, decoded by the image checks. */
  qr?: LicenceQr | null;
  signal?: AbortSignal;
}

export async function readPaper(engine: OcrEngine, pages: readonly OcrImage[], options: ReadPaperOptions = {}): Promise<Result<PaperReading, OcrError>> {
  const rows: Row[] = [];
  let ms = 0;
  for (const image of pages) {
    const page = await engine.read(image, options.signal);
    if (!page.ok) return err(page.error);
    ms += page.value.ms;
    rows.push(...rowsOf(page.value));
  }
  const looksLike = paperLooks(rows);
  const kind = options.kind ?? looksLike?.kind;
  let fields: ReadFields = kind === undefined ? {} : readFields(kind, rows);
  if (kind === 'business_licence' && options.qr !== undefined && options.qr !== null) fields = withLicenceQr(fields, options.qr);
  return ok({ looksLike, fields, ms });
}

const qrKeys = ['name', 'uscc', 'legalRepresentative', 'address', 'establishedOn', 'validUntil'] as const satisfies readonly (ReadFieldKey & keyof LicenceQr)[];

export function withLicenceQr(fields: ReadFields, qr: LicenceQr): ReadFields {
  const out: ReadFields = { ...fields };
  for (const key of qrKeys) {
    const value = qr[key];
    if (value === '') continue;
    out[key] = { value, confidence: 1 };
  }
  if (qr.issuer !== '') out.issuingAuthority = { value: qr.issuer, confidence: 1 };
  return out;
}
