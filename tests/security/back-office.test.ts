// The back office link as issue 13 found it: an http: URL took the bearer token and full ID
// numbers in clear, KIOSK_AUTHORITY_URL dropped the file's token and timeout, an answer was read
// with no size cap, the lab server ignored Authorization, and a hardware kiosk with no authority
// configured quietly ran the embedded simulated authority with its own CA and master key.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpAuthority } from '../../daemon/authority/http-authority.ts';
import { loadConfig } from '../../daemon/config/config.ts';
import { startAuthorityServer, type RunningAuthorityServer } from '../../sim/authority/http-authority-server.ts';
import { openSimAuthority, type SimAuthority } from '../../sim/authority/sim-authority.ts';
import { cardFixture } from '../../sim/registry/sim-registry.ts';
import { temporaryStateDir } from '../support/authority-proofs.ts';
import { repoRoot } from '../support/daemon-process.ts';

const dirs: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function configFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-backoffice-'));
  dirs.push(dir);
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

const operator = cardFixture('operator')!;

describe('the back office link', () => {
  it('refuses an http: back office except on loopback', () => {
    for (const url of ['http://backoffice.example/eport/', 'http://10.1.2.3:8090/', 'ftp://backoffice.example/']) {
      const loaded = loadConfig(repoRoot, { configFile: configFile({ authority: { kind: 'http', url } }) }, {});
      expect(loaded.ok, url).toBe(false);
      if (!loaded.ok) expect(JSON.stringify(loaded.error)).toContain('https');
    }
    for (const url of ['https://backoffice.example/eport/', 'http://127.0.0.1:8090/', 'http://localhost:8090/', 'http://[::1]:8090/']) {
      expect(loadConfig(repoRoot, { configFile: configFile({ authority: { kind: 'http', url } }) }, {}).ok, url).toBe(true);
    }
    expect(loadConfig(repoRoot, {}, { KIOSK_AUTHORITY_URL: 'http://backoffice.example/' }).ok).toBe(false);
  });

  it("KIOSK_AUTHORITY_URL changes the address and keeps the file's token and timeout", () => {
    const file = configFile({ authority: { kind: 'http', url: 'https://old.example/', token: 'secret-token', timeoutMs: 4000 } });
    const loaded = loadConfig(repoRoot, { configFile: file }, { KIOSK_AUTHORITY_URL: 'https://new.example/' });
    expect(loaded.ok && loaded.value.authority).toEqual({ kind: 'http', url: 'https://new.example/', token: 'secret-token', timeoutMs: 4000 });
  });

  it('a hardware kiosk with no authority written out refuses to start, naming the key', () => {
    const state = mkdtempSync(join(tmpdir(), 'kiosk-backoffice-state-'));
    dirs.push(state);
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(repoRoot, 'bin', 'kiosk.mjs'), 'run', '--port', '0', '--state-dir', state, ...args], { encoding: 'utf8', timeout: 30_000 });
    const refused = run([]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('authority: not set');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    // Every device simulated: the embedded authority is the default, as before.
    const simulatedConfig = loadConfig(repoRoot, { sim: true, requireChosenAuthority: true }, {});
    expect(simulatedConfig.ok).toBe(true);
    // Written out on purpose: accepted on hardware too.
    expect(loadConfig(repoRoot, { configFile: configFile({ authority: { kind: 'sim' } }), requireChosenAuthority: true }, {}).ok).toBe(true);
  });

  it('an answer over the size cap is an error, not a process filled with it', async () => {
    const huge = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const server: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(Buffer.concat([Buffer.from('{"cardNo":"'), huge, Buffer.from('"}')]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const authority = createHttpAuthority({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retries: 0 });
    const lookup = await authority.lookupCard(operator.cardNo);
    expect(lookup.ok).toBe(false);
    if (!lookup.ok) expect(JSON.stringify(lookup.error)).toContain('bytes');
  });

  it('the lab server asks for its bearer token', async () => {
    const sim: SimAuthority = await openSimAuthority({ stateDir: temporaryStateDir() });
    const server: RunningAuthorityServer = await startAuthorityServer({ authority: sim, token: 'lab-token' });
    cleanups.push(async () => {
      await server.close();
      sim.close();
    });
    const without = await createHttpAuthority({ baseUrl: server.url, retries: 0 }).lookupCard(operator.cardNo);
    expect(without.ok).toBe(false);
    const wrong = await createHttpAuthority({ baseUrl: server.url, retries: 0, headers: { Authorization: 'Bearer not-it' } }).lookupCard(operator.cardNo);
    expect(wrong.ok).toBe(false);
    const right = await createHttpAuthority({ baseUrl: server.url, retries: 0, headers: { Authorization: 'Bearer lab-token' } }).lookupCard(operator.cardNo);
    expect(right.ok).toBe(true);
  });
});
