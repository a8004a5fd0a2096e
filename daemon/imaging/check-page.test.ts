import { beforeAll, describe, expect, it } from 'vitest';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import type { DocumentSpec, PageDefects } from '../../sim/scanner/documents.ts';
import { generatePage } from '../../sim/scanner/generate-page.ts';
import { checkPage } from './check-page.ts';
import { type PageReport } from '../../contract/imaging/page-report.ts';
import { parseLicenceQr } from '../../contract/intake/licence-qr.ts';

const date = '2026-11-22';
const specs = documentSpecs('new_enrolment', { date });
const spec = (kind: DocumentSpec['kind'], form: DocumentSpec['form'] = 'copy'): DocumentSpec => {
  const found = specs.find((s) => s.kind === kind && s.form === form);
  if (found === undefined) throw new Error(`no ${kind}`);
  return found;
};

async function report(s: DocumentSpec, defects: PageDefects = {}): Promise<PageReport> {
  const page = await generatePage(s, { date, defects, seed: 3 });
  const result = await checkPage({ image: page.png });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('checkPage on generated pages', () => {
  let licence: PageReport;
  beforeAll(async () => {
    licence = await report(spec('business_licence'));
  });

  it('reads a stamped licence copy: dpi, little skew, both stamps told apart, the QR fields', () => {
    expect(licence).toMatchObject({ dpi: 200, dpiSource: 'metadata', blank: false });
    expect(Math.abs(licence.skewDegrees ?? 99)).toBeLessThan(1.2);
    expect(licence.seals.map((seal) => seal.kind).sort()).toEqual(['company_seal', 'eport_review']);
    // 40 mm company seal at 200 dpi: radius ≈ 157 px.
    expect(licence.seals.find((seal) => seal.kind === 'company_seal')?.r).toBeGreaterThan(140);
    expect(parseLicenceQr(licence.qr ?? '')).toMatchObject({ uscc: '91350200MA2Y7K3Q6F', legalRepresentative: '陈海峰' });
  });

  it('finds no stamp where none was applied, and no QR on other pages', async () => {
    const bare = await report(spec('tax_registration'), { noSeal: true });
    expect(bare.seals).toEqual([]);
    expect(bare.qr).toBeNull();
  });

  it('flags a blank page', async () => {
    const blank = await report(spec('form_enterprise', 'original'), { blank: true });
    expect(blank).toMatchObject({ blank: true, seals: [], qr: null, skewDegrees: null });
  });

  it('measures heavy skew in both directions', async () => {
    expect((await report(spec('org_code_certificate'), { heavySkew: 8 })).skewDegrees).toBeCloseTo(8, 0);
    expect((await report(spec('form_ic_card', 'original'), { heavySkew: -6 })).skewDegrees).toBeCloseTo(-6, 0);
  });

  it('reports the low resolution of a low-resolution scan', async () => {
    const low = await report(spec('customs_registration'), { lowResolutionDpi: 100 });
    expect(low.dpi).toBe(100);
    expect(low.seals).toHaveLength(2);
  });

  it('infers the dpi from the page size when nothing says it', async () => {
    const page = await generatePage(spec('id_card', 'original'), { date });
    const { default: sharp } = await import('sharp');
    const { data, info } = await sharp(page.png).raw().toBuffer({ resolveWithObject: true });
    const stripped = await sharp(data, { raw: info }).png().toBuffer();
    const result = await checkPage({ image: stripped });
    expect(result.ok && [result.value.dpiSource, Math.round(result.value.dpi / 10)]).toEqual(['inferredIdCard', 20]);
  });

  it('turns bad input into an error value, never a throw', async () => {
    const page = await generatePage(spec('id_card', 'original'), { date });
    expect(await checkPage({ image: page.png.subarray(0, 200) })).toMatchObject({ ok: false });
    expect(await checkPage({ image: Buffer.from('not an image at all') })).toMatchObject({ ok: false });
    expect(await checkPage({ image: Buffer.from('P6\n100 100\n255\nxyz') })).toMatchObject({ ok: false, error: expect.stringMatching(/truncated/) });
  });
});
