// Generated papers, rendered once per test file: generatePage is deterministic (its randomness is
// seeded by the paper and the seed option), and rendering one at scan resolution costs about half
// a second — most of a flow test's time when every test feeds the same papers anew.
import type { DocumentSpec, GeneratedPage } from '../../sim/scanner/documents.ts';
import { generatePage, type PageOptions } from '../../sim/scanner/generate-page.ts';

const rendered = new Map<string, Promise<GeneratedPage>>();

/**
 * The page generatePage(spec, options) gives, rendered the first time it is asked for in this
 * test file and the same page after that. Treat it as read-only: the next test gets it too.
 */
export function generatedPage(spec: DocumentSpec, options: PageOptions): Promise<GeneratedPage> {
  const key = JSON.stringify([spec, options]);
  let page = rendered.get(key);
  if (page === undefined) {
    page = generatePage(spec, options);
    // A failed rendering is not kept: the next test renders it again and sees the error itself.
    page.catch(() => rendered.delete(key));
    rendered.set(key, page);
  }
  return page;
}
