// What the dev dock feeds when the kiosk asks for a paper: that one paper of the business's
// generated set (Sim.ScannerLoad with `paper`), as a real agent puts only the asked-for sheet
// into the feeder, never the whole folder.
import type { FlowView, PaperRequest, PaperWanted } from '../../contract/flow-view.ts';
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

/**
 * A paper the kiosk did not ask for, from the same set (every set holds the introduction letter
 * and the agent's ID card copy): the letter, or the ID copy when the letter is what is asked for.
 * The kiosk should refuse it and say what it looks like.
 */
export function wrongPaperFor(wanted: PaperWanted): PaperWanted {
  return wanted.kind === 'introduction_letter' ? { kind: 'id_card', form: 'copy', role: 'agent' } : { kind: 'introduction_letter', form: null, role: null };
}
