// `kiosk sim authority serve` as a lab technician or a third party runs it: the simulated back
// office over HTTP on the kiosk's state directory (the one `kiosk sim card serve` uses).
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardFixture } from '../../sim/registry/sim-registry.ts';

const kiosk = join(import.meta.dirname, '..', '..', 'bin', 'kiosk.mjs');
const run = promisify(execFile);

let stateDir: string;
let child: ChildProcessWithoutNullStreams | null = null;

beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-sim-authority-'));
});

afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  rmSync(stateDir, { recursive: true, force: true });
});

/** Starts the server on a free port; resolves with the URL from its one stdout line. */
async function serve(env: NodeJS.ProcessEnv = {}): Promise<{ url: string; stateDir: string }> {
  const started = spawn(process.execPath, [kiosk, 'sim', 'authority', 'serve', '--state-dir', stateDir, '--port', '0'], { env: { ...process.env, ...env } });
  child = started;
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: started.stdout });
    lines.once('line', resolve);
    started.once('exit', (code) => {
      reject(new Error(`kiosk sim authority serve exited ${String(code)}`));
    });
  });
  const printed = JSON.parse(firstLine) as { authority: string; stateDir: string };
  return { url: printed.authority, stateDir: printed.stateDir };
}

describe('kiosk sim authority serve', () => {
  it('serves the registry and the CA of the state directory, and stops cleanly on SIGTERM', async () => {
    const { url, stateDir: authorityDir } = await serve();
    expect(authorityDir).toBe(join(stateDir, 'authority'));
    const ca = (await (await fetch(new URL('/v1/ca-certificate', url))).json()) as { der: string };
    // The CA a card served from the same state directory is personalised under.
    expect(Buffer.from(ca.der, 'base64')).toEqual(readFileSync(join(stateDir, 'authority', 'ca-cert.der')));
    const legalPerson = cardFixture('legal-person');
    const lookup = (await (await fetch(new URL(`/v1/cards/${legalPerson?.cardNo ?? ''}`, url))).json()) as { card: { holderIdNumberMasked: string; cardType: string } };
    expect(lookup.card.cardType).toBe('legal_person');
    expect(lookup.card.holderIdNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);

    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('asks for the bearer token given in AUTHORITY_TOKEN', async () => {
    const { url } = await serve({ AUTHORITY_TOKEN: 'lab-token-1' });
    expect((await fetch(new URL('/v1/ca-certificate', url))).status).toBe(401);
    expect((await fetch(new URL('/v1/ca-certificate', url), { headers: { authorization: 'Bearer lab-token-1' } })).status).toBe(200);
  });

  it('answers a bad port or an unknown verb with one message and exit 2', async () => {
    for (const args of [['serve', '--port', 'http'], ['serve', '--colour'], ['start']]) {
      const failure = await run(process.execPath, [kiosk, 'sim', 'authority', ...args]).then(
        () => null,
        (error: unknown) => error as { code: number; stderr: string },
      );
      expect(failure?.code).toBe(2);
      expect(failure?.stderr).toContain('sim authority serve [--state-dir DIR]');
      expect(failure?.stderr).not.toContain('    at ');
    }
  });
});
