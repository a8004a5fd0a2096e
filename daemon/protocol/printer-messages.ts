// Printer.* messages (issue 4). Spread into the catalogue; browser-safe.
export const printerCommandSchemas = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the printer's commands
export interface PrinterCommandResults {}
