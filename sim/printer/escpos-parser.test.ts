import { describe, expect, it } from 'vitest';
import * as escpos from '../../drivers/printer/escpos.ts';
import { EscPosParser, type EscPosCommand } from './escpos-parser.ts';

function parseAll(bytes: Uint8Array, chunk = bytes.length): EscPosCommand[] {
  const parser = new EscPosParser();
  const commands: EscPosCommand[] = [];
  for (let i = 0; i < bytes.length; i += chunk) commands.push(...parser.push(bytes.subarray(i, i + chunk)));
  return commands;
}

describe('the virtual printer parses what the encoder writes', () => {
  const image = { width: 16, height: 2, data: Uint8Array.from([0x10, 0x04, 0x01, 0x10]) }; // DLE EOT 1 inside the image
  const job = new escpos.EscPosWriter()
    .add(escpos.initialise(), escpos.chineseMode(true), escpos.align('centre'), escpos.size(2, 2))
    .line('重打 REPRINT')
    .add(escpos.raster(image), escpos.qrCode('https://eport.example/r/1', { moduleSize: 4, errorCorrection: 'Q' }), escpos.cut())
    .add(escpos.processIdRequest('0007'))
    .bytes();

  it('whole, and one byte at a time, alike (multi-byte characters never split)', () => {
    const whole = parseAll(job);
    const kinds = (commands: EscPosCommand[]) => commands.map((c) => c.kind).filter((kind, i, all) => kind !== 'text' || all[i - 1] !== 'text');
    expect(kinds(parseAll(job, 1))).toEqual(kinds(whole));
    const texts = parseAll(job, 1).filter((c) => c.kind === 'text').map((c) => Buffer.from(c.bytes).toString('hex')).join('');
    expect(texts).toBe(Buffer.from(escpos.text('重打 REPRINT')).toString('hex'));
    expect(whole.map((c) => c.kind)).toEqual(['initialise', 'chineseMode', 'align', 'size', 'text', 'lineFeed', 'raster', 'unknown', 'qrModuleSize', 'qrErrorCorrection', 'qrStore', 'qrPrint', 'cut', 'processId']);
  });

  it('reads the raster image as data, not as a real-time status request', () => {
    const raster = parseAll(job).find((c) => c.kind === 'raster');
    expect(raster).toEqual({ kind: 'raster', width: 16, height: 2, data: image.data });
    expect(parseAll(job).some((c) => c.kind === 'realtimeStatus')).toBe(false);
  });

  it('carries the QR payload and the process id', () => {
    const commands = parseAll(job, 7);
    const store = commands.find((c) => c.kind === 'qrStore');
    expect(store && Buffer.from(store.data).toString()).toBe('https://eport.example/r/1');
    expect(commands.find((c) => c.kind === 'processId')).toEqual({ kind: 'processId', id: '0007' });
    expect(commands.find((c) => c.kind === 'qrErrorCorrection')).toEqual({ kind: 'qrErrorCorrection', level: 'Q' });
  });

  it('recognises the real-time commands between jobs', () => {
    expect(parseAll(escpos.concat([escpos.realtimeStatus(2), escpos.clearBuffers()]))).toEqual([{ kind: 'realtimeStatus', n: 2 }, { kind: 'clearBuffers' }]);
  });
});
