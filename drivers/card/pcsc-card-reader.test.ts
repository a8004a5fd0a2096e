// The driver's state logic against a fake pcsclite: duplicate status events, hot-plug, reader
// choice, error values, pcscd down and back. The real stack is in tests/pcsc/pcsc-stack.test.ts.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { asyncResultBlock, err, flattenResult, ok } from '../../basics/result.ts';
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import { PcscCardReader } from './pcsc-card-reader.ts';
import { classifyPcscError } from './pcsc-errors.ts';
import type { PcscCallback, PcscFactory } from './pcsclite-binding.ts';

const EMPTY = 0x10;
const PRESENT = 0x20;
const INUSE = 0x100;
const MUTE = 0x200;

class FakeReader extends EventEmitter {
  readonly name: string;
  readonly SCARD_SHARE_EXCLUSIVE = 1;
  readonly SCARD_SHARE_SHARED = 2;
  readonly SCARD_PROTOCOL_T0 = 1;
  readonly SCARD_PROTOCOL_T1 = 2;
  readonly SCARD_STATE_EMPTY = EMPTY;
  readonly SCARD_STATE_PRESENT = PRESENT;
  readonly SCARD_STATE_MUTE = MUTE;
  readonly SCARD_LEAVE_CARD = 0;
  readonly SCARD_RESET_CARD = 1;
  readonly SCARD_UNPOWER_CARD = 2;
  connected = false;
  connectError: Error | null = null;
  respond: (apdu: Buffer) => Error | Buffer = () => Buffer.from([0x90, 0x00]);
  dispositions: number[] = [];
  closed = false;

  constructor(name: string) {
    super();
    this.name = name;
  }

  connect(options: { share_mode: number }, callback: PcscCallback<number>): void {
    expect(options.share_mode).toBe(this.SCARD_SHARE_EXCLUSIVE);
    setImmediate(() => {
      if (this.connectError !== null) {
        callback(this.connectError, 0);
        return;
      }
      this.connected = true;
      callback(null, 2);
    });
  }

  disconnect(disposition: number, callback: (error: Error | null) => void): void {
    this.dispositions.push(disposition);
    this.connected = false;
    setImmediate(() => callback(null));
  }

  transmit(data: Buffer, _length: number, _protocol: number, callback: PcscCallback<Buffer>): void {
    setImmediate(() => {
      const answer = this.respond(data);
      if (answer instanceof Error) callback(answer, Buffer.alloc(0));
      else callback(null, answer);
    });
  }

  close(): void {
    this.closed = true;
  }

  status(state: number, atr?: string): void {
    this.emit('status', atr === undefined ? { state } : { state, atr: Buffer.from(atr, 'hex') });
  }
}

class FakeContext extends EventEmitter {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

function pcscFake(): { factory: PcscFactory; contexts: FakeContext[]; down: { value: boolean } } {
  const contexts: FakeContext[] = [];
  const down = { value: false };
  const factory: PcscFactory = () => {
    if (down.value) throw new Error('SCardEstablishContext error: Service not available.(0x8010001d)');
    const context = new FakeContext();
    contexts.push(context);
    return context;
  };
  return { factory, contexts, down };
}

const drivers: PcscCardReader[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.stop()));
});

async function started(options: ConstructorParameters<typeof PcscCardReader>[0] = {}): Promise<{ driver: PcscCardReader; events: CardReaderStatus[] }> {
  const driver = new PcscCardReader({ retryIntervalMs: 10, connectTimeoutMs: 100, ...options });
  drivers.push(driver);
  const events: CardReaderStatus[] = [];
  driver.onStatusChange((s) => events.push(s));
  await driver.start();
  return { driver, events };
}

function plug(context: FakeContext, name: string): FakeReader {
  const reader = new FakeReader(name);
  context.emit('reader', reader);
  return reader;
}

const ATR = '3B8A800145504F52542D544553546C';

