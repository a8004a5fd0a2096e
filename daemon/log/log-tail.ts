// The last lines the daemon logged, for the technician page and the export bundle. The logger
// redacts before writing, so what is kept here is already safe to show.

export class LogTail {
  readonly #capacity: number;
  readonly #lines: string[] = [];
  /** Index of the oldest line once the ring is full. */
  #start = 0;

  constructor(capacity = 1000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`log tail capacity must be a positive integer: ${capacity}`);
    this.#capacity = capacity;
  }

  /** Takes one written chunk (one JSON line, newline included). */
  push(line: string): void {
    const text = line.endsWith('\n') ? line.slice(0, -1) : line;
    if (this.#lines.length < this.#capacity) {
      this.#lines.push(text);
      return;
    }
    this.#lines[this.#start] = text;
    this.#start = (this.#start + 1) % this.#capacity;
  }

  /** The newest `count` lines, oldest first. */
  last(count: number): string[] {
    const ordered = [...this.#lines.slice(this.#start), ...this.#lines.slice(0, this.#start)];
    return count <= 0 ? [] : ordered.slice(-count);
  }
}
