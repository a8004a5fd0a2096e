// The virtual receipt printer: the other end of the line from the driver. It parses the ESC/POS
// it receives, paces itself like the real thing — bytes arrive at the baud rate (10 bits a byte),
// paper moves at `feedMmPerSecond` — has a finite roll with a near-end sensor, a cover, an
// offline switch, answers DLE EOT and Automatic Status Back truthfully, and hands out each page
// when it is cut. It knows nothing of serial ports: a link (in-process or a pty) feeds `receive`.
import QRCode from 'qrcode';
import iconv from 'iconv-lite';
import type { Align, QrErrorCorrection } from '../../drivers/printer/escpos.ts';
import { charColumns } from '../../drivers/printer/text-width.ts';
import {
  asbBytes,
  buffersClearedReply,
  noFaults,
  processIdReply,
  realtimeStatusByte,
  type PrinterSensors,
} from '../../drivers/printer/status-bytes.ts';
import { EscPosParser, type EscPosCommand } from './escpos-parser.ts';
import { dotsPerMm, fontHeightDots, halfWidthDots, printableDots, type PageItem, type PrintedPage, type TextRun } from './printed-page.ts';

export interface VirtualPrinterOptions {
  baud: number;
  /** Thermal receipt printers feed 150–350 mm/s; an Epson TM-T88VI does 350. */
  feedMmPerSecond?: number;
  rollLengthMm?: number;
  /** The near-end sensor trips with this much paper left. */
  nearEndMm?: number;
}

export interface VirtualPrinterStats {
  bytesReceived: number;
  unknownCommands: number;
  pagesCut: number;
  paperLeftMm: number;
}

/** What the print engine did, for tests and the dev dock to react to mid-job. */
export type PrintEvent =
  | { kind: 'received'; bytes: number }
  | { kind: 'line'; text: string; pageHeight: number }
  | { kind: 'page'; page: PrintedPage };

interface Buffered {
  command: EscPosCommand;
  arrivedAt: number;
}

const defaultLineSpacing = 30;

function setBit(data: Uint8Array, index: number, x: number): void {
  data[index] = (data[index] ?? 0) | (0x80 >> (x & 7));
}

export class VirtualPrinter {
  readonly baud: number;
  readonly #rowsPerMs: number;
  readonly #rollRows: number;
  readonly #nearEndRows: number;
  #send: ((bytes: Uint8Array) => void) | null = null;
  #parser = new EscPosParser();
  // the wire: bytes written by the host that have not reached the printer yet
  #wire: Uint8Array[] = [];
  #wireBytes = 0;
  #wireBusyUntil = 0;
  // the receive buffer and the print engine
  #buffer: Buffered[] = [];
  #engineFreeAt = 0;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  // sensors and switches
  #paperRows: number;
  #paperOut = false;
  #coverOpen = false;
  #offlineSwitch = false;
  #asbMask = 0;
  #lastAsb = '';
  // print modes
  #chinese = true;
  #align: Align = 'left';
  #bold = false;
  #underline = false;
  #reverse = false;
  #width = 1;
  #height = 1;
  #lineSpacing = defaultLineSpacing;
  #qrModule = 3;
  #qrLevel: QrErrorCorrection = 'M';
  #qrData: Uint8Array = new Uint8Array();
  // the page being printed
  #line: TextRun[] = [];
  #lineDots = 0;
  #items: PageItem[] = [];
  #pageHeight = 0;
  #pageIndex = 0;
  #stats = { bytesReceived: 0, unknownCommands: 0, pagesCut: 0 };
  #listeners = new Set<(event: PrintEvent) => void>();

  constructor(options: VirtualPrinterOptions) {
    this.baud = options.baud;
    this.#rowsPerMs = ((options.feedMmPerSecond ?? 350) * dotsPerMm) / 1000;
    this.#rollRows = (options.rollLengthMm ?? 80_000) * dotsPerMm;
    this.#nearEndRows = (options.nearEndMm ?? 2_000) * dotsPerMm;
    this.#paperRows = this.#rollRows;
  }

  /** Connects the printer's transmit line; its replies go there. */
  attach(send: (bytes: Uint8Array) => void): void {
    this.#send = send;
  }

