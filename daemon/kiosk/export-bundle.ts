// The technician's export bundle: one JSON document a remote engineer can read without a visit.
// Secrets never leave the kiosk: the technician PIN hash and the authority's token are dropped.
import type { KioskConfig } from '../config/config.ts';
import type { CounterName } from '../../contract/protocol/catalogue.ts';
import type { HealthStatus } from '../server/http-app.ts';

export interface BundleInputs {
  /** As /api/health shows it: no card's holder, no ID card's holder (withoutHolders). */
  status: HealthStatus;
  config: KioskConfig;
  counters: { counters: Record<CounterName, number>; since: string };
  audit: unknown[];
  logTail: string[];
  at: Date;
}

/** The configuration as it can be shown: without the PIN hash and the bearer token. */
export function publicConfig(config: KioskConfig): Record<string, unknown> {
  const { technician, authority, ...rest } = config;
  const { pinHash, ...technicianRest } = technician;
  const publicAuthority = authority.kind === 'http' ? { kind: authority.kind, url: authority.url, timeoutMs: authority.timeoutMs, tokenConfigured: authority.token !== undefined } : authority;
  return { ...rest, technician: { ...technicianRest, pinConfigured: pinHash !== null }, authority: publicAuthority };
}

export function exportBundle(inputs: BundleInputs): { fileName: string; bundle: Record<string, unknown> } {
  const { status } = inputs;
  const time = inputs.at.toISOString();
  const stamp = time.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const safeId = status.kioskId.replace(/[^A-Za-z0-9_-]/g, '_');
  return {
    fileName: `eport-kiosk-${safeId}-${stamp}.json`,
    bundle: {
      kioskId: status.kioskId,
      version: status.version,
      time,
      health: status,
      service: status.service,
      config: publicConfig(inputs.config),
      counters: inputs.counters,
      audit: inputs.audit,
      logTail: inputs.logTail,
    },
  };
}
