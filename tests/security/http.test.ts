// The daemon's HTTP side as a hostile local client sees it (issue 13, HTTP): every page carries a
// strict Content-Security-Policy and its siblings, and no error answer leaks a path or a stack,
// whatever NODE_ENV is (npm start runs without NODE_ENV=production).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../support/daemon-process.ts';
import { ensureUiBuilt } from '../browser/browser-kit.ts';

let daemon: RunningDaemon;

beforeAll(async () => {
  await ensureUiBuilt();
  daemon = await startDaemon({ env: { NODE_ENV: 'development' } });
});

afterAll(async () => {
  await daemon.stop();
});

/** A raw GET, so a path express would normalise or a client would refuse to send goes as written. */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: daemon.port, path, headers: { host: `127.0.0.1:${daemon.port}` } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('HTTP as a hostile local client sees it', () => {
  it.each(['/', '/technician/', '/dev-dock/', '/api/health'])('%s carries the CSP, COOP, CORP and a Permissions-Policy', async (path) => {
    const { status, headers } = await rawGet(path);
    expect(status).toBe(200);
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${daemon.port}`);
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(String(headers['permissions-policy'])).toContain('camera=()');
  });

  it.each([
    ['a missing asset', '/assets/nothing-here.js'],
    ['a missing asset with dots', '/assets/..%2f..%2fpackage.json'],
    ['a malformed escape in an asset path', '/assets/%E0%A4%A'],
    ['a malformed escape in a page path', '/technician/%E0%A4%A'],
    ['a path through the assets to the sources', '/assets/../../src/kiosk-main.ts'],
  ])('%s: a short status text, no path, no stack', async (_what, path) => {
    const { status, body } = await rawGet(path);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(body).toMatch(/^(not found|bad request)\n$/);
    expect(body).not.toMatch(/ENOENT|kiosk-ui|node_modules|at .*\(|\/work|\/tmp/);
  });
});
