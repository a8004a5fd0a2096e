// The back office the configuration asks for: the embedded simulated authority (under
// stateDir/authority) or the data sub-centre's HTTP API. A composition root like devices.ts: the
// simulated authority is the simulator's, and only here is it chosen.
import type { Authority } from '../../contract/authority/authority.ts';
import type { SimAuthority } from '../../sim/authority/sim-authority.ts';
import { createHttpAuthority } from '../authority/http-authority.ts';
import type { KioskConfig } from '../config/config.ts';

/** The authority, and the same object as the simulator's when it is embedded (it issues the dock's cards). */
export async function openAuthority(config: Pick<KioskConfig, 'authority' | 'stateDir'>): Promise<{ authority: Authority; simAuthority: SimAuthority | null }> {
  switch (config.authority.kind) {
    case 'sim': {
      // Imported only when chosen: its CA (@peculiar/x509) stays out of a kiosk on the back office.
      const { openSimAuthority } = await import('../../sim/authority/sim-authority.ts');
      const simAuthority = await openSimAuthority({ stateDir: config.stateDir });
      return { authority: simAuthority, simAuthority };
    }
    case 'http': {
      const { url, token, timeoutMs } = config.authority;
      const authority = createHttpAuthority({
        baseUrl: url,
        ...(timeoutMs !== undefined && { timeoutMs }),
        ...(token !== undefined && { headers: { Authorization: `Bearer ${token}` } }),
      });
      return { authority, simAuthority: null };
    }
  }
}
