// The E-Port logo printed at the top of every receipt, as a 1-bit raster (GS v 0): drawn once
// from SVG with sharp and thresholded, so no binary asset lives in the repository.
import { loadSharp } from '../imaging/load-sharp.ts';
import type { RasterImage } from '../../drivers/printer/escpos.ts';

const width = 384;
const height = 88;

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="white"/>
  <circle cx="44" cy="44" r="38" fill="black"/>
  <circle cx="44" cy="44" r="31" fill="white"/>
  <path d="M20 52 q8 -8 16 0 t16 0 t16 0 v6 q-8 -8 -16 0 t-16 0 t-16 0z" fill="black"/>
  <path d="M24 40 h40 l-6 9 h-28z" fill="black"/>
  <rect x="41" y="18" width="5" height="22" fill="black"/>
  <path d="M46 20 l14 12 h-14z" fill="black"/>
  <text x="96" y="46" font-family="Noto Sans CJK SC" font-weight="bold" font-size="36" fill="black">中国电子口岸</text>
  <text x="98" y="76" font-family="Noto Sans CJK SC" font-size="21" letter-spacing="3.2" fill="black">CHINA E-PORT</text>
</svg>`;

let cached: Promise<RasterImage> | null = null;

export function eportLogo(): Promise<RasterImage> {
  cached ??= (async () => {
    const sharp = await loadSharp();
    const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const rowBytes = Math.ceil(info.width / 8);
    const bits = new Uint8Array(rowBytes * info.height);
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        if ((data[y * info.width + x] ?? 255) < 128) bits[y * rowBytes + (x >> 3)] = (bits[y * rowBytes + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
      }
    }
    return { width: info.width, height: info.height, data: bits };
  })();
  return cached;
}
