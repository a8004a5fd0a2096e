// The OCR engine's own process (forked by ProcessOcrEngine): loads the models on its first
// request and reads pages one at a time. A process, not a worker thread, so that releasing the
// engine gives its ~200 MB of models and onnxruntime arenas back to the system for certain.
import type { OcrImage, OcrPage } from './ocr-engine.ts';
import { PaddleOcr, type PaddleOptions } from './paddle-ocr.ts';

export interface OcrRequest {
  id: number;
  image: OcrImage;
}

export type OcrReply = { id: number; ok: true; page: OcrPage } | { id: number; ok: false; stage: 'load' | 'read'; detail: string };

export interface OcrProcessOptions {
  paddle?: Partial<PaddleOptions>;
}

let engine: Promise<PaddleOcr> | null = null;
let queue: Promise<void> = Promise.resolve();

function options(): OcrProcessOptions {
  const raw = process.env.KIOSK_OCR_OPTIONS;
  return raw === undefined ? {} : (JSON.parse(raw) as OcrProcessOptions);
}

async function handle(request: OcrRequest): Promise<OcrReply> {
  engine ??= PaddleOcr.load(undefined, options().paddle);
  let paddle: PaddleOcr;
  try {
    paddle = await engine;
  } catch (e) {
    engine = null;
    return { id: request.id, ok: false, stage: 'load', detail: (e as Error).message };
  }
  try {
    // Structured clone turns a Buffer into a Uint8Array: the pixels arrive without a copy of their own.
    return { id: request.id, ok: true, page: await paddle.read(request.image) };
  } catch (e) {
    return { id: request.id, ok: false, stage: 'read', detail: (e as Error).message };
  }
}

process.on('message', (message: OcrRequest) => {
  // One page at a time: onnxruntime already uses every core it was given.
  queue = queue.then(async () => {
    const reply = await handle(message);
    process.send?.(reply);
  });
});
// The parent's end: nothing more will come.
process.on('disconnect', () => process.exit(0));
