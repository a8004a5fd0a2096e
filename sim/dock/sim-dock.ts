// Sim.* commands: the dev dock's hands in simulator mode (insert and remove fixture cards, walk
// up, open the cabinet, turn the service switch). Without the simulated device they answer
// unsupportedCommand: nothing can fake a card in a real reader or a real tamper switch. Over the
// system stacks (sim.stacks: system) a card goes into pcscd's vpcd reader through the card slot.
import { err, ok } from '../../basics/result.ts';
import type { CommandPayload } from '../../contract/protocol/catalogue.ts';
import type { SimCommandHandlers } from '../../contract/protocol/command-outcome.ts';
import type { SimAuthority } from '../authority/sim-authority.ts';
import type { SimCardReader } from '../card/sim-card-reader.ts';
import type { VpcdCardSlot } from '../card/vpcd-card-slot.ts';
import type { SimGpio } from '../gpio/sim-gpio.ts';
import type { VirtualPrinter } from '../printer/virtual-printer.ts';
import type { DocumentSetOptions, PageSelector, documentSpecs } from '../scanner/document-set.ts';
import type { RulebookBusiness } from '../../contract/businesses.ts';
import type { DocumentSpec, PageDefects } from '../scanner/documents.ts';
import type { SimScanner } from '../scanner/sim-scanner.ts';
import type { VirtualSamModule } from '../idcard/virtual-sam-module.ts';
import type { PaperRenderer } from '../scanner/paper-renderer.ts';

/** What the configuration made simulated, handed over by the daemon's composition root; null: real. */
export interface SimulatedParts {
  /** The in-process reader (sim.stacks: inProcess). */
  reader: SimCardReader | null;
  /** The virtual card's connection to vpcd (sim.stacks: system); the reader is then the PC/SC driver. */
  cardSlot: VpcdCardSlot | null;
  /** The virtual printer behind the simulated printer (in process or on a pty). */
  printer: VirtualPrinter | null;
  scanner: SimScanner | null;
  gpio: SimGpio | null;
  /** The virtual SAM module behind the simulated ID-card reader (in process or on a pty). */
  idCard: VirtualSamModule | null;
}

export interface SimDockOptions {
  /** The embedded simulated authority, which issues the fixture cards; null with an HTTP authority. */
  authority: SimAuthority | null;
  stateDir: string;
}

/** The simulator's hands that fault injection (KIOSK_FAULT_INJECT) uses in tests. */
export interface FaultHands {
  /** Pulls the card out (over the system stacks: out of vpcd, once pcscd has seen it go). */
  pullCard(): Promise<void>;
  openCabinet(): void;
}

/** The dev dock's side of the simulator, wired in by the daemon's composition root. */
export interface SimDock {
  /** Every Sim.* command; without the simulated device a command answers unsupportedCommand. */
  readonly handlers: SimCommandHandlers;
  /** null unless both a simulated card and simulated GPIO lines are there. */
  readonly faultHands: FaultHands | null;
  /** Ends what the dock started (the paper renderer's process). */
  close(): Promise<void>;
}

type DocumentSpecs = typeof documentSpecs;
type Defect = NonNullable<CommandPayload<'Sim.ScannerLoad'>['defect']>;
type Paper = NonNullable<CommandPayload<'Sim.ScannerLoad'>['paper']>;

function pageDefects(defect: Exclude<Defect, 'none'>): PageDefects {
  switch (defect) {
    case 'blank':
      return { blank: true };
    case 'noSeal':
      return { noSeal: true };
    case 'heavySkew':
      return { heavySkew: 12 };
    case 'lowResolution':
      return { lowResolutionDpi: 100 };
    case 'differentName':
      return { differentName: '上海某某贸易有限公司' };
  }
}

/** The dock's one knob applies to every page: document-set selects by kind, so name them all. */
function setOptions(business: RulebookBusiness, defect: Defect, documentSpecs: DocumentSpecs): DocumentSetOptions {
  if (defect === 'none') return {};
  const defects = pageDefects(defect);
  const kinds = new Set(documentSpecs(business).map((spec) => spec.kind));
  return { defects: [...kinds].map((kind) => ({ kind, defects })) };
}

/** The intake package's kinds and ID roles are the generator's own names: no mapping needed. */
function selectorOf({ kind, form, role }: Paper): PageSelector {
  return { kind, form: form ?? undefined, role: role ?? undefined };
}

function describePaper({ kind, form, role }: { kind: string; form?: string | null; role?: string | null }): string {
  const details = [form, role].filter((detail) => typeof detail === 'string');
  return details.length === 0 ? kind : `${kind} (${details.join(', ')})`;
}

const describeSpec = (spec: DocumentSpec): string => describePaper(spec);

export function createSimDock(parts: SimulatedParts, options: SimDockOptions): SimDock {
  // The paper is rendered outside the daemon, as a real scanner's paper comes from outside it;
  // the renderer loads with the dock's first set.
  let paper: Promise<PaperRenderer> | null = null;
  const renderPaper: RenderPaper = async (business, setOptions) => {
    paper ??= import('../scanner/paper-renderer.ts').then(({ PaperRenderer }) => new PaperRenderer());
    return (await paper).render(business, setOptions);
  };
  return { handlers: simHandlers({ ...parts, ...options, renderPaper }), faultHands: faultHands(parts), close: async () => (await paper)?.close() };
}

