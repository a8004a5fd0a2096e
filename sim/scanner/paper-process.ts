// The simulated paper's printing press, a child process of the daemon (paper-renderer.ts forks
// it): the generator's SVG rendering loads CJK fonts, Pango's and cairo's caches and ~400 MB of
// rasters for a 15-page set. On a hardware kiosk paper arrives from outside the daemon (scanimage
// is a process of its own), so the simulator renders it outside too, and the daemon's memory
// after a session is the kiosk's, not the paper's (issue 14).
import { documentSet } from './document-set.ts';
import type { PaperReply, PaperRequest } from './paper-renderer.ts';

process.on('message', (request: PaperRequest) => {
  documentSet(request.business, request.options).then(
    (pages) => process.send?.({ id: request.id, ok: true, pages } satisfies PaperReply),
    (e: unknown) => process.send?.({ id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies PaperReply),
  );
});
