// Scanner and intake-check migrations (issue 5): versions 10–19 are reserved for them.
import type { Migration } from './migrations.ts';

export const intakeMigrations: readonly Migration[] = [];
