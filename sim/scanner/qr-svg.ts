// A QR code as one SVG path (dark modules), with its 4-module quiet zone, via the qrcode package.
import QRCode from 'qrcode';

export function qrSvg(payload: string, x: number, y: number, size: number): string {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const module = size / (n + 8);
  const parts: string[] = [];
  // One rectangle per horizontal run of dark modules: a third of the subpaths librsvg must fill.
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`);
    }
  }
  const origin = `translate(${(x + 4 * module).toFixed(3)} ${(y + 4 * module).toFixed(3)}) scale(${module.toFixed(4)})`;
  return `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="#fff"/><path transform="${origin}" d="${parts.join('')}" fill="#000" shape-rendering="crispEdges"/>`;
}
