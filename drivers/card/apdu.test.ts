import { describe, expect, it } from 'vitest';
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';
import type { CommandApdu, SendApdu, TransportError } from './apdu.ts';
import { chainCommand, decodeCommand, encodeCommand, parseResponse, transmit } from './apdu.ts';
import { statusWordMeaning, triesLeftOf } from './status-words.ts';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s/g, ''), 'hex');

describe('encodeCommand', () => {
  const vectors: [string, CommandApdu, { extended?: boolean }, string][] = [
    ['case 1', { cla: 0x80, ins: 0x5a, p1: 0, p2: 0 }, {}, '805A0000'],
    ['case 2S', { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 16 }, {}, '0084000010'],
    ['case 2S Le 256', { cla: 0, ins: 0xca, p1: 1, p2: 1, le: 256 }, {}, '00CA010100'],
    ['case 3S', { cla: 0, ins: 0x20, p1: 0, p2: 0x81, data: Buffer.from('12345678') }, {}, '002000810831323334353637 38'],
    ['case 4S', { cla: 0, ins: 0xa4, p1: 4, p2: 0, data: hex('F045504F525401'), le: 256 }, {}, '00A4040007F045504F52540100'],
    ['case 2E', { cla: 0, ins: 0xca, p1: 1, p2: 0x11, le: 65536 }, {}, '00CA0111000000'],
    ['case 2E forced', { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 16 }, { extended: true }, '0084000000 0010'],
    ['case 3E', { cla: 0, ins: 0xda, p1: 1, p2: 0x12, data: Buffer.alloc(300, 0xab) }, {}, `00DA0112 00012C ${'AB'.repeat(300)}`],
    ['case 4E', { cla: 0, ins: 0x2a, p1: 0x9e, p2: 0x9a, data: Buffer.alloc(256, 1), le: 256 }, {}, `002A9E9A 000100 ${'01'.repeat(256)} 0100`],
    ['case 4E Le 65536', { cla: 0, ins: 0x2a, p1: 0x9e, p2: 0x9a, data: hex('01'), le: 65536 }, { extended: true }, '002A9E9A 000001 01 0000'],
  ];
  for (const [name, command, options, expected] of vectors) {
    it(`${name} is byte-exact and decodes back`, () => {
      const encoded = encodeCommand(command, options);
      expect(encoded.toString('hex').toUpperCase()).toBe(expected.replace(/\s/g, ''));
      const decoded = decodeCommand(encoded);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.value.data).toEqual(command.data ?? Buffer.alloc(0));
      expect(decoded.value.le).toBe(command.le);
      expect([decoded.value.cla, decoded.value.ins, decoded.value.p1, decoded.value.p2]).toEqual([command.cla, command.ins, command.p1, command.p2]);
    });
  }

  it('throws on programming errors (bad byte, bad Le)', () => {
    expect(() => encodeCommand({ cla: 0x100, ins: 0, p1: 0, p2: 0 })).toThrow(RangeError);
    expect(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, le: 0 })).toThrow(RangeError);
    expect(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, le: 65537 })).toThrow(RangeError);
  });
});

describe('decodeCommand', () => {
  it.each(['00A404', '0020008108313233', '00200081083132333435363738AAAA', '00CA0111 0000', '00DA0112 000003 0102'])('rejects %s as wrong length', (apdu) => {
    expect(decodeCommand(hex(apdu))).toEqual(err('wrongLength'));
  });
});

describe('parseResponse', () => {
  it('splits data and status word', () => {
    expect(parseResponse(hex('01029000'))).toEqual(ok({ data: hex('0102'), sw: 0x9000 }));
    expect(parseResponse(hex('6A82'))).toEqual(ok({ data: Buffer.alloc(0), sw: 0x6a82 }));
    expect(parseResponse(hex('90'))).toEqual(err('tooShort'));
  });
});

describe('status words', () => {
  it('explains parametrised status words', () => {
    expect(statusWordMeaning(0x63c2)).toMatch(/2 tries left/);
    expect(statusWordMeaning(0x6110)).toMatch(/16 more/);
    expect(statusWordMeaning(0x6c10)).toMatch(/16/);
    expect(statusWordMeaning(0x6983)).toMatch(/blocked/);
    expect(triesLeftOf(0x63c1)).toBe(1);
    expect(triesLeftOf(0x6300)).toBeNull();
  });
});

