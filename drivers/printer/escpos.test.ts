import { describe, expect, it } from 'vitest';
import * as escpos from './escpos.ts';
import { applyRealtimeStatus, asbBytes, noFaults, PrinterReplyReader, realtimeStatusByte, type RealtimeStatusKind } from './status-bytes.ts';
import { textColumns, wrapColumns } from './text-width.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('ESC/POS encoder, byte for byte', () => {
  it('encodes the mode commands', () => {
    expect(hex(escpos.initialise())).toBe('1b40');
    expect(hex(escpos.chineseMode(true))).toBe('1c26');
    expect(hex(escpos.chineseMode(false))).toBe('1c2e');
    expect(hex(escpos.align('centre'))).toBe('1b6101');
    expect(hex(escpos.align('right'))).toBe('1b6102');
    expect(hex(escpos.bold(true))).toBe('1b4501');
    expect(hex(escpos.reverse(true))).toBe('1d4201');
    expect(hex(escpos.size(2, 2))).toBe('1d2111');
    expect(hex(escpos.size(1, 3))).toBe('1d2102');
    expect(hex(escpos.lineSpacing(24))).toBe('1b3318');
    expect(hex(escpos.lineSpacing(null))).toBe('1b32');
    expect(hex(escpos.feedLines(4))).toBe('1b6404');
    expect(hex(escpos.feedDots(12))).toBe('1b4a0c');
    expect(hex(escpos.cut())).toBe('1d564200');
    expect(() => escpos.size(9, 1)).toThrow(RangeError);
  });

  it('encodes Chinese text in GB18030 and keeps ASCII single-byte', () => {
    expect(hex(escpos.text('重打 REPRINT'))).toBe('d6d8b4f22052455052494e54');
    expect(hex(escpos.text('口岸'))).toBe('bfdab0b6');
    // A character outside GB2312 takes GB18030's four-byte form.
    expect(hex(escpos.text('𠀀'))).toBe('95328236');
    expect(() => escpos.text('a\x1bb')).toThrow(RangeError);
  });

  it('encodes a QR code as GS ( k: model 2, module size, error correction, store, print', () => {
    expect(hex(escpos.qrCode('AB', { moduleSize: 6, errorCorrection: 'M' }))).toBe(
      '1d286b040031413200' + '1d286b0300314306' + '1d286b0300314531' + '1d286b05003150304142' + '1d286b0300315130',
    );
    const long = escpos.qrCode('x'.repeat(300));
    // pL pH of the store command carry 300 + 3 = 0x012f.
    expect(hex(long.subarray(25, 30))).toBe('1d286b2f01');
  });

  it('encodes a raster image as GS v 0 with the row width in bytes', () => {
    const image = { width: 16, height: 2, data: Uint8Array.from([0xff, 0x00, 0x0f, 0xf0]) };
    expect(hex(escpos.raster(image))).toBe('1d76300002000200' + 'ff000ff0');
    expect(() => escpos.raster({ width: 16, height: 2, data: new Uint8Array(3) })).toThrow(RangeError);
  });

  it('encodes the status and control commands', () => {
    expect(hex(escpos.realtimeStatus(4))).toBe('100404');
    expect(hex(escpos.automaticStatusBack(0x0e))).toBe('1d610e');
    expect(hex(escpos.processIdRequest('0042'))).toBe('1d28480600' + '3030' + '30303432');
    expect(() => escpos.processIdRequest('42')).toThrow(RangeError);
    expect(hex(escpos.clearBuffers())).toBe('10140801031401060208');
  });
});

describe('printer status bytes', () => {
  const faults = [
    { ...noFaults },
    { ...noFaults, offline: true, coverOpen: true },
    { ...noFaults, offline: true, paperOut: true, paperNearEnd: true },
    { ...noFaults, paperNearEnd: true },
    { ...noFaults, offline: true, cutterError: true },
  ];

  it('decodes DLE EOT 1–4 answers to the sensors that made them', () => {
    for (const sensors of faults) {
      let decoded = { ...noFaults };
      for (const n of [1, 2, 3, 4] as RealtimeStatusKind[]) decoded = applyRealtimeStatus(n, realtimeStatusByte(n, sensors), decoded);
      expect(decoded).toEqual(sensors);
    }
    expect(realtimeStatusByte(1, noFaults)).toBe(0x12);
    expect(realtimeStatusByte(4, { ...noFaults, paperOut: true, paperNearEnd: true })).toBe(0x7e);
  });

  it('tells DLE EOT answers, ASB, process ID and buffer-clear replies apart, across reads', () => {
    const reader = new PrinterReplyReader();
    const asb = asbBytes({ ...noFaults, offline: true, coverOpen: true });
    expect(asb).toEqual([0x38, 0, 0, 0]);
    const stream = Uint8Array.from([0x12, ...asb, 0x37, 0x22, 0x30, 0x30, 0x34, 0x32, 0x00, 0x37, 0x25, 0x00, 0x16]);
    const first = reader.push(stream.subarray(0, 3));
    const rest = reader.push(stream.subarray(3));
    expect([...first, ...rest]).toEqual([
      { kind: 'realtime', value: 0x12 },
      { kind: 'asb', sensors: { ...noFaults, offline: true, coverOpen: true } },
      { kind: 'processId', id: '0042' },
      { kind: 'buffersCleared' },
      { kind: 'realtime', value: 0x16 },
    ]);
  });
});

describe('column widths', () => {
  it('counts Chinese as two columns and wraps without starting a line with closing punctuation', () => {
    expect(textColumns('卡号 Card')).toBe(9);
    expect(wrapColumns('The quick brown fox jumps', 10)).toEqual(['The quick', 'brown fox', 'jumps']);
    expect(wrapColumns('一二三四五。', 10)).toEqual(['一二三四', '五。']);
  });
});
