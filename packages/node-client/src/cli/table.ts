/**
 * Plain-text tables and key/value blocks for human output, aligned by display width (a CJK
 * character or an emoji takes two columns, a combining mark none).
 */
import stringWidth from 'string-width';

export type Cell = string | number | boolean | null | undefined;

function text(value: Cell): string {
  if (value === null || value === undefined || value === '') return '-';
  if (typeof value === 'number') return value.toLocaleString('en');
  // Control characters in stored values must not move the cursor or recolour the terminal.
  let out = '';
  for (const char of String(value)) {
    const code = char.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? '?' : char;
  }
  return out;
}

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(headers: string[], rows: Cell[][]): string {
  const cells = rows.map((row) => row.map(text));
  const widths = headers.map((header, i) =>
    Math.max(stringWidth(header), ...cells.map((row) => stringWidth(row[i] ?? ''))),
  );
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => pad(cell, widths[i]!, numeric[i] ? 'start' : 'end'))
      .join('  ')
      .trimEnd();
  return [line(headers.map((h) => h.toUpperCase())), ...cells.map(line)].join('\n') + '\n';
}

/** `key: value` lines with aligned values. */
export function fields(entries: [string, Cell][]): string {
  const shown = entries.filter(([, value]) => value !== undefined);
  const width = Math.max(0, ...shown.map(([key]) => stringWidth(key)));
  return (
    shown.map(([key, value]) => `${pad(`${key}:`, width + 2, 'end')}${text(value)}`).join('\n') +
    '\n'
  );
}

/** `cell` padded with spaces to `width` display columns. */
function pad(cell: string, width: number, side: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(cell)));
  return side === 'start' ? fill + cell : cell + fill;
}
