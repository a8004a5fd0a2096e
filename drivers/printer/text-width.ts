// Column widths as a Chinese (GB18030) receipt printer counts them: an ASCII character is one
// column (12 dots in Font A), every double- or four-byte character two (24 dots), punctuation
// such as — and · included.

export function charColumns(char: string): 1 | 2 {
  return (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

export function textColumns(text: string): number {
  let columns = 0;
  for (const char of text) columns += charColumns(char);
  return columns;
}

const closing = /[，。、；：！？）》」』”’]/u;

/** Splits text into lines of at most `columns` columns, breaking at spaces where it can. */
export function wrapColumns(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<= )/)) {
    if (textColumns(line + word.trimEnd()) <= columns) {
      line += word;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
    // A word longer than a line (or Chinese, which has no spaces) breaks anywhere.
    for (const char of word) {
      if (textColumns(line + char) > columns) {
        // Chinese typesetting never starts a line with closing punctuation: take a character along.
        const carry = closing.test(char) ? Array.from(line).slice(-1).join('') : '';
        lines.push(line.slice(0, line.length - carry.length).trimEnd());
        line = carry;
      }
      line += char;
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
