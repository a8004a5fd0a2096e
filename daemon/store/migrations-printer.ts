// Receipt printer migrations (issue 4): versions 3–9 are reserved for them.
import type { Migration } from './migrations.ts';

export const printerMigrations: readonly Migration[] = [];
