// The readiness report printed for the technician: each device's state in plain words, whether the
// kiosk serves agents, and the counters. Nothing personal: no card holder, no ID number.
import type { BilingualText } from '../../contract/bilingual-text.ts';
import type { CardReaderStatus } from '../../contract/devices/card-reader.ts';
import type { GpioStatus } from '../../contract/devices/gpio.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
import type { PrinterStatus } from '../../contract/devices/printer.ts';
import type { ScannerStatus } from '../../contract/devices/scanner.ts';
import type { CounterName, KioskStatus, OverallState, ServiceState } from '../../contract/protocol/catalogue.ts';
import { receiptTime } from './format-time.ts';
import { row, type Receipt, type ReceiptLine } from './receipt.ts';

const words = (zh: string, en: string): BilingualText => ({ zh, en });
const say = (text: BilingualText): string => `${text.zh} ${text.en}`;

export function cardReaderWords(status: CardReaderStatus): BilingualText {
  switch (status.state) {
    case 'noDevice':
      return words('未连接', 'not connected');
    case 'noCard':
      return words('就绪，无卡', 'ready, no card');
    case 'present':
      return words('就绪，有卡', 'ready, card inserted');
    case 'busy':
      return words('忙', 'busy');
    case 'error':
      return words('故障', `fault: ${status.message}`);
  }
}

export function printerWords(status: PrinterStatus): BilingualText {
  switch (status.state) {
    case 'noDevice':
      return words('未连接', 'not connected');
    case 'online':
      return words('就绪', 'ready');
    case 'paperNearEnd':
      return words('纸将用完', 'paper low');
    case 'paperOut':
      return words('缺纸', 'out of paper');
    case 'coverOpen':
      return words('机盖打开', 'cover open');
    case 'cutterError':
      return words('切刀故障', 'cutter fault');
    case 'offline':
      return words('脱机', 'offline');
    case 'disconnected':
      return words('连接中断', 'disconnected');
  }
}

export function scannerWords(status: ScannerStatus): BilingualText {
  switch (status.state) {
    case 'noDevice':
      return words('未连接', 'not connected');
    case 'idle':
      return words('就绪', 'ready');
    case 'busy':
      return words('忙', 'busy');
    case 'jammed':
      return words('卡纸', 'paper jam');
    case 'coverOpen':
      return words('机盖打开', 'cover open');
    case 'noPaper':
      return words('进纸器无纸', 'feeder empty');
    case 'error':
      return words('故障', `fault: ${status.message}`);
  }
}

export function gpioWords(status: GpioStatus): BilingualText {
  switch (status.state) {
    case 'noDevice':
      return words('未连接', 'not connected');
    case 'online':
      return status.inputs.tamper ? words('正常，机柜已打开', 'working, cabinet open') : words('正常', 'working');
    case 'error':
      return words('故障', `fault: ${status.message}`);
  }
}

/** The ID-card reader: whether a card is on it, never whose. */
export function idCardReaderWords(status: IdCardReaderStatus): BilingualText {
  switch (status.state) {
    case 'noDevice':
      return words('未连接', 'not connected');
    case 'notFitted':
      return words('未安装', 'not fitted');
    case 'noCard':
      return words('就绪', 'ready');
    case 'cardPresent':
      return words('就绪，有身份证在读卡区', 'ready, an ID card on it');
    case 'error':
      return words('故障', `fault: ${status.message}`);
  }
}

function overallWords(state: OverallState): BilingualText {
  switch (state) {
    case 'ready':
      return words('全部就绪', 'ready');
    case 'degraded':
      return words('部分业务不可用', 'degraded');
    case 'outOfService':
      return words('暂停服务', 'out of service');
  }
}

function serviceWords(service: ServiceState): BilingualText {
  switch (service.state) {
    case 'inService':
      return words('服务中', 'in service');
    case 'outOfService':
      return words(`暂停服务（${service.reasons.join(', ')}）`, `out of service (${service.reasons.join(', ')})`);
  }
}

const counterLabels: Record<CounterName, BilingualText> = {
  cardsRead: words('读卡次数', 'Cards read'),
  apdus: words('APDU 指令', 'APDUs'),
  receiptsPrinted: words('已打印凭条', 'Receipts printed'),
  printFailures: words('打印失败', 'Print failures'),
  cuts: words('切纸次数', 'Cuts'),
  paperUsedMm: words('用纸（毫米，估算）', 'Paper used (mm, est.)'),
  pagesScanned: words('已扫描页数', 'Pages scanned'),
  scannerJams: words('扫描卡纸', 'Scanner jams'),
  tamperEvents: words('机柜打开', 'Cabinet opened'),
};

export function readinessReceipt(options: { status: KioskStatus; counters: { counters: Record<CounterName, number>; since: string }; at: Date }): Receipt {
  const { status, counters, at } = options;
  const { devices } = status;
  const counterLines: ReceiptLine[] = (Object.keys(counterLabels) as CounterName[]).map((name) =>
    row(counterLabels[name].zh, counterLabels[name].en, String(counters.counters[name])),
  );
  return {
    kind: 'readiness',
    title: { zh: '终端就绪报告', en: 'Kiosk readiness report' },
    lines: [
      row('终端编号', 'Kiosk ID', status.kioskId),
      row('打印时间', 'Time', receiptTime(at)),
      row('软件版本', 'Version', status.version),
      row('总体状态', 'Overall', say(overallWords(status.state))),
      row('服务状态', 'Service', say(serviceWords(status.service))),
      { kind: 'rule' },
      { kind: 'heading', text: words('设备', 'Devices') },
      row('读卡器', 'Card reader', say(cardReaderWords(devices.cardReader))),
      row('打印机', 'Printer', say(printerWords(devices.printer))),
      row('扫描仪', 'Scanner', say(scannerWords(devices.scanner))),
      row('指示灯与传感器', 'Lights and sensors', say(gpioWords(devices.gpio))),
      row('身份证阅读器', 'ID-card reader', say(idCardReaderWords(devices.idCardReader))),
      { kind: 'rule' },
      { kind: 'heading', text: words('计数', 'Counters') },
      row('起始', 'Since', receiptTime(new Date(counters.since))),
      ...counterLines,
    ],
    notes: [{ zh: '本页仅供设备检测', en: 'For hardware diagnostics only' }],
  };
}
