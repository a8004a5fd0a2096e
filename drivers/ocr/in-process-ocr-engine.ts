// The OCR engine in the calling process: for one-shot tools (`kiosk intake read`, bench:ocr),
// where forking a process per page would only add its start-up. The daemon uses
// ProcessOcrEngine. The models load on the first page.
import { err, ok, type Result } from '../../basics/result.ts';
import { warmUpImage, type OcrEngine, type OcrError, type OcrImage, type OcrPage } from './ocr-engine.ts';
import { PaddleOcr, type PaddleOptions } from './paddle-ocr.ts';

export class InProcessOcrEngine implements OcrEngine {
  readonly #options: Partial<PaddleOptions>;
  #paddle: Promise<PaddleOcr> | null = null;

  constructor(options: Partial<PaddleOptions> = {}) {
    this.#options = options;
  }

  async read(image: OcrImage, signal?: AbortSignal): Promise<Result<OcrPage, OcrError>> {
    this.#paddle ??= PaddleOcr.load(undefined, this.#options);
    let paddle: PaddleOcr;
    try {
      paddle = await this.#paddle;
    } catch (e) {
      this.#paddle = null;
      return err({ kind: 'engineUnavailable', detail: (e as Error).message });
    }
    if (signal?.aborted === true) return err({ kind: 'aborted' });
    try {
      return ok(await paddle.read(image));
    } catch (e) {
      return err({ kind: 'engineFailed', detail: (e as Error).message });
    }
  }

  warm(): void {
    void this.read(warmUpImage);
  }

  async close(): Promise<void> {
    const paddle = this.#paddle;
    this.#paddle = null;
    if (paddle !== null) await (await paddle).release();
  }
}
