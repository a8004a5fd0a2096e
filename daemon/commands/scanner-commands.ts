// Scanner.* commands: scan, check every page (daemon/imaging), keep the pages for the session.
import type { Scanner } from '../../drivers/scanner/scanner.ts';
import type { ScanError } from '../../contract/devices/scanner.ts';
import { checkPage } from '../imaging/check-page.ts';
import type { ScannedPages, StoredPage } from '../imaging/scanned-pages.ts';
import { trimNativeHeap } from '../imaging/native-heap.ts';
import type { CompletionCode } from '../../contract/protocol/envelope.ts';
import type { ScannedPageSummary } from '../../contract/protocol/scanner-messages.ts';
import { err, ok } from '../../basics/result.ts';
import type { CommandFailure, CommandHandlers } from '../server/commands.ts';

type ScannerCommands = 'Scanner.Status' | 'Scanner.Scan' | 'Scanner.Cancel' | 'Scanner.Pages' | 'Scanner.DiscardPages';

export interface ScannerDeps {
  scanner: Scanner;
  pages: ScannedPages;
  /** The agent's session now (pages belong to it and go when it ends); null outside a session. */
  sessionId: () => string | null;
  defaults: { resolutionDpi: number; mode: 'color' | 'gray' };
}

export function scanCompletionCode(error: ScanError): Exclude<CompletionCode, 'success'> {
  switch (error.kind) {
    case 'noDevice':
    case 'busy':
    case 'jammed':
    case 'coverOpen':
    case 'noPaper':
      return 'deviceNotReady';
    case 'canceled':
      return 'canceled';
    case 'timedOut':
      return 'timeOut';
    case 'error':
      return 'hardwareError';
  }
}

function failure(error: ScanError): CommandFailure {
  return { completionCode: scanCompletionCode(error), errorDescription: error.message, payload: { error } };
}

const summary = (page: StoredPage): ScannedPageSummary => ({
  pageId: page.pageId,
  source: page.source,
  scannedAt: page.scannedAt,
  width: page.width,
  height: page.height,
  dpi: page.dpi,
  report: page.report,
});

export function scannerHandlers(deps: ScannerDeps): Pick<CommandHandlers, ScannerCommands> {
  const { scanner, pages } = deps;
  return {
    'Scanner.Status': async () => ok({ status: scanner.status(), source: scanner.source }),
    'Scanner.Scan': async ({ source, resolutionDpi, mode }, context) => {
      const sessionId = deps.sessionId();
      // Retention: pages of a session that has ended go before new ones come in.
      pages.discardAllBut(sessionId);
      const stored: ScannedPageSummary[] = [];
      // Set from the page callback (a property: TypeScript would narrow a local to null).
      const failed: { unreadable: string | null } = { unreadable: null };
      // Page by page as the scanner reads them: checked, kept as a JPEG, the raw pixels let go.
      const scanned = await scanner.scanPages(
        { source, resolutionDpi: resolutionDpi ?? deps.defaults.resolutionDpi, mode: mode ?? deps.defaults.mode },
        async (page, { page: number, of }) => {
          if (failed.unreadable !== null) return;
          const report = await checkPage({ image: page, dpi: page.dpi });
          if (!report.ok) {
            failed.unreadable = `page ${number}: ${report.error}`;
            return;
          }
          stored.push(summary(await pages.add(page, report.value, { sessionId, source })));
          context.emit({ page: number, of });
        },
        context.signal,
      );
      if (!scanned.ok || failed.unreadable !== null) {
        // Half a scan is no scan: what was kept of it goes (personal data).
        pages.discard(stored.map((page) => page.pageId));
        return scanned.ok ? err({ completionCode: 'hardwareError', errorDescription: failed.unreadable ?? '' }) : err(failure(scanned.error));
      }
      void trimNativeHeap();
      return ok({ pages: stored });
    },
    'Scanner.Cancel': async () => ok({ canceled: scanner.cancel() }),
    'Scanner.Pages': async () => ok({ pages: pages.list(deps.sessionId()).map(summary) }),
    'Scanner.DiscardPages': async ({ pageIds }) => {
      const mine = new Set(pages.list(deps.sessionId()).map((page) => page.pageId));
      return ok({ discarded: pages.discard((pageIds ?? [...mine]).filter((id) => mine.has(id))) });
    },
  };
}
