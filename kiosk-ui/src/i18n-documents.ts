// The words of the paper screens (checklist, scanning, confirming fields, verdict, registry
// differences), kept apart from i18n.ts so the dictionaries stay readable; spread into both.
export const documentsZh = {
  'documents.title': '材料',
} as const;

export const documentsEn: Readonly<Record<keyof typeof documentsZh, string>> = {
  'documents.title': 'Papers',
};
