// Words and shapes for the technician's counters, log tail and export bundle, and the dev dock's
// scanner controls: pure functions, so they are unit-tested without a browser.
import { rulebookBusinesses } from '../../contract/businesses.ts';
import type { CommandPayload, CounterName } from '../../contract/protocol/catalogue.ts';
import type { Language, MessageKey } from './i18n.ts';

/** A counter's label and its value with the unit (`{value}`), e.g. paper in metres. */
export function counterKeys(name: CounterName): { label: MessageKey; value: MessageKey } {
  switch (name) {
    case 'cardsRead':
      return { label: 'counter.cardsRead', value: 'counter.cardsRead.value' };
    case 'apdus':
      return { label: 'counter.apdus', value: 'counter.apdus.value' };
    case 'receiptsPrinted':
      return { label: 'counter.receiptsPrinted', value: 'counter.receiptsPrinted.value' };
    case 'printFailures':
      return { label: 'counter.printFailures', value: 'counter.printFailures.value' };
    case 'cuts':
      return { label: 'counter.cuts', value: 'counter.cuts.value' };
    case 'paperUsedMm':
      return { label: 'counter.paperUsedMm', value: 'counter.paperUsedMm.value' };
    case 'pagesScanned':
      return { label: 'counter.pagesScanned', value: 'counter.pagesScanned.value' };
    case 'scannerJams':
      return { label: 'counter.scannerJams', value: 'counter.scannerJams.value' };
    case 'tamperEvents':
      return { label: 'counter.tamperEvents', value: 'counter.tamperEvents.value' };
  }
}

/** The number shown for a counter in the page's language: paper in metres (2 decimals), the rest whole. */
export function formatCounter(name: CounterName, raw: number, language: Language): string {
  switch (name) {
    case 'paperUsedMm':
      return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(raw / 1000);
    case 'cardsRead':
    case 'apdus':
    case 'receiptsPrinted':
    case 'printFailures':
    case 'cuts':
    case 'pagesScanned':
    case 'scannerJams':
    case 'tamperEvents':
      return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(raw);
  }
}

/** One daemon log line (JSON lines, daemon/log/logger.ts) in its compact parts; null parts when absent. */
export interface LogLineView {
  time: string | null;
  level: string | null;
  event: string | null;
  name: string | null;
  msg: string | null;
  raw: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function parseLogLine(raw: string): LogLineView {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { time: null, level: null, event: null, name: null, msg: null, raw };
  const line = parsed as Record<string, unknown>;
  return { time: text(line.time), level: text(line.level), event: text(line.event), name: text(line.name), msg: text(line.msg), raw };
}

/** A log line's level as a colour level of the theme. */
export function logLevelTone(level: string | null): 'error' | 'warn' | 'info' | 'debug' {
  return level === 'error' || level === 'warn' || level === 'debug' ? level : 'info';
}

/** The clock time of a log line, to the millisecond, in the page's language (the kiosk's local time). */
export function formatClock(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false }).format(date);
}

/** The export bundle as the JSON file a remote engineer opens. */
export function bundleBlob(bundle: Record<string, unknown>): Blob {
  return new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: 'application/json' });
}

export type ScannerBusiness = CommandPayload<'Sim.ScannerLoad'>['business'];
export type ScannerDefect = NonNullable<CommandPayload<'Sim.ScannerLoad'>['defect']>;
export type ScannerFault = CommandPayload<'Sim.ScannerFault'>['fault'];

// Records keyed by the schema's unions: a defect or fault missing here is a compile error.
const defectKeys = {
  none: 'dock.defect.none',
  blank: 'dock.defect.blank',
  noSeal: 'dock.defect.noSeal',
  heavySkew: 'dock.defect.heavySkew',
  lowResolution: 'dock.defect.lowResolution',
  differentName: 'dock.defect.differentName',
} as const satisfies Record<ScannerDefect, MessageKey>;

const faultKeys = {
  jam: 'dock.fault.jam',
  coverOpen: 'dock.fault.coverOpen',
  clear: 'dock.fault.clear',
} as const satisfies Record<ScannerFault, MessageKey>;

/** The document sets the dock can load: one per rulebook business. */
export const scannerBusinesses: readonly ScannerBusiness[] = rulebookBusinesses;
export const scannerDefects = Object.keys(defectKeys) as ScannerDefect[];
export const scannerFaults = Object.keys(faultKeys) as ScannerFault[];

export const defectKey = (defect: ScannerDefect): MessageKey => defectKeys[defect];
export const faultKey = (fault: ScannerFault): MessageKey => faultKeys[fault];
