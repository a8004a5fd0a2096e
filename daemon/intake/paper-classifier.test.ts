// The layout classifier on page reports as the image checks give them, and when a guess refuses a page.
import { describe, expect, it } from 'vitest';
import type { PageReport } from '../../contract/imaging/page-report.ts';
import { encodeLicenceQr } from '../../contract/intake/licence-qr.ts';
import { layoutClassifier, wrongPaper, type PaperClassifier } from './paper-classifier.ts';

function page(widthMm: number, heightMm: number, extra: Partial<PageReport> = {}): PageReport {
  const dpi = 200;
  const px = (mm: number): number => Math.round((mm / 25.4) * dpi);
  return {
    width: px(widthMm),
    height: px(heightMm),
    dpi,
    dpiSource: 'scanner',
    blank: false,
    inkRatio: 0.1,
    skewDegrees: 0,
    seals: [],
    qr: null,
    timingsMs: { load: 0, masks: 0, blank: 0, skew: 0, seals: 0, qr: 0 },
    ...extra,
  };
}

const licenceQr = encodeLicenceQr({ name: '厦门海韵进出口贸易有限公司', uscc: '91350200MA2Y7K3Q6F', legalRepresentative: '陈海峰', address: '厦门', establishedOn: '2016-03-25', validUntil: '长期', issuer: '厦门市市场监督管理局' });

describe('layoutClassifier', () => {
  it('knows a business licence by its QR, an ID card by its size, and nothing else', async () => {
    expect(await layoutClassifier.classify([page(210, 297, { qr: licenceQr })])).toMatchObject({ kind: 'business_licence', evidence: 'licenceQr' });
    expect(await layoutClassifier.classify([page(85.6, 54)])).toMatchObject({ kind: 'id_card', form: 'original', evidence: 'cardSize' });
    expect(await layoutClassifier.classify([page(54, 85.6)])).toMatchObject({ kind: 'id_card' });
    expect(await layoutClassifier.classify([page(210, 297)])).toBeNull();
    expect(await layoutClassifier.classify([page(210, 297, { qr: 'https://example.com/not-ours' })])).toBeNull();
    expect(await layoutClassifier.classify([page(85.6, 54, { blank: true })])).toBeNull();
  });
});

describe('wrongPaper', () => {
  it('refuses only a confident guess of another kind or form', () => {
    const licence = { kind: 'business_licence', confidence: 0.95, evidence: 'licenceQr' } as const;
    expect(wrongPaper(licence, { kind: 'id_card', form: 'copy' })).toBe(licence);
    expect(wrongPaper(licence, { kind: 'business_licence', form: 'copy' })).toBeNull();
    expect(wrongPaper({ ...licence, confidence: 0.5 }, { kind: 'id_card', form: 'copy' })).toBeNull();
    expect(wrongPaper(null, { kind: 'id_card', form: 'copy' })).toBeNull();
    const card = { kind: 'id_card', form: 'original', confidence: 0.85, evidence: 'cardSize' } as const;
    expect(wrongPaper(card, { kind: 'id_card', form: 'copy' })).toBe(card);
    expect(wrongPaper(card, { kind: 'id_card', form: 'original' })).toBeNull();
  });

  it('is the seam for another classifier (an OCR one): any object with classify', async () => {
    const ocr: PaperClassifier = { classify: async () => ({ kind: 'introduction_letter', confidence: 0.9, evidence: 'ocr' }) };
    expect(wrongPaper(await ocr.classify([page(210, 297)]), { kind: 'contact_proof', form: 'original' })).toMatchObject({ kind: 'introduction_letter' });
  });
});
