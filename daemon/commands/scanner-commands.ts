// Scanner.* commands: scan, check every page (daemon/imaging), keep the pages for the session.
import type { Scanner } from '../../drivers/scanner/scanner.ts';
import type { ScanError } from '../../contract/devices/scanner.ts';
import { checkPage } from '../imaging/check-page.ts';
import type { ScannedPages, StoredPage } from '../imaging/scanned-pages.ts';
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
      const scanned = await scanner.scan({ source, resolutionDpi: resolutionDpi ?? deps.defaults.resolutionDpi, mode: mode ?? deps.defaults.mode }, context.signal);
      if (!scanned.ok) return err(failure(scanned.error));
      const stored: ScannedPageSummary[] = [];
      for (const [index, page] of scanned.value.entries()) {
        const report = await checkPage({ image: page, dpi: page.dpi });
        if (!report.ok) return err({ completionCode: 'hardwareError', errorDescription: `page ${index + 1}: ${report.error}` });
        stored.push(summary(await pages.add(page, report.value, { sessionId, source })));
        context.emit({ page: index + 1, of: scanned.value.length });
      }
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