  /** The line is gone: bytes still on their way are lost; what arrived still prints. */
  detach(): void {
    this.#send = null;
    this.#wire = [];
    this.#wireBytes = 0;
    this.#parser = new EscPosParser();
  }

  /** Bytes from the host, as they leave its end of the line. */
  receive(bytes: Uint8Array): void {
    if (this.#closed || bytes.length === 0) return;
    const now = performance.now();
    this.#wire.push(bytes);
    this.#wireBytes += bytes.length;
    this.#wireBusyUntil = Math.max(this.#wireBusyUntil, now) + (bytes.length * 10_000) / this.baud;
    this.#schedule(now);
  }

  onEvent(listener: (event: PrintEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  sensors(): PrinterSensors {
    return {
      ...noFaults,
      offline: this.#coverOpen || this.#paperOut || this.#offlineSwitch,
      coverOpen: this.#coverOpen,
      paperOut: this.#paperOut,
      paperNearEnd: this.#paperRows <= this.#nearEndRows,
    };
  }

  stats(): VirtualPrinterStats {
    return { ...this.#stats, paperLeftMm: this.#paperRows / dotsPerMm };
  }

  // The dev dock's hands.

  openCover(): void {
    this.#coverOpen = true;
    this.#changed();
  }

  closeCover(): void {
    this.#coverOpen = false;
    this.#changed();
  }

  setOffline(offline: boolean): void {
    this.#offlineSwitch = offline;
    this.#changed();
  }

  /** Leaves this much paper on the roll; 0 is paper out. */
  setPaperLeft(mm: number): void {
    this.#paperRows = Math.max(0, Math.round(mm * dotsPerMm));
    this.#paperOut = this.#paperRows === 0;
    this.#changed();
  }

  /** Just past the near-end sensor. */
  setPaperLow(): void {
    this.setPaperLeft(this.#nearEndRows / dotsPerMm);
  }

  /** A new roll: a half-printed page still in the printer is torn off with the old one. */
  loadPaper(lengthMm?: number): void {
    if (this.#items.length > 0) this.#endPage('torn');
    this.#paperRows = lengthMm === undefined ? this.#rollRows : Math.round(lengthMm * dotsPerMm);
    this.#paperOut = this.#paperRows === 0;
    this.#changed();
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#listeners.clear();
  }

  #canPrint(): boolean {
    return !this.#coverOpen && !this.#paperOut && !this.#offlineSwitch;
  }

  #changed(): void {
    this.#sendAsbIfChanged();
    this.#schedule(performance.now());
  }

  #reply(bytes: Uint8Array): void {
    this.#send?.(bytes);
  }

  #sendAsbIfChanged(force = false): void {
    if (this.#asbMask === 0) return;
    const bytes = asbBytes(this.sensors());
    const key = bytes.join(',');
    if (!force && key === this.#lastAsb) return;
    this.#lastAsb = key;
    this.#reply(Uint8Array.from(bytes));
  }

  #schedule(now: number): void {
    if (this.#closed) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    let next = Infinity;
    if (this.#wireBytes > 0) {
      // The next 64 bytes, or what is left: a few milliseconds at 115200 baud.
      next = Math.min(next, now + Math.max(0.5, (Math.min(64, this.#wireBytes) * 10_000) / this.baud));
    }
    const head = this.#buffer[0];
    if (head !== undefined && this.#canPrint()) next = Math.min(next, Math.max(this.#engineFreeAt, head.arrivedAt));
    if (next === Infinity) return;
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, next - now));
  }

  #tick(): void {
    this.#timer = null;
    const now = performance.now();
    this.#arrive(now);
    this.#runEngine(now);
    this.#schedule(performance.now());
  }

  /** Moves the bytes that have crossed the wire by now into the parser. */
  #arrive(now: number): void {
    const stillOnWire = Math.max(0, Math.ceil(((this.#wireBusyUntil - now) * this.baud) / 10_000));
    let arriving = this.#wireBytes - stillOnWire;
    if (arriving <= 0) return;
    const chunks: Uint8Array[] = [];
    while (arriving > 0) {
      const chunk = this.#wire[0];
      if (chunk === undefined) break;
      if (chunk.length <= arriving) {
        chunks.push(chunk);
        this.#wire.shift();
        arriving -= chunk.length;
        this.#wireBytes -= chunk.length;
      } else {
        chunks.push(chunk.subarray(0, arriving));
        this.#wire[0] = chunk.subarray(arriving);
        this.#wireBytes -= arriving;
        arriving = 0;
      }
    }
    for (const chunk of chunks) {
      this.#stats.bytesReceived += chunk.length;
      this.#emit({ kind: 'received', bytes: this.#stats.bytesReceived });
      for (const command of this.#parser.push(chunk)) {
        if (command.kind === 'realtimeStatus' || command.kind === 'clearBuffers') this.#realtime(command);
        else this.#buffer.push({ command, arrivedAt: now });
      }
    }
  }

  #realtime(command: Extract<EscPosCommand, { kind: 'realtimeStatus' | 'clearBuffers' }>): void {
    switch (command.kind) {
      case 'realtimeStatus':
        this.#reply(Uint8Array.of(realtimeStatusByte(command.n, this.sensors())));
        return;
      case 'clearBuffers':
        this.#buffer = [];
        this.#line = [];
        this.#lineDots = 0;
        this.#reply(buffersClearedReply());
        return;
    }
  }

  #runEngine(now: number): void {
    for (;;) {
      const head = this.#buffer[0];
      if (head === undefined || !this.#canPrint()) return;
      const start = Math.max(this.#engineFreeAt, head.arrivedAt);
      if (start > now) return;
      this.#buffer.shift();
      const rows = this.#execute(head.command);
      this.#engineFreeAt = start + rows / this.#rowsPerMs;
    }
  }

  /** Runs one command; answers the paper rows it moved. */
  #execute(command: EscPosCommand): number {
    switch (command.kind) {
      case 'text':
        this.#addText(this.#chinese ? iconv.decode(Buffer.from(command.bytes), 'gb18030') : Buffer.from(command.bytes).toString('latin1'));
        return 0;
      case 'lineFeed':
        return this.#printLine(true);
      case 'initialise':
        this.#chinese = true;
        this.#align = 'left';
        this.#bold = this.#underline = this.#reverse = false;
        this.#width = this.#height = 1;
        this.#lineSpacing = defaultLineSpacing;
        this.#line = [];
        this.#lineDots = 0;
        return 0;
      case 'chineseMode':
        this.#chinese = command.on;
        return 0;
      case 'align':
        this.#align = command.align;
        return 0;
      case 'bold':
        this.#bold = command.on;
        return 0;
      case 'underline':
        this.#underline = command.on;
        return 0;
      case 'reverse':
        this.#reverse = command.on;
        return 0;
      case 'size':
        this.#width = command.width;
        this.#height = command.height;
        return 0;
      case 'lineSpacing':
        this.#lineSpacing = command.dots ?? defaultLineSpacing;
        return 0;
      case 'feedLines':
        return this.#printLine(false) + this.#feed(command.lines * this.#lineSpacing);
      case 'feedDots':
        return this.#printLine(false) + this.#feed(command.dots);
      case 'qrModuleSize':
        this.#qrModule = Math.min(16, Math.max(1, command.size));
        return 0;
      case 'qrErrorCorrection':
        this.#qrLevel = command.level;
        return 0;
      case 'qrStore':
        this.#qrData = command.data;
        return 0;
      case 'qrPrint':
        return this.#printQr();
      case 'raster':
        return this.#printBitmap(command.width, command.height, command.data, null);
      case 'cut': {
        const rows = this.#printLine(false) + this.#feed(command.feedDots);
        if (this.#paperOut) return rows;
        this.#stats.pagesCut++;
        this.#endPage('cut');
        return rows;
      }
      case 'automaticStatusBack':
        this.#asbMask = command.mask;
        // Enabling ASB sends the current status at once, as real printers do.
        this.#sendAsbIfChanged(true);
        return 0;
      case 'processId':
        this.#reply(processIdReply(command.id));
        return 0;
      case 'unknown':
        this.#stats.unknownCommands++;
        return 0;
      case 'realtimeStatus':
      case 'clearBuffers':
        return 0;
    }
  }

  #addText(text: string): void {
    for (const char of text) {
      const dots = charColumns(char) * halfWidthDots * this.#width;
      if (this.#lineDots + dots > printableDots) this.#printLine(false);
      const last = this.#line.at(-1);
      const style = { bold: this.#bold, underline: this.#underline, reverse: this.#reverse, width: this.#width, height: this.#height };
      if (last !== undefined && last.bold === style.bold && last.underline === style.underline && last.reverse === style.reverse && last.width === style.width && last.height === style.height) {
        last.text += char;
      } else {
        this.#line.push({ text: char, ...style });
      }
      this.#lineDots += dots;
    }
  }

  /** Prints the line buffer; an empty one feeds a line only for LF. */
  #printLine(lineFeed: boolean): number {
    if (this.#line.length === 0) return lineFeed ? this.#feed(this.#lineSpacing) : 0;
    const tallest = Math.max(...this.#line.map((run) => run.height));
    const rows = Math.max(this.#lineSpacing, fontHeightDots * tallest + 6);
    const runs = this.#line;
    const widthDots = this.#lineDots;
    this.#line = [];
    this.#lineDots = 0;
    if (!this.#consume(rows)) return 0;
    const item: PageItem = { kind: 'text', top: this.#pageHeight, height: rows, left: this.#leftFor(widthDots), widthDots, align: this.#align, runs };
    this.#items.push(item);
    this.#pageHeight += rows;
    this.#emit({ kind: 'line', text: runs.map((run) => run.text).join(''), pageHeight: this.#pageHeight });
    return rows;
  }

  #printQr(): number {
    const payload = Buffer.from(this.#qrData).toString('utf8');
    let modules: { size: number; get(row: number, col: number): number };
    try {
      modules = QRCode.create(payload, { errorCorrectionLevel: this.#qrLevel }).modules;
    } catch {
      this.#stats.unknownCommands++; // too much data for the level: a real printer prints nothing
      return 0;
    }
    const scale = this.#qrModule;
    const width = modules.size * scale;
    const rowBytes = Math.ceil(width / 8);
    const data = new Uint8Array(rowBytes * width);
    for (let y = 0; y < width; y++) {
      for (let x = 0; x < width; x++) {
        if (modules.get(Math.floor(y / scale), Math.floor(x / scale)) !== 0) setBit(data, y * rowBytes + (x >> 3), x);
      }
    }
    return this.#printBitmap(width, width, data, payload);
  }

  #printBitmap(width: number, height: number, data: Uint8Array, qr: string | null): number {
    const rows = this.#printLine(false);
    if (this.#paperOut) return rows;
    if (!this.#consume(height)) return rows;
    this.#items.push({ kind: 'bitmap', top: this.#pageHeight, left: this.#leftFor(Math.min(width, printableDots)), width, height, data, qr });
    this.#pageHeight += height;
    return rows + height;
  }

  #feed(rows: number): number {
    if (rows === 0) return 0;
    if (!this.#consume(rows)) return 0;
    this.#pageHeight += rows;
    return rows;
  }

  /**
   * Takes paper off the roll; false when there is not enough: the end of the roll runs through
   * (what would have been printed there is lost) and the sensor reports paper out.
   */
  #consume(rows: number): boolean {
    const wasNearEnd = this.#paperRows <= this.#nearEndRows;
    if (rows > this.#paperRows) {
      this.#pageHeight += this.#paperRows;
      this.#paperRows = 0;
      this.#paperOut = true;
      this.#sendAsbIfChanged();
      return false;
    }
    this.#paperRows -= rows;
    if (!wasNearEnd && this.#paperRows <= this.#nearEndRows) this.#sendAsbIfChanged();
    return true;
  }

  #leftFor(widthDots: number): number {
    switch (this.#align) {
      case 'left':
        return 0;
      case 'centre':
        return Math.max(0, Math.floor((printableDots - widthDots) / 2));
      case 'right':
        return Math.max(0, printableDots - widthDots);
    }
  }

  #endPage(end: PrintedPage['end']): void {
    const page: PrintedPage = { index: ++this.#pageIndex, items: this.#items, heightDots: this.#pageHeight, end };
    this.#items = [];
    this.#pageHeight = 0;
    this.#emit({ kind: 'page', page });
  }

  #emit(event: PrintEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
