// Reading back what the virtual printer printed: receipts per job, complete or not, and the QR
// code decoded from the rendered PNG with zxing-wasm.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { endLine } from '../../daemon/printing/receipt-layout.ts';

let ready: Promise<unknown> | null = null;

export async function decodeQrFromPng(png: Uint8Array): Promise<string[]> {
  if (ready === null) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    ready = Promise.resolve(prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true }));
  }
  await ready;
  const results = await readBarcodes(Uint8Array.from(png), { formats: ['QRCode'] });
  return results.filter((r) => r.isValid).map((r) => r.text);
}

export interface PrintedReceipt {
  file: string;
  text: string;
}

export function receiptsIn(dir: string): PrintedReceipt[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith('receipt-') && name.endsWith('.txt'))
    .sort()
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

/** The receipt texts printed so far, oldest first; none while the printer has not printed yet. */
export function receiptTextsIn(dir: string): string[] {
  return existsSync(dir) ? receiptsIn(dir).map((receipt) => receipt.text) : [];
}

/** Receipts that end with the job's END line: printed in full. */
export function completeReceiptsOf(dir: string, jobId: string): PrintedReceipt[] {
  return receiptsIn(dir).filter((receipt) => receipt.text.includes(endLine(jobId)));
}
