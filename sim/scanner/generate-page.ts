// One generated page: layout → SVG → raster with mild scan effects, or the defect asked for.
import sharp from 'sharp';
import type { DocumentSpec, GeneratedPage, PageDefects } from './documents.ts';
import { paletteFor } from './palette.ts';
import { seededRandom, seedOf } from './random.ts';
import { rasterise } from './render-page.ts';
import { svgDocument } from './svg.ts';
import { layoutFor } from './templates.ts';

export interface PageOptions {
  dpi?: number;
  /** The package date (YYYY-MM-DD): review stamp and form dates. */
  date: string;
  defects?: PageDefects;
  /** Varies skew, stamp tilt and noise; the same seed gives the same page. */
  seed?: number;
  /** Noise amplitude in grey levels; default 6. */
  noise?: number;
}

export const defaultHeavySkew = 8;

export async function generatePage(spec: DocumentSpec, options: PageOptions): Promise<GeneratedPage> {
  const defects = options.defects ?? {};
  const dpi = defects.lowResolutionDpi ?? options.dpi ?? 200;
  const random = seededRandom(seedOf(`${spec.kind}/${spec.variant ?? ''}/${spec.role ?? ''}/${spec.form}`, options.seed ?? 1));
  const palette = paletteFor(spec.form);
  const layout = layoutFor(spec, {
    palette,
    date: options.date,
    stampTilt: () => (random() - 0.5) * 30,
    stamps: defects.noSeal === true ? [] : spec.stamps,
  });
  const svg = svgDocument(layout.widthMm, layout.heightMm, dpi, defects.blank === true ? '' : layout.body, palette.paper);
  const mildSkew = (random() - 0.5) * 1.6;
  const png = await rasterise(svg, {
    dpi,
    skewDegrees: defects.heavySkew ?? mildSkew,
    noise: options.noise ?? 6,
    random,
    paper: palette.paper,
    photocopy: spec.form === 'copy',
  });
  return { spec: { ...spec, stamps: defects.noSeal === true ? [] : spec.stamps }, defects, widthMm: layout.widthMm, heightMm: layout.heightMm, dpi, png };
}

/** A page's pixels as a scanner delivers them (RGB, 8 bit), e.g. to write a PNM for SANE. */
export async function pageToRaw(page: GeneratedPage): Promise<{ width: number; height: number; channels: 3; data: Buffer }> {
  const { data, info } = await sharp(page.png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data };
}
