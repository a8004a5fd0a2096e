// Who this page is to the daemon (issue 13, item 1): its role from the path it was served at, and a
// random id of this page load, kept across a reload (sessionStorage) so that a kiosk page that
// reloads or loses its socket in the middle of an agent's flow gets that flow back. The id goes
// only to the daemon, in the /ws query; no other page or program sees it.
import { pageSocketQuery, type PageRole } from '../../contract/protocol/roles.ts';

export function pageRoleOf(pathname: string): PageRole {
  if (pathname.startsWith('/technician')) return 'technician';
  if (pathname.startsWith('/dev-dock')) return 'dock';
  return 'kiosk';
}

function randomInstance(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** This page load's id for `role`: the one a reload of this tab kept, else a new one. */
export function pageInstance(role: PageRole, storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  const key = `eport-kiosk.page-instance.${role}`;
  try {
    const kept = storage?.getItem(key) ?? null;
    if (kept !== null && /^[0-9a-f]{32}$/.test(kept)) return kept;
    const fresh = randomInstance();
    storage?.setItem(key, fresh);
    return fresh;
  } catch {
    // Storage refused (a locked-down profile): the page still works, a reload just starts afresh.
    return randomInstance();
  }
}

/** The daemon's /ws for this page: its role and its page load id in the query. */
export function pageSocketUrl(socketUrl: string, pathname: string, storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  const role = pageRoleOf(pathname);
  return `${socketUrl}?${pageSocketQuery(role, pageInstance(role, storage))}`;
}
