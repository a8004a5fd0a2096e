// `kiosk sim card list | serve` as a user runs them. serve talks to a fake vpcd here (a TCP server
// speaking vpcd's framing); the real pcscd + vpcd run is in tests/pcsc/pcsc-stack.test.ts.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHostPort } from '../../sim/cli/sim-command.ts';
import { simCardsDir } from '../../sim/card/card-wallet.ts';
import { FrameReader, frame } from '../../sim/card/vpcd-transport.ts';
import { virtualCardAtr } from '../../sim/card/virtual-card.ts';
import { cardFixture, fixtureNames } from '../../sim/registry/sim-registry.ts';

const kiosk = join(import.meta.dirname, '..', '..', 'bin', 'kiosk.mjs');
const run = promisify(execFile);

async function kioskFails(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, [kiosk, ...args]);
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
  throw new Error(`kiosk ${args.join(' ')} succeeded`);
}

describe('kiosk sim card list', () => {
  it('prints every fixture as JSON with masked holder IDs', async () => {
    const { stdout } = await run(process.execPath, [kiosk, 'sim', 'card', 'list', '--json']);
    const listed = JSON.parse(stdout) as { name: string; cardNo: string; holderIdNumberMasked: string; lifecycle: string }[];
    expect(listed.map((f) => f.name)).toEqual([...fixtureNames]);
    for (const f of listed) {
      expect(f.cardNo).toBe(cardFixture(f.name)?.cardNo);
      expect(f.holderIdNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
    expect(listed.find((f) => f.name === 'lost-operator')?.lifecycle).toBe('reportedLost');
  });

  it('prints a readable table', async () => {
    const { stdout } = await run(process.execPath, [kiosk, 'sim', 'card', 'list']);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CARD NO\s+TYPE\s+HOLDER\s+HOLDER ID\s+LIFECYCLE\s+PIN\s+DESCRIPTION$/);
    expect(lines[1]).toMatch(/^legal-person\s+8135020000000017\s+legal_person\s+陈海峰\s+350203\*{8}4517\s+active\s+27405913\s+the enterprise seal/);
  });
});

describe('kiosk sim card serve: usage errors exit 2', () => {
  it('names the fixtures when the one asked for does not exist', async () => {
    const { code, stderr } = await kioskFails(['sim', 'card', 'serve', '--fixture', 'no-such-card']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown fixture "no-such-card"');
    for (const name of fixtureNames) expect(stderr).toContain(name);
    expect(stderr).not.toContain('    at '); // no stack trace
  });

  it('refuses a missing fixture, a bad --vpcd and an unknown option', async () => {
    expect((await kioskFails(['sim', 'card', 'serve'])).code).toBe(2);
    expect((await kioskFails(['sim', 'card', 'serve', '--fixture', 'operator', '--vpcd', 'localhost'])).code).toBe(2);
    expect((await kioskFails(['sim', 'card', 'serve', '--fixture', 'operator', '--bogus'])).code).toBe(2);
    expect((await kioskFails(['sim', 'card', 'eject'])).code).toBe(2);
  });

  it('parses HOST:PORT', () => {
    expect(parseHostPort('127.0.0.1:35964')).toEqual({ ok: true, value: { host: '127.0.0.1', port: 35964 } });
    expect(parseHostPort('[::1]:35963')).toEqual({ ok: true, value: { host: '::1', port: 35963 } });
    expect(parseHostPort(':4000')).toEqual({ ok: true, value: { host: '127.0.0.1', port: 4000 } });
    for (const bad of ['35963', 'host:', 'host:0', 'host:70000', '::1:35963']) expect(parseHostPort(bad).ok, bad).toBe(false);
  });
});

describe('kiosk sim card serve against a fake vpcd', () => {
  let server: Server;
  let port: number;
  let stateDir: string;
  let sockets: Socket[];

  beforeEach(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'kiosk-sim-card-cli-'));
    sockets = [];
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
    rmSync(stateDir, { recursive: true, force: true });
  });

  /** Sends one vpcd frame and resolves with the card's reply frame. */
  function exchange(socket: Socket, payload: Buffer): Promise<Buffer> {
    const reader = new FrameReader();
    return new Promise((resolve) => {
      const onData = (chunk: Buffer): void => {
        const [reply] = reader.push(chunk);
        if (reply === undefined) return;
        socket.off('data', onData);
        resolve(reply);
      };
      socket.on('data', onData);
      socket.write(frame(payload));
    });
  }

  it('issues the card, answers vpcd, and pulls the card out on SIGTERM with exit 0', async () => {
    const child = spawn(process.execPath, [kiosk, 'sim', 'card', 'serve', '--fixture', 'locked-operator', '--vpcd', `127.0.0.1:${port}`, '--state-dir', stateDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (sockets.length === 0 || !stderr.includes('inserted')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`serve did not connect: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(stderr).toContain(`locked-operator card ${cardFixture('locked-operator')?.cardNo} inserted: connected to vpcd at 127.0.0.1:${port}`);
      const socket = sockets[0]!;
      expect(await exchange(socket, Buffer.from([0x04]))).toEqual(virtualCardAtr); // get ATR
      socket.write(frame(Buffer.from([0x01]))); // power on
      expect(await exchange(socket, Buffer.from('00A4040C07F045504F525401', 'hex'))).toEqual(Buffer.from('9000', 'hex'));
      // The fixture's PIN is blocked: VERIFY with it is refused.
      expect(await exchange(socket, Buffer.from(`0020008108${Buffer.from(cardFixture('locked-operator')?.pin ?? '').toString('hex')}`, 'hex'))).toEqual(Buffer.from('6983', 'hex'));

      const closed = new Promise((resolve) => socket.once('close', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await closed;
      expect(existsSync(join(simCardsDir(stateDir), `${cardFixture('locked-operator')?.cardNo}.json`))).toBe(true);
      expect(existsSync(join(stateDir, 'authority', 'authority.sqlite'))).toBe(true);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
