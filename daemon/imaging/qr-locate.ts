// Where a QR code may be: a QR is a square of dense black modules (about half its area is ink),
// far denser than text. Decoding only those squares at full resolution costs a few ms, where
// zxing over a whole A4 page at 200 dpi costs 100–200 ms; a page without a dense square is
// known to carry no QR.
import type { Masks } from './masks.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Candidate squares in working-raster pixels, densest first. */
export function qrCandidates(masks: Masks, workDpi: number, maxCandidates = 3): Box[] {
  const cellPx = Math.max(4, Math.round((3 / 25.4) * workDpi));
  const gw = Math.floor(masks.width / cellPx);
  const gh = Math.floor(masks.height / cellPx);
  const dense = new Uint8Array(gw * gh);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      let count = 0;
      for (let y = gy * cellPx; y < (gy + 1) * cellPx; y++) {
        for (let x = gx * cellPx, i = y * masks.width + x; x < (gx + 1) * cellPx; x++, i++) count += masks.ink[i] ?? 0;
      }
      if (count / (cellPx * cellPx) >= 0.25) dense[gy * gw + gx] = 1;
    }
  }
  const boxes: (Box & { cells: number })[] = [];
  const stack: number[] = [];
  for (let start = 0; start < dense.length; start++) {
    if (dense[start] !== 1) continue;
    dense[start] = 2;
    stack.push(start);
    let minX = gw;
    let minY = gh;
    let maxX = 0;
    let maxY = 0;
    let cells = 0;
    while (stack.length > 0) {
      const at = stack.pop() ?? 0;
      const gx = at % gw;
      const gy = (at - gx) / gw;
      cells++;
      minX = Math.min(minX, gx);
      maxX = Math.max(maxX, gx);
      minY = Math.min(minY, gy);
      maxY = Math.max(maxY, gy);
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const nx = gx + dx;
        const ny = gy + dy;
        if (nx >= 0 && ny >= 0 && nx < gw && ny < gh && dense[ny * gw + nx] === 1) {
          dense[ny * gw + nx] = 2;
          stack.push(ny * gw + nx);
        }
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    // At least 12 mm square and mostly filled: a QR, not a line of bold title characters.
    if (w * cellPx < (12 / 25.4) * workDpi || h * cellPx < (12 / 25.4) * workDpi) continue;
    if (Math.max(w, h) / Math.min(w, h) > 1.4 || cells < w * h * 0.6) continue;
    boxes.push({ x: minX * cellPx, y: minY * cellPx, width: w * cellPx, height: h * cellPx, cells });
  }
  return boxes
    .sort((a, b) => b.cells - a.cells)
    .slice(0, maxCandidates)
    .map(({ x, y, width, height }) => ({ x, y, width, height }));
}
