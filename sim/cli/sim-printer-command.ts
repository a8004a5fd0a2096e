// `kiosk sim printer serve --device PATH --out DIR [--baud N] [--feed MM_PER_S] [--roll MM]`:
// a virtual receipt printer on a serial device (one end of a socat pty pair); each cut receipt
// becomes DIR/receipt-NNNN.png and .txt. Lines on stdin work the printer like a technician's
// hands: paper out | paper low | paper load | cover open | cover close | offline | online | status.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ReceiptFiles } from '../printer/receipt-files.ts';
import { SerialAttachment } from '../serial/serial-attachment.ts';
import { VirtualPrinter } from '../printer/virtual-printer.ts';
import { simPrinterUsage } from './usage.ts';


const say = (line: string): void => {
  process.stderr.write(`kiosk sim printer: ${line}\n`);
};

function usageError(message: string): number {
  process.stderr.write(`kiosk: ${message}\n\n${simPrinterUsage}`);
  return 2;
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : `--${name}: not a positive number: ${value}`;
}

function control(printer: VirtualPrinter, command: string): string {
  switch (command.trim().replace(/\s+/g, ' ')) {
    case 'paper out':
      printer.setPaperLeft(0);
      break;
    case 'paper low':
      printer.setPaperLow();
      break;
    case 'paper load':
      printer.loadPaper();
      break;
    case 'cover open':
      printer.openCover();
      break;
    case 'cover close':
      printer.closeCover();
      break;
    case 'offline':
      printer.setOffline(true);
      break;
    case 'online':
      printer.setOffline(false);
      break;
    case 'status':
    case '':
      break;
    default:
      return `unknown command "${command}"`;
  }
  return JSON.stringify({ ...printer.sensors(), ...printer.stats() });
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { device: { type: 'string' }, out: { type: 'string' }, baud: { type: 'string' }, feed: { type: 'string' }, roll: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.device === undefined || values.out === undefined) return usageError('sim printer serve: --device PATH and --out DIR are required');
  const baud = positiveNumber('baud', values.baud, 115200);
  const feed = positiveNumber('feed', values.feed, 350);
  const roll = positiveNumber('roll', values.roll, 80_000);
  for (const value of [baud, feed, roll]) if (typeof value === 'string') return usageError(value);
  const printer = new VirtualPrinter({ baud: Number(baud), feedMmPerSecond: Number(feed), rollLengthMm: Number(roll) });
  const files = new ReceiptFiles(values.out);
  printer.onEvent((event) => {
    if (event.kind === 'page') files.write(event.page);
  });
  files.onWritten((written) => say(`${written.page.end === 'cut' ? 'receipt' : 'torn page'} ${written.pngPath}`));
  let last = '';
  const attachment = new SerialAttachment(printer, values.device, {
    onState: (state) => {
      const line = state.state === 'attached' ? `on ${values.device} at ${String(baud)} baud; receipts in ${files.dir}. Stop with Ctrl-C.` : `waiting for ${values.device}: ${state.reason}`;
      if (line !== last) say(line);
      last = line;
    },
  });
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => say(control(printer, line)));

  return new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      input.close();
      void attachment
        .close()
        .then(() => files.flushed())
        .then(() => {
          printer.close();
          say(`stopped on ${signal}`);
          resolve(0);
        });
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}

export async function simPrinterCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'serve') return usageError(`sim printer${verb === undefined ? '' : ` ${verb}`}: expected "serve"`);
  return serve(rest);
}
