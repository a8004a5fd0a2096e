// The engine's process as the daemon holds it, without reading a page to the end: an aborted read
// never starts a process, and a process that dies fails the page in flight with engineFailed
// (expected failures as values) and the next page starts a new one.
import { afterAll, describe, expect, it } from 'vitest';
import { ProcessOcrEngine } from './process-ocr-engine.ts';

const engine = new ProcessOcrEngine({ idleMs: 60_000 });
const blank = { width: 64, height: 32, channels: 1 as const, data: new Uint8Array(64 * 32).fill(255) };

afterAll(async () => {
  await engine.close();
});

describe('ProcessOcrEngine', () => {
  it('answers an aborted read at once, without starting its process', async () => {
    const signal = AbortSignal.abort();
    expect(await engine.read(blank, signal)).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(engine.running).toBe(false);
  });

  it('fails the page in flight when its process dies, and starts anew for the next page', async () => {
    const reading = engine.read(blank);
    expect(engine.running).toBe(true);
    process.kill(engine.pid ?? 0, 'SIGKILL');
    expect(await reading).toMatchObject({ ok: false, error: { kind: 'engineFailed', detail: expect.stringContaining('SIGKILL') } });
    expect(engine.running).toBe(false);
    const again = await engine.read(blank);
    expect(again).toMatchObject({ ok: true, value: { lines: [] } });
  }, 60_000);

  it('reads a page that comes while the idle process is ending, in the next process', async () => {
    expect(await engine.read(blank)).toMatchObject({ ok: true });
    const oldPid = engine.pid;
    // What the idle timer does, with the next page arriving before the old process has exited.
    const ending = engine.close();
    const next = engine.read(blank);
    await ending;
    expect(await next).toMatchObject({ ok: true, value: { lines: [] } });
    expect(engine.pid).not.toBe(oldPid);
  }, 60_000);

  it('warms up without a page: the process starts and loads its models, and the page that follows goes to it', async () => {
    await engine.close();
    engine.warm();
    expect(engine.running).toBe(true);
    const warmedPid = engine.pid;
    expect(await engine.read(blank)).toMatchObject({ ok: true });
    expect(engine.pid).toBe(warmedPid);
  }, 60_000);
});