/** A fake card: a script of expected command hex → response hex, in order. */
function scripted(script: [string, string][]): { send: SendApdu; sent: string[] } {
  const sent: string[] = [];
  const send: SendApdu = async (apdu) => {
    const step = script[sent.length];
    sent.push(apdu.toString('hex').toUpperCase());
    if (step === undefined) return err('transportFailed');
    expect(apdu.toString('hex').toUpperCase()).toBe(step[0].replace(/\s/g, ''));
    return ok(hex(step[1]));
  };
  return { send, sent };
}

describe('transmit', () => {
  it('collects 61xx with GET RESPONSE and concatenates', async () => {
    const { send, sent } = scripted([
      ['00CA011100', `${'11'.repeat(256)}6100`],
      ['00C0000000', `${'22'.repeat(256)}6105`],
      ['00C0000005', '33333333339000'],
    ]);
    const response = await transmit(send, { cla: 0, ins: 0xca, p1: 1, p2: 0x11, le: 65536 }, { extendedLength: false });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.value.sw).toBe(0x9000);
    expect(response.value.data).toEqual(Buffer.concat([Buffer.alloc(256, 0x11), Buffer.alloc(256, 0x22), Buffer.alloc(5, 0x33)]));
    expect(sent).toHaveLength(3);
  });

  it('resends with the exact Le on 6Cxx', async () => {
    const { send } = scripted([
      ['0084000000', '6C10'],
      ['0084000010', `${'AB'.repeat(16)}9000`],
    ]);
    const response = await transmit(send, { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 256 }, { extendedLength: false });
    expect(response).toEqual(ok({ data: Buffer.alloc(16, 0xab), sw: 0x9000 }));
  });

  it('gives up on a card that answers 6Cxx forever', async () => {
    const send: SendApdu = async () => ok(hex('6C10'));
    const response = await transmit(send, { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 16 }, { extendedLength: false });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.kind).toBe('badResponse');
  });

  it('chains data over 255 bytes in short APDUs (CLA 0x10 on all but the last)', async () => {
    const data = Buffer.alloc(600, 7);
    const { send, sent } = scripted([
      [`10DA0112FF${'07'.repeat(255)}`, '9000'],
      [`10DA0112FF${'07'.repeat(255)}`, '9000'],
      [`00DA01125A${'07'.repeat(90)}`, '9000'],
    ]);
    const response = await transmit(send, { cla: 0, ins: 0xda, p1: 1, p2: 0x12, data }, { extendedLength: false });
    expect(response).toEqual(ok({ data: Buffer.alloc(0), sw: 0x9000 }));
    expect(sent).toHaveLength(3);
    expect(chainCommand({ cla: 0, ins: 0xda, p1: 1, p2: 0x12, data: Buffer.alloc(255) })).toHaveLength(1);
  });

  it('stops a chain at the first refusal and returns its status word', async () => {
    const { send, sent } = scripted([[`10DA0112FF${'07'.repeat(255)}`, '6884']]);
    const response = await transmit(send, { cla: 0, ins: 0xda, p1: 1, p2: 0x12, data: Buffer.alloc(300, 7) }, { extendedLength: false });
    expect(response).toEqual(ok({ data: Buffer.alloc(0), sw: 0x6884 }));
    expect(sent).toHaveLength(1);
  });

  it('sends one extended APDU when the card takes extended length', async () => {
    const data = Buffer.alloc(300, 7);
    const { send } = scripted([[`00DA0112 00012C ${'07'.repeat(300)}`, '9000']]);
    expect(await transmit(send, { cla: 0, ins: 0xda, p1: 1, p2: 0x12, data }, { extendedLength: true })).toEqual(ok({ data: Buffer.alloc(0), sw: 0x9000 }));
  });

  it('returns transport failures and short answers as values', async () => {
    const gone: SendApdu = async (): Promise<Result<Buffer, TransportError>> => err('noCard');
    expect(await transmit(gone, { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 16 }, { extendedLength: false })).toEqual(err({ kind: 'transport', error: 'noCard' }));
    const rejecting: SendApdu = () => Promise.reject(new Error('reader unplugged'));
    expect(await transmit(rejecting, { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 16 }, { extendedLength: false })).toEqual(err({ kind: 'transport', error: 'transportFailed' }));
    const mumbling: SendApdu = async () => ok(hex('90'));
    const response = await transmit(mumbling, { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 16 }, { extendedLength: false });
    expect(response.ok ? null : response.error.kind).toBe('badResponse');
  });

  it('passes non-success status words through as values', async () => {
    const { send } = scripted([['0020008108 3131313131313131', '63C2']]);
    expect(await transmit(send, { cla: 0, ins: 0x20, p1: 0, p2: 0x81, data: Buffer.from('11111111') }, { extendedLength: false })).toEqual(ok({ data: Buffer.alloc(0), sw: 0x63c2 }));
  });
});
