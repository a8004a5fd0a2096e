// The OCR engine as the daemon sees it: a device-like part that turns a page's pixels into text
// lines with their boxes and confidences. What the lines mean (which paper, which field) is the
// daemon's business (daemon/intake/ocr-fields.ts); the engine knows only pixels and characters.
import type { Result } from '../../basics/result.ts';

/** A page's pixels as the scanner delivers them (or as a decoded file gives them): 8 bits per channel. */
export interface OcrImage {
  width: number;
  height: number;
  /** 1 (grey) or 3 (RGB). */
  channels: 1 | 3;
  data: Uint8Array;
}

/** A text line's rotated rectangle, in the page's pixels: centre, size along the line and across it. */
export interface OcrBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Degrees, clockwise: the line's slope (a skewed scan). */
  angle: number;
}

export interface OcrLine {
  text: string;
  /** 0…1: the recogniser's mean probability over the line's characters. */
  confidence: number;
  /** Per character, same length as Array.from(text): a field's confidence is its weakest character's. */
  charConfidences: number[];
  box: OcrBox;
}

export interface OcrPage {
  width: number;
  height: number;
  /** Top to bottom, then left to right. */
  lines: OcrLine[];
  /** Time spent on this page inside the engine. */
  ms: number;
}

export type OcrError =
  /** The models or the runtime could not be loaded (a broken install): OCR is off, typing still works. */
  | { kind: 'engineUnavailable'; detail: string }
  /** The engine process died or answered nonsense while reading this page. */
  | { kind: 'engineFailed'; detail: string }
  | { kind: 'aborted' };

export interface OcrEngine {
  read(image: OcrImage, signal?: AbortSignal): Promise<Result<OcrPage, OcrError>>;
  /**
   * Gets ready for a page soon to come (the engine started, its models loaded) without waiting:
   * a business that will scan papers calls it as it begins, so the agent's first page does not
   * wait the second and more a cold start takes.
   */
  warm(): void;
  /** Releases the engine (its process and models); the next read starts it again. */
  close(): Promise<void>;
}

/** A blank strip: reading it loads the models and costs a few milliseconds. */
export const warmUpImage: OcrImage = { width: 64, height: 32, channels: 1, data: new Uint8Array(64 * 32).fill(255) };
