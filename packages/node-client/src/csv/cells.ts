/** CSV cells and lines shared by every export. */
import { stringify } from 'csv-stringify/sync';

/**
 * Characters that make spreadsheets read a cell as a formula (or, for tab and carriage return,
 * that some of them strip before doing so). OWASP "CSV injection".
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A cell's text, with a leading `'` when it would otherwise start a formula: `=HYPERLINK(…)`
 * becomes `'=HYPERLINK(…)`. Absent values become empty cells.
 *
 * @example
 * neutralizeCell('=1+2'); // "'=1+2"
 * neutralizeCell('KB-2024-0000017'); // 'KB-2024-0000017'
 */
export function neutralizeCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

/** One CSV record, quoted where needed, ending in `\n`. */
export function stringifyRow(cells: string[]): string {
  return stringify([cells], { eof: true, record_delimiter: 'unix' });
}