describe('PcscCardReader', () => {
  it('reports noDevice with the reason when pcsclite cannot load', async () => {
    const { driver } = await started({ loadPcsc: () => err('the pcsclite package cannot load') });
    expect(driver.status()).toEqual({ state: 'noDevice', reason: 'the pcsclite package cannot load' });
    expect(await driver.transmit(Buffer.from('00A4040000', 'hex'))).toMatchObject({ ok: false, error: { kind: 'noReader' } });
  });

  it('ignores duplicate and irrelevant status events; a card change is one event', async () => {
    const fake = pcscFake();
    const { driver, events } = await started({ loadPcsc: () => ok(fake.factory) });
    const reader = plug(fake.contexts[0]!, 'Virtual PCD 00 00');
    reader.status(EMPTY);
    reader.status(EMPTY);
    reader.status(PRESENT); // powered later: no ATR yet
    reader.status(PRESENT, ATR);
    reader.status(PRESENT | INUSE, ATR);
    reader.status(PRESENT, ATR);
    reader.status(EMPTY);
    reader.status(EMPTY);
    expect(events.map((e) => e.state)).toEqual(['noDevice', 'noCard', 'present', 'noCard']);
    expect(events[2]).toEqual({ state: 'present', reader: 'Virtual PCD 00 00', atr: ATR, card: null });
    reader.status(PRESENT | MUTE);
    expect(driver.status()).toMatchObject({ state: 'error', reader: 'Virtual PCD 00 00' });
  });

  it('follows the configured reader through hot-plug', async () => {
    const fake = pcscFake();
    const { driver } = await started({ readerName: 'Virtual PCD 00 01', loadPcsc: () => ok(fake.factory) });
    const context = fake.contexts[0]!;
    plug(context, 'Virtual PCD 00 00').status(PRESENT, ATR);
    expect(driver.status()).toEqual({ state: 'noDevice', reason: 'no PC/SC reader matching "Virtual PCD 00 01"' });
    const wanted = plug(context, 'Virtual PCD 00 01');
    expect(driver.status()).toEqual({ state: 'noCard', reader: 'Virtual PCD 00 01' });
    wanted.emit('end');
    expect(driver.status().state).toBe('noDevice');
  });

  it('runs sessions one at a time, busy meanwhile, and maps PC/SC failures to values', async () => {
    const fake = pcscFake();
    const { driver, events } = await started({ loadPcsc: () => ok(fake.factory) });
    const reader = plug(fake.contexts[0]!, 'R');
    expect(await driver.transmit(Buffer.from([0]))).toMatchObject({ ok: false, error: { kind: 'noCard' } });
    reader.status(PRESENT, ATR);
    events.length = 0;
    const order: string[] = [];
    const session = (name: string) =>
      driver
        .withSession(name, async (s) => {
          order.push(name);
          await new Promise((r) => setTimeout(r, 5));
          return s.transmit(Buffer.from([0x00, 0xa4, 0x04, 0x00]));
        })
        .then(flattenResult);
    const results = await Promise.all([session('a'), session('b')]);
    expect(results).toEqual([ok(Buffer.from([0x90, 0x00])), ok(Buffer.from([0x90, 0x00]))]);
    expect(order).toEqual(['a', 'b']);
    expect(events.map((e) => (e.state === 'busy' ? e.operation : e.state))).toEqual(['a', 'present', 'b', 'present']);
    expect(reader.dispositions).toEqual([reader.SCARD_LEAVE_CARD, reader.SCARD_LEAVE_CARD]);

    // A failed exchange leaves a card in an unknown state: the session ends with a reset.
    reader.respond = () => new Error('SCardTransmit error: Card was removed.(0x80100069)');
    const removed = flattenResult(
      await driver.withSession('x', async (s) => {
        const viaApduLayer = await s.sendApdu(Buffer.from([0]));
        expect(viaApduLayer).toEqual(err('noCard'));
        return asyncResultBlock(async (take) => take(await s.transmit(Buffer.from([0]))));
      }),
    );
    expect(removed).toMatchObject({ ok: false, error: { kind: 'cardRemoved' } });
    expect(reader.dispositions.at(-1)).toBe(reader.SCARD_RESET_CARD);

    reader.connectError = new Error('SCardConnect error: Sharing violation.(0x8010000b)');
    expect(await driver.transmit(Buffer.from([0]))).toMatchObject({ ok: false, error: { kind: 'sharingViolation' } });
  });

  it('turns a failed exchange into cardRemoved when the card is gone', async () => {
    const fake = pcscFake();
    const { driver } = await started({ loadPcsc: () => ok(fake.factory) });
    const reader = plug(fake.contexts[0]!, 'R');
    reader.status(PRESENT, ATR);
    reader.respond = () => {
      setTimeout(() => reader.status(EMPTY), 30); // pcscd notices a little later
      return new Error('SCardTransmit error: Transaction failed.(0x80100016)');
    };
    expect(await driver.transmit(Buffer.from([0]))).toMatchObject({ ok: false, error: { kind: 'cardRemoved' } });
  });

  it('goes noDevice when pcscd stops and comes back when it restarts', async () => {
    const fake = pcscFake();
    const { driver } = await started({ loadPcsc: () => ok(fake.factory) });
    const first = plug(fake.contexts[0]!, 'R');
    first.status(PRESENT, ATR);
    fake.down.value = true;
    fake.contexts[0]!.emit('error', new Error('SCardGetStatusChange error: RPC transport error.(0x80100013)'));
    await new Promise((r) => setTimeout(r, 30));
    expect(driver.status()).toMatchObject({ state: 'noDevice', reason: expect.stringContaining('pcscd not reachable') });
    expect(fake.contexts[0]!.closed).toBe(true);
    expect(first.closed).toBe(true);
    fake.down.value = false;
    await new Promise((r) => setTimeout(r, 30));
    const again = plug(fake.contexts.at(-1)!, 'R');
    again.status(PRESENT, ATR);
    expect(driver.status()).toMatchObject({ state: 'present', atr: ATR });
  });
});

describe('classifyPcscError', () => {
  it('reads the PC/SC code at the end of the message', () => {
    expect(classifyPcscError(new Error('SCardConnect error: No smart card inserted.(0x8010000c)')).kind).toBe('noCard');
    expect(classifyPcscError(new Error('SCardTransmit error: Reader unavailable.(0x80100017)')).kind).toBe('readerGone');
    expect(classifyPcscError(new Error('SCardTransmit error: Card was reset.(0x80100068)')).kind).toBe('cardReset');
    expect(classifyPcscError(new Error('weird'))).toEqual({ kind: 'pcsc', code: null, message: 'weird' });
  });
});
