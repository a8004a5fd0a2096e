// What a scanned paper looks like, so a page that is not the paper asked for is refused with
// what it is ("这是营业执照，请放入经办人身份证复印件") instead of going on to an empty confirm
// screen. The seam: a PaperClassifier takes the page reports of one scan and answers a kind (and,
// when it can tell, a form) with a confidence, or null when it cannot tell. The one here uses what
// the image checks already give: the business licence's own QR payload, and the page's size (an
// ID card's face is 85.6 × 54 mm). The reading classifier adds what OCR found the page says
// (its title: 营业执照, 介绍信 …; 复印件 for a copy) and combines both; the flow refuses only a
// confident answer that differs.
import type { PageReport } from '../../contract/imaging/page-report.ts';
import { parseLicenceQr } from '../../contract/intake/licence-qr.ts';
import type { DocumentForm, DocumentKind } from '../../contract/intake/package-schema.ts';
import type { PaperReading } from '../../contract/intake/paper-reading.ts';

export interface PaperGuess {
  kind: DocumentKind;
  /** Present only when the classifier can tell an original from a copy. */
  form?: DocumentForm;
  /** 0…1: how sure the classifier is. */
  confidence: number;
  /** What the guess rests on, for the journal. */
  evidence: string;
}

export interface PaperClassifier {
  /** `reading`: what OCR read off the paper, when an engine is fitted. */
  classify(pages: readonly PageReport[], reading?: PaperReading | null): PaperGuess | null | Promise<PaperGuess | null>;
}

/** Below this, a guess that differs from the paper asked for is not enough to refuse the page. */
export const refuseAtConfidence = 0.8;

const idCardMm = { long: 85.6, short: 54 };

function sizeMm(page: PageReport): { long: number; short: number } {
  const mm = (px: number): number => (px / page.dpi) * 25.4;
  const [a, b] = [mm(page.width), mm(page.height)];
  return { long: Math.max(a, b), short: Math.min(a, b) };
}

function cardSized(page: PageReport): boolean {
  const { long, short } = sizeMm(page);
  return Math.abs(long - idCardMm.long) <= idCardMm.long * 0.12 && Math.abs(short - idCardMm.short) <= idCardMm.short * 0.12;
}

/** The licence QR and the page size; nothing else can be told without reading the text. */
export const layoutClassifier: PaperClassifier = {
  classify(pages) {
    if (pages.some((page) => page.qr !== null && parseLicenceQr(page.qr) !== null)) {
      return { kind: 'business_licence', confidence: 0.95, evidence: 'licenceQr' };
    }
    const first = pages[0];
    if (first !== undefined && !first.blank && pages.every(cardSized)) return { kind: 'id_card', form: 'original', confidence: 0.85, evidence: 'cardSize' };
    return null;
  },
};

/** What the OCR reading says the paper is; null when it found no title or phrase of any kind. */
function readingGuess(reading: PaperReading | null | undefined): PaperGuess | null {
  const looks = reading?.looksLike;
  if (looks === undefined || looks === null) return null;
  return { kind: looks.kind, ...(looks.form !== undefined && { form: looks.form }), confidence: looks.confidence, evidence: `ocr:${looks.evidence}` };
}

/** The layout's guess and the reading's: agreeing, they add up (the form from whichever tells it); disagreeing, the surer wins. */
export const readingClassifier: PaperClassifier = {
  async classify(pages, reading) {
    const layout = await layoutClassifier.classify(pages);
    const read = readingGuess(reading);
    if (layout === null || read === null) return layout ?? read;
    if (layout.kind !== read.kind) return layout.confidence >= read.confidence ? layout : read;
    const form = layout.form ?? read.form;
    return { kind: layout.kind, ...(form !== undefined && { form }), confidence: Math.max(layout.confidence, read.confidence), evidence: `${layout.evidence}+${read.evidence}` };
  },
};

/** The guess, when it is confident and says the paper is not `wanted`; null: take the paper. */
export function wrongPaper(guess: PaperGuess | null, wanted: { kind: DocumentKind; form: DocumentForm }): PaperGuess | null {
  if (guess === null || guess.confidence < refuseAtConfidence) return null;
  if (guess.kind !== wanted.kind) return guess;
  return guess.form !== undefined && guess.form !== wanted.form ? guess : null;
}
