// The two red stamps the intake rules look for, drawn the way they look on paper:
// - the company seal (公章): one thick ring, the enterprise name round the upper arc, a
//   five-pointed star in the middle (the national pattern for enterprise seals);
// - the E-Port review stamp (电子口岸审核章): a double ring, the data sub-centre's name round
//   the arc, 审核章 across the middle and the review date, no star.
// The imaging checks tell them apart by exactly that: star versus double ring.
import { escapeXml, glyphs, sans, serif } from './svg.ts';

export const sealRed = '#d4202c';
export const reviewRed = '#c2183a';

function arcText(cx: number, cy: number, radius: number, content: string, size: number, spanDegrees: number, fill: string, family: string): string {
  const chars = glyphs(content);
  return chars
    .map((char, i) => {
      const angle = -90 - spanDegrees / 2 + (spanDegrees * (i + 0.5)) / chars.length;
      const rad = (angle * Math.PI) / 180;
      const x = cx + radius * Math.cos(rad);
      const y = cy + radius * Math.sin(rad);
      return (
        `<text transform="translate(${x.toFixed(2)} ${y.toFixed(2)}) rotate(${(angle + 90).toFixed(1)})" x="0" y="${(size * 0.38).toFixed(2)}" ` +
        `font-size="${size}" font-family="${family}" font-weight="bold" fill="${fill}" text-anchor="middle">${escapeXml(char)}</text>`
      );
    })
    .join('');
}

/**
 * Stamp ink is translucent: printed text under a seal stays dark and only the paper turns red.
 * Multiplying the seal onto the page draws that (plain opacity painted the seal over the text,
 * which no stamp does, and hid the words a reader must see through it).
 */
export const inkOverPrint = 'mix-blend-mode:multiply';

function star(cx: number, cy: number, outer: number, fill: string): string {
  const inner = outer * 0.382;
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = ((-90 + i * 36) * Math.PI) / 180;
    points.push(`${(cx + r * Math.cos(a)).toFixed(2)},${(cy + r * Math.sin(a)).toFixed(2)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${fill}"/>`;
}

/** A 40 mm round company seal; `rotation` tilts it as a hand-stamped seal is. */
export function companySeal(cx: number, cy: number, name: string, rotation = 0, radius = 20): string {
  const chars = glyphs(name).length;
  const span = Math.min(250, 90 + chars * 11);
  const body =
    `<circle cx="${cx}" cy="${cy}" r="${radius - 0.7}" fill="none" stroke="${sealRed}" stroke-width="1.3"/>` +
    arcText(cx, cy, radius - 5, name, Math.min(5, 44 / Math.max(chars, 8) + 1.2), span, sealRed, serif) +
    star(cx, cy, radius * 0.32, sealRed);
  return `<g opacity="0.88" style="${inkOverPrint}" transform="rotate(${rotation} ${cx} ${cy})">${body}</g>`;
}

/** The E-Port review stamp, 36 mm, with the review date. */
export function reviewStamp(cx: number, cy: number, centre: string, date: string, rotation = 0, radius = 18): string {
  const body =
    `<circle cx="${cx}" cy="${cy}" r="${radius - 0.5}" fill="none" stroke="${reviewRed}" stroke-width="1.0"/>` +
    `<circle cx="${cx}" cy="${cy}" r="${radius - 2.6}" fill="none" stroke="${reviewRed}" stroke-width="0.45"/>` +
    arcText(cx, cy, radius - 5.2, centre, 2.5, 250, reviewRed, sans) +
    `<text x="${cx}" y="${cy + 1.5}" font-size="5.2" font-family="${serif}" font-weight="bold" fill="${reviewRed}" text-anchor="middle">审核章</text>` +
    `<text x="${cx}" y="${cy + 7}" font-size="2.8" font-family="${sans}" fill="${reviewRed}" text-anchor="middle">${escapeXml(date)}</text>` +
    `<text x="${cx}" y="${cy + 11.2}" font-size="2.6" font-family="${sans}" fill="${reviewRed}" text-anchor="middle">电子口岸</text>`;
  return `<g opacity="0.9" style="${inkOverPrint}" transform="rotate(${rotation} ${cx} ${cy})">${body}</g>`;
}
