// Scanner.* messages and the intake check's Kiosk.* messages (issue 5). Spread into the
// catalogue; browser-safe.
export const scannerCommandSchemas = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the scanner's commands
export interface ScannerCommandResults {}
