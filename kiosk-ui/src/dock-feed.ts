// What the dev dock feeds when the kiosk asks for a paper: that one paper of the business's
// generated set (Sim.ScannerLoad with `paper`), as a real agent puts only the asked-for sheet
// into the feeder, never the whole folder.
import type { FlowView, PaperRequest } from '../../contract/flow-view.ts';
import type { ScannerBusiness } from './technician-tools.ts';

export interface PaperToFeed {
  /** Whose generated set the paper comes from. */
  business: ScannerBusiness;
  paper: PaperRequest;
  /** A scan is under way: feeding now would not be what an agent does. */
  scanning: boolean;
}

/** Null unless the kiosk shows a scan screen of a business with a generated set. */
export function paperToFeed(view: FlowView | null): PaperToFeed | null {
  if (view === null || view.screen.screen !== 'scanPaper') return null;
  const business = setOf(view);
  return business === null ? null : { business, paper: view.screen.paper, scanning: view.screen.scanning };
}

function setOf(view: FlowView): ScannerBusiness | null {
  switch (view.flow) {
    case 'unlock':
      return 'unlock';
    case 'renewal':
      return 'renewal';
    case 'intake':
      return view.business;
    case 'query':
    case 'pinChange':
    case 'cardManagement':
      return null;
  }
}
