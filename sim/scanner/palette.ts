// Colours of a page: an original in colour, a photocopy in greys (the issuing authority's red
// seal comes out grey on a copy; the company seal and review stamp are then stamped in red ink).
import type { DocumentForm } from './documents.ts';

export interface Palette {
  paper: string;
  ink: string;
  label: string;
  border: string;
  emblem: string;
  issuerSeal: string;
  inspection: string;
  cardTint: string;
  /** The ID card's printed labels: blue on the card, grey on its photocopy. */
  cardLabel: string;
  /** A ballpoint filling in a form: blue on the original. */
  pen: string;
}

export function paletteFor(form: DocumentForm): Palette {
  switch (form) {
    case 'original':
      return { paper: '#fbf9f2', ink: '#1b1b1b', label: '#2f3e46', border: '#9c7a3c', emblem: '#c9a227', issuerSeal: '#d4202c', inspection: '#2b4fa8', cardTint: '#dfeef3', cardLabel: '#3c6d8c', pen: '#1d2b64' };
    case 'copy':
      return { paper: '#f3f3f1', ink: '#262626', label: '#3a3a3a', border: '#8a8a8a', emblem: '#9a9a9a', issuerSeal: '#7d7d7d', inspection: '#6a6a6a', cardTint: '#e4e4e4', cardLabel: '#4a4a4a', pen: '#2a2a2a' };
  }
}
