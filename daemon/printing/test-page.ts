// The technician's test page: who printed it (kiosk id), when, on what, Chinese and English text,
// a column ruler and a QR code carrying the same facts, to check the print head, the GB18030
// font, the QR engine and the cutter in one go.
import type { PrinterStatus } from '../../contract/devices/printer.ts';
import { receiptTime } from './format-time.ts';
import { row, type Receipt } from './receipt.ts';

export function testPageQrPayload(kioskId: string, at: Date): string {
  return `EPORT-KIOSK-TEST|${kioskId}|${at.toISOString()}`;
}

export function testPageReceipt(options: { kioskId: string; at: Date; printer: PrinterStatus }): Receipt {
  const device = options.printer.state === 'noDevice' ? options.printer.reason : options.printer.device;
  return {
    kind: 'testPage',
    title: { zh: '打印测试页', en: 'Printer test page' },
    lines: [
      row('终端编号', 'Kiosk ID', options.kioskId),
      row('打印时间', 'Time', receiptTime(options.at)),
      row('打印机', 'Printer', device),
      row('状态', 'State', options.printer.state),
      { kind: 'rule' },
      { kind: 'heading', text: { zh: '字符测试', en: 'Characters' } },
      { kind: 'text', text: '中国电子口岸 海关 IC卡 解锁 证书更新' },
      { kind: 'text', text: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz' },
      { kind: 'text', text: '0123456789 !"#$%&\'()*+,-./:;<=>?@[]^_{|}~' },
      { kind: 'text', text: '123456789012345678901234567890123456789012345678' },
    ],
    qr: { payload: testPageQrPayload(options.kioskId, options.at), caption: { zh: '扫码核对终端与时间', en: 'Scan to check the kiosk and the time' } },
    notes: [{ zh: '本页仅供设备检测', en: 'For hardware diagnostics only' }],
  };
}
