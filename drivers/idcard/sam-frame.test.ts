import { describe, expect, it } from 'vitest';
import { commandOfBody, decodeNext, encodeCommand, encodeResponse, FrameReader, maxFrameLength, responseOfBody, xorChecksum } from './sam-frame.ts';
import { samStatus, samStatusTable } from './sam-status.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(text.split(/\s+/).filter(Boolean).map((h) => parseInt(h, 16)));
const show = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

describe('SAM frames', () => {
  it('encodes the commands byte for byte as the public descriptions show them', () => {
    expect(show(encodeCommand(0x20, 0x01))).toBe('AA AA AA 96 69 00 03 20 01 22');
    expect(show(encodeCommand(0x20, 0x02))).toBe('AA AA AA 96 69 00 03 20 02 21');
    expect(show(encodeCommand(0x30, 0x01))).toBe('AA AA AA 96 69 00 03 30 01 32');
    expect(show(encodeCommand(0x11, 0xff))).toBe('AA AA AA 96 69 00 03 11 FF ED');
  });

  it('encodes the answers: found, none, selected', () => {
    expect(show(encodeResponse(0x9f, new Uint8Array(4)))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    expect(show(encodeResponse(0x80))).toBe('AA AA AA 96 69 00 04 00 00 80 84');
    expect(show(encodeResponse(0x90, new Uint8Array(8)))).toBe('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C');
  });

  it('the checksum is the XOR of the length bytes and the body', () => {
    const frame = encodeCommand(0x30, 0x10, hex('01 02 03'));
    expect(frame[frame.length - 1]).toBe(xorChecksum(frame.subarray(5, frame.length - 1)));
    expect(xorChecksum(hex('00 06 30 10 01 02 03'))).toBe(0x00 ^ 0x06 ^ 0x30 ^ 0x10 ^ 0x01 ^ 0x02 ^ 0x03);
  });

  it('a length of 2 bytes, big-endian, for a long answer', () => {
    const frame = encodeResponse(0x90, new Uint8Array(1284));
    expect(frame[5]).toBe(0x05);
    expect(frame[6]).toBe(0x08); // 3 + 1284 + 1 = 1288
    expect(frame.length).toBe(7 + 1288);
  });

  it('decodes commands and responses from bodies', () => {
    const decoded = decodeNext(encodeCommand(0x12, 0xff));
    expect(decoded.kind === 'event' && decoded.event.kind === 'frame' && commandOfBody(decoded.event.body)).toEqual({ ok: true, value: { command: 0x12, parameter: 0xff, data: new Uint8Array(0) } });
    const answer = decodeNext(encodeResponse(0x9f, hex('00 00 00 00')));
    expect(answer.kind === 'event' && answer.event.kind === 'frame' && responseOfBody(answer.event.body)).toEqual({ ok: true, value: { sw: [0, 0, 0x9f], data: new Uint8Array(4) } });
    expect(responseOfBody(hex('00 00'))).toMatchObject({ ok: false });
    expect(commandOfBody(hex('20'))).toMatchObject({ ok: false });
  });

  it('resynchronises on the preamble after garbage, even garbage that looks like a preamble', () => {
    const reader = new FrameReader();
    const garbage = hex('13 37 AA AA 96 AA');
    const events = reader.push(Uint8Array.from([...garbage, ...encodeResponse(0x80)]));
    expect(events.map((e) => e.kind)).toEqual(['garbage', 'frame']);
    expect(events[0]).toEqual({ kind: 'garbage', bytes: garbage.length });
    expect(reader.pending()).toBe(0);
  });

  it('frames split across chunks, one byte at a time', () => {
    const reader = new FrameReader();
    const bytes = [...encodeResponse(0x9f, new Uint8Array(4)), ...encodeResponse(0x90)];
    const kinds = bytes.flatMap((b) => reader.push(Uint8Array.of(b)).map((e) => e.kind));
    expect(kinds).toEqual(['frame', 'frame']);
  });

  it('a truncated frame waits, and pending() says how much is held', () => {
    const reader = new FrameReader();
    const frame = encodeResponse(0x90, new Uint8Array(20));
    expect(reader.push(frame.subarray(0, 15))).toEqual([]);
    expect(reader.pending()).toBe(15);
    expect(decodeNext(frame.subarray(0, 15))).toEqual({ kind: 'incomplete', needed: frame.length - 15 });
    expect(reader.push(frame.subarray(15)).map((e) => e.kind)).toEqual(['frame']);
  });

  it('an oversized or zero length is a value, and the frame behind it is still found', () => {
    const reader = new FrameReader();
    const oversized = hex('AA AA AA 96 69 FF FF 00');
    const events = reader.push(Uint8Array.from([...oversized, ...encodeResponse(0x80)]));
    expect(events[0]).toEqual({ kind: 'badLength', length: 0xffff });
    expect(events.at(-1)?.kind).toBe('frame');
    expect(decodeNext(hex('AA AA AA 96 69 00 00'))).toMatchObject({ kind: 'event', event: { kind: 'badLength', length: 0 } });
    expect(decodeNext(hex(`AA AA AA 96 69 ${(maxFrameLength + 1).toString(16).padStart(4, '0').replace(/(..)(..)/, '$1 $2')}`))).toMatchObject({ event: { kind: 'badLength' } });
  });

  it('a bad checksum is a value; the stream carries on', () => {
    const bad = encodeResponse(0x90);
    bad[bad.length - 1] = (bad.at(-1) ?? 0) ^ 0xff;
    const events = new FrameReader().push(Uint8Array.from([...bad, ...encodeResponse(0x9f)]));
    expect(events[0]).toMatchObject({ kind: 'badChecksum' });
    expect(events.at(-1)).toMatchObject({ kind: 'frame' });
  });

  it('the status table names every code it lists once, and unlisted codes are still values', () => {
    expect(new Set(samStatusTable.map((e) => e.sw3)).size).toBe(samStatusTable.length);
    expect(samStatus(0x9f).name).toBe('cardFound');
    expect(samStatus(0x80).name).toBe('findCardFailed');
    expect(samStatus(0x41).zh).toBe('读证/卡操作失败');
    expect(samStatus(0x77)).toMatchObject({ name: 'unlisted', en: 'unlisted status 0x77' });
  });
});
