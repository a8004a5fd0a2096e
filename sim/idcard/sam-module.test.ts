// The simulated module's logic, step by step, and the real driver against it in the same process.
import { afterEach, describe, expect, it } from 'vitest';
import { SamIdCardReader } from '../../drivers/idcard/sam-id-card-reader.ts';
import { encodeCommand, encodeFrame, FrameReader, responseOfBody, type FrameEvent } from '../../drivers/idcard/sam-frame.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import { idCardFixture } from './id-card-fixtures.ts';
import { inProcessLink } from './in-process-link.ts';
import { initialSamState, samModuleStep, type SamModuleState } from './sam-module.ts';
import { VirtualSamModule } from './virtual-sam-module.ts';

function frameOf(bytes: Uint8Array): FrameEvent {
  const [event] = new FrameReader().push(bytes);
  if (event === undefined) throw new Error('no frame');
  return event;
}

function sw3(reply: Uint8Array | null): number | null {
  if (reply === null) return null;
  const [event] = new FrameReader().push(reply);
  if (event?.kind !== 'frame') throw new Error('the reply is not a frame');
  const response = responseOfBody(event.body);
  return response.ok ? response.value.sw[2] : null;
}

describe('the simulated SAM module (pure)', () => {
  const agent = { text: idCardFixture('agent').text, fault: 'none' as const };

  it('find → select → read, in order only', () => {
    let state: SamModuleState = initialSamState(agent);
    const run = (command: number, parameter: number): number | null => {
      const step = samModuleStep(state, frameOf(encodeCommand(command, parameter)));
      state = step.state;
      return sw3(step.reply);
    };
    expect(run(0x11, 0xff)).toBe(0x90);
    expect(run(0x30, 0x01)).toBe(0x41); // not selected yet
    expect(run(0x20, 0x02)).toBe(0x81); // not found yet
    expect(run(0x20, 0x01)).toBe(0x9f);
    expect(run(0x20, 0x02)).toBe(0x90);
    expect(run(0x30, 0x01)).toBe(0x90);
    expect(run(0x42, 0x00)).toBe(0x21);
  });

  it('no card: 80; a bad checksum: 10; a silent SAM: nothing', () => {
    expect(sw3(samModuleStep(initialSamState(null), frameOf(encodeCommand(0x20, 0x01))).reply)).toBe(0x80);
    const bad = encodeCommand(0x20, 0x01);
    bad[bad.length - 1] = 0x00;
    expect(sw3(samModuleStep(initialSamState(agent), frameOf(bad)).reply)).toBe(0x10);
    expect(samModuleStep(initialSamState(agent, true), frameOf(encodeCommand(0x11, 0xff))).reply).toBeNull();
    expect(sw3(samModuleStep(initialSamState(agent), frameOf(encodeFrame(Uint8Array.of(0x20)))).reply)).toBe(0x11);
  });
});

let reader: SamIdCardReader | null = null;
afterEach(async () => {
  await reader?.stop();
  reader = null;
});

async function until(what: string, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function start(module: VirtualSamModule, replyTimeoutMs = 300): { reader: SamIdCardReader; states: IdCardReaderStatus['state'][] } {
  reader = new SamIdCardReader({ source: 'sim', device: 'in-process', baud: 115200, open: inProcessLink(module), pollIntervalMs: 20, replyTimeoutMs });
  const states: IdCardReaderStatus['state'][] = [];
  reader.onStatusChange((status) => states.push(status.state));
  void reader.start();
  return { reader, states };
}

describe('SamIdCardReader against the virtual module in process', () => {
  it('reads the agent, shows him masked in the status, follows removal and placing', async () => {
    const module = new VirtualSamModule({ fixture: 'agent' });
    const { reader } = start(module);
    await until('card present', () => reader.status().state === 'cardPresent');
    expect(reader.status()).toEqual({
      state: 'cardPresent',
      device: 'in-process',
      holder: { name: '许文彬', idNumberMasked: '350204********011X', validity: { from: '2015-03-20', until: { kind: 'date', date: '2035-03-20' } } },
    });
    expect(JSON.stringify(reader.status())).not.toContain('35020419800109011X');
    const read = await reader.read();
    expect(read.ok && read.value.text).toMatchObject({ name: '许文彬', idNumber: '35020419800109011X', sex: { label: '男' }, nation: { label: '汉族' } });
    module.remove();
    await until('no card', () => reader.status().state === 'noCard');
    expect(await reader.read()).toEqual({ ok: false, error: { reason: 'noCard', message: 'no ID card on the reader' } });
    module.place('long-term');
    await until('long-term card', () => reader.status().state === 'cardPresent');
    const status = reader.status();
    expect(status.state === 'cardPresent' && status.holder.validity.until).toEqual({ kind: 'longTerm' });
  });

  it('a card that fails to read: samError with the status table\'s words, error in the status', async () => {
    const { reader } = start(new VirtualSamModule({ fixture: 'unreadable' }));
    await until('error', () => reader.status().state === 'error');
    const read = await reader.read();
    expect(read).toMatchObject({ ok: false, error: { reason: 'samError', message: expect.stringContaining('0x41 读证/卡操作失败') } });
  });

  it('a silent SAM: timeout as a value', async () => {
    const { reader } = start(new VirtualSamModule({ fixture: 'sam-silent' }), 100);
    await until('error', () => reader.status().state === 'error');
    expect(reader.status()).toMatchObject({ state: 'error', message: expect.stringContaining('no answer') });
    expect(await reader.read()).toMatchObject({ ok: false, error: { reason: 'timeout' } });
  });

  it('garbage before an answer is skipped; a truncated or corrupt answer is a value', async () => {
    const module = new VirtualSamModule({ fixture: 'agent' });
    const { reader } = start(module, 100);
    await until('card present', () => reader.status().state === 'cardPresent');
    await reader.stop();
    // Polling once a minute: each read's first answer (FIND) is the one disturbed.
    const quiet = new SamIdCardReader({ source: 'sim', device: 'in-process', baud: 115200, open: inProcessLink(module), pollIntervalMs: 60_000, replyTimeoutMs: 100 });
    await quiet.start();
    try {
      // The first poll (SAM status, find, select, read) is over before the line is disturbed.
      await until('the first poll', () => quiet.status().state === 'cardPresent');
      module.interfere({ garbageBefore: Uint8Array.of(0x00, 0xaa, 0xaa, 0x13, 0x96, 0x69, 0xaa) });
      expect(await quiet.read()).toMatchObject({ ok: true, value: { text: { name: '许文彬' } } });
      module.interfere({ truncateTo: 9 });
      expect(await quiet.read()).toMatchObject({ ok: false, error: { reason: 'timeout', message: expect.stringContaining('truncated') } });
      module.interfere({ corruptChecksum: true });
      expect(await quiet.read()).toMatchObject({ ok: false, error: { reason: 'badData', message: expect.stringContaining('checksum') } });
      expect(await quiet.read()).toMatchObject({ ok: true });
    } finally {
      await quiet.stop();
    }
  });
});

describe('SamIdCardReader stopping', () => {
  it('reads queued behind a pending command end at once when the driver stops', async () => {
    const { reader } = start(new VirtualSamModule({ fixture: 'sam-silent' }), 5000);
    // The first poll's SAM status is on the wire and will wait 5 s for a silent SAM; both reads queue behind it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const first = reader.read();
    const second = reader.read();
    const started = Date.now();
    await reader.stop();
    expect(await first).toMatchObject({ ok: false, error: { reason: 'noDevice' } });
    expect(await second).toMatchObject({ ok: false, error: { reason: 'noDevice', message: 'the ID-card reader driver stopped' } });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
