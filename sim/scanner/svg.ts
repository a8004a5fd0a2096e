// Small SVG building blocks for the document generator. Every page is drawn in millimetres
// (viewBox in mm) and rasterised by librsvg at the page's dpi, so one layout serves any resolution.

// One family name each, no fallback list: a list doubles librsvg's text time (fontconfig
// resolves every name for every <text>). All are Debian packages in scripts/system-packages.txt
// (fonts-noto-cjk, fonts-arphic-ukai, fonts-wqy-zenhei); a missing one falls back to Noto.
export const serif = 'Noto Serif CJK SC';
export const sans = 'Noto Sans CJK SC';
/** 楷体, the nearest to a hand filling in a form that a font package offers. */
export const kai = 'AR PL UKai CN';
export const zenHei = 'WenQuanYi Zen Hei';
export const mono = 'DejaVu Sans Mono';

/**
 * What a run of text is on the paper: printed body text, a printed label, a value filled in by
 * hand, or digits on an ID card. The page's typefaces say which font draws each, so one layout
 * serves several renderings (the tests' and the OCR bench's differ) and no reader is tuned to one.
 */
export type Face = 'print' | 'label' | 'hand' | 'digits';
export type Typefaces = Record<Face, string>;

/** The simulator's and the tests' pages. */
export const standardTypefaces: Typefaces = { print: serif, label: sans, hand: kai, digits: mono };

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

export interface TextStyle {
  size: number;
  /** Default 'print'. */
  face?: Face;
  weight?: 'normal' | 'bold';
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  /** Extra space between characters, in mm: certificate titles are spaced out. */
  spacing?: number;
}

export function text(x: number, y: number, content: string, style: TextStyle): string {
  const attributes = [
    `x="${x.toFixed(2)}"`,
    `y="${y.toFixed(2)}"`,
    `font-size="${style.size}"`,
    `class="f-${style.face ?? 'print'}"`,
    `fill="${style.fill ?? '#1a1a1a'}"`,
    `text-anchor="${style.anchor ?? 'start'}"`,
    ...(style.weight === 'bold' ? ['font-weight="bold"'] : []),
    ...(style.spacing !== undefined ? [`letter-spacing="${style.spacing}"`] : []),
  ];
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

/** Text wrapped at a fixed number of characters per line (CJK: one glyph ≈ one em). */
export function wrapped(x: number, y: number, content: string, style: TextStyle, width: number, lineHeight = 1.6): string {
  const perLine = Math.max(1, Math.floor(width / style.size));
  const lines: string[] = [];
  for (let at = 0; at < content.length; at += perLine) lines.push(content.slice(at, at + perLine));
  return lines.map((line, i) => text(x, y + i * style.size * lineHeight, line, style)).join('');
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke = '#333', width = 0.3): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${stroke}" stroke-width="${width}"/>`;
}

export function rect(x: number, y: number, w: number, h: number, stroke = '#333', width = 0.3, fill = 'none'): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" stroke="${stroke}" stroke-width="${width}" fill="${fill}"/>`;
}

/** A form table: label cells on the left, values beside them (printed, or filled in by hand). */
export function fieldTable(x: number, y: number, width: number, rows: readonly (readonly [string, string])[], rowHeight = 11, labelWidth = 42, values: { face: Face; fill?: string } = { face: 'print' }): string {
  const parts = [rect(x, y, width, rows.length * rowHeight, '#222', 0.5)];
  rows.forEach(([label, value], i) => {
    const top = y + i * rowHeight;
    if (i > 0) parts.push(line(x, top, x + width, top, '#222', 0.3));
    parts.push(text(x + labelWidth / 2, top + rowHeight * 0.65, label, { size: 3.8, anchor: 'middle', face: 'label' }));
    parts.push(text(x + labelWidth + 3, top + rowHeight * 0.65, value, { size: values.face === 'hand' ? 4.2 : 3.8, ...values }));
  });
  parts.push(line(x + labelWidth, y, x + labelWidth, y + rows.length * rowHeight, '#222', 0.3));
  return parts.join('');
}

export function svgDocument(widthMm: number, heightMm: number, dpi: number, body: string, background = '#fdfcf8', typefaces: Typefaces = standardTypefaces): string {
  const px = (mm: number): number => Math.round((mm / 25.4) * dpi);
  const faces = (Object.entries(typefaces) as [Face, string][]).map(([face, family]) => `.f-${face}{font-family:"${family}"}`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(widthMm)}" height="${px(heightMm)}" viewBox="0 0 ${widthMm} ${heightMm}">` +
    `<style>${faces}</style><rect width="${widthMm}" height="${heightMm}" fill="${background}"/>${body}</svg>`
  );
}

/** Characters of CJK text (Array.from: code points; our texts hold no combining sequences). */
export function glyphs(content: string): string[] {
  return Array.from(content);
}
