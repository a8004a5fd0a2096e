import { describe, expect, it } from 'vitest';
import { pageInstance, pageRoleOf, pageSocketUrl } from './page-identity.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('page identity', () => {
  it('takes the role from the path the page was served at', () => {
    expect(pageRoleOf('/')).toBe('kiosk');
    expect(pageRoleOf('/index.html')).toBe('kiosk');
    expect(pageRoleOf('/technician/')).toBe('technician');
    expect(pageRoleOf('/dev-dock/')).toBe('dock');
  });

  it('keeps one random page load id per role across a reload of the tab', () => {
    const storage = memoryStorage();
    const first = pageInstance('kiosk', storage);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(pageInstance('kiosk', storage)).toBe(first);
    expect(pageInstance('technician', storage)).not.toBe(first);
    expect(pageInstance('kiosk', null)).not.toBe(first);
  });

  it('puts the role and the id in the /ws query', () => {
    const url = pageSocketUrl('ws://127.0.0.1:8080/ws', '/technician/', memoryStorage());
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:8080\/ws\?page=technician&instance=[0-9a-f]{32}$/);
  });
});
