// The facts the image checks report about one scanned page (blank, resolution, skew, seals, QR),
// as the scanner commands return them.

/** Where the dpi came from: the file, the scanner that produced it, or the page size. */
export type DpiSource = 'metadata' | 'scanner' | 'inferredA4' | 'inferredIdCard';

export type SealKind = 'company_seal' | 'eport_review' | 'unknown';

export interface SealFact {
  kind: SealKind;
  /** Centre and radius in pixels of the original page. */
  x: number;
  y: number;
  r: number;
  /** Share of directions in which the ring was found (1: a complete circle). */
  roundness: number;
}

export interface PageReport {
  width: number;
  height: number;
  dpi: number;
  dpiSource: DpiSource;
  blank: boolean;
  /** Share of the page covered by print or stamp ink. */
  inkRatio: number;
  /** Clockwise rotation of the content in degrees; null for a page with too little text. */
  skewDegrees: number | null;
  seals: SealFact[];
  qr: string | null;
  /** Time each check took, in ms (for the benchmark and the technician page). */
  timingsMs: { load: number; masks: number; blank: number; skew: number; seals: number; qr: number };
}