function faultHands({ reader, cardSlot, gpio }: SimulatedParts): FaultHands | null {
  if ((reader === null && cardSlot === null) || gpio === null) return null;
  return {
    pullCard: async () => {
      if (reader !== null) reader.remove();
      else await cardSlot?.remove();
    },
    openCabinet: () => gpio.setInput('tamper', true),
  };
}

type RenderPaper = PaperRenderer['render'];
type SimDeps = SimulatedParts & SimDockOptions & { renderPaper: RenderPaper };

function simHandlers(deps: SimDeps): SimCommandHandlers {
  const notHere = (what: string) => err({ completionCode: 'unsupportedCommand' as const, errorDescription: `this kiosk has no ${what}` });
  const noPrinter = () => err({ completionCode: 'unsupportedCommand' as const, errorDescription: 'simulator commands need the simulated printer' });
  return {
    'Sim.InsertCard': async ({ fixture }) => {
      const { reader, cardSlot, authority } = deps;
      if ((reader === null && cardSlot === null) || authority === null) return notHere('simulated card reader with the embedded authority');
      // The wallet (the virtual card, x509) and the generator (sharp) load on the dock's first use.
      const { openFixtureCard } = await import('../card/card-wallet.ts');
      const card = await openFixtureCard({ stateDir: deps.stateDir, authority, fixture });
      if (!card.ok) return err({ completionCode: 'invalidData', errorDescription: card.error });
      if (reader !== null) reader.insert(card.value);
      else if (cardSlot !== null) {
        const inserted = await cardSlot.insert(card.value);
        if (!inserted.ok) return err({ completionCode: 'deviceNotReady', errorDescription: `cannot insert the card into vpcd: ${inserted.error}` });
      }
      return ok({ fixture, cardNo: card.value.cardNo });
    },
    'Sim.RemoveCard': async () => {
      if (deps.reader !== null) {
        const removed = deps.reader.card !== null;
        deps.reader.remove();
        return ok({ removed });
      }
      if (deps.cardSlot !== null) return ok({ removed: await deps.cardSlot.remove() });
      return notHere('simulated card reader');
    },
    'Sim.IdCardPlace': async ({ fixture }) => {
      if (deps.idCard === null) return notHere('simulated ID-card reader');
      deps.idCard.place(fixture);
      return ok({ fixture });
    },
    'Sim.IdCardRemove': async () => {
      if (deps.idCard === null) return notHere('simulated ID-card reader');
      const removed = deps.idCard.cardPlaced();
      deps.idCard.remove();
      return ok({ removed });
    },
    'Sim.SetInput': async ({ input, active }) => {
      if (deps.gpio === null) return notHere('simulated GPIO lines');
      deps.gpio.setInput(input, active);
      return ok({ input, active });
    },
    'Sim.ScannerLoad': async ({ business, defect, paper }) => {
      if (deps.scanner === null) return notHere('simulated scanner');
      const { documentSpecs } = await import('../scanner/document-set.ts');
      const options = { ...setOptions(business, defect ?? 'none', documentSpecs), ...(paper !== undefined && { only: [selectorOf(paper)] }) };
      // Only what the business's set holds can be fed; say what it does hold.
      if (paper !== undefined && documentSpecs(business, options).length === 0) {
        const held = documentSpecs(business).map(describeSpec).join('; ');
        return err({ completionCode: 'invalidData', errorDescription: `the ${business} document set has no ${describePaper(paper)}; it holds: ${held}` });
      }
      const pages = await deps.renderPaper(business, options);
      // A fresh load: what a previous load left in the feeder goes (the agent takes it back).
      deps.scanner.clearFeeder();
      deps.scanner.loadFeeder(pages);
      return ok({ pages: pages.length });
    },
    'Sim.CardReaderPlug': async ({ plugged }) => {
      if (deps.cardSlot !== null) {
        return err({ completionCode: 'unsupportedCommand' as const, errorDescription: "over the system stacks the reader is pcscd's vpcd reader, which the daemon cannot unplug" });
      }
      if (deps.reader === null) return notHere('simulated card reader');
      if (plugged) deps.reader.replug();
      else deps.reader.unplug();
      return ok({ plugged });
    },
    'Sim.ScannerFault': async ({ fault }) => {
      const scanner = deps.scanner;
      if (scanner === null) return notHere('simulated scanner');
      switch (fault) {
        case 'jam':
          scanner.jam();
          break;
        case 'coverOpen':
          scanner.openCover();
          break;
        case 'clear':
          scanner.clearJam();
          scanner.closeCover();
          break;
      }
      return ok({ fault });
    },
    'Sim.PrinterPaper': async ({ paper }) => {
      if (deps.printer === null) return noPrinter();
      switch (paper) {
        case 'full':
          deps.printer.loadPaper();
          break;
        case 'low':
          deps.printer.setPaperLow();
          break;
        case 'out':
          deps.printer.setPaperLeft(0);
          break;
      }
      return ok({ paper, paperLeftMm: deps.printer.stats().paperLeftMm });
    },
    'Sim.PrinterCover': async ({ open }) => {
      if (deps.printer === null) return noPrinter();
      if (open) deps.printer.openCover();
      else deps.printer.closeCover();
      return ok({ open });
    },
    'Sim.PrinterOnline': async ({ online }) => {
      if (deps.printer === null) return noPrinter();
      deps.printer.setOffline(!online);
      return ok({ online });
    },
  };
}
