// Text the daemon supplies in both languages (labels of papers and businesses, rule findings,
// receipts): the screen shows the one in use, a receipt prints both.
export interface BilingualText {
  zh: string;
  en: string;
}
