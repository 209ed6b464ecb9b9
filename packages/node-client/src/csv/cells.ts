/**
 * CSV cells and lines shared by every export and import, and the one rule that keeps a
 * spreadsheet from running a cell as a formula (OWASP "CSV injection"): exports put a `'` before
 * such a cell, imports take it off again, so a round trip keeps the value.
 */
import { stringify } from 'csv-stringify/sync';

/** Characters that start a formula when they are a cell's first visible character. */
const FORMULA_STARTS = new Set(['=', '+', '-', '@']);
/** Characters that some spreadsheets strip from the start before looking for a formula. */
const STRIPPED_STARTS = new Set(['\t', '\r', '\n']);

/**
 * Whether a spreadsheet could read the text as a formula: its first character is a tab, a
 * carriage return or a newline, or its first non-whitespace character after NFKC (so a
 * full-width `＝` counts as `=`) is `=`, `+`, `-` or `@`.
 */
function startsFormula(text: string): boolean {
  if (text.length === 0) return false;
  if (STRIPPED_STARTS.has(text[0]!)) return true;
  const first = /\S/u.exec(text.normalize('NFKC'))?.[0];
  return first !== undefined && FORMULA_STARTS.has(first);
}

/**
 * Whether the text is written with a leading `'`: it could start a formula, or it already starts
 * with `'` before such text (so that an import, which strips one `'`, gives it back unchanged).
 */
function needsQuoteMark(text: string): boolean {
  let rest = text;
  while (true) {
    if (startsFormula(rest)) return true;
    if (!rest.startsWith("'")) return false;
    rest = rest.slice(1);
  }
}

/**
 * A cell's text, with a leading `'` when it would otherwise start a formula: `=HYPERLINK(…)`
 * becomes `'=HYPERLINK(…)`, ` =1+1` and `＝1+1` too. Absent values become empty cells.
 * {@link readCell} undoes it.
 *
 * @example
 * neutralizeCell('=1+2'); // "'=1+2"
 * neutralizeCell('-LOT-7'); // "'-LOT-7"
 * neutralizeCell('KB-2024-0000017'); // 'KB-2024-0000017'
 */
export function neutralizeCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return needsQuoteMark(text) ? `'${text}` : text;
}

/**
 * A cell as an import reads it: the `'` that {@link neutralizeCell} put before a formula-like
 * value is taken off (`'-LOT-7` → `-LOT-7`); any other cell is kept as it is.
 *
 * @example
 * readCell("'=1+2"); // '=1+2'
 * readCell("'tis"); // "'tis"
 */
export function readCell(cell: string): string {
  return cell.startsWith("'") && needsQuoteMark(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One CSV record, quoted where needed, ending in `\n`. */
export function stringifyRow(cells: string[]): string {
  return stringify([cells], { eof: true, record_delimiter: 'unix' });
}
