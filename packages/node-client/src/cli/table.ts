/** Plain-text tables and key/value blocks for human output. */

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
    Math.max(header.length, ...cells.map((row) => (row[i] ?? '').length)),
  );
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers.map((h) => h.toUpperCase())), ...cells.map(line)].join('\n') + '\n';
}

/** `key: value` lines with aligned values. */
export function fields(entries: [string, Cell][]): string {
  const shown = entries.filter(([, value]) => value !== undefined);
  const width = Math.max(0, ...shown.map(([key]) => key.length));
  return (
    shown.map(([key, value]) => `${`${key}:`.padEnd(width + 2)}${text(value)}`).join('\n') + '\n'
  );
}
