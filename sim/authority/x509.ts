// The one entry to @peculiar/x509 in the project: import it from here, never directly, so the
// metadata shim it needs is in place first (ESM evaluates imports in order).
import './reflect-metadata.ts';

export * as x509 from '@peculiar/x509';
