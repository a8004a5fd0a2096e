// Where the virtual printer's pages go: DIR/receipt-0001.png and .txt for each cut page,
// torn-0001.* for a half-printed page torn off with an empty roll.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPagePng } from './page-png.ts';
import { pageText, type PrintedPage } from './printed-page.ts';

export interface WrittenPage {
  page: PrintedPage;
  text: string;
  txtPath: string;
  pngPath: string;
}

export class ReceiptFiles {
  readonly dir: string;
  #pending: Promise<unknown> = Promise.resolve();
  #listeners = new Set<(written: WrittenPage) => void>();

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** Writes the text now and the PNG when it is rendered (in page order). */
  write(page: PrintedPage): void {
    const base = join(this.dir, `${page.end === 'cut' ? 'receipt' : 'torn'}-${String(page.index).padStart(4, '0')}`);
    const text = pageText(page);
    const written: WrittenPage = { page, text, txtPath: `${base}.txt`, pngPath: `${base}.png` };
    writeFileSync(written.txtPath, text);
    this.#pending = this.#pending.then(async () => {
      writeFileSync(written.pngPath, await renderPagePng(page));
      for (const listener of this.#listeners) listener(written);
    });
  }

  /** Called once a page's PNG is on disk. */
  onWritten(listener: (written: WrittenPage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves when every page so far is on disk. */
  flushed(): Promise<void> {
    return this.#pending.then(() => undefined);
  }
}
